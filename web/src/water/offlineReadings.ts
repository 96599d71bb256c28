// Water readings taken without network: the points of the user's sites are kept on the device at each
// sync, and a reading is checked here against the physical limits the server applies (chlorine 0 to
// 10 mg/L, turbidity 0 to 1000 NTU, volume 0 to the tank's capacity, at least one measure) before it
// is queued; whether it is in the acceptable range is decided by the server when it is written.
import type { MessageKey } from '../i18n';
import { queueCreation, refuseIf, type Fault } from '../outbreaks/offlineCreation';
import type { DeviceSession } from '../offline/deviceSession';
import type { LocalStore } from '../offline/store';
import { waterApi, type NewWaterReading, type WaterPoint } from './waterApi';

const POINTS = 'waterPoints';
const NO_TANK_LITRES = 100_000_000;

/** Keeps the water points of the user's sites for offline readings. */
export async function keepWaterPoints(store: LocalStore): Promise<void> {
  await store.setMeta(POINTS, await waterApi.points());
}

export async function keptWaterPoints(store: LocalStore): Promise<WaterPoint[]> {
  return (await store.meta<WaterPoint[]>(POINTS)) ?? [];
}

/** The reading's faults, each message an i18n key. */
export function readingFaults(point: WaterPoint | undefined, reading: NewWaterReading): Fault[] {
  const faults: Fault[] = [];
  const fault = (field: string, key: MessageKey) => faults.push({ field, key });
  const outside = (value: number | null | undefined, max: number) =>
    value !== null && value !== undefined && (Number.isNaN(value) || value < 0 || value > max);
  if (!point) fault('pointId', 'offlineHealth.required');
  if (outside(reading.chlorine, 10)) fault('chlorine', 'offlineHealth.chlorineImpossible');
  if (outside(reading.turbidity, 1000)) fault('turbidity', 'offlineHealth.turbidityImpossible');
  if (outside(reading.volumeLitres, point?.capacityLitres ?? NO_TANK_LITRES)) fault('volumeLitres', 'offlineHealth.volumeImpossible');
  if ([reading.chlorine, reading.turbidity, reading.volumeLitres].every((value) => value === null || value === undefined)) {
    fault('chlorine', 'offlineHealth.readingEmpty');
  }
  return faults;
}

/** Queues a reading taken now on the device, at the point's site; refused here when faulty. */
export async function queueReading(device: DeviceSession, point: WaterPoint | undefined, reading: NewWaterReading): Promise<void> {
  refuseIf(readingFaults(point, reading));
  const { id, ...fields } = reading;
  await queueCreation(device, 'water-reading', id, { ...fields, measuredAt: fields.measuredAt ?? new Date().toISOString() }, point?.siteId);
}
