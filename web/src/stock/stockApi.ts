// The stock API: places, balances, alerts and the logistician's movements. Every movement carries
// an id made here (UUIDv7), so that sending it again after a lost answer records it once.
import { call } from '../api';
import type { components } from '../api/schema';
import type { Uuid } from '../types';

type Schemas = components['schemas'];

export type StockItem = Schemas['Item'];
export type StockLocation = Schemas['Location'];
export type StockBalance = Schemas['Balance'];
export type StockAlert = Schemas['StockAlert'];
export type StockOperation = Schemas['Operation'];
export type Receipt = Schemas['Receipt'];
export type Transfer = Schemas['Transfer'];
export type Count = Schemas['Count'];

const id = (value: Uuid) => encodeURIComponent(value);

export const stockApi = {
  items: () => call<StockItem[]>('GET', '/api/stock/items'),
  locations: () => call<StockLocation[]>('GET', '/api/stock/locations'),
  balances: (location: Uuid) => call<StockBalance[]>('GET', `/api/stock/locations/${id(location)}/balances`),
  alerts: () => call<StockAlert[]>('GET', '/api/stock/alerts'),
  receive: (receipt: Receipt) => call<StockOperation>('POST', '/api/stock/receipts', receipt),
  transfer: (transfer: Transfer) => call<StockOperation>('POST', '/api/stock/transfers', transfer),
  count: (count: Count) => call<StockOperation>('POST', '/api/stock/counts', count),
};

/** The item's name in the user's language. */
export function itemName(item: StockItem | undefined, language: string, code: string): string {
  if (!item) return code;
  return language === 'ar' ? item.nameAr : language === 'en' ? item.nameEn : item.nameFr;
}
