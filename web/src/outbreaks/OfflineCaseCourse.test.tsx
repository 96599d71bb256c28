import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { today } from '../format';
import { deriveKek, newDeviceKeys, newKdfParams } from '../offline/crypto';
import type { DeviceSession } from '../offline/deviceSession';
import { deleteRecords, LocalStore } from '../offline/store';
import type { SyncEngine } from '../offline/syncEngine';
import { CONFLICTS } from '../offline/syncClient';
import { choose, click, mount, settle } from '../test/render';
import { keepPulledCases } from './offlineCaseEdits';
import { OfflineCaseCourse } from './OfflineCaseCourse';

const CHOLERA = {
  code: 'cholera', prefix: 'CHO', ring: true, thresholds: [], severities: [],
  names: { fr: 'Choléra', en: 'Cholera', ar: 'الكوليرا' }, severityLabel: { fr: 'Déshydratation', en: 'Dehydration', ar: 'الجفاف' }, definitions: {},
};

async function phoneWithCase(classification: string, version: number): Promise<DeviceSession> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  const { keys } = await newDeviceKeys(kek);
  const id = crypto.randomUUID();
  await deleteRecords(id);
  const engine = { changed: async () => {} } as unknown as SyncEngine;
  const profile = { userId: 'u', username: 'nurse', displayName: 'Nurse', roles: ['CLINICIAN'], sites: [{ id: 'site-a', name: 'A' }], secondFactorRequired: false };
  const phone = { enrolmentId: id, keys, profile, store: new LocalStore(id, keys), engine } as DeviceSession;
  await keepPulledCases(phone.store, [{ recordType: 'outbreak-case', recordId: 'a', change: 'UPSERT', version, record: {
    id: 'a', caseNumber: 'CHO-0007', disease: 'cholera', siteId: 'site-a', sex: 'MALE', ageGroup: '18+', classification, onsetOn: today(), version,
  } }]);
  return phone;
}

/** Lets the device's store answer (sealing and IndexedDB take several turns) until the element is there. */
async function settled(found: () => HTMLElement | null): Promise<void> {
  for (let turn = 0; turn < 20 && !found(); turn++) await settle();
}

describe('the offline course of a case', () => {
  it('changes a kept case on the device and says it waits for the sync', async () => {
    const phone = await phoneWithCase('SUSPECTED', 2);
    const view = mount(<OfflineCaseCourse device={phone} diseases={[CHOLERA]} onQueued={() => {}} />, 'en');
    await settle();
    click(view.byTestId('offline-edit-case'));
    choose(view.byTestId('offline-case-classification'), 'CONFIRMED');
    click(view.byTestId('offline-save-course'));
    await settled(() => view.byTestId('offline-case-pending'));

    expect(view.byTestId('offline-case-pending')?.textContent).toBe('Changed on this device; sent at the next sync.');
    expect((await phone.store.pending())[0]?.body.changes).toEqual({ classification: { base: 'SUSPECTED', value: 'CONFIRMED' } });
    view.unmount();
  });

  it('shows a conflict the server kept with both values in Arabic', async () => {
    const phone = await phoneWithCase('SUSPECTED', 1);
    const view = mount(<OfflineCaseCourse device={phone} diseases={[CHOLERA]} onQueued={() => {}} />, 'ar');
    await settle();
    click(view.byTestId('offline-edit-case'));
    choose(view.byTestId('offline-case-classification'), 'PROBABLE');
    click(view.byTestId('offline-save-course'));
    await settle();
    const [sent] = await phone.store.pending();
    await phone.store.acknowledge([sent?.mutationId ?? '']);
    await phone.store.setMeta(CONFLICTS, [{ conflictId: 'k', recordType: 'outbreak-case', recordId: 'a', field: 'classification' }]);
    await keepPulledCases(phone.store, [{ recordType: 'outbreak-case', recordId: 'a', change: 'UPSERT', version: 3, record: {
      id: 'a', caseNumber: 'CHO-0007', disease: 'cholera', siteId: 'site-a', sex: 'MALE', ageGroup: '18+', classification: 'CONFIRMED', onsetOn: today(), version: 3,
    } }]);
    view.unmount();

    const again = mount(<OfflineCaseCourse device={phone} diseases={[CHOLERA]} onQueued={() => {}} />, 'ar');
    await settled(() => again.byTestId('offline-case-conflict'));
    const conflict = again.byTestId('offline-case-conflict')?.textContent ?? '';
    expect(conflict).toContain('مؤكدة');
    expect(conflict).toContain('محتملة');
    expect(conflict).toContain('مسؤول البيانات');
    again.unmount();
  });
});
