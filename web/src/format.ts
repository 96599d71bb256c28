// Dates, ages and birth dates as people read them, in the UI language.
import type { Language, Translate } from './i18n';
import type { BirthDate, IsoDate } from './types';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar' };

/** Today on this device, as YYYY-MM-DD (local time, not UTC). */
export function today(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** This month on this device, as YYYY-MM. */
export function currentMonth(now: Date = new Date()): string {
  return today(now).slice(0, 7);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function parseIso(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** A calendar date such as 3 mars 2026. Arabic uses Western digits, as on French papers. */
export function formatDate(date: IsoDate, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
    numberingSystem: 'latn',
  }).format(parseIso(date));
}

export function formatMonth(month: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
    numberingSystem: 'latn',
  }).format(parseIso(`${month}-01`));
}

/** A moment (UTC in storage) in local time. */
export function formatDateTime(instant: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'short',
    timeStyle: 'short',
    numberingSystem: 'latn',
  }).format(new Date(instant));
}

/**
 * Age and birth date with their precision, e.g. "24 ans · né·e le 3 mars 2002",
 * "~24 ans (estimé)" or "né·e en 2001".
 */
export function describeBirth(
  birthDate: BirthDate | null | undefined,
  age: number | null | undefined,
  t: Translate,
  language: Language,
): string {
  if (!birthDate) {
    return age == null ? '' : t.plural('age.years', age);
  }
  const shownAge = age ?? birthDate.estimatedAge;
  switch (birthDate.precision) {
    case 'ESTIMATED':
      return shownAge == null ? '' : t.plural('age.estimated', shownAge);
    case 'EXACT':
      return join(shownAge, t('birth.exact', { date: formatDate(birthDate.date, language) }), t);
    case 'MONTH':
      return join(shownAge, t('birth.month', { date: formatMonth(birthDate.date.slice(0, 7), language) }), t);
    case 'YEAR':
      return join(shownAge, t('birth.year', { date: birthDate.date.slice(0, 4) }), t);
  }
}

function join(age: number | null | undefined, birth: string, t: Translate): string {
  return age == null ? birth : `${t.plural('age.years', age)} · ${birth}`;
}

/** Wraps text typed by people (names) so that it keeps its own direction inside a sentence. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
