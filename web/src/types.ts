// The shapes of the JSON the back end sends and takes, named from the OpenAPI document the server
// serves: src/api/schema.d.ts is generated from openapi.json (npm run api), a snapshot that
// ApiContractTest keeps equal to the served document. A change on the server thus reaches tsc.
// Where the document is looser than what the client relies on, a hand-written type says why.
import type { components } from './api/schema';

type Schemas = components['schemas'];

export type Uuid = string;
/** An ISO date, YYYY-MM-DD. */
export type IsoDate = string;

/**
 * A list of every value of an enumeration the API declares, for menus and labels: the compiler
 * refuses a value the server does not know and a list that misses one.
 */
function every<Union extends string>() {
  return <const List extends readonly Union[]>(
    list: List & ([Exclude<Union, List[number]>] extends [never] ? unknown : { missing: Exclude<Union, List[number]> }),
  ): List => list;
}

export type Role = Schemas['SessionUser']['roles'][number];
export const ROLES = every<Role>()([
  'ADMINISTRATOR',
  'COORDINATOR',
  'CLINICIAN',
  'PSYCHOLOGIST',
  'SOCIAL_LEGAL_WORKER',
  'DATA_OFFICER',
  'LOGISTICIAN',
]);

export type SiteKind = Schemas['Site']['kind'];
export const SITE_KINDS = every<SiteKind>()(['FIXED', 'SHELTER', 'MOBILE_TEAM']);

export type Site = Schemas['Site'];
export type Programme = Schemas['Programme'];
export type OutreachLocation = Schemas['OutreachLocation'];
export type SessionUser = Schemas['SessionUser'];
/** Whether the user has a TOTP second factor, and whether they must have one. */
export type SecondFactorState = Schemas['SecondFactorState'];
/** secondFactorRequired: the password was right; the code is still awaited and nothing else is allowed. */
export type Session = Schemas['SessionView'];
/** A new TOTP secret: Base32 for typing, and an otpauth:// URI for the QR code. */
export type SecondFactorEnrolment = Schemas['SecondFactorEnrolment'];
/** A device enrolled for offline work, and what its enrolment and contacts send and answer. */
export type Device = Schemas['Device'];
export type DeviceEnrolment = Schemas['DeviceEnrolment'];
export type DeviceEnrolled = Schemas['DeviceEnrolled'];
export type DeviceContactAnswer = Schemas['DeviceContactAnswer'];

export type Sex = Schemas['Person']['sex'];
export const SEXES = every<Sex>()(['FEMALE', 'MALE', 'OTHER', 'UNKNOWN']);

export type Precision = Schemas['BirthDate']['precision'];
export const PRECISIONS = every<Precision>()(['EXACT', 'MONTH', 'YEAR', 'ESTIMATED']);

export type NameKind = Schemas['OtherName']['kind'];
export const NAME_KINDS = every<NameKind>()(['ALIAS', 'SPELLING', 'ORIGINAL_SCRIPT', 'PREVIOUS', 'OFFICIAL']);

export type Script = NonNullable<Schemas['OtherName']['script']>;
export const SCRIPTS = every<Script>()(['LATIN', 'ARABIC', 'ETHIOPIC', 'OTHER']);

export type Flag = Schemas['Person']['flags'][number];
export const FLAGS = every<Flag>()(['UNACCOMPANIED_MINOR', 'PREGNANT', 'NEEDS_INTERPRETER']);

export type ErasureReason = Schemas['Erasure']['reason'];
export const ERASURE_REASONS = every<ErasureReason>()([
  'PERSON_REQUEST',
  'CREATED_IN_ERROR',
  'RETENTION_ENDED',
  'LEGAL_OBLIGATION',
  'OTHER',
]);

/** The formats of the export of a person's data (right of access); the document says a string matching HTML|PDF. */
export const EXPORT_FORMATS = ['PDF', 'HTML'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A file the server made: its content and the name it should be saved under (client only). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

export type Discipline = Schemas['Consultation']['discipline'];
export const DISCIPLINES = every<Discipline>()(['MEDICAL', 'NURSING', 'MENTAL_HEALTH', 'SOCIAL', 'LEGAL']);

/** A birth date as the server stores it. */
export type BirthDate = Schemas['BirthDate'];
/** A birth date as sent in a registration or correction. */
export type BirthDateInput = Schemas['BirthDateInput'];
export type OtherName = Schemas['OtherName'];
export type PersonDetails = Schemas['PersonDetails'];
/** emergencyAccessUntil is set while the user's break-the-glass on this file lasts. */
export type Person = Schemas['Person'];
/** inScope: whether the user may open the file; match: why a search by name found them. */
export type PersonSummary = Schemas['PersonSummary'];
/** Why a search by name found a person: how probable, which of their names matched best, and what agreed. */
export type SearchMatch = Schemas['SearchMatch'];
/** A year of birth or an age, not both. */
export type PersonSearch = Schemas['Search'];

/** formCode: the form it was recorded with; a DRAFT is seen only by its author. */
export type Consultation = Schemas['Consultation'];
export type NewConsultation = Schemas['NewConsultation'];

/** Where a record lives, and so who may read it. */
export type Compartment = Schemas['Consultation']['compartment'];
export const COMPARTMENTS = every<Compartment>()(['GENERAL', 'MENTAL_HEALTH', 'SGBV', 'LEGAL']);

/** One field's part in a match: how it agreed (level) and how much that counted (weight, log2). */
export type MatchReason = Schemas['MatchReason'];
/** An existing person who may be the one being registered, with what agreed. */
export type LikelyMatch = Schemas['LikelyMatch'];
/**
 * A scan of the whole registry for duplicates, and the weights it used. The document types status
 * and model as strings (the server's constants); the client relies on their closed sets.
 * model REGISTRY: estimated on this registry by EM; LABELLED: m learnt from the queue's merges, u measured
 * on it; MEASURED: built-in m, u measured on it; DEFAULT: built-in. fallback: why EM's estimate did not serve.
 */
export type DuplicateScan = Omit<Schemas['Scan'], 'status' | 'model' | 'fallback'> & {
  status: 'RUNNING' | 'DONE' | 'FAILED';
  model?: 'REGISTRY' | 'LABELLED' | 'MEASURED' | 'DEFAULT' | null;
  fallback?: 'TOO_FEW_PERSONS' | 'NOT_CONVERGED' | 'IMPLAUSIBLE' | null;
};
/** A pair the scan found likely to be one person, waiting for a data officer's decision. */
export type DuplicateCandidate = Schemas['Candidate'];
/**
 * A field changed on the server and on an offline device to two values, kept until a data officer
 * chooses. The values are any JSON (a name, a list of languages, a birth date), which the document
 * describes as Jackson's JsonNode.
 */
export type SyncConflict = Omit<Schemas['SyncConflict'], 'base' | 'server' | 'device'> & {
  base?: unknown;
  server?: unknown;
  device?: unknown;
};
export type DuplicateQueue = Omit<Schemas['Queue'], 'lastScan'> & { lastScan?: DuplicateScan | null };
/** Three or more records linked by waiting pairs, decided at once. */
export type DuplicateGroup = Schemas['Group'];
export type DuplicateGroups = Schemas['Groups'];
export type DuplicateGroupDecision = Schemas['GroupDecision'];
export type DuplicateGroupDecided = Schemas['GroupDecided'];
/** A merge of a duplicate record into another; undone when unmergedAt is set. */
export type Merge = Schemas['Merge'];
/** A break-the-glass grant, as reviewers see it. */
export type EmergencyAccess = Schemas['EmergencyAccess'];

export type SiteDisciplineCount = Schemas['SiteDisciplineCount'];
export type MonthlySummary = Schemas['MonthlySummary'];

export type UserAccount = Schemas['UserAccount'];
export type NewUserAccount = Schemas['NewUserAccount'];

export type AuditAction = Schemas['AuditEntry']['action'];
export const AUDIT_ACTIONS = every<AuditAction>()([
  'LOGIN',
  'LOGIN_FAILED',
  'SECOND_FACTOR',
  'SECOND_FACTOR_FAILED',
  'READ',
  'SEARCH',
  'CREATE',
  'UPDATE',
  'DELETE',
  'EXPORT',
  'ACCOUNT_CHANGE',
  'REAUTHENTICATION',
  'REAUTHENTICATION_FAILED',
  'BREAK_THE_GLASS',
]);
export type AuditEntry = Schemas['AuditEntry'];

/** The record types the server knows today; modules added later bring their own. */
export const RETENTION_TYPES = ['person', 'erasure', 'audit'] as const;
export type RetentionType = (typeof RETENTION_TYPES)[number];

export type RetentionRule = Schemas['Rule'];
/** One record type in the dry run: how many records are past the rule's cutoff now. */
export type RetentionReportLine = Schemas['ReportLine'];
export type RetentionReport = Schemas['RetentionReport'];
export type RetentionOutcome = Schemas['Purged']['outcome'];
export type RetentionPurgeResult = Schemas['PurgeResult'];

/** Where the rotations of the key epochs stand (GET /api/key-rotation). */
export type KeyRotationStatus = Schemas['KeyRotationStatus'];
/** What a rotation of the key epochs did. */
export type KeyRotationResult = Schemas['KeyRotationResult'];
export type BackupsOverview = Schemas['Overview'];
export type BackupStatus = Schemas['BackupStatus'];
export type BackupView = Schemas['BackupView'];

// Problem details are written by the error handling, not by a controller: the document does not
// describe them, so they stay hand-written.
/** One invalid field in a problem detail; `field` is a JSON path such as details.otherNames[0].name. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** An RFC 9457 problem detail as the API sends it, with the message in the user's language. */
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  fieldErrors?: FieldProblem[];
  /** With too-many-attempts (429): how long to wait before trying again. */
  retryAfterSeconds?: number;
}

/** A way to split an indicator's figure. */
export type Dimension = Schemas['IndicatorView']['disaggregations'][number];

/** An indicator of the catalogue, named in the reader's language. */
export type IndicatorInfo = Schemas['IndicatorView'];
export type ReportSite = Schemas['SiteRef'];
export type ReportScope = Schemas['ReportScope'];
export type ReportPeriod = Schemas['Period'];

/**
 * An indicator's figures. The document types `by` and `months` as maps of strings: their keys are
 * a Dimension and a month (YYYY-MM) here, as ReportEngine fills them.
 */
export type Figures = Omit<Schemas['Figures'], 'by' | 'months'> & {
  by: Partial<Record<Dimension, Record<string, number>>>;
  months: Record<string, number>;
};

export type Report = Omit<Schemas['Report'], 'figures'> & { figures: Figures[] };
export type RefreshStatus = Schemas['RefreshStatus'];

/** What a report covers: every site in scope, a programme or a site, and when (query parameters). */
export interface ReportQuery {
  programme?: Uuid;
  site?: Uuid;
  period?: string;
  from?: string;
  to?: string;
}

export type Dhis2DataElementRow = Schemas['DataElementRow'];
export type Dhis2Mapping = Schemas['Mapping'];
export type Dhis2Server = Schemas['ServerSettings'];
export type Dhis2ServerChange = Schemas['ServerChange'];
export type Dhis2PushResult = Schemas['PushResult'];
