// Follow-up programmes (FollowUpController).
import { call } from '../api';
import type { IsoDate, PersonSummary, Uuid } from '../types';

export const PROGRAMMES = ['PREGNANCY', 'MENTAL_HEALTH', 'CHRONIC', 'SGBV'] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** The risk flags each programme tracks (FollowUpProgramme.java). */
export const RISK_FLAGS: Record<Programme, string[]> = {
  PREGNANCY: ['adolescent', 'over-35', 'previous-caesarean', 'hypertension', 'diabetes', 'anaemia', 'multiple-pregnancy', 'bleeding', 'hiv', 'no-shelter', 'violence'],
  MENTAL_HEALTH: ['suicide-risk', 'psychosis', 'substance-use', 'no-shelter', 'isolated'],
  CHRONIC: ['uncontrolled', 'treatment-interrupted', 'no-shelter', 'complications'],
  SGBV: ['pep-started', 'pregnancy-test-due', 'hiv-test-due', 'unsafe', 'minor'],
};

/** The compartment each programme lives in, to offer only what the user may open. */
export const PROGRAMME_COMPARTMENT: Record<Programme, string> = {
  PREGNANCY: 'GENERAL',
  MENTAL_HEALTH: 'MENTAL_HEALTH',
  CHRONIC: 'GENERAL',
  SGBV: 'SGBV',
};

export const CLOSED_REASONS = ['COMPLETED', 'DELIVERED', 'TRANSFERRED', 'LOST_TO_FOLLOW_UP', 'DIED', 'OTHER'] as const;
export type ClosedReason = (typeof CLOSED_REASONS)[number];

export type Standing = 'PLANNED' | 'DUE_SOON' | 'OVERDUE' | 'NOT_PLANNED' | 'CLOSED';

export interface FollowUp {
  id: Uuid;
  personId: Uuid;
  siteId: Uuid;
  programme: Programme;
  startedOn: IsoDate;
  lastVisitOn?: IsoDate | null;
  nextVisitOn?: IsoDate | null;
  dueDate?: IsoDate | null;
  conditionCode?: string | null;
  riskFlags: string[];
  status: 'ACTIVE' | 'CLOSED';
  closedOn?: IsoDate | null;
  closedReason?: ClosedReason | null;
  version: number;
  standing: Standing;
}

export interface Enrolment {
  id?: Uuid;
  programme: Programme;
  startedOn?: IsoDate;
  nextVisitOn?: IsoDate;
  dueDate?: IsoDate;
  conditionCode?: string;
  riskFlags: string[];
}

export const followUpsApi = {
  ofPerson: (personId: Uuid) => call<FollowUp[]>('GET', `/api/people/${encodeURIComponent(personId)}/follow-ups`),
  enrol: (personId: Uuid, enrolment: Enrolment) =>
    call<FollowUp>('POST', `/api/people/${encodeURIComponent(personId)}/follow-ups`, enrolment),
  change: (id: Uuid, change: { version: number; nextVisitOn?: IsoDate | null; dueDate?: IsoDate | null; conditionCode?: string | null; riskFlags: string[] }) =>
    call<FollowUp>('PUT', `/api/follow-ups/${encodeURIComponent(id)}`, change),
  close: (id: Uuid, version: number, reason: ClosedReason) =>
    call<FollowUp>('POST', `/api/follow-ups/${encodeURIComponent(id)}/closure`, { version, reason }),
  due: () => call<Array<{ followUp: FollowUp; person: PersonSummary }>>('GET', '/api/follow-ups/due'),
};
