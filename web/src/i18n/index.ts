// The UI language: French by default, English and Arabic (right to left) on request.
// Only the chosen language is kept in localStorage; nothing else.
import { ar } from './ar';
import { en } from './en';
import { fr, type MessageKey, type Messages, type PluralForms, type PluralKey } from './fr';

export type { MessageKey, Messages, PluralForms, PluralKey };

export const LANGUAGES = ['fr', 'en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DICTIONARIES: Record<Language, Messages> = { fr, en, ar };

const STORAGE_KEY = 'passerelle.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function direction(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** The language remembered on this device, or French. */
export function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'fr';
  } catch {
    return 'fr';
  }
}

let current: Language = 'fr';

/** The language the API is asked to answer in (Accept-Language). */
export function currentLanguage(): Language {
  return current;
}

/** Switches the language, remembers it and sets lang/dir on <html> so the layout mirrors for Arabic. */
export function applyLanguage(language: Language): void {
  current = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page only.
  }
  document.documentElement.lang = language;
  document.documentElement.dir = direction(language);
}

export type Params = Record<string, string | number>;

/** Translates a key in one language; `plural` picks the form of a counted message that fits the number. */
export interface Translate {
  (key: MessageKey, params?: Params): string;
  /** The form for `count` in this language (Intl.PluralRules), {count} filled with it unless params give it. */
  plural: (key: PluralKey, count: number, params?: Params) => string;
}

function fill(text: string, params: Params | undefined): string {
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

/** A translate function for one language; {name} placeholders are filled from params. */
export function translator(language: Language): Translate {
  const messages = DICTIONARIES[language];
  const rules = new Intl.PluralRules(language);
  const translate = (key: MessageKey, params?: Params) => fill(messages[key] ?? fr[key] ?? key, params);
  const plural = (key: PluralKey, count: number, params?: Params) => {
    const forms: PluralForms = messages[key] ?? fr[key];
    return fill(forms[rules.select(count)] ?? forms.other, { count, ...params });
  };
  return Object.assign(translate, { plural });
}

/** Keys for the codes of an enumeration, e.g. key('sex', 'FEMALE') → 'sex.FEMALE'. */
export function enumKey(prefix: string, value: string): MessageKey {
  return `${prefix}.${value}` as MessageKey;
}
