// The shelters API for the bed board: tonight's board of a shelter and one tap of attendance. Each
// mark carries an id made here (UUIDv7), so that a tap sent again after a lost answer counts once.
import { call } from '../api';
import type { components } from '../api/schema';
import { uuidv7 } from '../ids';
import type { Uuid } from '../types';

type Schemas = components['schemas'];

export type BedBoard = Schemas['BedBoard'];
export type BoardRoom = Schemas['BoardRoom'];
export type BoardBed = Schemas['BoardBed'];
export type Resident = Schemas['Resident'];
export type ShelterStay = Schemas['ShelterStay'];
export type Attendance = 'PRESENT' | 'ABSENT';
export type NightOccupancy = Schemas['NightOccupancy'];
export type EmergencyOpening = Schemas['EmergencyOpening'];
export type RankedRequest = Schemas['RankedRequest'];
export type RankReason = Schemas['RankReason'];
export type ShelterAdmission = Schemas['ShelterAdmission'];
export type AdmissionReason = ShelterAdmission['reason'];
export type StayMode = ShelterAdmission['mode'];
export type Destination = Schemas['StayDischarge']['destination'];
export type WaitingRule = Schemas['WaitingRule'];
export type BedOffer = Schemas['BedOffer'];
export type ShelterRequest = Schemas['ShelterRequest'];
export type PendingOffer = Schemas['PendingOffer'];
export type ResidentFollowUp = Schemas['ResidentFollowUp'];

const id = (value: Uuid) => encodeURIComponent(value);

export const sheltersApi = {
  board: (site: Uuid) => call<BedBoard>('GET', `/api/shelters/sites/${id(site)}/board`),
  mark: (stay: Uuid, status: Attendance, night: string) =>
    call<ShelterStay>('POST', `/api/shelters/stays/${id(stay)}/attendance`, { id: uuidv7(), status, night }),
  occupancy: (site: Uuid, from: string, until: string) =>
    call<NightOccupancy[]>(
      'GET',
      `/api/shelters/sites/${id(site)}/occupancy?from=${encodeURIComponent(from)}&until=${encodeURIComponent(until)}`,
    ),
  /** Opens the site's emergency beds from the night `from` until closed. */
  openEmergency: (site: Uuid, from: string) =>
    call<EmergencyOpening>('POST', '/api/shelters/emergency-openings', {
      id: uuidv7(),
      siteId: site,
      from,
      reason: 'COLD_WEATHER',
    }),
  waitingList: (site: Uuid) => call<RankedRequest[]>('GET', `/api/shelters/sites/${id(site)}/waiting-list`),
  admit: (admission: Omit<ShelterAdmission, 'id'>) =>
    call<ShelterStay>('POST', '/api/shelters/admissions', { id: uuidv7(), ...admission }),
  transfer: (stay: Uuid, bedId: Uuid, from: string, version: number) =>
    call<ShelterStay>('POST', `/api/shelters/stays/${id(stay)}/transfer`, { bedId, from, version }),
  absent: (stay: Uuid, from: string, until: string, version: number) =>
    call<ShelterStay>('POST', `/api/shelters/stays/${id(stay)}/absence`, { from, until, version }),
  discharge: (stay: Uuid, destination: Destination, dischargedOn: string, version: number) =>
    call<ShelterStay>('POST', `/api/shelters/stays/${id(stay)}/discharge`, { destination, dischargedOn, version }),
  followUpsDue: (site: Uuid) => call<ResidentFollowUp[]>('GET', `/api/shelters/sites/${id(site)}/follow-ups-due`),
  staysOf: (person: Uuid) => call<ShelterStay[]>('GET', `/api/shelters/people/${id(person)}/stays`),
  requestsOf: (person: Uuid) => call<ShelterRequest[]>('GET', `/api/shelters/people/${id(person)}/requests`),
  rule: (site: Uuid) => call<WaitingRule>('GET', `/api/shelters/sites/${id(site)}/priority-rule`),
  changeRule: (site: Uuid, weights: Record<string, number>, pointsPerDay: number, version: number) =>
    call<WaitingRule>('PUT', `/api/shelters/sites/${id(site)}/priority-rule`, { weights, pointsPerDay, version }),
  offer: (request: Uuid, bedId: Uuid | null) =>
    call<BedOffer>('POST', `/api/shelters/requests/${id(request)}/offers`, { id: uuidv7(), bedId }),
  pendingOffers: (site: Uuid) => call<PendingOffer[]>('GET', `/api/shelters/sites/${id(site)}/offers`),
  reply: (offer: Uuid, answer: 'ACCEPTED' | 'REFUSED', refusalReason: RefusalReason | null, version: number) =>
    call<BedOffer>('POST', `/api/shelters/offers/${id(offer)}/reply`, { answer, refusalReason, version }),
};

export const ADMISSION_REASONS: readonly AdmissionReason[] = [
  'SLEEPING_OUTSIDE',
  'MEDICAL',
  'VIOLENCE',
  'UNACCOMPANIED_MINOR',
  'FAMILY',
  'WEATHER',
  'DISCHARGED_FROM_HOSPITAL',
  'OTHER',
];
export const DESTINATIONS: readonly Destination[] = [
  'FAMILY',
  'ASE',
  'ACCOMMODATION_115',
  'LONG_TERM_HOUSING',
  'HOSPITAL',
  'OTHER_SHELTER',
  'LEFT_WITHOUT_NOTICE',
  'NO_SHOW',
  'EXCLUDED',
  'OTHER',
];
export type RefusalReason = NonNullable<Schemas['OfferReply']['refusalReason']>;
export const REFUSAL_REASONS: readonly RefusalReason[] = [
  'PLACE_NOT_SUITABLE',
  'FOUND_ELSEWHERE',
  'NOT_REACHED',
  'CHANGED_MIND',
  'OTHER',
];
export const CRITERIA = [
  'MINOR',
  'PREGNANCY',
  'MEDICAL_VULNERABILITY',
  'VIOLENCE_EXPOSURE',
  'SLEEPING_OUTSIDE',
  'WEATHER_ALERT',
  'YOUNG_CHILDREN',
  'DISABILITY',
] as const;

/** Free beds of the board's rooms that keep to a rule, counted by rule, in a fixed order. */
export const ROOM_RULES = ['GIRLS_ONLY', 'MINORS_ONLY', 'ADULTS_ONLY', 'FAMILIES', 'ACCESSIBLE'] as const;
