// Short lists of the countries and languages of the people met (GLOSSARY.md); their names are in
// the dictionaries under country.XX and language.xx.
import type { Translate } from './i18n';

export const COUNTRIES = [
  'AF', 'SD', 'ER', 'ET', 'SO', 'SY', 'IQ', 'IR', 'EG', 'DZ', 'MA', 'TN', 'GN', 'CI', 'ML', 'SN', 'TD', 'VN', 'AL', 'FR',
] as const;
export type CountryCode = (typeof COUNTRIES)[number];

/** The select's value for a country not in the list; a two-letter code is then typed. */
export const OTHER_COUNTRY = 'other';

/** ISO 639 codes, as the API takes them ([a-z]{2,3}). */
export const SPOKEN_LANGUAGES = [
  'ar', 'ps', 'prs', 'fa', 'ti', 'am', 'so', 'ckb', 'kmr', 'fr', 'en', 'ff', 'bm', 'snk',
] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

export function isKnownLanguage(code: string): code is SpokenLanguage {
  return (SPOKEN_LANGUAGES as readonly string[]).includes(code);
}

export function isKnownCountry(code: string): code is CountryCode {
  return (COUNTRIES as readonly string[]).includes(code);
}


export function languageName(code: string, t: Translate): string {
  return isKnownLanguage(code) ? t(`language.${code}`) : code;
}

export function countryName(code: string, t: Translate): string {
  return isKnownCountry(code) ? t(`country.${code}`) : code;
}
