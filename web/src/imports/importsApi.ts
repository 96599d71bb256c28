// The bulk import API: the file goes up as it is (its bytes), then it is checked through a column
// mapping, then imported by a job whose progress is read by the import's id. Names travel only in
// request and response bodies; the URLs hold the import's id alone.
import { ApiError, call, NETWORK_FAILURE, requestHeaders } from '../api';
import type { components } from '../api/schema';
import type { Language } from '../i18n';
import type { Uuid } from '../types';

type Schemas = components['schemas'];

export type ImportUpload = Schemas['ImportUpload'];
export type ImportCheck = Schemas['ImportCheck'];
export type ImportJobStatus = Schemas['ImportJobStatus'];
export type ImportDecision = Schemas['ImportDecision'];
export type ImportPreviewRow = Schemas['ImportPreviewRow'];
export type ImportDuplicate = Schemas['ImportDuplicate'];
export type ImportAction = ImportDecision['action'];
/** Which column (by its header) holds each field of the registry. */
export type ImportColumns = Record<string, string>;

const id = (value: Uuid) => encodeURIComponent(value);

async function problemOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: unknown; status?: unknown; detail?: unknown };
    return new ApiError({
      ...body,
      status: typeof body.status === 'number' ? body.status : response.status,
      code: typeof body.code === 'string' ? body.code : `http-${response.status}`,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
    });
  } catch {
    return new ApiError({ status: response.status, code: `http-${response.status}` });
  }
}

export const importsApi = {
  /** Sends the file's bytes (CSV or XLSX) as they are; the server guesses the field of each header. */
  async upload(file: Blob): Promise<ImportUpload> {
    let response: Response;
    try {
      response = await fetch('/api/imports', {
        method: 'POST',
        headers: { ...requestHeaders('POST'), 'Content-Type': 'application/octet-stream' },
        body: file,
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError({ status: NETWORK_FAILURE, code: 'network' });
    }
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as ImportUpload;
  },
  check: (importId: Uuid, columns: ImportColumns) =>
    call<ImportCheck>('POST', `/api/imports/${id(importId)}/check`, { columns }),
  run: (importId: Uuid, columns: ImportColumns, decisions: ImportDecision[]) =>
    call<ImportJobStatus>('POST', `/api/imports/${id(importId)}/run`, { mapping: { columns }, decisions }),
  status: (importId: Uuid) => call<ImportJobStatus>('GET', `/api/imports/${id(importId)}`),
};

/** Where the report of the refused rows is downloaded, in the user's language (a plain link). */
export function reportUrl(importId: Uuid, language: Language): string {
  return `/api/imports/${id(importId)}/report?language=${language}`;
}
