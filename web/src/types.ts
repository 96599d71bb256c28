// The shapes of the JSON the back end sends and takes (see the *Views.java records).

export type Uuid = string;
/** An ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export const ROLES = [
  'ADMINISTRATOR',
  'COORDINATOR',
  'CLINICIAN',
  'PSYCHOLOGIST',
  'SOCIAL_LEGAL_WORKER',
  'DATA_OFFICER',
  'LOGISTICIAN',
] as const;
export type Role = (typeof ROLES)[number];

export const SITE_KINDS = ['FIXED', 'SHELTER', 'MOBILE_TEAM'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export interface Site {
  id: Uuid;
  programmeId: Uuid;
  programmeName: string;
  name: string;
  kind: SiteKind;
  city?: string | null;
  phone?: string | null;
  active: boolean;
}

export interface Programme {
  id: Uuid;
  code: string;
  name: string;
  active: boolean;
}

export interface OutreachLocation {
  id: Uuid;
  siteId: Uuid;
  name: string;
  description?: string | null;
}

export interface SessionUser {
  id: Uuid;
  username: string;
  displayName: string;
  roles: Role[];
}

/** Whether the user has a TOTP second factor, and whether they must have one. */
export interface SecondFactorState {
  enrolled: boolean;
  required: boolean;
}

export interface Session {
  organisation?: string | null;
  user: SessionUser;
  sites: Site[];
  currentSite?: Site | null;
  secondFactor?: SecondFactorState;
  /** The password was right; the second-factor code is still awaited and nothing else is allowed. */
  secondFactorRequired?: boolean;
}

/** A new TOTP secret: Base32 for typing, and an otpauth:// URI for the QR code. */
export interface SecondFactorEnrolment {
  secret: string;
  uri: string;
}

export const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];

export const PRECISIONS = ['EXACT', 'MONTH', 'YEAR', 'ESTIMATED'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const NAME_KINDS = ['ALIAS', 'SPELLING', 'ORIGINAL_SCRIPT', 'PREVIOUS', 'OFFICIAL'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export const SCRIPTS = ['LATIN', 'ARABIC', 'ETHIOPIC', 'OTHER'] as const;
export type Script = (typeof SCRIPTS)[number];

export const FLAGS = ['UNACCOMPANIED_MINOR', 'PREGNANT', 'NEEDS_INTERPRETER'] as const;
export type Flag = (typeof FLAGS)[number];

export const ERASURE_REASONS = ['PERSON_REQUEST', 'CREATED_IN_ERROR', 'RETENTION_ENDED', 'LEGAL_OBLIGATION', 'OTHER'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** The formats of the export of a person's data (right of access). */
export const EXPORT_FORMATS = ['PDF', 'HTML'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A file the server made: its content and the name it should be saved under. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

export const DISCIPLINES = ['MEDICAL', 'NURSING', 'MENTAL_HEALTH', 'SOCIAL', 'LEGAL'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

/** A birth date as the server stores it. */
export interface BirthDate {
  precision: Precision;
  date: IsoDate;
  estimatedAge?: number | null;
  estimatedOn?: IsoDate | null;
}

/** A birth date as sent in a registration or correction. */
export interface BirthDateInput {
  precision: Precision;
  date?: IsoDate;
  estimatedAge?: number;
  estimatedOn?: IsoDate;
}

export interface OtherName {
  name: string;
  kind: NameKind;
  script?: Script | null;
  language?: string | null;
}

export interface PersonDetails {
  chosenName: string;
  otherNames: OtherName[];
  sex: Sex;
  birthDate?: BirthDateInput;
  languages: string[];
  countryOfOrigin?: string;
  phone?: string;
  flags: Flag[];
}

export interface Person {
  id: Uuid;
  patientCode: string;
  chosenName: string;
  otherNames: OtherName[];
  sex: Sex;
  birthDate?: BirthDate | null;
  age?: number | null;
  languages: string[];
  countryOfOrigin?: string | null;
  phone?: string | null;
  flags: Flag[];
  registeredSiteId: Uuid;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Set while the user's break-the-glass on this file lasts. */
  emergencyAccessUntil?: string | null;
}

/**
 * A person found or listed. Outside the user's scope (`inScope` false) the server sends only what
 * recognises them: chosen name, sex, age and the site that saw them last — no patient code, other
 * names, birth date or origin.
 */
export interface PersonSummary {
  id: Uuid;
  patientCode?: string | null;
  chosenName: string;
  otherNames: string[];
  sex: Sex;
  birthDate?: BirthDate | null;
  age?: number | null;
  countryOfOrigin?: string | null;
  registeredSiteId?: Uuid | null;
  /** The site where the person was last seen. */
  lastSeenAt?: { id: Uuid; name: string } | null;
  /** Whether the user may open the file (in care at one of their sites, or break-the-glass). */
  inScope: boolean;
  /** Why a search by name found them; absent for a patient code found and outside a search. */
  match?: SearchMatch | null;
}

/** Why a search by name found a person: how probable, which of their names matched best, and what agreed. */
export interface SearchMatch {
  probability: number;
  matchedName: string;
  reasons: MatchReason[];
}

export interface PersonSearch {
  query: string;
  sex?: Sex;
  /** A year of birth or an age, not both. */
  birthYear?: number;
  age?: number;
  limit?: number;
}

export interface Consultation {
  id: Uuid;
  personId: Uuid;
  siteId: Uuid;
  discipline: Discipline;
  compartment: Compartment;
  occurredOn: IsoDate;
  providerId: Uuid;
  providerName: string;
  note?: string | null;
  diagnosis?: string | null;
  interpreter: boolean;
  language?: string | null;
  createdAt: string;
  /** The form it was recorded with; a DRAFT is seen only by its author. */
  formCode: string;
  status: 'DRAFT' | 'SIGNED';
  revision: number;
}

export interface NewConsultation {
  id?: Uuid;
  personId: Uuid;
  discipline: Discipline;
  compartment?: Compartment;
  occurredOn?: IsoDate;
  note?: string;
  diagnosis?: string;
  interpreter: boolean;
  language?: string;
}

/** Where a record lives, and so who may read it. */
export const COMPARTMENTS = ['GENERAL', 'MENTAL_HEALTH', 'SGBV', 'LEGAL'] as const;
export type Compartment = (typeof COMPARTMENTS)[number];

/** An existing person who may be the one being registered, with what agreed. */
/** One field's part in a match: how it agreed (level) and how much that counted (weight, log2). */
export interface MatchReason {
  field: string;
  level: string;
  weight: number;
}

export interface LikelyMatch {
  person: PersonSummary;
  probability: number;
  reasons: MatchReason[];
}

/** A scan of the whole registry for duplicates, and the weights it used. */
export interface DuplicateScan {
  id: Uuid;
  startedAt: string;
  finishedAt?: string | null;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  /** REGISTRY: estimated on this registry by EM; MEASURED: built-in m, u measured on it; DEFAULT: built-in. */
  model?: 'REGISTRY' | 'MEASURED' | 'DEFAULT' | null;
  prior?: number | null;
  persons?: number | null;
  proposed?: number | null;
  loadMillis?: number | null;
  trainMillis?: number | null;
  compareMillis?: number | null;
  weights: { field: string; levels: { level: string; m: number; u: number; weight: number }[] }[];
}

/** A pair the scan found likely to be one person, waiting for a data officer's decision. */
export interface DuplicateCandidate {
  id: Uuid;
  first: PersonSummary;
  second: PersonSummary;
  probability: number;
  reasons: MatchReason[];
  foundAt: string;
}

export interface DuplicateQueue {
  candidates: DuplicateCandidate[];
  pending: number;
  lastScan?: DuplicateScan | null;
}

/** A merge of a duplicate record into another; undone when unmergedAt is set. */
export interface Merge {
  id: Uuid;
  keptId: Uuid;
  mergedId: Uuid;
  mergedCode: string;
  mergedAt: string;
  unmergedAt?: string | null;
}

/** A break-the-glass grant, or a taking into care from another site, as reviewers see it. */
export interface EmergencyAccess {
  id: Uuid;
  kind: 'EMERGENCY' | 'TAKEN_INTO_CARE';
  personId: Uuid;
  patientCode: string;
  userId: Uuid;
  userName: string;
  siteId?: Uuid | null;
  reason?: string | null;
  grantedAt: string;
  expiresAt: string;
  active: boolean;
  reviewedByName?: string | null;
  reviewedAt?: string | null;
}

export interface SiteDisciplineCount {
  siteId: Uuid;
  siteName: string;
  discipline: Discipline;
  consultations: number;
}

export interface MonthlySummary {
  month: string;
  counts: SiteDisciplineCount[];
  total: number;
}

export interface UserAccount {
  id: Uuid;
  username: string;
  displayName: string;
  roles: Role[];
  allSites: boolean;
  siteIds: Uuid[];
  enabled: boolean;
  version: number;
}

export interface NewUserAccount {
  id?: Uuid;
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  allSites: boolean;
  siteIds: Uuid[];
}

export const AUDIT_ACTIONS = [
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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  occurredAt: string;
  actorId?: Uuid | null;
  actorName: string;
  action: AuditAction;
  recordType?: string | null;
  recordId?: Uuid | null;
  siteId?: Uuid | null;
  outcome: string;
}

/** The record types the server knows today; modules added later bring their own. */
export const RETENTION_TYPES = ['person', 'erasure', 'audit'] as const;
export type RetentionType = (typeof RETENTION_TYPES)[number];

export interface RetentionRule {
  recordType: string;
  months: number;
  enabled: boolean;
  version: number;
  defaultMonths: number;
}

/** One record type in the dry run: how many records are past the rule's cutoff now. */
export interface RetentionReportLine {
  rule: RetentionRule;
  cutoff: string;
  expired: number;
  oldest?: string | null;
}

export interface RetentionReport {
  at: string;
  lines: RetentionReportLine[];
}

export type RetentionOutcome = 'PURGED' | 'DISABLED' | 'FAILED';

export interface RetentionPurgeResult {
  at: string;
  purged: { recordType: string; outcome: RetentionOutcome; cutoff?: string | null; removed: number }[];
}

/** Where the rotations of the key epochs stand (GET /api/key-rotation). */
export interface KeyRotationStatus {
  epoch: number;
  since: string;
  erasurePendingSince?: string | null;
  dueAt?: string | null;
  maxDelayDays: number;
}

/** What a rotation of the key epochs did. */
export interface KeyRotationResult {
  epoch: number;
  keysRewrapped: number;
  personsIndexed: number;
  millis: number;
}

/** One invalid field in a problem detail; {@code field} is a JSON path such as details.otherNames[0].name. */
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
export type Dimension = 'SEX' | 'AGE_GROUP' | 'DISCIPLINE' | 'VISIT' | 'SITE' | 'PROGRAMME';

/** An indicator of the catalogue, named in the reader's language. */
export interface IndicatorInfo {
  code: string;
  name: string;
  definition: string;
  measure: 'ROWS' | 'ATTENDEES' | 'PERSONS';
  disaggregations: Dimension[];
}

export interface ReportSite {
  id: Uuid;
  name: string;
  programmeId: Uuid;
  programmeName: string;
}

export interface ReportScope {
  programmes: Array<{ id: Uuid; name: string; sites: ReportSite[] }>;
  smallCountThreshold: number;
}

export interface Figures {
  code: string;
  total: number;
  by: Partial<Record<Dimension, Record<string, number>>>;
  months: Record<string, number>;
}

export interface ReportPeriod {
  kind: 'MONTH' | 'QUARTER' | 'YEAR' | 'CUSTOM';
  code: string;
  from: string;
  to: string;
}

export interface Report {
  programmeId: Uuid | null;
  siteId: Uuid | null;
  title: string;
  period: ReportPeriod;
  sites: ReportSite[];
  figures: Figures[];
}

/** What a report covers: every site in scope, a programme or a site, and when. */
export interface ReportQuery {
  programme?: Uuid;
  site?: Uuid;
  period?: string;
  from?: string;
  to?: string;
}

export interface Dhis2DataElementRow {
  indicator: string;
  disaggregation: string;
  category: string;
  dataElement: string;
  categoryOptionCombo?: string | null;
  categoryOption?: string | null;
}

export interface Dhis2Mapping {
  dataElements: Dhis2DataElementRow[];
  orgUnits: Array<{ siteId: Uuid; orgUnit: string }>;
}

export interface Dhis2Server {
  baseUrl: string;
  username: string;
  passwordSet: boolean;
  dataSet: string | null;
  adxCategories: Record<string, string>;
}

export interface Dhis2ServerChange {
  baseUrl: string;
  username: string;
  password?: string;
  dataSet?: string | null;
  adxCategories?: Record<string, string>;
}

export interface Dhis2PushResult {
  dryRun: boolean;
  httpStatus: number;
  status: string;
  imported: number;
  updated: number;
  ignored: number;
  deleted: number;
  conflicts: string[];
  values: number;
  suppressed: number;
}
