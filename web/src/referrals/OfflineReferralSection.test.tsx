import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { today } from '../format';
import { applyLanguage, translator, type Language } from '../i18n';
import { deriveKek, newDeviceKeys, newKdfParams } from '../offline/crypto';
import type { DeviceSession } from '../offline/deviceSession';
import { deleteRecords, LocalStore, type LocalPerson } from '../offline/store';
import { choose, click, mount, typeInto } from '../test/render';
import { referralFaults, type ServiceKept } from './offlineReferrals';
import { OfflineReferralSection } from './OfflineReferralSection';

const PERSON = { id: 'person-1', chosenName: 'Awa', otherNames: [], version: 3 } as unknown as LocalPerson;
const PASS: ServiceKept = { id: 'service-pass', name: 'PASS de Calais', kind: 'PASS', city: 'Calais', languages: ['fr', 'ar'] };

async function device(roles: string[], services: ServiceKept[] = [PASS]): Promise<DeviceSession> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  const { keys } = await newDeviceKeys(kek);
  const id = crypto.randomUUID();
  await deleteRecords(id);
  const store = new LocalStore(id, keys);
  await store.setMeta('referralServices', services);
  const engine = { current: null, subscribe: () => () => {}, changed: vi.fn(async () => {}) };
  return { enrolmentId: id, keys, store, engine, profile: { roles, sites: [{ id: 'site-a' }] } } as unknown as DeviceSession;
}

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

const tomorrow = () => {
  const day = new Date(`${today()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

describe('a referral made without network on the person\'s page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is refused on the device with nothing queued when faulty, then kept in the outbox and listed once right', async () => {
    applyLanguage('en');
    const phone = await device(['CLINICIAN']);
    const screen = mount(<OfflineReferralSection device={phone} person={PERSON} />, 'en');
    await until(() => screen.byTestId('offline-refer-service') !== null);

    choose(screen.byTestId('offline-refer-service'), 'service-pass');
    typeInto(screen.byTestId('offline-refer-date'), tomorrow());
    click(screen.byTestId('offline-refer-save'));
    await until(() => screen.container.querySelector('[role="alert"]') !== null);
    const refusal = screen.container.querySelector('[role="alert"]')?.textContent ?? '';
    expect(refusal).toContain('This field is required.');
    expect(refusal).toContain('This date is after today.');
    expect(await phone.store.pendingCount()).toBe(0);

    typeInto(screen.byTestId('offline-refer-reason'), '  Chest pain for three days  ');
    choose(screen.byTestId('offline-refer-urgency'), 'URGENT');
    choose(screen.byTestId('offline-refer-consent'), 'PERSON');
    typeInto(screen.byTestId('offline-refer-date'), today());
    click(screen.byTestId('offline-refer-save'));
    await until(() => screen.byTestId('offline-referral-queued') !== null);

    const queued = await phone.store.pending();
    expect(queued).toHaveLength(1);
    expect(queued[0]?.recordType).toBe('referral');
    expect(queued[0]?.body).toMatchObject({ operation: 'CREATE', baseVersion: null, siteId: 'site-a' });
    expect(queued[0]?.body.changes).toEqual({
      personId: { value: 'person-1' }, serviceId: { value: 'service-pass' }, reason: { value: 'Chest pain for three days' },
      urgency: { value: 'URGENT' }, consent: { value: 'PERSON' }, sentOn: { value: today() },
    });
    expect(phone.engine.changed).toHaveBeenCalledTimes(1);
    await until(() => screen.byTestId('offline-referrals-here')?.textContent?.includes('PASS de Calais') === true);
  });

  it.each<[Language, string, string]>([
    ['fr', 'Ce champ est obligatoire.', 'Ce service ne prend plus d\'orientations.'],
    ['en', 'This field is required.', 'This service no longer takes referrals.'],
    ['ar', 'هذا الحقل مطلوب.', 'هذه الخدمة لم تعد تستقبل التوجيهات.'],
  ])('refuses in %s a referral without reason or consent, and a service gone from the directory', async (language, required, gone) => {
    applyLanguage(language);
    const phone = await device(['SOCIAL_LEGAL_WORKER']);
    const screen = mount(<OfflineReferralSection device={phone} person={PERSON} />, language);
    await until(() => screen.byTestId('offline-refer-service') !== null);
    choose(screen.byTestId('offline-refer-service'), 'service-pass');
    click(screen.byTestId('offline-refer-save'));
    await until(() => screen.container.querySelector('[role="alert"]') !== null);
    expect(screen.container.querySelector('[role="alert"]')?.textContent).toContain(required);
    expect(await phone.store.pendingCount()).toBe(0);

    const faults = referralFaults([], {
      id: 'r1', personId: 'person-1', serviceId: 'service-pass', reason: 'Follow-up', urgency: 'ROUTINE', consent: 'PERSON', sentOn: today(),
    });
    expect(faults).toEqual([{ field: 'serviceId', key: 'offlineReferral.serviceClosed' }]);
    expect(translator(language)(faults[0]!.key)).toBe(gone);
  });

  it('says the directory must be synced first, and is not offered to a role that does not refer', async () => {
    applyLanguage('en');
    const empty = await device(['CLINICIAN'], []);
    const screen = mount(<OfflineReferralSection device={empty} person={PERSON} />, 'en');
    await until(() => screen.byTestId('offline-referral-no-directory') !== null);
    expect(screen.byTestId('offline-referral-no-directory')?.textContent).toBe(
      'The directory is not on this device yet: sync once with network.');
    document.body.innerHTML = '';

    const logistician = await device(['LOGISTICIAN']);
    const other = mount(<OfflineReferralSection device={logistician} person={PERSON} />, 'en');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(other.byTestId('offline-referrals')).toBeNull();
  });
});
