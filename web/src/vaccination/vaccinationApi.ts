// The vaccination API. Every dose, campaign and tally carries an id made here (UUIDv7), so that
// sending it again records it once.
import { call } from '../api';
import type { components } from '../api/schema';
import type { Uuid } from '../types';

type Schemas = components['schemas'];

export type Vaccine = Schemas['Vaccine'];
export type Dose = Schemas['VaccineDose'];
export type NewDose = Schemas['NewVaccineDose'];
export type Campaign = Schemas['Campaign'];
export type NewCampaign = Schemas['NewCampaign'];
export type Coverage = Schemas['CampaignCoverage'];
export type CoverageCell = Schemas['CampaignCoverageCell'];
export type NewTally = Schemas['NewCampaignTally'];
export type Tally = Schemas['CampaignTally'];

const id = (value: Uuid) => encodeURIComponent(value);

export const vaccinationApi = {
  vaccines: () => call<Vaccine[]>('GET', '/api/vaccination/vaccines'),
  ofPerson: (person: Uuid) => call<Dose[]>('GET', `/api/vaccination/people/${id(person)}/doses`),
  record: (dose: NewDose) => call<Dose>('POST', '/api/vaccination/doses', dose),
  campaigns: () => call<Campaign[]>('GET', '/api/vaccination/campaigns'),
  createCampaign: (campaign: NewCampaign) => call<Campaign>('POST', '/api/vaccination/campaigns', campaign),
  coverage: (campaign: Uuid) => call<Coverage>('GET', `/api/vaccination/campaigns/${id(campaign)}/coverage`),
  tally: (campaign: Uuid, tally: NewTally) => call<Tally>('POST', `/api/vaccination/campaigns/${id(campaign)}/tallies`, tally),
};
