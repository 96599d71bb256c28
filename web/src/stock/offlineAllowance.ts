// What this device may hand out offline: the allowances set aside for it (pulled with the sync,
// record type `stock-allowance`), less what it handed out since and has not seen settled by a pull.
// A hand-out beyond that is refused here; the server, at sync, takes it from the same allowance and
// never below zero. Nothing here is personal (places, item codes, quantities, head counts), so it is
// kept in the store's plain `meta` table; a distribution's person id travels only in the sealed outbox.
import type { LocalStore } from '../offline/store';
import { uuidv7 } from '../ids';
import { stockApi } from './stockApi';

const ALLOWANCES = 'stockAllowances';
const HANDOUTS = 'stockHandouts';
const ITEM_NAMES = 'stockItemNames';

export interface AllowanceLot {
  itemCode: string;
  lot: string;
  expiresOn?: string | null;
  quantity: number;
}

export interface DeviceAllowance {
  id: string;
  locationId: string;
  siteId: string;
  deviceId: string;
  name: string;
  version: number;
  lots: AllowanceLot[];
}

export interface HandedItem {
  itemCode: string;
  quantity: number;
}

/** A hand-out recorded here, counted against the allowance until a pull after its push settles it. */
interface Handout {
  id: string;
  locationId: string;
  items: HandedItem[];
}

export interface OfflineHandout {
  locationId: string;
  siteId: string;
  items: HandedItem[];
  /** Head counts of a group; none for a distribution to one person. */
  counts: { sex: string; ageGroup: string; people: number }[];
  /** The person handed the goods (their entitlements are checked by the server at sync). */
  personId?: string;
}

/** A line of a signed consultation's prescription handed from the device's allowance. */
export interface OfflineDispensing {
  locationId: string;
  siteId: string;
  encounterId: string;
  line: number;
  itemCode: string;
  quantity: number;
}

/** A hand-out refused on the device: it would take more of `itemCode` than is left of the allowance. */
export class AllowanceExceeded extends Error {
  constructor(readonly itemCode: string, readonly left: number) {
    super('allowance-exceeded');
    this.name = 'AllowanceExceeded';
  }
}

/** Keeps an allowance pulled from the server, when newer than the one kept. */
export async function keepAllowance(store: LocalStore, record: Record<string, unknown>, version: number): Promise<void> {
  const kept = (await store.meta<Record<string, DeviceAllowance>>(ALLOWANCES)) ?? {};
  const id = String(record.id);
  if ((kept[id]?.version ?? -1) >= version) return;
  kept[id] = { ...(record as unknown as DeviceAllowance), version };
  await store.setMeta(ALLOWANCES, kept);
}

/** This device's allowances, with what is left of each item once the hand-outs not yet settled are counted. */
export async function allowancesLeft(store: LocalStore, deviceId: string): Promise<{ allowance: DeviceAllowance; left: Map<string, number> }[]> {
  const kept = Object.values((await store.meta<Record<string, DeviceAllowance>>(ALLOWANCES)) ?? {});
  const handouts = (await store.meta<Handout[]>(HANDOUTS)) ?? [];
  return kept
    .filter((allowance) => allowance.deviceId === deviceId)
    .map((allowance) => {
      const left = new Map<string, number>();
      for (const lot of allowance.lots) left.set(lot.itemCode, (left.get(lot.itemCode) ?? 0) + lot.quantity);
      for (const handout of handouts.filter((one) => one.locationId === allowance.locationId)) {
        for (const item of handout.items) left.set(item.itemCode, (left.get(item.itemCode) ?? 0) - item.quantity);
      }
      return { allowance, left };
    });
}

/**
 * Records a distribution made offline, to a group or to one person: refused (`AllowanceExceeded`,
 * nothing queued) beyond what is left of the allowance; otherwise queued for the next push and
 * counted against it.
 */
export async function handOut(store: LocalStore, deviceId: string, handout: OfflineHandout, now = Date.now()): Promise<string> {
  const changes: Record<string, { value: unknown }> = { locationId: { value: handout.locationId }, items: { value: handout.items } };
  if (handout.personId) changes.personId = { value: handout.personId };
  else changes.counts = { value: handout.counts };
  return queueHandout(store, deviceId, handout.locationId, handout.items, 'stock-distribution', handout.siteId, changes, now);
}

/**
 * Records a dispensing made offline of a signed consultation's prescription line (the consultation
 * may itself still be in the outbox: it is pushed first), within the allowance as a distribution is.
 */
export async function dispenseOffline(store: LocalStore, deviceId: string, dispensing: OfflineDispensing, now = Date.now()): Promise<string> {
  const items = [{ itemCode: dispensing.itemCode, quantity: dispensing.quantity }];
  return queueHandout(store, deviceId, dispensing.locationId, items, 'stock-dispensing', dispensing.siteId, {
    locationId: { value: dispensing.locationId },
    encounterId: { value: dispensing.encounterId },
    line: { value: dispensing.line },
    quantity: { value: dispensing.quantity },
  }, now);
}

async function queueHandout(store: LocalStore, deviceId: string, locationId: string, items: HandedItem[], recordType: string,
  siteId: string, changes: Record<string, { value: unknown }>, now: number): Promise<string> {
  const mine = (await allowancesLeft(store, deviceId)).find((one) => one.allowance.locationId === locationId);
  const wanted = new Map<string, number>();
  for (const item of items) {
    if (!Number.isInteger(item.quantity) || item.quantity < 1) throw new AllowanceExceeded(item.itemCode, Math.max(0, mine?.left.get(item.itemCode) ?? 0));
    wanted.set(item.itemCode, (wanted.get(item.itemCode) ?? 0) + item.quantity);
  }
  for (const [itemCode, quantity] of wanted) {
    const left = mine?.left.get(itemCode) ?? 0;
    if (quantity > left) throw new AllowanceExceeded(itemCode, Math.max(0, left));
  }
  const id = uuidv7(now);
  const handouts = (await store.meta<Handout[]>(HANDOUTS)) ?? [];
  await store.setMeta(HANDOUTS, [...handouts, { id, locationId, items }]);
  await store.enqueue({
    mutationId: uuidv7(now),
    recordType,
    recordId: id,
    createdAt: now,
    body: { operation: 'CREATE', baseVersion: null, siteId, deviceTime: new Date(now).toISOString(), changes },
  });
  return id;
}

/**
 * After a complete sync (push, then pull): the hand-outs no longer in the outbox were applied or
 * refused by the server, and the allowances pulled say what is left, so they stop counting here.
 */
export async function settleHandouts(store: LocalStore): Promise<void> {
  const handouts = (await store.meta<Handout[]>(HANDOUTS)) ?? [];
  if (handouts.length === 0) return;
  const queued = new Set((await store.pending(10_000)).map((mutation) => mutation.recordId));
  await store.setMeta(HANDOUTS, handouts.filter((handout) => queued.has(handout.id)));
}

/** After each complete sync: the hand-outs settled, and the names of the goods handed out kept for the offline screens. */
export async function keepStockForOffline(store: LocalStore): Promise<void> {
  await settleHandouts(store);
  if ((await store.meta(ITEM_NAMES)) !== undefined) return;
  const names: Record<string, { fr: string; en: string; ar: string }> = {};
  for (const item of await stockApi.items()) names[item.code] = { fr: item.nameFr, en: item.nameEn, ar: item.nameAr };
  await store.setMeta(ITEM_NAMES, names);
}

export async function itemNames(store: LocalStore): Promise<Record<string, { fr: string; en: string; ar: string }>> {
  return (await store.meta<Record<string, { fr: string; en: string; ar: string }>>(ITEM_NAMES)) ?? {};
}
