// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deriveKek, newDeviceKeys, newKdfParams } from '../offline/crypto';
import { deleteRecords, LocalStore } from '../offline/store';
import { AllowanceExceeded, allowancesLeft, dispenseOffline, handOut, keepAllowance, settleHandouts } from './offlineAllowance';

async function newStore(): Promise<LocalStore> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  const { keys } = await newDeviceKeys(kek);
  const id = crypto.randomUUID();
  await deleteRecords(id);
  return new LocalStore(id, keys);
}

const allowance = (quantity: number, version: number) => ({
  id: 'a1', locationId: 'bag', siteId: 'site-a', deviceId: 'phone', name: 'Sac', version,
  lots: [{ itemCode: 'blanket', lot: 'B1', expiresOn: null, quantity }],
});

const handout = (quantity: number) => ({
  locationId: 'bag', siteId: 'site-a', items: [{ itemCode: 'blanket', quantity }], counts: [{ sex: 'FEMALE', ageGroup: '18+', people: 2 }],
});

describe('handing goods out offline within the allowance', () => {
  it('counts each hand-out against the allowance until a pull settles it, and refuses beyond it with nothing queued', async () => {
    const store = await newStore();
    await keepAllowance(store, allowance(5, 3), 3);

    await handOut(store, 'phone', handout(3), 1000);
    expect((await allowancesLeft(store, 'phone'))[0]?.left.get('blanket')).toBe(2);
    await expect(handOut(store, 'phone', handout(3), 2000)).rejects.toEqual(new AllowanceExceeded('blanket', 2));
    const [queued, ...more] = await store.pending();
    expect(more).toHaveLength(0);
    expect(queued).toMatchObject({ recordType: 'stock-distribution', body: { operation: 'CREATE', siteId: 'site-a' } });
    expect(queued?.body.changes).toMatchObject({ locationId: { value: 'bag' }, items: { value: [{ itemCode: 'blanket', quantity: 3 }] } });

    // a sync: the push acknowledged it, the pull brought the allowance as the server now holds it
    await store.acknowledge([queued?.mutationId ?? '']);
    await keepAllowance(store, allowance(2, 4), 4);
    await settleHandouts(store);
    expect((await allowancesLeft(store, 'phone'))[0]?.left.get('blanket')).toBe(2);
    await keepAllowance(store, allowance(5, 3), 3);
    expect((await allowancesLeft(store, 'phone'))[0]?.left.get('blanket')).toBe(2);
  });

  it('offers nothing of another device\'s allowance, nor of a place without one', async () => {
    const store = await newStore();
    await keepAllowance(store, allowance(5, 1), 1);
    expect(await allowancesLeft(store, 'other-phone')).toEqual([]);
    await expect(handOut(store, 'other-phone', handout(1))).rejects.toBeInstanceOf(AllowanceExceeded);
    expect(await store.pendingCount()).toBe(0);
  });

  it('gives goods to one person with their id and no head counts, counted against the allowance', async () => {
    const store = await newStore();
    await keepAllowance(store, allowance(5, 1), 1);

    await handOut(store, 'phone', { ...handout(2), counts: [], personId: 'person-1' }, 1000);

    const [queued] = await store.pending();
    expect(queued).toMatchObject({ recordType: 'stock-distribution', body: { operation: 'CREATE', siteId: 'site-a' } });
    expect(queued?.body.changes).toEqual({
      locationId: { value: 'bag' }, items: { value: [{ itemCode: 'blanket', quantity: 2 }] }, personId: { value: 'person-1' },
    });
    expect((await allowancesLeft(store, 'phone'))[0]?.left.get('blanket')).toBe(3);
    expect(JSON.stringify(await store.meta('stockHandouts'))).not.toContain('person-1');
  });

  it('dispenses a prescription line from the allowance, and refuses more than is left, or the same item twice over, with nothing queued', async () => {
    const store = await newStore();
    await keepAllowance(store, { ...allowance(0, 1), lots: [{ itemCode: 'paracetamol-500-tab', lot: 'P1', expiresOn: null, quantity: 6 }] }, 1);
    const dispensing = { locationId: 'bag', siteId: 'site-a', encounterId: 'encounter-1', line: 0, itemCode: 'paracetamol-500-tab', quantity: 4 };

    await dispenseOffline(store, 'phone', dispensing, 1000);
    await expect(dispenseOffline(store, 'phone', { ...dispensing, line: 1, quantity: 3 }, 2000))
      .rejects.toEqual(new AllowanceExceeded('paracetamol-500-tab', 2));
    await expect(handOut(store, 'phone', { ...handout(0), items: [{ itemCode: 'paracetamol-500-tab', quantity: 1 },
      { itemCode: 'paracetamol-500-tab', quantity: 2 }], counts: [], personId: 'p' }, 3000))
      .rejects.toEqual(new AllowanceExceeded('paracetamol-500-tab', 2));

    const [queued, ...more] = await store.pending();
    expect(more).toHaveLength(0);
    expect(queued).toMatchObject({ recordType: 'stock-dispensing', body: { operation: 'CREATE', siteId: 'site-a', baseVersion: null } });
    expect(queued?.body.changes).toEqual({
      locationId: { value: 'bag' }, encounterId: { value: 'encounter-1' }, line: { value: 0 }, quantity: { value: 4 },
    });
    expect((await allowancesLeft(store, 'phone'))[0]?.left.get('paracetamol-500-tab')).toBe(2);
  });
});
