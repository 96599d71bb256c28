// Pass de ville's API: vouchers, claims and decisions sent with an id made here, so that sending one
// again records it once. Voucher codes travel in request bodies, never in addresses.
import { call } from '../api';
import type { components } from '../api/schema';
import type { Uuid } from '../types';

type Schemas = components['schemas'];

export type PassFile = Schemas['PassFile'];
export type Voucher = Schemas['Voucher'];
export type NewVoucher = Schemas['NewVoucher'];
export type NewEligibility = Schemas['NewEligibility'];
export type CheckedVoucher = Schemas['CheckedVoucher'];
export type NewClaim = Schemas['NewClaim'];
export type Budget = Schemas['Budget'];

const id = (value: Uuid) => encodeURIComponent(value);

export const passApi = {
  file: (person: Uuid) => call<PassFile>('GET', `/api/pass-de-ville/people/${id(person)}`),
  decide: (person: Uuid, decision: NewEligibility) => call<unknown>('POST', `/api/pass-de-ville/people/${id(person)}/eligibility`, decision),
  issue: (person: Uuid, voucher: NewVoucher) => call<Voucher>('POST', `/api/pass-de-ville/people/${id(person)}/vouchers`, voucher),
  cancel: (voucher: Uuid, version: number) => call<Voucher>('POST', `/api/pass-de-ville/vouchers/${id(voucher)}/cancellation`, { version }),
  check: (code: string) => call<CheckedVoucher>('POST', '/api/pass-de-ville/voucher-checks', { code }),
  claim: (claim: NewClaim) => call<unknown>('POST', '/api/pass-de-ville/claims', claim),
  budget: (programme: Uuid) => call<Budget>('GET', `/api/pass-de-ville/programmes/${id(programme)}/budget`),
  setBudget: (programme: Uuid, amountCents: number, version: number) =>
    call<Budget>('PUT', `/api/pass-de-ville/programmes/${id(programme)}/budget`, { amountCents, version }),
};
