// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { today } from '../format';
import { DICTIONARIES } from '../i18n';
import { deriveKek, newDeviceKeys, newKdfParams } from '../offline/crypto';
import type { DeviceSession } from '../offline/deviceSession';
import { deleteRecords, LocalStore } from '../offline/store';
import type { SyncEngine } from '../offline/syncEngine';
import { CONFLICTS, type PulledChange } from '../offline/syncClient';
import { courseOf, keepPulledCases, keptCases, queueCaseChange, shownCases, type ShownCase } from './offlineCaseEdits';
import { RefusedHere } from './offlineCreation';
import type { OutbreakCase } from './outbreaksApi';

async function device(): Promise<DeviceSession> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  const { keys } = await newDeviceKeys(kek);
  const id = crypto.randomUUID();
  await deleteRecords(id);
  const engine = { changed: async () => {} } as unknown as SyncEngine;
  const profile = { userId: 'u', username: 'nurse', displayName: 'Nurse', roles: ['CLINICIAN'], sites: [{ id: 'site-a', name: 'A' }], secondFactorRequired: false };
  return { enrolmentId: id, keys, profile, store: new LocalStore(id, keys), engine } as DeviceSession;
}

const days = (offset: number) => {
  const day = new Date();
  day.setDate(day.getDate() + offset);
  return today(day);
};

function pulled(id: string, version: number, fields: Partial<OutbreakCase> = {}): PulledChange {
  const record: OutbreakCase = {
    id, caseNumber: `CHO-${id}`, disease: 'cholera', siteId: 'site-a', sex: 'FEMALE', ageGroup: '18+', classification: 'SUSPECTED',
    onsetOn: days(-3), version, createdAt: new Date().toISOString(), ...fields,
  };
  return { recordType: 'outbreak-case', recordId: id, change: 'UPSERT', version, record: record as unknown as Record<string, unknown> };
}

async function only(phone: DeviceSession): Promise<ShownCase> {
  const [shown] = await shownCases(phone.store);
  if (!shown) throw new Error('no case kept');
  return shown;
}

describe('a line-list case changed without network', () => {
  it('keeps the open cases pulled, sealed, newer versions only, and forgets those closed or removed', async () => {
    const phone = await device();
    await keepPulledCases(phone.store, [pulled('a', 2), pulled('b', 1), pulled('c', 1)]);
    await keepPulledCases(phone.store, [pulled('a', 1, { classification: 'DISCARDED' }), pulled('b', 2, { outcome: 'RECOVERED', outcomeOn: days(0) }),
      { recordType: 'outbreak-case', recordId: 'c', change: 'ERASED' }]);

    const kept = await keptCases(phone.store);
    expect(kept.map((one) => [one.id, one.version, one.classification])).toEqual([['a', 2, 'SUSPECTED']]);
    expect(JSON.stringify(await phone.store.meta('outbreakCases'))).not.toContain('CHO-a');
  });

  it('queues an UPDATE of the version kept with only the fields changed, each with its value before, and shows it waiting', async () => {
    const phone = await device();
    await keepPulledCases(phone.store, [pulled('a', 4)]);
    const shown = await only(phone);

    expect(await queueCaseChange(phone, shown, { ...shown.course, classification: 'CONFIRMED', labResult: 'POSITIVE' })).toBe(true);

    const [queued] = await phone.store.pending();
    expect(queued).toMatchObject({ recordType: 'outbreak-case', recordId: 'a' });
    expect(queued?.body).toMatchObject({ operation: 'UPDATE', baseVersion: 4, siteId: 'site-a' });
    expect(queued?.body.changes).toEqual({ classification: { base: 'SUSPECTED', value: 'CONFIRMED' }, labResult: { base: null, value: 'POSITIVE' } });
    const waiting = await only(phone);
    expect(waiting.pending).toBe(true);
    expect(waiting.course.classification).toBe('CONFIRMED');
    expect(await queueCaseChange(phone, waiting, waiting.course)).toBe(false);
  });

  it('refuses an outcome date before the onset or an admission after today, queueing nothing', async () => {
    const phone = await device();
    await keepPulledCases(phone.store, [pulled('a', 1)]);
    const shown = await only(phone);
    const refusal = async (course: typeof shown.course) => {
      try {
        await queueCaseChange(phone, shown, course);
      } catch (error) {
        if (error instanceof RefusedHere) return error.faults.map((fault) => `${fault.field} ${fault.key}`);
        throw error;
      }
      return [];
    };

    expect(await refusal({ ...shown.course, outcome: 'RECOVERED', outcomeOn: days(-5) })).toEqual(['onsetOn offlineHealth.onsetAfterOutcome']);
    expect(await refusal({ ...shown.course, admittedOn: days(1) })).toEqual(['admittedOn offlineHealth.inFuture']);
    expect(await phone.store.pending()).toEqual([]);
  });

  it('shows a field the server kept in conflict with both values once the change is sent, in each language', async () => {
    const phone = await device();
    await keepPulledCases(phone.store, [pulled('a', 1)]);
    await queueCaseChange(phone, await only(phone), { ...courseOf((await keptCases(phone.store))[0] as OutbreakCase), outcome: 'IN_CARE', classification: 'PROBABLE' });
    // the push: the server had the case confirmed meanwhile and kept it, and took the outcome
    const [sent] = await phone.store.pending();
    await phone.store.acknowledge([sent?.mutationId ?? '']);
    await phone.store.setMeta(CONFLICTS, [{ conflictId: 'k', recordType: 'outbreak-case', recordId: 'a', field: 'classification' }]);
    await keepPulledCases(phone.store, [pulled('a', 3, { classification: 'CONFIRMED', outcome: 'IN_CARE' })]);

    const shown = await only(phone);
    expect(shown.pending).toBe(false);
    expect(shown.course).toMatchObject({ classification: 'CONFIRMED', outcome: 'IN_CARE' });
    expect(shown.conflicts).toEqual([{ field: 'classification', server: 'CONFIRMED', device: 'PROBABLE' }]);
    for (const messages of Object.values(DICTIONARIES)) {
      expect(messages['offlineHealth.conflict']).toContain('{server}');
      expect(messages['offlineHealth.conflict']).toContain('{device}');
    }
  });
});
