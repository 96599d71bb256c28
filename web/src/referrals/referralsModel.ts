// Referral rules the screens need: which step may follow, which language the person's summary is
// written in, and the directory's search as a query string (needs, places and language codes only).
import type { Language } from '../i18n';

export const STATUSES = ['SENT', 'ACCEPTED', 'ATTENDED', 'CLOSED', 'REFUSED', 'LOST'] as const;
export type Status = (typeof STATUSES)[number];

const NEXT: Record<Status, Status[]> = {
  SENT: ['ACCEPTED', 'ATTENDED', 'REFUSED', 'LOST'],
  ACCEPTED: ['ATTENDED', 'REFUSED', 'LOST'],
  ATTENDED: ['CLOSED'],
  CLOSED: [],
  REFUSED: [],
  LOST: [],
};

/** The steps a referral may move to from where it stands (as the server decides). */
export function nextStatuses(status: string): Status[] {
  return NEXT[status as Status] ?? [];
}

export const URGENCIES = ['ROUTINE', 'SOON', 'URGENT'] as const;
export const CONSENTS = ['PERSON', 'LEGAL_GUARDIAN'] as const;
export const TRANSPORTS = ['WALK', 'PUBLIC_TRANSPORT', 'TEAM_VEHICLE', 'TAXI', 'AMBULANCE', 'OTHER'] as const;
export const OUTCOMES = ['SEEN', 'ADMITTED', 'NOT_SEEN', 'REDIRECTED'] as const;
export const NEEDS = [
  'GENERAL_CARE',
  'EMERGENCY_CARE',
  'MENTAL_HEALTH',
  'SEXUAL_HEALTH',
  'MATERNAL_CHILD_HEALTH',
  'HEALTH_COVERAGE',
  'MEDICINES',
  'LAB_TESTS',
  'IMAGING',
  'SHELTER',
  'CHILD_PROTECTION',
  'LEGAL_AID',
  'FOOD',
] as const;
export const SERVICE_KINDS = [
  'PASS',
  'EMERGENCY',
  'CMP',
  'CEGIDD',
  'PMI',
  'SIAO',
  'ASE',
  'CPAM',
  'LAWYER',
  'ASSOCIATION',
  'CITY_DOCTOR',
  'PHARMACY',
  'LAB',
  'RADIOLOGY',
  'OTHER',
] as const;

const SUMMARY_LANGUAGES: readonly Language[] = ['fr', 'en', 'ar'];

/** The summary's language: the first the person speaks that a letter is written in, else French. */
export function summaryLanguage(spoken: readonly string[]): Language {
  return (spoken.find((code) => (SUMMARY_LANGUAGES as readonly string[]).includes(code)) as Language | undefined) ?? 'fr';
}

export interface DirectorySearch {
  need?: string;
  place?: string;
  language?: string;
  includeClosed?: boolean;
}

/** The directory's search as a query string; empty criteria are left out. */
export function directoryQuery(search: DirectorySearch): string {
  const params = new URLSearchParams();
  if (search.need) params.set('need', search.need);
  if (search.place?.trim()) params.set('place', search.place.trim());
  if (search.language?.trim()) params.set('language', search.language.trim().toLowerCase());
  if (search.includeClosed) params.set('includeClosed', 'true');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Overdue referrals first, then by the day they are to be checked. */
export function byUrgencyOfFollowUp<T extends { overdue: boolean; followBy: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.followBy.localeCompare(b.followBy));
}
