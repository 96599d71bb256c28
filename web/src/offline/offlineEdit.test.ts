// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deriveKek, newDeviceKeys, newKdfParams } from './crypto';
import type { DeviceSession } from './deviceSession';
import { queuePersonEdit } from './offlineWork';
import { deleteRecords, LocalStore } from './store';

async function newDevice(): Promise<{ device: DeviceSession; changed: () => number }> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  const { keys } = await newDeviceKeys(kek);
  const id = crypto.randomUUID();
  await deleteRecords(id);
  const store = new LocalStore(id, keys);
  let changes = 0;
  const engine = { changed: async () => void changes++ };
  const profile = { userId: 'u', username: 'amina', displayName: 'Amina', roles: [], sites: [{ id: 'site-a', name: 'A' }], secondFactorRequired: false };
  return { device: { enrolmentId: id, keys, profile, store, engine } as unknown as DeviceSession, changed: () => changes };
}

describe('correcting a synced person on the device', () => {
  it('queues one update with the version held and the value before each changed field, and shows it at once', async () => {
    const { device, changed } = await newDevice();
    const person = { id: 'p1', version: 4, chosenName: 'Selam Tesfay', otherNames: [], phone: null, sex: 'FEMALE' };
    await device.store.savePerson(person, 0);

    expect(await queuePersonEdit(device, person, { chosenName: 'Selam Tesfay', phone: ' +33 6 12 34 56 78 ' })).toBe(true);

    const [mutation] = await device.store.pending();
    expect(mutation).toMatchObject({ recordType: 'person', recordId: 'p1' });
    expect(mutation?.body).toMatchObject({
      operation: 'UPDATE',
      baseVersion: 4,
      siteId: 'site-a',
      changes: { phone: { base: null, value: '+33 6 12 34 56 78' } },
    });
    expect(Object.keys((mutation?.body.changes ?? {}) as object)).toEqual(['phone']);
    expect(await device.store.person('p1')).toMatchObject({ version: 4, phone: '+33 6 12 34 56 78', sex: 'FEMALE' });
    expect(changed()).toBe(1);
  });

  it('queues nothing when nothing changed', async () => {
    const { device } = await newDevice();
    const person = { id: 'p2', version: 0, chosenName: 'Dawit', otherNames: [], phone: '+33 1' };
    expect(await queuePersonEdit(device, person, { chosenName: 'Dawit ', phone: '+33 1' })).toBe(false);
    expect(await device.store.pending()).toEqual([]);
  });
});
