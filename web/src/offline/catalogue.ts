// The coding lists a consultation's forms need (ICD-10 diagnoses with the site's favourites, the
// formulary), downloaded with the sync and searched on the device when the server cannot be
// reached: the diagnosis and medicine pickers work offline as online. They are not personal data.
import { codingApi, type Diagnosis, type Medicine, type OfflineCoding } from '../coding';

/** The kept lists (meta key of the store). */
export const CATALOGUE = 'catalogue';

/** The lists are downloaded again after this long (they change with a new version of the application). */
export const CATALOGUE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The most the server lists at once: more than any chapter or the formulary holds. */
const PAGE = 200;

export interface Catalogue {
  keptAt: number;
  diagnoses: Diagnosis[];
  medicines: Medicine[];
}

/** The whole ICD-10 list (chapter by chapter, as the server lists at most {@link PAGE} at once) and formulary. */
export async function downloadCatalogue(now: number): Promise<Catalogue> {
  const chapters = await codingApi.chapters();
  const byCode = new Map<string, Diagnosis>();
  for (const chapter of chapters) {
    for (const diagnosis of await codingApi.searchDiagnoses('', { chapter: chapter.numeral, limit: PAGE })) {
      byCode.set(diagnosis.code, diagnosis);
    }
  }
  const favourites = await codingApi.favourites();
  for (const favourite of favourites) byCode.set(favourite.code, favourite);
  const diagnoses = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  return { keptAt: now, diagnoses, medicines: await codingApi.searchMedicines('', PAGE) };
}

/** Lower case, without accents or Arabic vowel marks: what the search compares. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** How well a text answers a query: 3 starts with it, 2 every query word starts a word of it, 0 not at all. */
function score(text: string, query: string, queryWords: string[]): number {
  if (fold(text).startsWith(query)) return 3;
  const own = words(text);
  return queryWords.every((word) => own.some((candidate) => candidate.startsWith(word))) ? 2 : 0;
}

function bestFirst<T>(items: T[], rank: (item: T) => number, limit: number): T[] {
  return items
    .map((item, order) => ({ item, order, rank: rank(item) }))
    .filter((each) => each.rank > 0)
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .slice(0, limit)
    .map((each) => each.item);
}

/**
 * Diagnoses by code or words of their titles in any language, as the server ranks them: the exact
 * code, then the favourites, codes starting with the query, titles starting with it, titles with a
 * word starting with each word of it. A blank query lists the favourites, then the list.
 */
export function searchDiagnoses(catalogue: Catalogue, query: string, limit: number, chapter?: string): Diagnosis[] {
  const within = chapter ? catalogue.diagnoses.filter((each) => each.chapter === chapter) : catalogue.diagnoses;
  const folded = fold(query.trim());
  if (folded === '') {
    return [...within.filter((each) => each.favourite), ...within.filter((each) => !each.favourite)].slice(0, limit);
  }
  const code = folded.replace(/\s|\./g, '');
  const queryWords = words(query);
  return bestFirst(within, (diagnosis) => {
    const own = fold(diagnosis.code).replace('.', '');
    if (own === code) return 100;
    const { fr, en, ar } = diagnosis.labels;
    const text = Math.max(...[fr, en, ar].map((title) => score(title, folded, queryWords)));
    const found = own.startsWith(code) ? 10 : text;
    return found === 0 ? 0 : found + (diagnosis.favourite ? 50 : 0);
  }, limit);
}

/** Medicines by name (French or English) or ATC code; a blank query lists them by name. */
export function searchMedicines(catalogue: Catalogue, query: string, limit: number): Medicine[] {
  const folded = fold(query.trim());
  if (folded === '') return catalogue.medicines.slice(0, limit);
  const queryWords = words(query);
  return bestFirst(catalogue.medicines, (medicine) => {
    if (fold(medicine.atc).startsWith(folded.replace(/\s/g, ''))) return 4;
    return Math.max(score(medicine.name.fr, folded, queryWords), score(medicine.name.en, folded, queryWords));
  }, limit);
}

/** The kept lists as the pickers search them without network. */
export function onDevice(catalogue: Catalogue): OfflineCoding {
  return {
    searchDiagnoses: (q, limit, chapter) => searchDiagnoses(catalogue, q, limit, chapter),
    diagnosis: (code) => catalogue.diagnoses.find((each) => each.code === code),
    searchMedicines: (q, limit) => searchMedicines(catalogue, q, limit),
    medicine: (code) => catalogue.medicines.find((each) => each.code === code),
  };
}
