// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { today } from '../format';
import { deriveKek, newDeviceKeys, newKdfParams } from '../offline/crypto';
import type { DeviceSession } from '../offline/deviceSession';
import { deleteRecords, LocalStore } from '../offline/store';
import type { SyncEngine } from '../offline/syncEngine';
import { dosesHere, queueDose } from '../vaccination/offlineDoses';
import type { Vaccine } from '../vaccination/vaccinationApi';
import { queueReading } from '../water/offlineReadings';
import type { WaterPoint } from '../water/waterApi';
import { queueCase } from './offlineCases';
import { RefusedHere } from './offlineCreation';

async function device(): Promise<{ device: DeviceSession; changed: () => number }> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  const { keys } = await newDeviceKeys(kek);
  const id = crypto.randomUUID();
  await deleteRecords(id);
  let changes = 0;
  const engine = { changed: async () => { changes += 1; } } as unknown as SyncEngine;
  const profile = { userId: 'u', username: 'nurse', displayName: 'Nurse', roles: ['CLINICIAN'], sites: [{ id: 'site-a', name: 'A' }], secondFactorRequired: false };
  return { device: { enrolmentId: id, keys, profile, store: new LocalStore(id, keys), engine } as DeviceSession, changed: () => changes };
}

const days = (offset: number) => {
  const day = new Date();
  day.setDate(day.getDate() + offset);
  return today(day);
};

async function refusal(work: Promise<unknown>): Promise<string[]> {
  try {
    await work;
  } catch (error) {
    if (error instanceof RefusedHere) return error.faults.map((fault) => `${fault.field} ${fault.key}`);
    throw error;
  }
  return [];
}

const measles: Vaccine = { code: 'measles-mmr', doses: 2, minimumIntervalDays: [28], names: { fr: 'Rougeole', en: 'Measles', ar: 'الحصبة' } };
const tank: WaterPoint = { id: 'tank', siteId: 'site-b', kind: 'TANK', name: 'Tank', lat: -12.78, lon: 45.23, capacityLitres: 5000, status: 'NONE', version: 1 };

/** The first of what is queued, which the test expects there to be. */
function first<T>(items: readonly T[]): T {
  const [one] = items;
  if (one === undefined) throw new Error('nothing queued');
  return one;
}

describe('public-health work recorded without network', () => {
  it('queues a case as the creation of an outbreak-case at its site, each field a change and empty ones left out', async () => {
    const { device: phone, changed } = await device();
    await queueCase(phone, { id: 'case-1', disease: 'cholera', siteId: 'site-a', classification: 'SUSPECTED', onsetOn: days(-2), sex: 'FEMALE',
      ageYears: 34, severity: null, outcome: null, outcomeOn: null, latitude: -12.78, longitude: 45.23 });

    const queued = first(await phone.store.pending());
    expect(queued.recordType).toBe('outbreak-case');
    expect(queued.recordId).toBe('case-1');
    expect(queued.body).toMatchObject({ operation: 'CREATE', baseVersion: null, siteId: 'site-a' });
    expect(queued.body.changes).toEqual({
      disease: { value: 'cholera' }, classification: { value: 'SUSPECTED' }, onsetOn: { value: days(-2) }, sex: { value: 'FEMALE' },
      ageYears: { value: 34 }, latitude: { value: -12.78 }, longitude: { value: 45.23 },
    });
    expect(changed()).toBe(1);
  });

  it('refuses a case whose onset follows its outcome, an outcome date alone, a date after today or half coordinates, queueing nothing', async () => {
    const { device: phone } = await device();
    const base = { id: 'c', disease: 'cholera', siteId: 'site-a', classification: 'SUSPECTED', onsetOn: days(-1) };

    expect(await refusal(queueCase(phone, { ...base, outcome: 'RECOVERED', outcomeOn: days(-3) }))).toEqual(['onsetOn offlineHealth.onsetAfterOutcome']);
    expect(await refusal(queueCase(phone, { ...base, outcomeOn: days(-1) }))).toEqual(['outcomeOn offlineHealth.outcomeDateWithoutOutcome']);
    expect(await refusal(queueCase(phone, { ...base, onsetOn: days(1) }))).toEqual(['onsetOn offlineHealth.inFuture']);
    expect(await refusal(queueCase(phone, { ...base, latitude: 12 }))).toEqual(['latitude offlineHealth.coordinates']);
    expect(await refusal(queueCase(phone, { ...base, ageYears: 130 }))).toEqual(['ageYears offlineHealth.age']);
    expect(await phone.store.pending()).toEqual([]);
  });

  it('queues doses, refuses one recorded twice or past the schedule and a second dose before the minimum interval after the first', async () => {
    const { device: phone } = await device();
    const dose = { personId: 'p1', vaccineCode: 'measles-mmr', lot: 'L42' };
    await queueDose(phone, measles, { ...dose, id: 'd1', doseNumber: 1, givenOn: days(-20) });

    expect(await refusal(queueDose(phone, measles, { ...dose, id: 'd2', doseNumber: 2, givenOn: days(0) })))
      .toEqual(['givenOn offlineHealth.doseTooSoon']);
    expect(await refusal(queueDose(phone, measles, { ...dose, id: 'd3', doseNumber: 1, givenOn: days(0) })))
      .toEqual(['doseNumber offlineHealth.doseAlreadyGiven']);
    expect(await refusal(queueDose(phone, measles, { ...dose, id: 'd4', doseNumber: 3, givenOn: days(0) })))
      .toEqual(['doseNumber offlineHealth.doseBeyondSchedule']);

    const queued = await phone.store.pending();
    expect(queued.map((one) => [one.recordType, one.recordId])).toEqual([['vaccination-dose', 'd1']]);
    expect(first(queued).body.changes).toEqual({
      personId: { value: 'p1' }, vaccineCode: { value: 'measles-mmr' }, doseNumber: { value: 1 }, givenOn: { value: days(-20) }, lot: { value: 'L42' },
    });
    expect((await dosesHere(phone.store, 'p1')).map((one) => one.doseNumber)).toEqual([1]);
  });

  it('queues a reading at its point\'s site and refuses one outside physical limits or without any measure', async () => {
    const { device: phone } = await device();
    expect(await refusal(queueReading(phone, tank, { id: 'r0', pointId: 'tank', chlorine: 12, volumeLitres: 6000 })))
      .toEqual(['chlorine offlineHealth.chlorineImpossible', 'volumeLitres offlineHealth.volumeImpossible']);
    expect(await refusal(queueReading(phone, tank, { id: 'r0', pointId: 'tank' }))).toEqual(['chlorine offlineHealth.readingEmpty']);

    await queueReading(phone, tank, { id: 'r1', pointId: 'tank', chlorine: 0.1 });

    const queued = await phone.store.pending();
    expect(queued).toHaveLength(1);
    expect(first(queued)).toMatchObject({ recordType: 'water-reading', recordId: 'r1', body: { siteId: 'site-b' } });
    expect(first(queued).body.changes).toMatchObject({ pointId: { value: 'tank' }, chlorine: { value: 0.1 } });
  });
});
