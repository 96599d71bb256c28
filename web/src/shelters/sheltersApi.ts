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
};

/** Free beds of the board's rooms that keep to a rule, counted by rule, in a fixed order. */
export const ROOM_RULES = ['GIRLS_ONLY', 'MINORS_ONLY', 'ADULTS_ONLY', 'FAMILIES', 'ACCESSIBLE'] as const;
