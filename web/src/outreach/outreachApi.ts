// The outreach API: a mobile team's day plan, sessions planned and recorded, their summary, and the
// lists of needs and items. A session carries an id made here (UUIDv7), so that a plan sent again
// after a lost answer makes one session.
import { call } from '../api';
import type { components } from '../api/schema';
import type { Uuid } from '../types';

type Schemas = components['schemas'];

export type DayPlan = Schemas['OutreachDayPlan'];
export type LocationPlan = Schemas['OutreachLocationPlan'];
export type OutreachSession = Schemas['OutreachSession'];
export type SessionForm = Schemas['OutreachSessionForm'];
export type SessionSummary = Schemas['OutreachSessionSummary'];
export type NeedsAndItems = Schemas['OutreachNeedsAndItems'];
export type Tally = Schemas['SessionTally'];
export type Given = Schemas['SessionDistribution'];
export type SessionKind = OutreachSession['kind'];

export const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
export const AGE_GROUPS = ['00-04', '05-14', '15-17', '18+', 'unknown'] as const;

const id = (value: Uuid) => encodeURIComponent(value);

export const outreachApi = {
  day: (day: string) => call<DayPlan>('GET', `/api/outreach/day?day=${encodeURIComponent(day)}`),
  reference: () => call<NeedsAndItems>('GET', '/api/outreach/reference'),
  plan: (form: SessionForm) => call<OutreachSession>('POST', '/api/outreach/sessions', form),
  session: (session: Uuid) => call<OutreachSession>('GET', `/api/outreach/sessions/${id(session)}`),
  change: (session: Uuid, form: SessionForm) =>
    call<OutreachSession>('PUT', `/api/outreach/sessions/${id(session)}`, form),
  summary: (session: Uuid) => call<SessionSummary>('GET', `/api/outreach/sessions/${id(session)}/summary`),
};

/** The form that changes a session as it is, to be edited. */
export function formOf(session: OutreachSession): SessionForm {
  return {
    id: session.id,
    version: session.version,
    locationId: session.locationId,
    kind: session.kind,
    plannedStart: session.plannedStart,
    plannedEnd: session.plannedEnd,
    actualStart: session.actualStart ?? null,
    actualEnd: session.actualEnd ?? null,
    team: session.team.map((member) => member.userId),
    tallies: session.tallies,
    needs: session.needs,
    distributions: session.distributions,
    note: session.note ?? null,
  };
}

/** The instant of a local time ("HH:MM") on a day ("YYYY-MM-DD"), in the device's time zone. */
export function instantAt(day: string, time: string): string {
  return new Date(`${day}T${time}:00`).toISOString();
}

/** The local time ("HH:MM") of an instant, in the device's time zone. */
export function localTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The count of one sex and age group in a list of tallies (0 when absent). */
export function countOf(tallies: Tally[], sex: string, ageGroup: string): number {
  return tallies.find((t) => t.sex === sex && t.ageGroup === ageGroup)?.people ?? 0;
}

/** The tallies with one count set, zeros left out. */
export function withCount(tallies: Tally[], sex: string, ageGroup: string, people: number): Tally[] {
  const others = tallies.filter((t) => !(t.sex === sex && t.ageGroup === ageGroup));
  return people === 0 ? others : [...others, { sex, ageGroup, people }];
}
