// The offline search's index in memory: for each keyed hash of a name's phonetic or variant key, the
// persons whose names have it. Read once from the store's index of keyed hashes (no record opened),
// then kept up to date with every write, so that a search costs a few map lookups instead of reading
// thousands of index entries of IndexedDB for a common name. Holds only ids and keyed hashes, as the
// store's index does, and only in memory.

export class NameIndex {
  private readonly personsByKey = new Map<string, Set<string>>();
  private readonly keysByPerson = new Map<string, string[]>();

  /** Sets a person's keys, replacing those they had. */
  put(id: string, keys: string[]): void {
    this.remove(id);
    this.keysByPerson.set(id, keys);
    for (const key of keys) this.add(key, id);
  }

  /** Adds one key of a person (when read from the store, key by key). */
  add(key: string, id: string): void {
    let persons = this.personsByKey.get(key);
    if (!persons) {
      persons = new Set();
      this.personsByKey.set(key, persons);
    }
    persons.add(id);
    const keys = this.keysByPerson.get(id);
    if (!keys) this.keysByPerson.set(id, [key]);
    else if (!keys.includes(key)) keys.push(key);
  }

  remove(id: string): void {
    for (const key of this.keysByPerson.get(id) ?? []) {
      const persons = this.personsByKey.get(key);
      persons?.delete(id);
      if (persons?.size === 0) this.personsByKey.delete(key);
    }
    this.keysByPerson.delete(id);
  }

  clear(): void {
    this.personsByKey.clear();
    this.keysByPerson.clear();
  }

  /** The persons having any of these keys. */
  personsWithAny(keys: string[]): Set<string> {
    const found = new Set<string>();
    for (const key of keys) {
      for (const id of this.personsByKey.get(key) ?? []) found.add(id);
    }
    return found;
  }
}
