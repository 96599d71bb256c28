// Referrals recorded without network on a person's page (in a camp): the directory's open services are
// kept on the device at each sync, and a referral is checked here as the server will check it (a
// service of the directory still taking referrals, a reason, the consent, not dated after today)
// before it is queued as the creation of a `referral` record, which the server writes once at the
// next sync through the same rules as online. What was referred stays sealed in the outbox only: the
// person's page lists the referrals waiting there.
import type { MessageKey } from '../i18n';
import { afterToday, queueCreation, refuseIf, type Fault } from '../outbreaks/offlineCreation';
import type { DeviceSession } from '../offline/deviceSession';
import type { LocalStore } from '../offline/store';
import { referralsApi, type PartnerService } from './referralsApi';
import { CONSENTS, URGENCIES } from './referralsModel';

const SERVICES = 'referralServices';
const REASON_MAX = 2000;
/** At most this many queued changes are read to list a person's referrals waiting there. */
const OUTBOX_READ = 10_000;

/** A service of the directory as the device keeps it: what choosing a destination needs. */
export interface ServiceKept {
  id: string;
  name: string;
  kind: string;
  city: string | null;
  languages: string[];
}

/** A referral recorded on this device and not yet synced. */
export interface ReferralHere {
  id: string;
  serviceId: string;
  urgency: string;
  sentOn: string;
}

/** A referral made on the device, as the server's `referral` record takes it. */
export interface OfflineReferral {
  id: string;
  personId: string;
  serviceId: string;
  reason: string;
  urgency: (typeof URGENCIES)[number];
  consent: (typeof CONSENTS)[number] | '';
  sentOn: string;
}

const kept = (service: PartnerService): ServiceKept => ({
  id: service.id,
  name: service.details.name,
  kind: service.details.kind,
  city: service.details.city ?? null,
  languages: service.details.languages,
});

/** Keeps the directory's services that take referrals, for offline referrals. */
export async function keepDirectory(store: LocalStore): Promise<void> {
  const services = await referralsApi.services({});
  await store.setMeta(SERVICES, services.filter((service) => !service.details.closed).map(kept));
}

export async function keptServices(store: LocalStore): Promise<ServiceKept[]> {
  return (await store.meta<ServiceKept[]>(SERVICES)) ?? [];
}

/** The referrals recorded on this device for a person and waiting in the outbox, oldest first. */
export async function referralsHere(store: LocalStore, personId: string): Promise<ReferralHere[]> {
  const value = (changes: unknown, field: string) => String((changes as Record<string, { value?: unknown }>)[field]?.value ?? '');
  return (await store.pending(OUTBOX_READ))
    .filter((mutation) => mutation.recordType === 'referral' && value(mutation.body.changes, 'personId') === personId)
    .map((mutation) => ({
      id: mutation.recordId,
      serviceId: value(mutation.body.changes, 'serviceId'),
      urgency: value(mutation.body.changes, 'urgency'),
      sentOn: value(mutation.body.changes, 'sentOn'),
    }));
}

/** The referral's faults, each message an i18n key. */
export function referralFaults(services: readonly ServiceKept[], referral: OfflineReferral): Fault[] {
  const faults: Fault[] = [];
  const fault = (field: string, key: MessageKey) => faults.push({ field, key });
  if (!referral.serviceId) fault('serviceId', 'offlineHealth.required');
  else if (!services.some((service) => service.id === referral.serviceId)) fault('serviceId', 'offlineReferral.serviceClosed');
  const reason = referral.reason.trim();
  if (!reason) fault('reason', 'offlineHealth.required');
  else if (reason.length > REASON_MAX) fault('reason', 'offlineReferral.reasonTooLong');
  if (!(URGENCIES as readonly string[]).includes(referral.urgency)) fault('urgency', 'offlineHealth.required');
  if (!(CONSENTS as readonly string[]).includes(referral.consent)) fault('consent', 'offlineHealth.required');
  if (!referral.sentOn) fault('sentOn', 'offlineHealth.required');
  else if (afterToday(referral.sentOn)) fault('sentOn', 'offlineHealth.inFuture');
  return faults;
}

/** Queues a referral made on the device; refused here (nothing queued) when faulty. */
export async function queueReferral(device: DeviceSession, referral: OfflineReferral): Promise<void> {
  refuseIf(referralFaults(await keptServices(device.store), referral));
  const { id, ...fields } = referral;
  await queueCreation(device, 'referral', id, { ...fields, reason: referral.reason.trim() });
}
