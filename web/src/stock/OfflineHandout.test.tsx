import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { deriveKek, newDeviceKeys, newKdfParams } from '../offline/crypto';
import type { DeviceSession } from '../offline/deviceSession';
import { deleteRecords, LocalStore, type LocalEncounter, type LocalPerson } from '../offline/store';
import { choose, click, mount, typeInto } from '../test/render';
import { allowancesLeft, keepAllowance } from './offlineAllowance';
import { OfflineHandout } from './OfflineHandout';

const PERSON = { id: 'person-1', chosenName: 'Awa', otherNames: [], version: 3 } as unknown as LocalPerson;
const SIGNED: LocalEncounter = {
  id: 'encounter-1', personId: 'person-1', version: 2, formCode: 'medical-consultation', occurredOn: '2026-12-07', status: 'SIGNED',
  answers: { prescription: [{ medicine: 'paracetamol-500-tab', morning: 1, evening: 1, days: 3 }] },
};

async function device(): Promise<DeviceSession> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  const { keys } = await newDeviceKeys(kek);
  const id = crypto.randomUUID();
  await deleteRecords(id);
  const store = new LocalStore(id, keys);
  await keepAllowance(store, {
    id: 'a1', locationId: 'bag', siteId: 'site-a', deviceId: 'phone', name: 'Sac Calais', version: 1,
    lots: [
      { itemCode: 'blanket', lot: 'B1', expiresOn: null, quantity: 3 },
      { itemCode: 'paracetamol-500-tab', lot: 'P1', expiresOn: null, quantity: 10 },
    ],
  }, 1);
  await store.setMeta('forms', [{ code: 'medical-consultation', version: 1, status: 'PUBLISHED', builtIn: true, createdAt: '',
    definition: { sections: [{ fields: [{ code: 'prescription', type: 'medication' }] }] } }]);
  const engine = { current: null, subscribe: () => () => {}, changed: vi.fn(async () => {}) };
  return { enrolmentId: 'phone', keys, store, engine } as unknown as DeviceSession;
}

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

describe('handing out to a person from the device\'s allowance, offline', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('gives goods to the person and dispenses their prescription, and refuses more than is left with nothing queued', async () => {
    applyLanguage('en');
    const phone = await device();
    const screen = mount(<OfflineHandout device={phone} person={PERSON} encounters={[SIGNED]} />, 'en');
    await until(() => screen.container.querySelectorAll('[data-testid="offline-dispense-line"]').length === 1);

    choose(screen.byTestId('offline-handout-item'), 'blanket');
    typeInto(screen.byTestId('offline-handout-quantity'), '4');
    click(screen.byTestId('offline-handout-give'));
    await until(() => screen.byTestId('offline-handout-message') !== null);
    expect(screen.byTestId('offline-handout-message')?.textContent).toBe('Only 3 of blanket left on this device: nothing was recorded.');
    expect(await phone.store.pendingCount()).toBe(0);

    typeInto(screen.byTestId('offline-handout-quantity'), '2');
    click(screen.byTestId('offline-handout-give'));
    await until(() => screen.byTestId('offline-handout-message')?.getAttribute('role') === 'status');
    expect((screen.byTestId('offline-dispense-quantity') as HTMLInputElement).value).toBe('6');
    click(screen.byTestId('offline-dispense'));
    await until(() => screen.byTestId('offline-handout-message')?.textContent?.startsWith('Dispensing kept') === true);

    const queued = await phone.store.pending();
    expect(queued.map((one) => one.recordType)).toEqual(['stock-distribution', 'stock-dispensing']);
    expect(queued[0]?.body.changes).toMatchObject({ personId: { value: 'person-1' }, items: { value: [{ itemCode: 'blanket', quantity: 2 }] } });
    expect(queued[1]?.body.changes).toEqual({
      locationId: { value: 'bag' }, encounterId: { value: 'encounter-1' }, line: { value: 0 }, quantity: { value: 6 },
    });
    const [left] = await allowancesLeft(phone.store, 'phone');
    expect(left?.left.get('blanket')).toBe(1);
    expect(left?.left.get('paracetamol-500-tab')).toBe(4);
    expect(phone.engine.changed).toHaveBeenCalledTimes(2);
  });
});
