// A person's clinical summary (ClinicalSummaryController): what a carer needs at a glance.
import { call } from './api';
import type { Labels } from './coding';
import type { Programme } from './forms/followUps';
import type { Discipline, IsoDate, Uuid } from './types';

export type AllergyStatus = 'NOT_RECORDED' | 'NONE_KNOWN' | 'KNOWN';

export interface ClinicalSummary {
  personId: Uuid;
  today: IsoDate;
  allergies: { status: AllergyStatus; statedOn?: IsoDate | null; notes: { text: string; recordedOn: IsoDate }[] };
  problems: SummaryProblem[];
  treatments: Treatment[];
  pregnancy?: Pregnancy | null;
  followUps: { id: Uuid; programme: Programme; siteId: Uuid; startedOn: IsoDate; nextVisitOn?: IsoDate | null }[];
  lastConsultations: { discipline: Discipline; occurredOn: IsoDate }[];
}

export interface SummaryProblem {
  code: string;
  labels: Labels;
  firstSeen?: IsoDate | null;
  lastSeen?: IsoDate | null;
  timesSeen: number;
  chronic: boolean;
}

export interface Treatment {
  encounterId: Uuid;
  medicineCode: string;
  name: { fr: string; en: string };
  strength: string;
  form: Labels;
  unitOne: Labels;
  unitOther: Labels;
  morning: number;
  noon: number;
  evening: number;
  night: number;
  days: number;
  startedOn: IsoDate;
  lastDay: IsoDate;
  instructions?: string | null;
}

export interface Pregnancy {
  startedOn: IsoDate;
  dueDate?: IsoDate | null;
  weeks?: number | null;
  days?: number | null;
  lastVisitOn?: IsoDate | null;
  nextVisitOn?: IsoDate | null;
}

/** A coded diagnosis of a consultation in the history list. */
export interface CodedDiagnosis {
  code: string;
  labels: Labels;
}

export const clinicalSummaryApi = {
  of: (personId: Uuid) =>
    call<ClinicalSummary>('GET', `/api/people/${encodeURIComponent(personId)}/clinical-summary`),
};
