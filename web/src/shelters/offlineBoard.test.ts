// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api';
import { DICTIONARIES, LANGUAGES } from '../i18n';
import { deriveKek, newDeviceKeys, newKdfParams } from '../offline/crypto';
import type { DeviceSession } from '../offline/deviceSession';
import { deleteRecords, LocalStore } from '../offline/store';
import type { SyncEngine } from '../offline/syncEngine';
import { RefusedHere } from '../outbreaks/offlineCreation';
import type { Site } from '../types';
import {
  boardOnDevice,
  conflictMessage,
  keepBoardsForOffline,
  queueAdmission,
  queueMark,
  type DeviceBoard,
} from './offlineBoard';
import { sheltersApi, type BedBoard, type BoardBed } from './sheltersApi';

async function device(): Promise<DeviceSession> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  const { keys } = await newDeviceKeys(kek);
  const id = crypto.randomUUID();
  await deleteRecords(id);
  const engine = { changed: async () => {} } as unknown as SyncEngine;
  const profile = { userId: 'u', username: 'night', displayName: 'Night worker', roles: ['SOCIAL_WORKER'],
    sites: [{ id: 'shelter', name: 'Calais' }, { id: 'clinic', name: 'Clinic' }], secondFactorRequired: false };
  return { enrolmentId: id, keys, profile, store: new LocalStore(id, keys), engine } as DeviceSession;
}

const bed = (id: string, label: string, resident?: { stayId: string; personId: string; name: string }): BoardBed => ({
  id,
  label,
  emergency: false,
  state: resident ? 'OCCUPIED' : 'FREE',
  resident: resident
    ? { stayId: resident.stayId, personId: resident.personId, chosenName: resident.name, sex: 'FEMALE', mode: 'STAY',
        admittedOn: '2026-12-01', tonight: null, version: 3 }
    : null,
});

const tonight: BedBoard = {
  siteId: 'shelter',
  night: '2026-12-07',
  emergencyOpen: false,
  capacity: 3,
  occupied: 1,
  present: 0,
  free: 2,
  freeByRule: { ADULTS_ONLY: 2 },
  releaseAt: '22:00:00',
  rooms: [{ id: 'room', name: 'Room 1', rules: ['ADULTS_ONLY'],
    beds: [bed('bed-1', '1', { stayId: 'stay-amina', personId: 'amina', name: 'Amina' }), bed('bed-2', '2'), bed('bed-3', '3')] }],
  expected: [],
};

const sites = [
  { id: 'shelter', name: 'Calais', kind: 'SHELTER' },
  { id: 'clinic', name: 'Clinic', kind: 'FIXED_CLINIC' },
] as unknown as Site[];

async function kept(phone: DeviceSession): Promise<DeviceBoard> {
  vi.spyOn(api, 'sites').mockResolvedValue(sites);
  const board = vi.spyOn(sheltersApi, 'board').mockResolvedValue(tonight);
  await keepBoardsForOffline(phone.store, phone.profile.sites.map((site) => site.id));
  expect(board.mock.calls).toEqual([['shelter']]);
  const known = await boardOnDevice(phone.store, 'shelter');
  if (!known) throw new Error('no board kept');
  return known;
}

const bedOf = (known: DeviceBoard | null, id: string) => known?.board.rooms[0]?.beds.find((one) => one.id === id);

async function faults(work: Promise<unknown>): Promise<string[]> {
  try {
    await work;
  } catch (error) {
    if (error instanceof RefusedHere) return error.faults.map((fault) => `${fault.field} ${fault.key}`);
    throw error;
  }
  return [];
}

afterEach(() => vi.restoreAllMocks());

describe('the bed board without network', () => {
  it('keeps the board of the shelter sites only, and shows each tap at once, the latest one kept, each under its own id', async () => {
    const phone = await device();
    const known = await kept(phone);
    expect(known.board.free).toBe(2);

    await queueMark(phone, known.board, 'stay-amina', 'ABSENT');
    await queueMark(phone, known.board, 'stay-amina', 'PRESENT');

    const after = await boardOnDevice(phone.store, 'shelter');
    expect(bedOf(after, 'bed-1')?.resident?.tonight).toBe('PRESENT');
    expect(after?.board.present).toBe(1);
    const taps = await phone.store.pending();
    expect(taps.map((tap) => tap.recordType)).toEqual(['shelter-night', 'shelter-night']);
    expect(new Set(taps.map((tap) => tap.recordId)).size).toBe(2);
    expect(taps[1]?.body).toMatchObject({ operation: 'CREATE', siteId: 'shelter',
      changes: { stayId: { value: 'stay-amina' }, status: { value: 'PRESENT' }, night: { value: '2026-12-07' } } });
  });

  it('admits to a free bed, shown taken at once, and refuses here a bed taken or a person already in a bed', async () => {
    const phone = await device();
    const known = await kept(phone);
    const free = bedOf(known, 'bed-2');
    if (!free) throw new Error('no bed 2');

    const stayId = await queueAdmission(phone, known.board, free, { personId: 'binta', chosenName: 'Binta', reason: 'WEATHER', mode: 'STAY' });

    const after = await boardOnDevice(phone.store, 'shelter');
    expect(bedOf(after, 'bed-2')).toMatchObject({ state: 'OCCUPIED', resident: { stayId, chosenName: 'Binta' } });
    expect(after?.board).toMatchObject({ occupied: 2, free: 1, freeByRule: { ADULTS_ONLY: 1 } });
    const [admission] = await phone.store.pending();
    expect(admission).toMatchObject({ recordType: 'shelter-stay', recordId: stayId, body: { operation: 'CREATE', siteId: 'shelter',
      changes: { personId: { value: 'binta' }, bedId: { value: 'bed-2' }, mode: { value: 'STAY' }, reason: { value: 'WEATHER' },
        admittedOn: { value: '2026-12-07' } } } });

    if (!after) throw new Error('no board');
    expect(await faults(queueAdmission(phone, after.board, free, { personId: 'chen', chosenName: 'Chen', reason: 'OTHER', mode: 'STAY' })))
      .toEqual(['bedId shelterOffline.bedNotFree']);
    const third = bedOf(after, 'bed-3');
    if (!third) throw new Error('no bed 3');
    expect(await faults(queueAdmission(phone, after.board, third, { personId: 'amina', chosenName: 'Amina', reason: 'OTHER', mode: 'STAY' })))
      .toEqual(['personId shelterOffline.alreadyInBed']);
    expect(await phone.store.pending()).toHaveLength(1);
  });

  it('shows an admission the server refused, the bed given first by another device, as a conflict until the person is offered another bed', async () => {
    const phone = await device();
    const known = await kept(phone);
    const free = bedOf(known, 'bed-2');
    if (!free) throw new Error('no bed 2');
    const stayId = await queueAdmission(phone, known.board, free, { personId: 'binta', chosenName: 'Binta', reason: 'WEATHER', mode: 'STAY' });
    const [pushed] = await phone.store.pending();
    if (!pushed) throw new Error('nothing queued');

    // the sync: the server answers REJECTED, shelter-bed-taken, and the push sets the admission aside
    await phone.store.setAside(pushed.mutationId, 'shelter-bed-taken');

    const refused = await boardOnDevice(phone.store, 'shelter');
    expect(refused?.conflicts.map((one) => [one.admission.stayId, one.admission.chosenName, one.admission.bedLabel, one.code]))
      .toEqual([[stayId, 'Binta', '2', 'shelter-bed-taken']]);
    expect(bedOf(refused, 'bed-2')?.state).toBe('FREE');
    const key = conflictMessage('shelter-bed-taken');
    for (const language of LANGUAGES) {
      expect(DICTIONARIES[language][key]).toContain('{name}');
      expect(DICTIONARIES[language][key]).toContain('{bed}');
    }
    expect(DICTIONARIES.en[key]).toContain('another device');

    const other = bedOf(refused, 'bed-3');
    if (!other || !refused) throw new Error('no bed 3');
    await queueAdmission(phone, refused.board, other, { personId: 'binta', chosenName: 'Binta', reason: 'WEATHER', mode: 'STAY' });
    const resolved = await boardOnDevice(phone.store, 'shelter');
    expect(resolved?.conflicts).toEqual([]);
    expect(bedOf(resolved, 'bed-3')?.resident?.chosenName).toBe('Binta');
  });
});
