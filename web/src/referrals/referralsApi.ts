// The referrals and directory API. Every referral, step and accompaniment carries an id made here
// (UUIDv7) or the version it was read at, so that sending it again records it once.
import { call, download } from '../api';
import type { components } from '../api/schema';
import type { Language } from '../i18n';
import type { Uuid } from '../types';
import { directoryQuery, type DirectorySearch } from './referralsModel';

type Schemas = components['schemas'];

export type Referral = Schemas['Referral'];
export type NewReferral = Schemas['NewReferral'];
export type AnswerTurned = Schemas['AnswerTurned'];
export type ReferralStep = Schemas['NewStep'];
export type NewAccompaniment = Schemas['NewAccompaniment'];
export type ToFollow = Schemas['ToFollow'];
export type PartnerService = Schemas['PartnerService'];
export type ServiceDetails = Schemas['ServiceDetails'];

const id = (value: Uuid) => encodeURIComponent(value);

export const referralsApi = {
  refer: (referral: NewReferral) => call<Referral>('POST', '/api/referrals', referral),
  turnAnswer: (answer: AnswerTurned) => call<Referral>('POST', '/api/referrals/from-answer', answer),
  ofPerson: (person: Uuid) => call<Referral[]>('GET', `/api/referrals/people/${id(person)}`),
  step: (referral: Uuid, step: ReferralStep) => call<Referral>('POST', `/api/referrals/${id(referral)}/steps`, step),
  accompany: (referral: Uuid, accompaniment: NewAccompaniment) =>
    call<Referral>('POST', `/api/referrals/${id(referral)}/accompaniments`, accompaniment),
  toFollow: () => call<ToFollow[]>('GET', '/api/referrals/to-follow'),
  letter: (referral: Uuid, language: Language) => download(`/api/referrals/${id(referral)}/letter`, { language }, 'orientation.pdf'),
  services: (search: DirectorySearch) => call<PartnerService[]>('GET', `/api/directory/services${directoryQuery(search)}`),
  addService: (service: { id: Uuid; details: ServiceDetails }) => call<PartnerService>('POST', '/api/directory/services', service),
  changeService: (service: Uuid, version: number, details: ServiceDetails) =>
    call<PartnerService>('PUT', `/api/directory/services/${id(service)}`, { version, details }),
};
