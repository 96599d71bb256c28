// Line-list cases recorded without network: the diseases are kept on the device at each sync, and a
// case is checked here by the rules the server applies (onset not after today nor after the outcome,
// an outcome date only with an outcome, coordinates both or neither and in range) before it is queued.
import type { MessageKey } from '../i18n';
import type { DeviceSession } from '../offline/deviceSession';
import type { LocalStore } from '../offline/store';
import { afterToday, queueCreation, refuseIf, type Fault } from './offlineCreation';
import { outbreaksApi, type Disease, type NewOutbreakCase } from './outbreaksApi';

const DISEASES = 'outbreakDiseases';

/** Keeps the diseases for offline recording; a user who may not read them keeps none. */
export async function keepDiseases(store: LocalStore): Promise<void> {
  await store.setMeta(DISEASES, await outbreaksApi.diseases());
}

export async function keptDiseases(store: LocalStore): Promise<Disease[]> {
  return (await store.meta<Disease[]>(DISEASES)) ?? [];
}

/** The case's faults as the server would name them, each message an i18n key. */
export function caseFaults(body: NewOutbreakCase): Fault[] {
  const faults: Fault[] = [];
  const fault = (field: string, key: MessageKey) => faults.push({ field, key });
  if (!body.onsetOn) fault('onsetOn', 'offlineHealth.required');
  else if (afterToday(body.onsetOn)) fault('onsetOn', 'offlineHealth.inFuture');
  if (body.outcomeOn && !body.outcome) fault('outcomeOn', 'offlineHealth.outcomeDateWithoutOutcome');
  else if (body.outcomeOn && afterToday(body.outcomeOn)) fault('outcomeOn', 'offlineHealth.inFuture');
  else if (body.outcomeOn && body.onsetOn && body.onsetOn > body.outcomeOn) fault('onsetOn', 'offlineHealth.onsetAfterOutcome');
  const age = body.ageYears;
  if (age !== null && age !== undefined && (!Number.isInteger(age) || age < 0 || age > 120)) fault('ageYears', 'offlineHealth.age');
  const lat = body.latitude ?? null;
  const lon = body.longitude ?? null;
  if ((lat === null) !== (lon === null) || (lat !== null && (Number.isNaN(lat) || lat < -90 || lat > 90))
      || (lon !== null && (Number.isNaN(lon) || lon < -180 || lon > 180))) {
    fault('latitude', 'offlineHealth.coordinates');
  }
  return faults;
}

/** Queues a case recorded on the device, at the case's site; refused here (nothing queued) when faulty. */
export async function queueCase(device: DeviceSession, body: NewOutbreakCase): Promise<void> {
  refuseIf(caseFaults(body));
  const { id, siteId, ...fields } = body;
  await queueCreation(device, 'outbreak-case', id, fields, siteId);
}
