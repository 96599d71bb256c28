// The outbreaks API: diseases, line lists, the epidemic curve, figures, alerts and the rings of the
// case-area response. Every case and household carries an id made here (UUIDv7), so that sending
// it again after a lost answer records it once.
import { call } from '../api';
import type { components } from '../api/schema';
import type { Uuid } from '../types';

type Schemas = components['schemas'];

export type Disease = Schemas['Disease'];
export type OutbreakCase = Schemas['OutbreakCase'];
export type NewOutbreakCase = Schemas['NewOutbreakCase'];
export type Epicurve = Schemas['Epicurve'];
export type DiseaseFigures = Schemas['DiseaseFigures'];
export type OutbreakAlert = Schemas['OutbreakAlert'];
export type Ring = Schemas['Ring'];
export type Household = Schemas['Household'];
export type NewHousehold = Schemas['NewHousehold'];
export type RingFigures = Schemas['RingFigures'];

export const CLASSIFICATIONS = ['SUSPECTED', 'PROBABLE', 'CONFIRMED', 'DISCARDED'] as const;

const id = (value: Uuid) => encodeURIComponent(value);
const site = (siteId?: Uuid) => (siteId ? `?siteId=${id(siteId)}` : '');

export const outbreaksApi = {
  diseases: () => call<Disease[]>('GET', '/api/outbreaks/diseases'),
  cases: (disease: string, siteId?: Uuid) => call<OutbreakCase[]>('GET', `/api/outbreaks/diseases/${id(disease)}/cases${site(siteId)}`),
  record: (body: NewOutbreakCase) => call<OutbreakCase>('POST', '/api/outbreaks/cases', body),
  classify: (current: OutbreakCase, classification: string) =>
    call<OutbreakCase>('PUT', `/api/outbreaks/cases/${id(current.id)}`, {
      version: current.version,
      classification,
      onsetOn: current.onsetOn,
      admittedOn: current.admittedOn,
      rapidTest: current.rapidTest,
      labResult: current.labResult,
      severity: current.severity,
      outcome: current.outcome,
      outcomeOn: current.outcomeOn,
      latitude: current.latitude,
      longitude: current.longitude,
    }),
  epicurve: (disease: string, siteId?: Uuid) => call<Epicurve>('GET', `/api/outbreaks/diseases/${id(disease)}/epicurve${site(siteId)}`),
  figures: (disease: string, siteId?: Uuid) => call<DiseaseFigures>('GET', `/api/outbreaks/diseases/${id(disease)}/figures${site(siteId)}`),
  alerts: (siteId?: Uuid) => call<OutbreakAlert[]>('GET', `/api/outbreaks/alerts${site(siteId)}`),
  lineListCsvUrl: (disease: string, siteId?: Uuid) => `/api/outbreaks/diseases/${id(disease)}/line-list.csv${site(siteId)}`,
  rings: (siteId?: Uuid) => call<Ring[]>('GET', `/api/outbreaks/rings${site(siteId)}`),
  ring: (ringId: Uuid) => call<Ring>('GET', `/api/outbreaks/rings/${id(ringId)}`),
  ringFigures: (siteId?: Uuid) => call<RingFigures>('GET', `/api/outbreaks/rings/figures${site(siteId)}`),
  households: (ringId: Uuid) => call<Household[]>('GET', `/api/outbreaks/rings/${id(ringId)}/households`),
  visit: (ringId: Uuid, body: NewHousehold) => call<Household>('POST', `/api/outbreaks/rings/${id(ringId)}/households`, body),
};
