import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api';
import { applyLanguage } from '../i18n';
import { deriveKek, newDeviceKeys, newKdfParams } from '../offline/crypto';
import type { DeviceSession } from '../offline/deviceSession';
import { deleteRecords, LocalStore } from '../offline/store';
import { click, mount } from '../test/render';
import type { Site } from '../types';
import { keepBoardsForOffline, queueAdmission } from './offlineBoard';
import { OfflineBedBoard } from './OfflineBedBoard';
import { sheltersApi, type BedBoard } from './sheltersApi';

const free = (id: string, label: string) => ({ id, label, emergency: false, state: 'FREE' as const, resident: null });
const TONIGHT: BedBoard = {
  siteId: 'shelter', night: '2026-12-07', emergencyOpen: false, capacity: 3, occupied: 1, present: 0, free: 2, freeByRule: {},
  releaseAt: '22:00:00', expected: [],
  rooms: [{ id: 'room', name: 'Chambre 1', rules: [], beds: [
    { id: 'bed-1', label: '1', emergency: false, state: 'OCCUPIED', resident: { stayId: 'stay-amina', personId: 'amina',
      chosenName: 'Amina', sex: 'FEMALE', mode: 'STAY', admittedOn: '2026-12-01', tonight: null, version: 3 } },
    free('bed-2', '2'), free('bed-3', '3')] }],
};

async function device(): Promise<DeviceSession> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  const { keys } = await newDeviceKeys(kek);
  const id = crypto.randomUUID();
  await deleteRecords(id);
  const store = new LocalStore(id, keys);
  vi.spyOn(api, 'sites').mockResolvedValue([{ id: 'shelter', name: 'Calais', kind: 'SHELTER' }] as unknown as Site[]);
  vi.spyOn(sheltersApi, 'board').mockResolvedValue(TONIGHT);
  await keepBoardsForOffline(store, ['shelter']);
  const engine = { current: null, subscribe: () => () => {}, changed: vi.fn(async () => {}) };
  return { enrolmentId: id, keys, store, engine, profile: { sites: [{ id: 'shelter', name: 'Calais' }], roles: ['SOCIAL_WORKER'] } } as unknown as DeviceSession;
}

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

describe('the bed board on the device without network', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('shows a bed given first by another device in Arabic, and admits the person to another bed from the conflict', async () => {
    applyLanguage('ar');
    const phone = await device();
    const bed2 = TONIGHT.rooms[0]?.beds[1];
    if (!bed2) throw new Error('no bed 2');
    await queueAdmission(phone, TONIGHT, bed2, { personId: 'binta', chosenName: 'Binta', reason: 'WEATHER', mode: 'STAY' });
    const [pushed] = await phone.store.pending();
    await phone.store.setAside(pushed?.mutationId ?? '', 'shelter-bed-taken');

    const screen = mount(<OfflineBedBoard device={phone} />, 'ar');
    const text = (testId: string) => screen.container.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';
    await until(() => text('offline-board-conflict').includes('من جهاز آخر'));
    expect(text('offline-board-conflict')).toContain('Binta');
    expect(text('offline-board-free')).toBe('2');

    click(screen.container.querySelector('[data-testid="offline-mark-present"]'));
    await until(() => text('offline-board-present') === '1');

    click(screen.container.querySelector('[data-testid="offline-board-other-bed"]'));
    await until(() => screen.container.querySelectorAll('[data-testid="offline-board-admit"]').length === 2);
    click(screen.container.querySelectorAll<HTMLElement>('[data-testid="offline-board-admit"]')[1] ?? null);
    await until(() => text('offline-admit-chosen') === 'Binta');
    click(screen.container.querySelector('[data-testid="offline-admit-save"]'));
    await until(() => screen.container.querySelector('[data-testid="offline-board-conflict"]') === null);
    expect(text('offline-board-free')).toBe('1');
    const queued = await phone.store.pending();
    expect(queued.map((one) => one.recordType)).toEqual(['shelter-night', 'shelter-stay']);
    expect(queued[1]?.body.changes).toMatchObject({ personId: { value: 'binta' }, bedId: { value: 'bed-3' } });
  });
});
