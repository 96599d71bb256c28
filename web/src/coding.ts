// The codes care is recorded with: ICD-10 diagnoses (with the site's favourites) and the formulary.
// Labels come in the three UI languages, so that switching language needs no new request.
import { ApiError, call, NETWORK_FAILURE } from './api';
import type { Language } from './i18n';

export interface Labels {
  fr: string;
  en: string;
  ar: string;
}

export interface Diagnosis {
  code: string;
  chapter: string;
  block: string;
  labels: Labels;
  favourite: boolean;
}

export interface DiagnosisChapter {
  numeral: string;
  first: string;
  last: string;
  title: Labels;
  diagnoses: number;
}

export interface Medicine {
  code: string;
  atc: string;
  name: { fr: string; en: string };
  form: { code: string; labels: Labels };
  strength: string;
  unit: { code: string; one: Labels; other: Labels };
}

/** The four times of day a dose is taken at, as on the printed dosage sheet. */
export const TIMES_OF_DAY = ['morning', 'noon', 'evening', 'night'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** One prescribed medicine: the dose in its unit at each time of day, for how many days. */
export interface PrescriptionLine {
  medicineCode: string | null;
  morning: number;
  noon: number;
  evening: number;
  night: number;
  days: number | null;
  instructions: string;
}

export const EMPTY_LINE: PrescriptionLine = {
  medicineCode: null,
  morning: 0,
  noon: 0,
  evening: 0,
  night: 0,
  days: null,
  instructions: '',
};

export function label(labels: Labels, language: Language): string {
  return labels[language];
}

/** A medicine's name as the team reads it: English in English, French otherwise (as on boxes in France). */
export function medicineName(medicine: Medicine, language: Language): string {
  return language === 'en' ? medicine.name.en : medicine.name.fr;
}

/** The dose unit after an amount, singular or plural as each language wants it. */
export function unitLabel(medicine: Medicine, amount: number, language: Language): string {
  const plural =
    language === 'fr' ? amount >= 2 : language === 'en' ? amount > 1 : amount >= 2 && amount <= 10;
  return (plural ? medicine.unit.other : medicine.unit.one)[language];
}

/** A dose written as on a pill cutter: ½, 1½, ¼… */
export function formatDose(amount: number): string {
  const whole = Math.floor(amount);
  const fraction = Math.round((amount - whole) * 100) / 100;
  const glyph = fraction === 0.5 ? '½' : fraction === 0.25 ? '¼' : fraction === 0.75 ? '¾' : null;
  if (glyph === null) return String(amount);
  return whole === 0 ? glyph : `${whole}${glyph}`;
}

const segment = (value: string) => encodeURIComponent(value);

/** The lists an unlocked device keeps, searched when the server cannot be reached (offline/catalogue.ts). */
export interface OfflineCoding {
  searchDiagnoses(q: string, limit: number, chapter?: string): Diagnosis[];
  diagnosis(code: string): Diagnosis | undefined;
  searchMedicines(q: string, limit: number): Medicine[];
  medicine(code: string): Medicine | undefined;
}

let offlineCoding: OfflineCoding | null = null;

/** The device's lists once it is unlocked, none once it is closed. */
export function setOfflineCoding(source: OfflineCoding | null): void {
  offlineCoding = source;
}

/** The server's answer; without network, the device's, when it has one. */
async function orOnDevice<T>(online: () => Promise<T>, onDevice: (source: OfflineCoding) => T | undefined): Promise<T> {
  try {
    return await online();
  } catch (error) {
    const found = offlineCoding && error instanceof ApiError && error.status === NETWORK_FAILURE ? onDevice(offlineCoding) : undefined;
    if (found === undefined) throw error;
    return found;
  }
}

export const codingApi = {
  searchDiagnoses: (q: string, options: { limit?: number; chapter?: string } = {}) => {
    const params = new URLSearchParams({ q, limit: String(options.limit ?? 20) });
    if (options.chapter) params.set('chapter', options.chapter);
    return orOnDevice(() => call<Diagnosis[]>('GET', `/api/diagnoses?${params}`),
      (device) => device.searchDiagnoses(q, options.limit ?? 20, options.chapter));
  },
  diagnosis: (code: string) => orOnDevice(() => call<Diagnosis>('GET', `/api/diagnoses/${segment(code)}`), (device) => device.diagnosis(code)),
  chapters: () => call<DiagnosisChapter[]>('GET', '/api/diagnoses/chapters'),
  favourites: () => call<Diagnosis[]>('GET', '/api/diagnoses/favourites'),
  addFavourite: (code: string) => call<Diagnosis[]>('PUT', `/api/diagnoses/favourites/${segment(code)}`),
  removeFavourite: (code: string) => call<Diagnosis[]>('DELETE', `/api/diagnoses/favourites/${segment(code)}`),
  searchMedicines: (q: string, limit = 20) =>
    orOnDevice(() => call<Medicine[]>('GET', `/api/medicines?${new URLSearchParams({ q, limit: String(limit) })}`),
      (device) => device.searchMedicines(q, limit)),
  medicine: (code: string) => orOnDevice(() => call<Medicine>('GET', `/api/medicines/${segment(code)}`), (device) => device.medicine(code)),
};
