// The column mapping of an import and the choices made for likely duplicates, kept as plain data
// so that the screen stays a view of them.
import type { ImportAction, ImportColumns, ImportDecision } from './importsApi';
import type { Uuid } from '../types';

/** The fields of the registry a column may hold, in the order the mapping offers them. */
export const IMPORT_FIELDS = [
  'FULL_NAME',
  'GIVEN_NAME',
  'FAMILY_NAME',
  'OTHER_NAMES',
  'ORIGINAL_SCRIPT_NAME',
  'SEX',
  'BIRTH_DATE',
  'BIRTH_YEAR',
  'AGE',
  'PHONE',
  'LANGUAGES',
  'COUNTRY_OF_ORIGIN',
  'SITE',
  'UNACCOMPANIED_MINOR',
] as const;
export type ImportFieldName = (typeof IMPORT_FIELDS)[number];

const NAME_FIELDS: readonly string[] = ['FULL_NAME', 'GIVEN_NAME', 'FAMILY_NAME'];

/** The mapping the server guessed (field by header), turned into the header of each field. */
export function columnsFrom(guessed: Record<string, string>): ImportColumns {
  const columns: ImportColumns = {};
  for (const [header, field] of Object.entries(guessed)) {
    if (!(field in columns)) columns[field] = header;
  }
  return columns;
}

/** The field a header holds in the mapping, or '' when it is not imported. */
export function fieldOf(columns: ImportColumns, header: string): string {
  return Object.entries(columns).find(([, mapped]) => mapped === header)?.[0] ?? '';
}

/** The mapping with `header` holding `field` ('' for none); a field is held by one header at most. */
export function assign(columns: ImportColumns, header: string, field: string): ImportColumns {
  const next: ImportColumns = {};
  for (const [mappedField, mappedHeader] of Object.entries(columns)) {
    if (mappedHeader !== header && mappedField !== field) next[mappedField] = mappedHeader;
  }
  if (field) next[field] = header;
  return next;
}

/** A person needs a name: the mapping must give a column for the whole name or a part of it. */
export function mapsAName(columns: ImportColumns): boolean {
  return Object.keys(columns).some((field) => NAME_FIELDS.includes(field));
}

/** What the importer chose for a row with likely duplicates; rows without a choice are imported as new. */
export interface Choice {
  action: ImportAction;
  personId?: Uuid;
}

/** The decisions sent with the run: the rows linked to a person of the registry or skipped. */
export function decisionsOf(choices: Record<number, Choice>): ImportDecision[] {
  return Object.entries(choices)
    .filter(([, choice]) => choice.action !== 'NEW')
    .map(([line, choice]) => ({ line: Number(line), action: choice.action, personId: choice.action === 'LINK' ? choice.personId : undefined }))
    .sort((a, b) => a.line - b.line);
}

/** How far a job has written, in whole percent. */
export function percentWritten(written: number, total: number): number {
  return total <= 0 ? 100 : Math.min(100, Math.floor((written * 100) / total));
}
