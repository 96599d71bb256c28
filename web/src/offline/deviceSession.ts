// The enrolled device of the signed-in user, unlocked for the session: its encrypted store and the
// sync engine that keeps it up to date. The keys are in memory only; a reload locks the device again
// until the next sign-in (online with the password, or offline).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { requestHeaders } from '../api';
import { setOfflineCoding } from '../coding';
import { formsApi } from '../forms/formsApi';
import { CATALOGUE, CATALOGUE_MAX_AGE_MS, downloadCatalogue, onDevice, type Catalogue } from './catalogue';
import type { UnlockedDevice } from './device';
import { LocalStore } from './store';
import { httpTransport } from './syncClient';
import { SyncEngine } from './syncEngine';
import { keepStockForOffline } from '../stock/offlineAllowance';
import { keepPublicHealthForOffline } from '../outbreaks/offlinePublicHealth';
import { keepDirectory } from '../referrals/offlineReferrals';
import { keepBoardsForOffline } from '../shelters/offlineBoard';

/** The published forms the user records with, kept for offline consultations (meta key of the store). */
export const FORMS = 'forms';
/** The site the user last worked at online, where offline work is recorded (meta key of the store). */
export const WORK_SITE = 'workSite';

export interface DeviceSession extends UnlockedDevice {
  store: LocalStore;
  engine: SyncEngine;
}

let unlockedListener: (device: UnlockedDevice) => void = () => {};

/** The App hears of each unlock (at online sign-in, enrolment, offline sign-in). */
export function onDeviceUnlocked(listener: (device: UnlockedDevice) => void): void {
  unlockedListener = listener;
}

export function deviceUnlocked(device: UnlockedDevice): void {
  unlockedListener(device);
}

/** Opens the user's store and starts syncing it; `onRevoked` wipes the device. */
export function openDevice(unlocked: UnlockedDevice, onRevoked: () => void): DeviceSession {
  const store = new LocalStore(unlocked.enrolmentId, unlocked.keys);
  const transport = httpTransport(unlocked.enrolmentId, (method) => requestHeaders(method));
  const engine = new SyncEngine(store, transport, undefined, onRevoked, async () => {
    await keepStockForOffline(store);
    await keepForms(store);
    await keepPublicHealthForOffline(store);
    await keepBoardsForOffline(store, unlocked.profile.sites.map((site) => site.id)).catch(() => undefined);
    await keepDirectory(store).catch(() => undefined);
  });
  void store.meta<Catalogue>(CATALOGUE).then((kept) => kept && setOfflineCoding(onDevice(kept)));
  return { ...unlocked, store, engine };
}

/** What offline consultations need besides records: the forms, and the coding lists once a day. */
async function keepForms(store: LocalStore): Promise<void> {
  await store.setMeta(FORMS, await formsApi.usable());
  const kept = await store.meta<Catalogue>(CATALOGUE);
  const now = Date.now();
  if (!kept || now - kept.keptAt > CATALOGUE_MAX_AGE_MS) {
    const catalogue = await downloadCatalogue(now);
    await store.setMeta(CATALOGUE, catalogue);
    setOfflineCoding(onDevice(catalogue));
  }
}

export function closeDevice(device: DeviceSession): void {
  setOfflineCoding(null);
  device.engine.stop();
  device.store.close();
}

let handedQuery = '';

/** A search the server could not answer: the offline screens show and run it on the device's copy. */
export function searchOnDevice(device: DeviceSession, query: string): void {
  handedQuery = query;
  device.engine.lost();
}

/** The query handed over, once. */
export function takeHandedQuery(): string {
  const query = handedQuery;
  handedQuery = '';
  return query;
}

export const DeviceContext = createContext<DeviceSession | null>(null);

/** The unlocked device of the user, if any. */
export function useDevice(): DeviceSession | null {
  return useContext(DeviceContext);
}
