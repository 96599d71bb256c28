// The stock API: places, balances, alerts and the logistician's movements. Every movement carries
// an id made here (UUIDv7), so that sending it again after a lost answer records it once.
import { call } from '../api';
import type { components } from '../api/schema';
import type { Uuid } from '../types';

type Schemas = components['schemas'];

export type StockItem = Schemas['Item'];
export type StockLocation = Schemas['Location'];
export type StockBalance = Schemas['Balance'];
export type BalancePage = Schemas['BalancePage'];
export type StockAlert = Schemas['StockAlert'];
export type StockOperation = Schemas['Operation'];
export type Receipt = Schemas['Receipt'];
export type Transfer = Schemas['Transfer'];
export type Count = Schemas['Count'];
export type NewLocation = Schemas['NewLocation'];
export type Consumption = Schemas['Consumption'];
export type LotShare = Schemas['LotShare'];
export type Dispensing = Schemas['Dispensing'];
export type NewDistribution = Schemas['NewDistribution'];
export type Received = Schemas['Received'];
export type GroupCount = Schemas['GroupCount'];
export type KitAssembly = Schemas['KitAssembly'];
export type KitBreakdown = Schemas['KitBreakdown'];
export type SignedDispensing = Schemas['SignedDispensing'];

const id = (value: Uuid) => encodeURIComponent(value);

export const stockApi = {
  items: () => call<StockItem[]>('GET', '/api/stock/items'),
  locations: () => call<StockLocation[]>('GET', '/api/stock/locations'),
  /** A page of the place's lots (those of 50 items unless told, after {@code after}), or one item's, with the place's totals. */
  balances: (location: Uuid, page: { itemCode?: string; after?: string; limit?: number } = {}) => {
    const query = new URLSearchParams();
    if (page.itemCode) query.set('itemCode', page.itemCode);
    if (page.after) query.set('after', page.after);
    if (page.limit) query.set('limit', String(page.limit));
    const search = query.toString();
    return call<BalancePage>('GET', `/api/stock/locations/${id(location)}/balances${search ? `?${search}` : ''}`);
  },
  alerts: () => call<StockAlert[]>('GET', '/api/stock/alerts'),
  receive: (receipt: Receipt) => call<StockOperation>('POST', '/api/stock/receipts', receipt),
  transfer: (transfer: Transfer) => call<StockOperation>('POST', '/api/stock/transfers', transfer),
  count: (count: Count) => call<StockOperation>('POST', '/api/stock/counts', count),
  assemble: (assembly: KitAssembly) => call<StockOperation>('POST', '/api/stock/kits/assemblies', assembly),
  breakDown: (breakdown: KitBreakdown) => call<StockOperation>('POST', '/api/stock/kits/breakdowns', breakdown),
  addLocation: (place: NewLocation) => call<StockLocation>('POST', '/api/stock/locations', place),
  renameLocation: (place: Uuid, name: string, version: number) =>
    call<StockLocation>('PUT', `/api/stock/locations/${id(place)}`, { name, version }),
  closeLocation: (place: Uuid, version: number) => call<void>('POST', `/api/stock/locations/${id(place)}/close`, { version }),
  consumption: (place: Uuid) => call<Consumption[]>('GET', `/api/stock/locations/${id(place)}/consumption`),
  proposal: (place: Uuid, itemCode: string, quantity: number) =>
    call<LotShare[]>(
      'GET',
      `/api/stock/locations/${id(place)}/proposal?itemCode=${encodeURIComponent(itemCode)}&quantity=${quantity}`,
    ),
  dispense: (dispensing: Dispensing) => call<StockOperation>('POST', '/api/stock/dispensings', dispensing),
  /** What signing the consultation dispensed, line by line, or why not. */
  signedDispensings: (encounter: Uuid) =>
    call<SignedDispensing[]>('GET', `/api/stock/consultations/${id(encounter)}/dispensings`),
  distribute: (distribution: NewDistribution) => call<StockOperation>('POST', '/api/stock/distributions', distribution),
  received: (person: Uuid) => call<Received[]>('GET', `/api/stock/people/${id(person)}/distributions`),
};

/** The item's name in the user's language. */
export function itemName(item: StockItem | undefined, language: string, code: string): string {
  if (!item) return code;
  return language === 'ar' ? item.nameAr : language === 'en' ? item.nameEn : item.nameFr;
}
