// The encrypted local store, in IndexedDB through Dexie: one database per enrolled user of the
// device, so that each user of a shared phone has their own keys and records. Every personal field
// is sealed under the user's data key; the indexes hold only ids, versions, times and keyed hashes.
import Dexie, { type Table } from 'dexie';
import { keyedHash, open, seal, type DeviceKeys, type Sealed } from './crypto';
import { nameWords } from './folding';
import { phoneticKey } from './phoneticKey';

/** A person as the device keeps it: the sealed details, and keyed hashes of the names' phonetic keys. */
interface StoredPerson {
  id: string;
  version: number;
  updatedAt: number;
  nameKeys: string[];
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
  }
}

export function recordsDatabaseName(enrolmentId: string): string {
  return `passerelle-records-${enrolmentId}`;
}

/** One user's records on this device, opened with that user's keys. */
export class LocalStore {
  private readonly db: RecordsDatabase;

  constructor(enrolmentId: string, private readonly keys: DeviceKeys) {
    this.db = new RecordsDatabase(recordsDatabaseName(enrolmentId));
  }

  async savePerson(person: LocalPerson, now: number): Promise<void> {
    const names = [person.chosenName, ...person.otherNames];
    const nameKeys = await this.nameKeys(names);
    await this.db.people.put({
      id: person.id,
      version: person.version,
      updatedAt: now,
      nameKeys,
      details: await seal(this.keys.data, person, `person:${person.id}`),
    });
  }

  async person(id: string): Promise<LocalPerson | undefined> {
    const stored = await this.db.people.get(id);
    return stored && open<LocalPerson>(this.keys.data, stored.details, `person:${stored.id}`);
  }

  /**
   * The persons whose names share a phonetic key with a word of the query (spelling-tolerant, as
   * the server's search), best first: most words in common, then most recently changed.
   */
  async search(query: string, limit = 20): Promise<LocalPerson[]> {
    const wanted = await this.nameKeys([query]);
    if (wanted.length === 0) return [];
    const found = await this.db.people.where('nameKeys').anyOf(wanted).distinct().toArray();
    const scored = found
      .map((stored) => ({ stored, common: stored.nameKeys.filter((key) => wanted.includes(key)).length }))
      .sort((a, b) => b.common - a.common || b.stored.updatedAt - a.stored.updatedAt)
      .slice(0, limit);
    return Promise.all(scored.map(({ stored }) => open<LocalPerson>(this.keys.data, stored.details, `person:${stored.id}`)));
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

  async personVersion(id: string): Promise<number | undefined> {
    return (await this.db.people.get(id))?.version;
  }

  /** Forgets a person and every change of them not yet pushed (an erasure on the server). */
  async forgetPerson(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.people, this.db.outbox, this.db.rejected, async () => {
      await this.db.people.delete(id);
      await this.db.outbox.where('recordId').equals(id).delete();
      await this.db.rejected.where('recordId').equals(id).delete();
    });
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

  private async nameKeys(names: string[]): Promise<string[]> {
    const keys = new Set(names.flatMap(nameWords).map(phoneticKey).filter((key) => key.length > 0));
    return Promise.all([...keys].map((key) => keyedHash(this.keys.index, `name:${key}`)));
  }
}

/** Deletes a user's records from the device. */
export async function deleteRecords(enrolmentId: string): Promise<void> {
  await Dexie.delete(recordsDatabaseName(enrolmentId));
}
