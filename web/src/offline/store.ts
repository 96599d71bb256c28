// The encrypted local store, in IndexedDB through Dexie: one database per enrolled user of the
// device, so that each user of a shared phone has their own keys and records. Every personal field
// is sealed under the user's data key; the indexes hold only ids, versions, times and keyed hashes.
import Dexie, { type Table } from 'dexie';
import { keyedHash, open, seal, type DeviceKeys, type Sealed } from './crypto';
import { nameWords } from './folding';
import { NameIndex } from './nameIndex';
import { phoneticKey } from './phoneticKey';
import { variantKey } from './variantKey';

/** A person as the device keeps it: the sealed details, and keyed hashes of the names' phonetic keys. */
export interface StoredPerson {
  id: string;
  version: number;
  updatedAt: number;
  nameKeys: string[];
  details: Sealed;
}

/** A consultation as the device keeps it: pulled, or recorded here; sealed. */
export interface StoredEncounter {
  id: string;
  personId: string;
  version: number;
  details: Sealed;
}

/** A change made on the device and not yet pushed: an idempotent mutation with the device's id. */
interface StoredMutation {
  seq?: number;
  mutationId: string;
  recordType: string;
  recordId: string;
  createdAt: number;
  body: Sealed;
}

/** What the store holds of a person: personal, so sealed at rest. */
export interface LocalPerson {
  id: string;
  version: number;
  chosenName: string;
  otherNames: string[];
  [field: string]: unknown;
}

/** What the store holds of a consultation (the server's Encounter, or one recorded on the device). */
export interface LocalEncounter {
  id: string;
  personId: string;
  version: number;
  formCode: string;
  occurredOn: string;
  status: 'DRAFT' | 'SIGNED';
  answers: Record<string, unknown>;
  /** Recorded on this device and not yet acknowledged by the server. */
  local?: boolean;
  [field: string]: unknown;
}

/** A consultation being written on the device, kept at each change so that a reload loses nothing. */
export interface LocalDraft {
  id: string;
  personId: string;
  formCode: string;
  occurredOn: string;
  answers: Record<string, unknown>;
}

/** A field the server kept in conflict with this device's change, for a data officer to resolve. */
export interface ConflictNotice {
  conflictId: string;
  recordType: string;
  recordId: string;
  field: string;
}

export interface Mutation {
  mutationId: string;
  recordType: string;
  recordId: string;
  createdAt: number;
  /** The changed fields and the base version, as the sync protocol pushes them. */
  body: Record<string, unknown>;
}

/** A mutation the server rejected: kept aside, not retried, with the problem's code for the user. */
interface SetAside {
  mutationId: string;
  recordId: string;
  code: string;
  mutation: Sealed;
}

class RecordsDatabase extends Dexie {
  people!: Table<StoredPerson, string>;
  outbox!: Table<StoredMutation, number>;
  rejected!: Table<SetAside, string>;
  encounters!: Table<StoredEncounter, string>;
  drafts!: Table<{ id: string; personId: string; details: Sealed }, string>;
  /** Sync's state: the pull cursor (opaque, not personal). */
  meta!: Table<{ key: string; value: string }, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      people: 'id, updatedAt, *nameKeys',
      outbox: '++seq, &mutationId, recordType, recordId',
      rejected: 'mutationId, recordId',
      meta: 'key',
    });
    // consultations and drafts (the first version was never filled by a pull)
    this.version(2).stores({ encounters: 'id, personId', drafts: 'id, personId' });
  }
}

/**
 * The generation of the names' keys (folding, phonetic and variant keys) the persons are indexed
 * under: a store indexed under another is indexed again before its first search (2: di or dy before
 * a vowel keyed as j, so that Diallo meets Jallo).
 */
const NAME_KEYS = 2;

/** The most keyed hashes of names kept in memory at once (a few MB at most). */
const KEPT_HASHES = 50_000;

export function recordsDatabaseName(enrolmentId: string): string {
  return `passerelle-records-${enrolmentId}`;
}

/** One user's records on this device, opened with that user's keys. */
export class LocalStore {
  private readonly db: RecordsDatabase;
  private readonly hashes = new Map<string, Promise<string>>();
  /** The search's index in memory, read from the store at the first search. */
  private names: Promise<NameIndex> | null = null;

  constructor(enrolmentId: string, private readonly keys: DeviceKeys) {
    this.db = new RecordsDatabase(recordsDatabaseName(enrolmentId));
  }

  async savePerson(person: LocalPerson, now: number): Promise<void> {
    const stored = await this.sealPerson(person, now);
    await this.db.people.put(stored);
    this.indexNames((index) => index.put(stored.id, stored.nameKeys));
  }

  /**
   * Persons and consultations pulled, sealed for {@link writePulled}: every record at once, as
   * WebCrypto works them in parallel (one AES-GCM seal per record, the names' keyed hashes).
   */
  async sealPulled(persons: LocalPerson[], encounters: LocalEncounter[], now: number)
    : Promise<{ persons: StoredPerson[]; encounters: StoredEncounter[] }> {
    const [sealedPersons, sealedEncounters] = await Promise.all([
      Promise.all(persons.map((person) => this.sealPerson(person, now))),
      Promise.all(encounters.map((encounter) => this.sealEncounter(encounter))),
    ]);
    return { persons: sealedPersons, encounters: sealedEncounters };
  }

  /**
   * Writes a pulled page's records in one transaction and, when given, the cursor past them in the
   * same one: after a cut, the device pulls again from the last page written whole.
   */
  async writePulled(persons: StoredPerson[], encounters: StoredEncounter[], cursor?: string): Promise<void> {
    await this.db.transaction('rw', this.db.people, this.db.encounters, this.db.meta, async () => {
      if (persons.length > 0) await this.db.people.bulkPut(persons);
      if (encounters.length > 0) await this.db.encounters.bulkPut(encounters);
      if (cursor !== undefined) await this.db.meta.put({ key: 'cursor', value: cursor });
    });
    this.indexNames((index) => persons.forEach((person) => index.put(person.id, person.nameKeys)));
  }

  /** The versions kept of these persons (undefined for one not kept), in the same order. */
  async personVersions(ids: string[]): Promise<(number | undefined)[]> {
    return (await this.db.people.bulkGet(ids)).map((stored) => stored?.version);
  }

  /** The versions kept of these consultations (undefined for one not kept), in the same order. */
  async encounterVersions(ids: string[]): Promise<(number | undefined)[]> {
    return (await this.db.encounters.bulkGet(ids)).map((stored) => stored?.version);
  }

  async person(id: string): Promise<LocalPerson | undefined> {
    const stored = await this.db.people.get(id);
    return stored && open<LocalPerson>(this.keys.data, stored.details, `person:${stored.id}`);
  }

  /**
   * The persons whose names share a phonetic or variant key with the words of the query
   * (spelling-tolerant, as the server's search): all words, or all but one of two or more; best
   * first: most words in common, then the newest. Reads only the index of keyed hashes (in memory
   * after the first search), then opens the few persons shown.
   */
  async search(query: string, limit = 20): Promise<LocalPerson[]> {
    const words = [...new Set(nameWords(query))];
    const wanted = await Promise.all(words.map((word) => this.wordKeys(word)));
    if (wanted.flat().length === 0) return [];
    const needed = Math.max(1, words.length - 1);
    const common = new Map<string, number>();
    const index = await this.nameIndex();
    for (const alternatives of wanted) {
      for (const id of index.personsWithAny(alternatives)) common.set(id, (common.get(id) ?? 0) + 1);
    }
    const best = [...common.entries()]
      .filter(([, count]) => count >= needed)
      .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? 1 : a > b ? -1 : 0))
      .slice(0, limit)
      .map(([id]) => id);
    const stored = await this.db.people.bulkGet(best);
    return Promise.all(stored.filter((each) => each !== undefined)
      .map((each) => open<LocalPerson>(this.keys.data, each.details, `person:${each.id}`)));
  }

  personCount(): Promise<number> {
    return this.db.people.count();
  }

  /** Roughly what the persons take in the store: sealed bytes, index hashes and ids (for measurements). */
  async storedBytes(): Promise<number> {
    let bytes = 0;
    await this.db.people.each((stored) => {
      bytes += stored.details.data.byteLength + stored.details.iv.byteLength + stored.id.length + 16
        + stored.nameKeys.reduce((sum, key) => sum + key.length, 0);
    });
    return bytes;
  }

  async saveEncounter(encounter: LocalEncounter): Promise<void> {
    await this.db.encounters.put(await this.sealEncounter(encounter));
  }

  async encounterVersion(id: string): Promise<number | undefined> {
    return (await this.db.encounters.get(id))?.version;
  }

  async encountersOf(personId: string): Promise<LocalEncounter[]> {
    const stored = await this.db.encounters.where('personId').equals(personId).toArray();
    const all = await Promise.all(stored.map((each) => open<LocalEncounter>(this.keys.data, each.details, `encounter:${each.id}`)));
    return all.sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
  }

  async saveDraft(draft: LocalDraft): Promise<void> {
    await this.db.drafts.put({ id: draft.id, personId: draft.personId, details: await seal(this.keys.data, draft, `draft:${draft.id}`) });
  }

  async draftsOf(personId: string): Promise<LocalDraft[]> {
    const stored = await this.db.drafts.where('personId').equals(personId).toArray();
    return Promise.all(stored.map((each) => open<LocalDraft>(this.keys.data, each.details, `draft:${each.id}`)));
  }

  async deleteDraft(id: string): Promise<void> {
    await this.db.drafts.delete(id);
  }

  /** Queues a change for the next push; the same mutation id queued twice is kept once. */
  async enqueue(mutation: Mutation): Promise<void> {
    const body = await seal(this.keys.data, mutation.body, `mutation:${mutation.mutationId}`);
    await this.db.transaction('rw', this.db.outbox, async () => {
      if ((await this.db.outbox.where('mutationId').equals(mutation.mutationId).count()) === 0) {
        await this.db.outbox.add({ ...mutation, body });
      }
    });
  }

  /** The queued changes, oldest first. */
  async pending(limit = 100): Promise<Mutation[]> {
    const stored = await this.db.outbox.orderBy('seq').limit(limit).toArray();
    return Promise.all(stored.map(async (entry) => ({
      mutationId: entry.mutationId,
      recordType: entry.recordType,
      recordId: entry.recordId,
      createdAt: entry.createdAt,
      body: await open<Record<string, unknown>>(this.keys.data, entry.body, `mutation:${entry.mutationId}`),
    })));
  }

  pendingCount(): Promise<number> {
    return this.db.outbox.count();
  }

  /** Removes the changes the server acknowledged. */
  async acknowledge(mutationIds: string[]): Promise<void> {
    await this.db.outbox.where('mutationId').anyOf(mutationIds).delete();
  }

  /** Moves a rejected mutation out of the outbox, with the code of the server's problem. */
  async setAside(mutationId: string, code: string): Promise<void> {
    await this.db.transaction('rw', this.db.outbox, this.db.rejected, async () => {
      const entry = await this.db.outbox.where('mutationId').equals(mutationId).first();
      if (!entry) return;
      await this.db.rejected.put({ mutationId, recordId: entry.recordId, code, mutation: entry.body });
      await this.db.outbox.delete(entry.seq!);
    });
  }

  rejectedCount(): Promise<number> {
    return this.db.rejected.count();
  }

  /** The problem's code of each record among `recordIds` whose change the server rejected. */
  async rejectedCodes(recordIds: string[]): Promise<Map<string, string>> {
    if (recordIds.length === 0) return new Map();
    const entries = await this.db.rejected.where('recordId').anyOf(recordIds).toArray();
    return new Map(entries.map((entry) => [entry.recordId, entry.code]));
  }

  async personVersion(id: string): Promise<number | undefined> {
    return (await this.db.people.get(id))?.version;
  }

  /** Forgets a person, their consultations and every change of them not yet pushed (an erasure on the server). */
  async forgetPerson(id: string): Promise<void> {
    const tables = [this.db.people, this.db.outbox, this.db.rejected, this.db.encounters, this.db.drafts];
    await this.db.transaction('rw', tables, async () => {
      const encounterIds = await this.db.encounters.where('personId').equals(id).primaryKeys();
      await this.db.people.delete(id);
      await this.db.encounters.where('personId').equals(id).delete();
      await this.db.drafts.where('personId').equals(id).delete();
      for (const recordId of [id, ...encounterIds]) {
        await this.db.outbox.where('recordId').equals(recordId).delete();
        await this.db.rejected.where('recordId').equals(recordId).delete();
      }
    });
    this.indexNames((index) => index.remove(id));
  }

  /** Forgets the records kept (not the outbox, nor drafts): the scope changed, everything is pulled again. */
  async forgetRecords(): Promise<void> {
    await this.db.transaction('rw', this.db.people, this.db.encounters, this.db.meta, async () => {
      await this.db.people.clear();
      await this.db.encounters.clear();
      await this.db.meta.delete('cursor');
    });
    this.indexNames((index) => index.clear());
  }

  /** A value of sync's state that is not personal (cursor, scope, times, form definitions, conflict ids). */
  async meta<T>(key: string): Promise<T | undefined> {
    const value = (await this.db.meta.get(key))?.value;
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.db.meta.put({ key, value: JSON.stringify(value) });
  }

  /** A module's records kept whole beside sync's state (such as line-list cases), sealed as the records are. */
  async sealedMeta<T>(key: string): Promise<T | undefined> {
    const row = await this.db.meta.get(key);
    if (row === undefined) return undefined;
    const kept = JSON.parse(row.value) as { iv: string; data: string };
    return open<T>(this.keys.data, { iv: unbase64(kept.iv), data: unbase64(kept.data) }, `meta:${key}`);
  }

  async setSealedMeta(key: string, value: unknown): Promise<void> {
    const sealed = await seal(this.keys.data, value, `meta:${key}`);
    await this.db.meta.put({ key, value: JSON.stringify({ iv: inBase64(sealed.iv), data: inBase64(sealed.data) }) });
  }

  async cursor(): Promise<string | null> {
    return (await this.db.meta.get('cursor'))?.value ?? null;
  }

  async setCursor(cursor: string): Promise<void> {
    await this.db.meta.put({ key: 'cursor', value: cursor });
  }

  close(): void {
    this.db.close();
  }

  /**
   * The search's index in memory: read once from the store's index of keyed hashes (no record
   * opened), after the persons are indexed again if their keys are of an older generation.
   */
  private nameIndex(): Promise<NameIndex> {
    if (this.names === null) {
      const index = new NameIndex();
      const loading = this.currentNameKeys()
        .then(() => this.db.people.orderBy('nameKeys')
          .eachKey((key, cursor) => index.add(String(key), String(cursor.primaryKey))))
        .then(() => index);
      loading.catch(() => {
        if (this.names === loading) this.names = null; // read again at the next search
      });
      this.names = loading;
    }
    return this.names;
  }

  /**
   * Indexes every person again under the current keys when the store was indexed under older ones
   * (once per store): each person is opened for their names, and their keys replaced unless they
   * were written again meanwhile.
   */
  private async currentNameKeys(): Promise<void> {
    if ((await this.db.meta.get('nameKeys'))?.value === String(NAME_KEYS)) return;
    const stored = await this.db.people.toArray();
    const indexed = await Promise.all(stored.map(async (each) => {
      const person = await open<LocalPerson>(this.keys.data, each.details, `person:${each.id}`);
      return { each, nameKeys: await this.nameKeys([person.chosenName, ...person.otherNames]) };
    }));
    await this.db.transaction('rw', this.db.people, this.db.meta, async () => {
      for (const { each, nameKeys } of indexed) {
        await this.db.people.where('id').equals(each.id)
          .and((now) => now.version === each.version && now.updatedAt === each.updatedAt)
          .modify({ nameKeys });
      }
      await this.db.meta.put({ key: 'nameKeys', value: String(NAME_KEYS) });
    });
  }

  /** Keeps the index in memory as the store, once it is read (after the writes being read with it). */
  private indexNames(change: (index: NameIndex) => void): void {
    void this.names?.then(change, () => {});
  }

  private async sealPerson(person: LocalPerson, now: number): Promise<StoredPerson> {
    const [nameKeys, details] = await Promise.all([
      this.nameKeys([person.chosenName, ...person.otherNames]),
      seal(this.keys.data, person, `person:${person.id}`),
    ]);
    return { id: person.id, version: person.version, updatedAt: now, nameKeys, details };
  }

  private async sealEncounter(encounter: LocalEncounter): Promise<StoredEncounter> {
    const details = await seal(this.keys.data, encounter, `encounter:${encounter.id}`);
    return { id: encounter.id, personId: encounter.personId, version: encounter.version, details };
  }

  /** The keyed hashes of a word's phonetic and variant keys: either finds the word. */
  private async wordKeys(word: string): Promise<string[]> {
    const phonetic = phoneticKey(word);
    const variant = variantKey(word);
    return Promise.all([
      ...(phonetic ? [this.keyedHash(`name:${phonetic}`)] : []),
      ...(variant.length >= 2 ? [this.keyedHash(`variant:${variant}`)] : []),
    ]);
  }

  /**
   * A keyed hash, computed once per key while the store is open: many persons share a name, and a
   * first sync would otherwise hash the same few thousand keys again for each of them. Memory only.
   */
  private keyedHash(value: string): Promise<string> {
    let hash = this.hashes.get(value);
    if (hash === undefined) {
      if (this.hashes.size >= KEPT_HASHES) this.hashes.clear();
      hash = keyedHash(this.keys.index, value);
      this.hashes.set(value, hash);
    }
    return hash;
  }

  private async nameKeys(names: string[]): Promise<string[]> {
    const words = [...new Set(names.flatMap(nameWords))];
    return [...new Set((await Promise.all(words.map((word) => this.wordKeys(word)))).flat())];
  }
}

/** Deletes a user's records from the device. */
export async function deleteRecords(enrolmentId: string): Promise<void> {
  await Dexie.delete(recordsDatabaseName(enrolmentId));
}

function inBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function unbase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
