// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { contactServer, enrolments, keepEnrolment, MAX_FAILED_ATTEMPTS, newEnrolmentRequest, signInOffline, type OfflineProfile } from './device';
import { ARGON2ID_COST } from './crypto';
import { LocalStore, recordsDatabaseName } from './store';

const PASSWORD = 'correct-horse-battery';
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 7, 9, 0);

const profile = (username: string): OfflineProfile => ({
  userId: crypto.randomUUID(),
  username,
  displayName: `Nurse ${username}`,
  roles: ['CLINICIAN'],
  sites: [{ id: crypto.randomUUID(), name: 'Calais mobile clinic' }],
  secondFactorRequired: false,
});

// a low cost keeps the tests quick; one test unlocks at the cost the application uses
const TEST_COST = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

async function enrol(username: string, cost = TEST_COST) {
  const request = await newEnrolmentRequest('Clinic phone');
  const keys = await keepEnrolment(request, PASSWORD, profile(username), 14, NOW, cost);
  return { request, keys };
}

afterEach(async () => {
  for (const enrolment of await enrolments()) {
    const { wipe } = await import('./device');
    await wipe(enrolment.id);
  }
});

describe('offline sign-in', () => {
  it('unlocks with the password and refuses a wrong one', async () => {
    const { request } = await enrol('amina', ARGON2ID_COST);

    const wrong = await signInOffline('amina', 'not-the-password', NOW + DAY);
    const right = await signInOffline('Amina', PASSWORD, NOW + DAY);

    expect(wrong).toEqual({ outcome: 'wrong-password', attemptsLeft: MAX_FAILED_ATTEMPTS - 1 });
    expect(right.outcome).toBe('signed-in');
    if (right.outcome === 'signed-in') {
      expect(right.enrolmentId).toBe(request.id);
      expect(right.profile.displayName).toBe('Nurse amina');
      expect(right.keys.data.extractable).toBe(false);
      expect(right.keys.index.extractable).toBe(false);
    }
    expect(await signInOffline('someone-else', PASSWORD, NOW)).toEqual({ outcome: 'not-enrolled' });
  }, 60_000);

  it('ends offline access after the offline period without contact, and a contact opens a new one', async () => {
    await enrol('bilal');
    expect((await signInOffline('bilal', PASSWORD, NOW + 14 * DAY)).outcome).toBe('signed-in');
    expect((await signInOffline('bilal', PASSWORD, NOW + 14 * DAY + 1)).outcome).toBe('expired');

    await contactServer(async () => ({ status: 'active', offlineAccessDays: 3 }), NOW + 20 * DAY);

    expect((await signInOffline('bilal', PASSWORD, NOW + 23 * DAY)).outcome).toBe('signed-in');
    expect((await signInOffline('bilal', PASSWORD, NOW + 23 * DAY + 1)).outcome).toBe('expired');
  }, 60_000);

  it('wipes the user after ten wrong passwords in a row, and only that user', async () => {
    const { request, keys } = await enrol('chloe');
    await enrol('dawit');
    const store = new LocalStore(request.id, keys);
    await store.enqueue({ mutationId: crypto.randomUUID(), recordType: 'person', recordId: crypto.randomUUID(), createdAt: NOW, body: { chosenName: 'Yusuf' } });
    store.close();

    for (let attempt = 1; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
      expect((await signInOffline('chloe', `guess ${attempt}`, NOW)).outcome).toBe('wrong-password');
    }
    expect(await signInOffline('chloe', 'guess 10', NOW)).toEqual({ outcome: 'wiped' });

    expect(await signInOffline('chloe', PASSWORD, NOW)).toEqual({ outcome: 'not-enrolled' });
    expect(await indexedDB.databases()).not.toContainEqual(expect.objectContaining({ name: recordsDatabaseName(request.id) }));
    expect((await signInOffline('dawit', PASSWORD, NOW)).outcome).toBe('signed-in');
  }, 120_000);

  it('a successful sign-in starts the count of failures again', async () => {
    await enrol('efua');
    for (let attempt = 1; attempt < MAX_FAILED_ATTEMPTS; attempt++) await signInOffline('efua', 'guess', NOW);
    expect((await signInOffline('efua', PASSWORD, NOW)).outcome).toBe('signed-in');
    expect(await signInOffline('efua', 'guess', NOW)).toEqual({ outcome: 'wrong-password', attemptsLeft: MAX_FAILED_ATTEMPTS - 1 });
  }, 120_000);

  it('a revoked enrolment is wiped at the next contact, the others stay', async () => {
    const revoked = await enrol('farah');
    await enrol('gideon');

    const wiped = await contactServer(async (id) => (id === revoked.request.id ? { status: 'revoked' } : { status: 'unreachable' }), NOW);

    expect(wiped).toBe(1);
    expect(await signInOffline('farah', PASSWORD, NOW)).toEqual({ outcome: 'not-enrolled' });
    expect((await signInOffline('gideon', PASSWORD, NOW)).outcome).toBe('signed-in');
  }, 60_000);
});

describe('encrypted local store', () => {
  it('finds persons by any spelling of their names and keeps the outbox across a reopening', async () => {
    const { request, keys } = await enrol('hana');
    const store = new LocalStore(request.id, keys);
    await store.savePerson({ id: 'p1', version: 1, chosenName: 'Mohamed Ali', otherNames: ['محمد'] }, NOW);
    await store.savePerson({ id: 'p2', version: 1, chosenName: 'Aicha Diallo', otherNames: [] }, NOW);
    const mutation = { mutationId: 'm1', recordType: 'person', recordId: 'p2', createdAt: NOW, body: { chosenName: 'Aïcha Diallo', baseVersion: 1 } };
    await store.enqueue(mutation);
    await store.enqueue(mutation);
    store.close();

    const reopened = new LocalStore(request.id, keys);
    expect((await reopened.search('Muhammad')).map((person) => person.id)).toEqual(['p1']);
    expect((await reopened.search('aisha')).map((person) => person.id)).toEqual(['p2']);
    expect(await reopened.search('Zeynep')).toEqual([]);
    expect(await reopened.pendingCount()).toBe(1);
    expect(await reopened.pending()).toEqual([mutation]);
    await reopened.acknowledge(['m1']);
    expect(await reopened.pendingCount()).toBe(0);
    reopened.close();
  }, 60_000);

  it('keeps nothing personal in clear in IndexedDB', async () => {
    const username = 'ifeoma.nurse';
    const { request, keys } = await enrol(username);
    const store = new LocalStore(request.id, keys);
    await store.savePerson({ id: 'p1', version: 1, chosenName: 'Youssef Haddad', otherNames: ['يوسف'], phone: '+33612345678' }, NOW);
    await store.enqueue({ mutationId: 'm1', recordType: 'person', recordId: 'p1', createdAt: NOW, body: { chosenName: 'Youssef Haddad', phone: '+33612345678' } });
    store.close();

    const raw = (await rawContent('passerelle-device')) + (await rawContent(recordsDatabaseName(request.id)));

    expect(raw).toContain(request.id); // the inspection does see the stored rows
    for (const secret of ['Youssef', 'youssef', 'Haddad', 'haddad', 'يوسف', '33612345678', 'YSF', 'HTT', username, `Nurse ${username}`, 'Calais']) {
      expect(raw, secret).not.toContain(secret);
    }
  }, 60_000);
});

/** Every value of every object store of a database, with bytes read as text both ways. */
async function rawContent(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(String(request.error)));
  });
  let text = '';
  for (const storeName of Array.from(db.objectStoreNames)) {
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(storeName).objectStore(storeName).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    text += JSON.stringify(values, (_, value) =>
      value instanceof Uint8Array ? new TextDecoder().decode(value) + Buffer.from(value).toString('latin1') : value);
  }
  db.close();
  return text;
}
