// What the app remembers between screens, in memory only: it is personal data, so never in
// localStorage or in the URL, and forgotten at logout or when the tab closes.
import type { PersonSearch, PersonSummary } from './types';

interface Memory {
  /** The chosen name to pre-fill when registering from an empty search. */
  registrationName: string;
  lastSearch: { search: PersonSearch; results: PersonSummary[] } | null;
}

const memory: Memory = { registrationName: '', lastSearch: null };

export function rememberRegistrationName(name: string): void {
  memory.registrationName = name;
}

/** The name to pre-fill, once. */
export function takeRegistrationName(): string {
  const name = memory.registrationName;
  memory.registrationName = '';
  return name;
}

export function rememberSearch(search: PersonSearch, results: PersonSummary[]): void {
  memory.lastSearch = { search, results };
}

export function lastSearch(): Memory['lastSearch'] {
  return memory.lastSearch;
}

export function forgetEverything(): void {
  memory.registrationName = '';
  memory.lastSearch = null;
}
