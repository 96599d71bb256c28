// The server's forms and the consultations recorded with them (FormController, EncounterController).
import { call, download } from '../api';
import type { Compartment, Discipline, DownloadedFile, IsoDate, Uuid } from '../types';
import type { Answers, FormDefinition, FormVersion } from './model';

export interface Encounter {
  id: Uuid;
  personId?: Uuid | null;
  siteId: Uuid;
  formCode: string;
  formVersion: number;
  discipline: Discipline;
  compartment: Compartment;
  occurredOn: IsoDate;
  status: 'DRAFT' | 'SIGNED';
  revision: number;
  version: number;
  providerId: Uuid;
  providerName: string;
  answers: Answers;
  attendees?: number | null;
  createdAt: string;
  signedAt?: string | null;
  revisions: Array<{ revision: number; formVersion: number; signedAt: string; signedBy: string; reason?: string | null }>;
  alerts: Array<{ code: string; until?: string | null }>;
  /** What the current user may do with it: nothing else is offered (a break-the-glass only reads). */
  allowedActions: EncounterAction[];
}

export type EncounterAction = 'CHANGE' | 'SIGN' | 'DISCARD' | 'AMEND' | 'PRINT_PRESCRIPTION';

export interface Revision {
  revision: number;
  formVersion: number;
  occurredOn: IsoDate;
  answers: Answers;
  signedAt: string;
  signedBy: string;
  reason?: string | null;
}

export interface EncounterSummary {
  id: Uuid;
  personId?: Uuid | null;
  formCode: string;
  discipline: Discipline;
  occurredOn: IsoDate;
  status: 'DRAFT' | 'SIGNED';
  attendees?: number | null;
  providerName: string;
  updatedAt: string;
}

export interface NewEncounter {
  id?: Uuid;
  personId?: Uuid;
  formCode: string;
  occurredOn?: IsoDate;
  answers: Answers;
  sign: boolean;
  /** On signing, the stock place the prescription is dispensed from. */
  dispenseFrom?: Uuid;
}

const cached = new Map<string, FormVersion>();

export const formsApi = {
  /** The published forms the user records with. */
  usable: () => call<FormVersion[]>('GET', '/api/forms'),
  /** One version of a form; versions in use never change, so they are kept once fetched. */
  async version(code: string, version: number): Promise<FormVersion> {
    const key = `${code}:${version}`;
    const known = cached.get(key);
    if (known) return known;
    const form = await call<FormVersion>(
      'GET',
      `/api/forms/${encodeURIComponent(code)}/versions/${encodeURIComponent(String(version))}`,
    );
    if (form.status !== 'DRAFT') cached.set(key, form);
    return form;
  },
  catalogue: () => call<FormVersion[]>('GET', '/api/forms/catalogue'),
  versions: (code: string) => call<FormVersion[]>('GET', `/api/forms/${encodeURIComponent(code)}/versions`),
  check: (definition: unknown) => call<FormDefinition>('POST', '/api/forms/check', definition),
  saveDraft: (definition: unknown) => call<FormVersion>('POST', '/api/forms/drafts', definition),
  publish: (code: string, version: number) =>
    call<FormVersion>('POST', `/api/forms/${encodeURIComponent(code)}/versions/${version}/publication`, {}),
  discardDraft: (code: string, version: number) =>
    call<void>('DELETE', `/api/forms/${encodeURIComponent(code)}/versions/${version}`),

  start: (encounter: NewEncounter) => call<Encounter>('POST', '/api/encounters', encounter),
  get: (id: Uuid) => call<Encounter>('GET', `/api/encounters/${encodeURIComponent(id)}`),
  changeDraft: (id: Uuid, change: { version: number; occurredOn?: IsoDate; answers: Answers; sign: boolean; dispenseFrom?: Uuid }) =>
    call<Encounter>('PUT', `/api/encounters/${encodeURIComponent(id)}`, change),
  discard: (id: Uuid) => call<void>('DELETE', `/api/encounters/${encodeURIComponent(id)}`),
  amend: (id: Uuid, amendment: { version: number; occurredOn?: IsoDate; answers: Answers; reason: string }) =>
    call<Encounter>('POST', `/api/encounters/${encodeURIComponent(id)}/amendments`, amendment),
  revision: (id: Uuid, revision: number) =>
    call<Revision>('GET', `/api/encounters/${encodeURIComponent(id)}/revisions/${revision}`),
  /** The dosage sheet with pictograms, as a PDF in this language (the person's own when none). */
  prescriptionSheet: (id: Uuid, language?: string): Promise<DownloadedFile> =>
    download(`/api/encounters/${encodeURIComponent(id)}/prescription-sheet`, { language }, 'prescription.pdf'),
  drafts: () => call<EncounterSummary[]>('GET', '/api/encounters/drafts'),
  groupSessions: () => call<EncounterSummary[]>('GET', '/api/encounters/group-sessions'),
};
