// Doses of vaccine recorded without network on a person's page: the vaccine catalogue is kept on the
// device at each sync, and a dose is checked here by the schedule's rules the device can see (a dose
// the schedule has, not after today, not before the minimum interval after a dose recorded on this
// device) before it is queued. The server checks the person's whole file again at the sync.
import type { MessageKey } from '../i18n';
import { afterToday, queueCreation, refuseIf, type Fault } from '../outbreaks/offlineCreation';
import type { DeviceSession } from '../offline/deviceSession';
import type { LocalStore } from '../offline/store';
import { vaccinationApi, type NewDose, type Vaccine } from './vaccinationApi';

const VACCINES = 'vaccines';
const QUEUED = 'dosesRecordedHere';

/** A dose recorded on this device, kept to suggest the next one and check the interval. */
export interface DoseHere {
  personId: string;
  vaccineCode: string;
  doseNumber: number;
  givenOn: string;
}

/** Keeps the vaccine catalogue for offline recording. */
export async function keepVaccines(store: LocalStore): Promise<void> {
  await store.setMeta(VACCINES, await vaccinationApi.vaccines());
}

export async function keptVaccines(store: LocalStore): Promise<Vaccine[]> {
  return (await store.meta<Vaccine[]>(VACCINES)) ?? [];
}

/** The doses recorded on this device for a person, oldest first. */
export async function dosesHere(store: LocalStore, personId: string): Promise<DoseHere[]> {
  return ((await store.meta<DoseHere[]>(QUEUED)) ?? []).filter((dose) => dose.personId === personId);
}

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** The dose's faults, each message an i18n key (with the first day allowed for a dose too soon). */
export function doseFaults(vaccine: Vaccine | undefined, dose: NewDose, earlier: readonly DoseHere[]): Fault[] {
  const faults: Fault[] = [];
  const fault = (field: string, key: MessageKey, values?: Record<string, string>) => faults.push({ field, key, values });
  if (!vaccine) {
    fault('vaccineCode', 'offlineHealth.required');
    return faults;
  }
  if (!Number.isInteger(dose.doseNumber) || dose.doseNumber < 1 || dose.doseNumber > vaccine.doses) {
    fault('doseNumber', 'offlineHealth.doseBeyondSchedule');
  }
  const givenOn = dose.givenOn ?? '';
  if (!givenOn) fault('givenOn', 'offlineHealth.required');
  else if (afterToday(givenOn)) fault('givenOn', 'offlineHealth.inFuture');
  const same = earlier.filter((one) => one.vaccineCode === vaccine.code);
  if (same.some((one) => one.doseNumber === dose.doseNumber)) fault('doseNumber', 'offlineHealth.doseAlreadyGiven');
  const previous = same.find((one) => one.doseNumber === dose.doseNumber - 1);
  const interval = vaccine.minimumIntervalDays[dose.doseNumber - 2];
  if (previous && interval !== undefined && givenOn && givenOn < addDays(previous.givenOn, interval)) {
    fault('givenOn', 'offlineHealth.doseTooSoon', { day: addDays(previous.givenOn, interval), days: String(interval) });
  }
  return faults;
}

/** Queues a dose recorded on the device; refused here (nothing queued) when faulty. */
export async function queueDose(device: DeviceSession, vaccine: Vaccine | undefined, dose: NewDose): Promise<void> {
  const earlier = await dosesHere(device.store, dose.personId);
  refuseIf(doseFaults(vaccine, dose, earlier));
  const { id, siteId, ...fields } = dose;
  await queueCreation(device, 'vaccination-dose', id, fields, siteId ?? undefined);
  const kept = (await device.store.meta<DoseHere[]>(QUEUED)) ?? [];
  kept.push({ personId: dose.personId, vaccineCode: dose.vaccineCode, doseNumber: dose.doseNumber, givenOn: dose.givenOn ?? '' });
  await device.store.setMeta(QUEUED, kept);
}
