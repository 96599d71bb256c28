// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deriveKek, newDeviceKeys, newKdfParams, type DeviceKeys } from './crypto';
import Dexie from 'dexie';
import { deleteRecords, LocalStore, recordsDatabaseName } from './store';

async function newKeys(): Promise<DeviceKeys> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  return (await newDeviceKeys(kek)).keys;
}

async function newStore(id = crypto.randomUUID(), keys?: DeviceKeys): Promise<LocalStore> {
  await deleteRecords(id);
  return new LocalStore(id, keys ?? await newKeys());
}

describe('search of the persons kept on the device', () => {
  it('finds a name by the spellings the variant key brings together, as the server does', async () => {
    const store = await newStore();
    await store.savePerson({ id: 'p1', version: 1, chosenName: 'Nagati Thabit', otherNames: [] }, 1);
    await store.savePerson({ id: 'p2', version: 1, chosenName: 'Kamal Osman', otherNames: [] }, 2);

    expect((await store.search('Najati')).map((person) => person.id)).toEqual(['p1']);
    expect((await store.search('Sabit')).map((person) => person.id)).toEqual(['p1']);
    expect((await store.search('Jamal')).map((person) => person.id)).toEqual([]);
  }, 30_000);

  it('finds the persons with all the words first, then those with all but one, and no fewer', async () => {
    const store = await newStore();
    await store.savePerson({ id: 'full', version: 1, chosenName: 'Mohamed Ali Haddad', otherNames: [] }, 1);
    await store.savePerson({ id: 'two', version: 1, chosenName: 'Mohamed Haddad', otherNames: [] }, 2);
    await store.savePerson({ id: 'one', version: 1, chosenName: 'Youssef Haddad', otherNames: [] }, 3);

    expect((await store.search('Muhammad Aly Hadad')).map((person) => person.id)).toEqual(['full', 'two']);
    expect((await store.search('Youssef Haddad')).map((person) => person.id)).toEqual(['one', 'two', 'full']);
  }, 30_000);

  it('indexes again the persons a store kept under older keys before its first search', async () => {
    const id = crypto.randomUUID();
    const keys = await newKeys();
    const store = await newStore(id, keys);
    await store.savePerson({ id: 'p1', version: 1, chosenName: 'Aminata Diallo', otherNames: [] }, 1);
    store.close();
    // as a store indexed before Diallo and Jallo shared a key: other keys, no generation recorded
    const raw = new Dexie(recordsDatabaseName(id));
    await raw.open();
    await raw.table('people').update('p1', { nameKeys: ['stale'] });
    await raw.table('meta').delete('nameKeys');
    raw.close();

    const reopened = new LocalStore(id, keys);
    expect((await reopened.search('Jallo')).map((person) => person.id)).toEqual(['p1']);
    expect((await reopened.search('Aminata')).map((person) => person.id)).toEqual(['p1']);
  }, 30_000);

  it('reads persons kept before its first search, and keeps its index as the store changes afterwards', async () => {
    const store = await newStore();
    await store.savePerson({ id: 'kept', version: 1, chosenName: 'Hawa Camara', otherNames: ['Awa Kamara'] }, 1);
    expect((await store.search('Kamara')).map((person) => person.id)).toEqual(['kept']);

    await store.savePerson({ id: 'kept', version: 2, chosenName: 'Hawa Keita', otherNames: [] }, 2);
    await store.savePerson({ id: 'new', version: 1, chosenName: 'Moussa Camara', otherNames: [] }, 3);
    expect((await store.search('Camara')).map((person) => person.id)).toEqual(['new']);
    expect((await store.search('Keita')).map((person) => person.id)).toEqual(['kept']);

    await store.forgetPerson('new');
    expect((await store.search('Camara')).map((person) => person.id)).toEqual([]);
    await store.forgetRecords();
    expect((await store.search('Keita')).map((person) => person.id)).toEqual([]);
  }, 30_000);

  it('forgets a person with their consultations and drafts', async () => {
    const store = await newStore();
    await store.savePerson({ id: 'p1', version: 1, chosenName: 'Aicha Diallo', otherNames: [] }, 1);
    await store.saveEncounter({ id: 'e1', personId: 'p1', version: 1, formCode: 'nursing-care', occurredOn: '2026-12-01', status: 'SIGNED', answers: {} });
    await store.saveDraft({ id: 'd1', personId: 'p1', formCode: 'nursing-care', occurredOn: '2026-12-02', answers: { notes: 'x' } });
    await store.enqueue({ mutationId: 'm1', recordType: 'encounter', recordId: 'e1', createdAt: 1, body: {} });
    expect(await store.draftsOf('p1')).toHaveLength(1);

    await store.forgetPerson('p1');

    expect(await store.encountersOf('p1')).toEqual([]);
    expect(await store.draftsOf('p1')).toEqual([]);
    expect(await store.pendingCount()).toBe(0);
  }, 30_000);
});
