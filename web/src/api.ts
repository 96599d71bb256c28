// The client of the Passerelle API. Every call sends the UI language, JSON, and for writes the
// CSRF token Spring Security put in the XSRF-TOKEN cookie. Personal data only ever travels in
// request bodies, never in URLs.
import { currentLanguage, type Language } from './i18n';
import type {
  BackupsOverview,
  BackupStatus,
  AuditEntry,
  Consultation,
  Device,
  DeviceContactAnswer,
  DeviceEnrolled,
  DeviceEnrolment,
  Dhis2Mapping,
  Dhis2PushResult,
  Dhis2Server,
  Dhis2ServerChange,
  DownloadedFile,
  IndicatorInfo,
  RefreshStatus,
  Report,
  ReportQuery,
  ReportScope,
  DuplicateGroupDecided,
  DuplicateGroupDecision,
  DuplicateGroups,
  DuplicateQueue,
  DuplicateScan,
  SyncConflict,
  EmergencyAccess,
  LikelyMatch,
  Merge,
  ErasureReason,
  ExportFormat,
  MonthlySummary,
  NewConsultation,
  NewUserAccount,
  OutreachLocation,
  Person,
  PersonDetails,
  PersonSearch,
  PersonSummary,
  Problem,
  Programme,
  KeyRotationResult,
  KeyRotationStatus,
  RetentionPurgeResult,
  RetentionReport,
  RetentionRule,
  SecondFactorEnrolment,
  Session,
  Site,
  SiteKind,
  UserAccount,
  Uuid,
} from './types';

/** A failed call: the problem detail the server sent, or one made up for a network failure. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.code);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

/** Status 0: the request never reached the server (offline, server down). */
export const NETWORK_FAILURE = 0;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

let onUnauthenticated: () => void = () => {};

/** Called when a call other than login answers 401: the session ended. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(value.join('='));
    }
  }
  return undefined;
}

export function requestHeaders(method: Method): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
    'Content-Type': 'application/json',
  };
  if (method !== 'GET') {
    const token = readCookie('XSRF-TOKEN');
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  }
  return headers;
}

async function toProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return {
      ...body,
      status: typeof body.status === 'number' ? body.status : response.status,
      code: typeof body.code === 'string' ? body.code : `http-${response.status}`,
    };
  } catch {
    return { status: response.status, code: `http-${response.status}` };
  }
}

interface CallOptions {
  /** Do not treat a 401 as the end of the session (the login and session probes). */
  expectUnauthenticated?: boolean;
}

export async function call<T>(method: Method, path: string, body?: unknown, options: CallOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: requestHeaders(method),
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError({ status: NETWORK_FAILURE, code: 'network' });
  }
  if (!response.ok) {
    const problem = await toProblem(response);
    if (response.status === 401 && !options.expectUnauthenticated) {
      onUnauthenticated();
    }
    throw new ApiError(problem);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The file name a Content-Disposition header gives, or the fallback. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="([^"]+)"/);
  return match?.[1] ?? fallback;
}

/**
 * POSTs JSON (with the CSRF token, like every write) and takes the answer as a file: the export of
 * a person's data. A failure is a problem detail, as for any other call.
 */
export async function download(path: string, body: unknown, fallbackName: string): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { ...requestHeaders('POST'), Accept: 'application/pdf, text/html, application/problem+json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError({ status: NETWORK_FAILURE, code: 'network' });
  }
  if (!response.ok) {
    const problem = await toProblem(response);
    if (response.status === 401) {
      onUnauthenticated();
    }
    throw new ApiError(problem);
  }
  return {
    blob: await response.blob(),
    fileName: attachmentName(response.headers.get('Content-Disposition'), fallbackName),
  };
}

const id = (value: Uuid) => encodeURIComponent(value);

/** The query string of a report: ids and a period only, never personal data. */
export function reportParams(query: ReportQuery): string {
  const params = new URLSearchParams();
  for (const key of ['programme', 'site', 'period', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** Where a report table is downloaded as CSV or XLSX (a plain link: the server audits it). */
export function reportExportUrl(query: ReportQuery, table: string, format: 'csv' | 'xlsx', language: Language): string {
  // what leaves the organisation counts every change made before it (a bounded wait on the server)
  return `/api/reports/export?${reportParams(query)}&latest=true&table=${encodeURIComponent(table)}&format=${format}&language=${language}`;
}

export const api = {
  /** The current session, or null when logged out; also makes the server set the XSRF-TOKEN cookie. */
  async session(): Promise<Session | null> {
    try {
      return await call<Session>('GET', '/api/session', undefined, { expectUnauthenticated: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        return null;
      }
      throw error;
    }
  },
  async login(username: string, password: string): Promise<Session> {
    if (!readCookie('XSRF-TOKEN')) {
      await api.session();
    }
    return call<Session>('POST', '/api/session', { username, password }, { expectUnauthenticated: true });
  },
  /** The second step of login: a TOTP code, or a recovery code instead. */
  verifySecondFactor: (code: string) =>
    call<Session>('POST', '/api/session/second-factor', { code }, { expectUnauthenticated: true }),
  startSecondFactorEnrolment: () => call<SecondFactorEnrolment>('POST', '/api/session/second-factor/enrolment', {}),
  /** Activates the second factor; the recovery codes are shown once. */
  confirmSecondFactorEnrolment: (code: string) =>
    call<{ recoveryCodes: string[] }>('PUT', '/api/session/second-factor/enrolment', { code }),
  /** Ten new recovery codes in place of the old ones, proven with a code from the app. */
  renewRecoveryCodes: (password: string, code: string) =>
    call<{ recoveryCodes: string[] }>('POST', '/api/session/second-factor/recovery-codes', { password, code }),
  /** A new secret for a new app; the current app keeps working until the new one is confirmed. */
  startSecondFactorReplacement: (password: string, code: string) =>
    call<SecondFactorEnrolment>('POST', '/api/session/second-factor/replacement', { password, code }),
  /** Puts the new app in use; the recovery codes are shown once and the other sessions end. */
  confirmSecondFactorReplacement: (code: string) =>
    call<{ recoveryCodes: string[] }>('PUT', '/api/session/second-factor/replacement', { code }),
  /** Turns two-step verification off, where the user's role does not require it. */
  removeSecondFactor: (password: string, code: string) =>
    call<void>('POST', '/api/session/second-factor/removal', { password, code }),
  /** Confirms who the user is before an export or a break-the-glass; holds a few minutes. */
  reauthenticate: (password: string, code?: string) =>
    call<void>('POST', '/api/session/reauthentication', { password, code }),
  logout: () => call<void>('DELETE', '/api/session', undefined, { expectUnauthenticated: true }),
  /** Enrols this device for offline work; needs a recent confirmation of identity. */
  enrolDevice: (enrolment: DeviceEnrolment) => call<DeviceEnrolled>('POST', '/api/devices', enrolment),
  myDevices: () => call<Device[]>('GET', '/api/devices'),
  allDevices: () => call<Device[]>('GET', '/api/devices/all'),
  /** Needs a recent confirmation of identity; the device wipes itself at its next contact. */
  revokeDevice: (id: Uuid) => call<Device>('POST', `/api/devices/${id}/revocation`, {}),
  /** A device's contact, signed in or not: refused with device-revoked once revoked. */
  contactDevice: (id: Uuid, token: string) =>
    call<DeviceContactAnswer>('POST', '/api/devices/contact', { id, token }, { expectUnauthenticated: true }),
  chooseSite: (siteId: Uuid) => call<Session>('PUT', '/api/session/site', { siteId }),
  /** 204 on success; the server then ends the user's other sessions. */
  changePassword: (currentPassword: string, newPassword: string) =>
    call<void>('PUT', '/api/session/password', { currentPassword, newPassword }),

  searchPeople: (search: PersonSearch) => call<PersonSummary[]>('POST', '/api/people/search', search),
  person: (personId: Uuid) => call<Person>('GET', `/api/people/${id(personId)}`),
  registerPerson: (personId: Uuid, details: PersonDetails) =>
    call<Person>('POST', '/api/people', { id: personId, details }),
  correctPerson: (personId: Uuid, details: PersonDetails, version: number) =>
    call<Person>('PUT', `/api/people/${id(personId)}`, { details, version }),
  /** 204 on success: the record, its history and its key are gone for good. */
  erasePerson: (personId: Uuid, reason: ErasureReason, note?: string) =>
    call<void>('POST', `/api/people/${id(personId)}/erasure`, { reason, note }),

  /**
   * Everything held about a person, as a document in their language (right of access). Needs a
   * recent confirmation of who the user is: else it fails with reauthentication-required.
   */
  exportPersonalData: (personId: Uuid, format: ExportFormat, language: Language) =>
    download(`/api/people/${id(personId)}/export`, { format, language }, `passerelle.${format.toLowerCase()}`),
  /**
   * The card a person keeps: the PDF to print, or the HTML print view. The name is printed only when
   * the person wants it. Audited as an export.
   */
  patientCard: (personId: Uuid, format: ExportFormat, language: Language, withName: boolean) =>
    download(`/api/people/${id(personId)}/card`, { format, language, withName }, `card.${format.toLowerCase()}`),

  /** Existing persons likely to be this one, before registering them. */
  likelyMatches: (details: PersonDetails) => call<LikelyMatch[]>('POST', '/api/people/likely-matches', { details }),
  merges: (personId: Uuid) => call<Merge[]>('GET', `/api/people/${id(personId)}/merges`),
  /** Merges a duplicate into this record: its names and history join it; undone with undoMerge. */
  mergePerson: (keptId: Uuid, mergedId: Uuid) =>
    call<Merge>('POST', `/api/people/${id(keptId)}/merges`, { mergedId }),
  undoMerge: (mergeId: Uuid) => call<Merge>('POST', `/api/merges/${id(mergeId)}/undo`, {}),
  duplicates: (limit: number, offset: number) =>
    call<DuplicateQueue>('GET', `/api/duplicates?limit=${limit}&offset=${offset}`),
  startDuplicateScan: () => call<DuplicateScan>('POST', '/api/duplicates/scans', {}),
  duplicateScan: (scanId: Uuid) => call<DuplicateScan>('GET', `/api/duplicates/scans/${id(scanId)}`),
  confirmDuplicate: (candidateId: Uuid, keptId: Uuid) =>
    call<Merge>('POST', `/api/duplicates/${id(candidateId)}/merge`, { keptId }),
  rejectDuplicate: (candidateId: Uuid) => call<void>('POST', `/api/duplicates/${id(candidateId)}/rejection`, {}),
  duplicateGroups: (limit: number, offset: number) =>
    call<DuplicateGroups>('GET', `/api/duplicates/groups?limit=${limit}&offset=${offset}`),
  decideDuplicateGroup: (decision: DuplicateGroupDecision) =>
    call<DuplicateGroupDecided>('POST', '/api/duplicates/groups/decision', decision),
  syncConflicts: () => call<SyncConflict[]>('GET', '/api/sync/conflicts'),
  resolveSyncConflict: (conflictId: Uuid, keep: 'SERVER' | 'DEVICE') =>
    call<SyncConflict>('POST', `/api/sync/conflicts/${id(conflictId)}/resolution`, { keep }),
  /** Takes a person followed at another site into care at the current site. */
  takeIntoCare: (personId: Uuid, reason?: string, patientCode?: string) =>
    call<Person>('POST', `/api/people/${id(personId)}/care-sites`, { reason, patientCode }),
  /** Break-the-glass: opens the whole file for a few hours; needs a recent identity confirmation. */
  openEmergencyAccess: (personId: Uuid, reason: string) =>
    call<EmergencyAccess>('POST', `/api/people/${id(personId)}/emergency-access`, { reason }),
  emergencyAccesses: (unreviewed: boolean) =>
    call<EmergencyAccess[]>('GET', `/api/emergency-access?unreviewed=${unreviewed}`),
  reviewEmergencyAccess: (grantId: Uuid) => call<void>('POST', `/api/emergency-access/${id(grantId)}/review`, {}),
  consultations: (personId: Uuid) => call<Consultation[]>('GET', `/api/people/${id(personId)}/consultations`),
  recordConsultation: (consultation: NewConsultation) => call<Consultation>('POST', '/api/consultations', consultation),
  /** month as YYYY-MM: not personal data, so a query parameter is fine. */
  reportScope: () => call<ReportScope>('GET', '/api/reports/scope'),
  reportIndicators: (language: Language) =>
    call<IndicatorInfo[]>('GET', `/api/reports/indicators?language=${encodeURIComponent(language)}`),
  report: (query: ReportQuery, latest = false) => call<Report>('GET', `/api/reports?${reportParams(query)}${latest ? '&latest=true' : ''}`),
  reportRefresh: () => call<RefreshStatus>('GET', '/api/reports/refresh'),
  dhis2Mapping: () => call<Dhis2Mapping>('GET', '/api/reports/dhis2/mapping'),
  saveDhis2Mapping: (mapping: Dhis2Mapping) => call<Dhis2Mapping>('PUT', '/api/reports/dhis2/mapping', mapping),
  dhis2Server: () => call<Dhis2Server | undefined>('GET', '/api/reports/dhis2/server'),
  saveDhis2Server: (change: Dhis2ServerChange) => call<Dhis2Server>('PUT', '/api/reports/dhis2/server', change),
  pushDhis2: (request: { period: string; programmeId?: Uuid; siteId?: Uuid; dryRun: boolean }) =>
    call<Dhis2PushResult>('POST', '/api/reports/dhis2/push', request),
  summary: (month: string) => call<MonthlySummary>('GET', `/api/consultations/summary?month=${encodeURIComponent(month)}`),

  programmes: () => call<Programme[]>('GET', '/api/programmes'),
  createProgramme: (code: string, name: string) => call<Programme>('POST', '/api/programmes', { code, name }),
  sites: () => call<Site[]>('GET', '/api/sites'),
  createSite: (site: { programmeId: Uuid; name: string; kind: SiteKind; city?: string; phone?: string }) =>
    call<Site>('POST', '/api/sites', site),
  outreachLocations: (siteId: Uuid) => call<OutreachLocation[]>('GET', `/api/sites/${id(siteId)}/outreach-locations`),
  addOutreachLocation: (siteId: Uuid, location: { name: string; description?: string }) =>
    call<OutreachLocation>('POST', `/api/sites/${id(siteId)}/outreach-locations`, location),

  users: () => call<UserAccount[]>('GET', '/api/users'),
  createUser: (user: NewUserAccount) => call<UserAccount>('POST', '/api/users', user),
  setUserEnabled: (userId: Uuid, enabled: boolean, version: number) =>
    call<UserAccount>('PUT', `/api/users/${id(userId)}/enabled`, { enabled, version }),
  /** Removes a user's second factor and ends their sessions. */
  resetSecondFactor: (userId: Uuid) => call<{ ended: number }>('DELETE', `/api/users/${id(userId)}/second-factor`),

  /** What a purge would remove now, per record type; changes nothing. */
  retentionReport: () => call<RetentionReport>('GET', '/api/retention/report'),
  changeRetentionRule: (recordType: string, months: number, enabled: boolean, version: number) =>
    call<RetentionRule>('PUT', `/api/retention/rules/${encodeURIComponent(recordType)}`, { months, enabled, version }),
  /** Needs a recent confirmation of who the user is (reauthentication-required otherwise). */
  purgeRetention: () => call<RetentionPurgeResult>('POST', '/api/retention/purge', {}),
  /** Where the rotations of the key epochs stand; administrators only. */
  keyRotation: () => call<KeyRotationStatus>('GET', '/api/key-rotation'),
  /** Rotates the key epochs now, so that erasures reach older copies; needs a recent confirmation of identity. */
  rotateKeys: () => call<KeyRotationResult>('POST', '/api/key-rotation', {}),
  /** The last backup and those still restorable; administrators only. */
  backups: () => call<BackupsOverview>('GET', '/api/backups'),
  /** Whether the data is backed up (last backup, its size and check, a failure since); coordinators and administrators. */
  backupStatus: () => call<BackupStatus>('GET', '/api/backups/status'),
  /** Starts a backup now and answers at once (202, the overview); needs a recent confirmation of identity. */
  backUpNow: () => call<BackupsOverview>('POST', '/api/backups', {}),

  /** recordId is a UUID, never personal data. */
  audit: (recordId?: Uuid) =>
    call<AuditEntry[]>('GET', recordId ? `/api/audit?recordId=${id(recordId)}` : '/api/audit'),
  /** The whole audit log, for an auditor to check offline with the audit key (administrators, after confirming who they are). */
  exportAuditLog: () => download('/api/audit/export', {}, 'passerelle-audit.jsonl'),
};
