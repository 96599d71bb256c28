// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deriveKek, newDeviceKeys, newKdfParams } from './crypto';
import { deleteRecords, LocalStore, type Mutation } from './store';
import { CONFLICTS, SyncClient, type PullPage, type PushedMutation, type PushResult, type SyncTransport } from './syncClient';

async function newStore(): Promise<LocalStore> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  const { keys } = await newDeviceKeys(kek);
  const id = crypto.randomUUID();
  await deleteRecords(id);
  return new LocalStore(id, keys);
}

function registration(name: string): Mutation {
  const recordId = crypto.randomUUID();
  return {
    mutationId: crypto.randomUUID(),
    recordType: 'person',
    recordId,
    createdAt: Date.now(),
    body: { operation: 'CREATE', baseVersion: null, changes: { chosenName: { value: name } } },
  };
}

/** A server in memory: answers each push with the outcome chosen per name, serves pages of changes. */
class FakeServer implements SyncTransport {
  pushes: PushedMutation[][] = [];
  pulls: (string | null)[] = [];
  constructor(private readonly outcome: (name: string) => PushResult['outcome'], readonly pages: PullPage[] = []) {}

  async push(mutations: PushedMutation[]) {
    this.pushes.push(mutations);
    return {
      results: mutations.map((mutation): PushResult => {
        const name = (mutation.changes as { chosenName: { value: string } }).chosenName.value;
        const outcome = this.outcome(name);
        return { mutationId: mutation.mutationId, recordId: mutation.recordId, outcome, version: 0, replayed: false,
          conflicts: outcome === 'CONFLICT' ? [{ conflictId: `c-${mutation.recordId}`, field: 'chosenName' }] : [],
          ...(outcome === 'REJECTED' ? { problem: { code: 'person-outside-scope', title: 'Outside', detail: 'Outside' } } : {}) };
      }),
    };
  }

  async pull(cursor: string | null): Promise<PullPage> {
    this.pulls.push(cursor);
    const index = cursor === null ? 0 : Number(cursor);
    return this.pages[index] ?? { changes: [], cursor: String(index), more: false };
  }
}

describe('sync client', () => {
  it('pushes the outbox in the protocol shape, empties it of accepted mutations and sets rejected ones aside', async () => {
    const store = await newStore();
    const accepted = registration('Mohamed Ali');
    const conflicting = registration('Aicha Diallo');
    const refused = registration('Outside Scope');
    for (const mutation of [accepted, conflicting, refused]) await store.enqueue(mutation);
    const server = new FakeServer((name) => (name === 'Outside Scope' ? 'REJECTED' : name === 'Aicha Diallo' ? 'CONFLICT' : 'APPLIED'));

    const report = await new SyncClient(store, server).push();

    expect(report).toEqual({ pushed: 2, rejected: 1, conflicts: 1 });
    expect(await store.meta(CONFLICTS)).toEqual([
      { conflictId: `c-${conflicting.recordId}`, recordType: 'person', recordId: conflicting.recordId, field: 'chosenName' }]);
    expect(server.pushes).toHaveLength(1);
    expect(server.pushes[0]?.[0]).toEqual({
      mutationId: accepted.mutationId, recordType: 'person', recordId: accepted.recordId, ...accepted.body });
    expect(await store.pendingCount()).toBe(0);
    expect(await store.rejectedCount()).toBe(1);
  }, 30_000);

  it('keeps the outbox as it was when the push is cut, and the same mutations go again', async () => {
    const store = await newStore();
    const mutation = registration('Youssef Haddad');
    await store.enqueue(mutation);
    const cut: SyncTransport = { push: () => Promise.reject(new Error('network')), pull: () => Promise.reject(new Error('network')) };

    await expect(new SyncClient(store, cut).sync()).rejects.toThrow('network');
    const server = new FakeServer(() => 'APPLIED');
    await new SyncClient(store, server).push();

    expect(server.pushes[0]?.map((each) => each.mutationId)).toEqual([mutation.mutationId]);
    expect(await store.pendingCount()).toBe(0);
  }, 30_000);

  it('pulls page after page from the stored cursor, and forgets an erased person with their pending changes', async () => {
    const store = await newStore();
    const erasedId = crypto.randomUUID();
    await store.savePerson({ id: erasedId, version: 1, chosenName: 'Tesfaye Bekele', otherNames: [] }, 0);
    await store.enqueue({ ...registration('Tesfaye Bekele'), recordId: erasedId });
    const server = new FakeServer(() => 'APPLIED', [
      { changes: [{ recordType: 'person', recordId: 'p1', change: 'UPSERT', version: 2,
        record: { id: 'p1', chosenName: 'Mohamed Ali', otherNames: [{ name: 'محمد' }] } }], cursor: '1', more: true },
      { changes: [{ recordType: 'person', recordId: erasedId, change: 'ERASED' }], cursor: '2', more: false },
    ]);

    const pulled = await new SyncClient(store, server).pull();

    expect(pulled).toBe(2);
    expect(server.pulls).toEqual([null, '1']);
    expect(await store.cursor()).toBe('2');
    expect((await store.search('Muhammad')).map((person) => person.id)).toEqual(['p1']);
    expect(await store.person(erasedId)).toBeUndefined();
    expect(await store.pendingCount()).toBe(0);

    await new SyncClient(store, server).pull();
    expect(server.pulls).toEqual([null, '1', '2']);
  }, 30_000);

  it('writes a page in the order of its changes: a person merged after being pulled in the same page is forgotten', async () => {
    const store = await newStore();
    const person = (id: string, version: number, name: string) => ({ recordType: 'person', recordId: id, change: 'UPSERT' as const,
      version, record: { id, chosenName: name, otherNames: [] } });
    const server = new FakeServer(() => 'APPLIED', [
      { changes: [person('p1', 1, 'Hawa Kone'), person('p2', 1, 'Oumar Sow'), person('p2', 3, 'Oumar Sow Diallo'),
        { recordType: 'person', recordId: 'p1', change: 'MERGED', mergedInto: 'p2' }, person('p3', 1, 'Mariam Sy')],
      cursor: '1', more: false },
    ]);

    expect(await new SyncClient(store, server).pull()).toBe(5);

    expect(await store.person('p1')).toBeUndefined();
    expect(await store.person('p2')).toMatchObject({ version: 3, chosenName: 'Oumar Sow Diallo' });
    expect(await store.person('p3')).toMatchObject({ version: 1, chosenName: 'Mariam Sy' });
    expect(await store.cursor()).toBe('1');
  }, 30_000);

  it('keeps the cursor of the last page written when the next page is cut', async () => {
    const store = await newStore();
    const pulls: (string | null)[] = [];
    const transport: SyncTransport = { push: () => Promise.reject(new Error('unused')), pull: async (cursor) => {
      pulls.push(cursor);
      if (cursor === '1') throw new Error('cut');
      return { changes: [{ recordType: 'person', recordId: 'p1', change: 'UPSERT', version: 1,
        record: { id: 'p1', chosenName: 'Fatima Zahra', otherNames: [] } }], cursor: '1', more: true };
    } };

    await expect(new SyncClient(store, transport).pull()).rejects.toThrow('cut');

    expect(pulls).toEqual([null, '1']);
    expect(await store.cursor()).toBe('1');
    expect(await store.person('p1')).toBeDefined();
  }, 30_000);

  it('keeps a newer local version over an older pulled one', async () => {
    const store = await newStore();
    await store.savePerson({ id: 'p1', version: 5, chosenName: 'Local Name', otherNames: [] }, 0);
    const server = new FakeServer(() => 'APPLIED', [
      { changes: [{ recordType: 'person', recordId: 'p1', change: 'UPSERT', version: 4,
        record: { id: 'p1', chosenName: 'Older Name', otherNames: [] } }], cursor: '1', more: false },
    ]);

    await new SyncClient(store, server).pull();

    expect((await store.person('p1'))?.chosenName).toBe('Local Name');
  }, 30_000);

  it('keeps the consultations pulled with their person, and forgets them with an erasure', async () => {
    const store = await newStore();
    const server = new FakeServer(() => 'APPLIED', [
      { changes: [
        { recordType: 'person', recordId: 'p1', change: 'UPSERT', version: 1, record: { id: 'p1', chosenName: 'Amina Yusuf', otherNames: [] } },
        { recordType: 'encounter', recordId: 'e1', change: 'UPSERT', version: 3,
          record: { id: 'e1', personId: 'p1', formCode: 'general', occurredOn: '2026-12-01', status: 'SIGNED', answers: { weight: 61 } } },
        { recordType: 'encounter', recordId: 'g1', change: 'UPSERT', version: 1,
          record: { id: 'g1', personId: null, formCode: 'group', occurredOn: '2026-12-01', status: 'SIGNED', answers: {} } },
      ], cursor: '1', more: false },
      { changes: [{ recordType: 'person', recordId: 'p1', change: 'ERASED' }], cursor: '2', more: false },
    ]);
    const progress: number[] = [];

    await new SyncClient(store, server).pull((count) => progress.push(count));
    expect(progress).toEqual([3]);
    expect((await store.encountersOf('p1')).map((each) => [each.id, each.status, each.answers])).toEqual([['e1', 'SIGNED', { weight: 61 }]]);

    await new SyncClient(store, server).pull();
    expect(await store.encountersOf('p1')).toEqual([]);
  }, 30_000);

  it('forgets the records and pulls from the start when the scope changed, keeping the outbox', async () => {
    const store = await newStore();
    const queued = registration('Samir Nasser');
    await store.enqueue(queued);
    const page = (scope: string, id: string): PullPage => ({ changes: [{ recordType: 'person', recordId: id, change: 'UPSERT', version: 1,
      record: { id, chosenName: `Person ${id}`, otherNames: [] } }], cursor: `${scope}-${id}`, more: false, scope });
    const answers = [page('s1', 'p1'), page('s2', 'p2'), page('s2', 'p3')];
    const pulls: (string | null)[] = [];
    const transport: SyncTransport = { push: () => Promise.reject(new Error('unused')), pull: async (cursor) => {
      pulls.push(cursor);
      return answers.shift()!;
    } };

    await new SyncClient(store, transport).pull();
    await new SyncClient(store, transport).pull();

    expect(pulls).toEqual([null, 's1-p1', null]);
    expect(await store.person('p1')).toBeUndefined();
    expect(await store.person('p3')).toBeDefined();
    expect(await store.cursor()).toBe('s2-p3');
    expect(await store.pendingCount()).toBe(1);
  }, 30_000);
});
