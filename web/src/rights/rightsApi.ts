// The rights file's API: steps recorded with an id made here, so that sending one again records it once.
import { call } from '../api';
import type { components } from '../api/schema';
import type { Uuid } from '../types';

type Schemas = components['schemas'];

export type RightsStep = Schemas['RightsStep'];
export type NewRightsStep = Schemas['NewRightsStep'];
export type Coverage = Schemas['Coverage'];
export type RightsReminder = Schemas['RightsReminder'];

const id = (value: Uuid) => encodeURIComponent(value);

export const rightsApi = {
  file: (person: Uuid) => call<RightsStep[]>('GET', `/api/rights/people/${id(person)}/steps`),
  record: (person: Uuid, step: NewRightsStep) => call<RightsStep>('POST', `/api/rights/people/${id(person)}/steps`, step),
  withdraw: (step: Uuid, version: number) => call<void>('POST', `/api/rights/steps/${id(step)}/withdrawal`, { version }),
  coverage: (person: Uuid) => call<Coverage>('GET', `/api/rights/people/${id(person)}/coverage`),
  reminders: () => call<RightsReminder[]>('GET', '/api/rights/reminders'),
};
