// Public-health work recorded without network: a line-list case, a dose of vaccine or a water reading
// is checked here as the server will check it, then queued in the outbox as the creation of a record
// (its id made here), which the server writes once at the next sync through the same rules as online.
import { today } from '../format';
import { uuidv7 } from '../ids';
import type { DeviceSession } from '../offline/deviceSession';
import { workSite } from '../offline/offlineWork';
import type { MessageKey, Translate } from '../i18n';
import { localProblem } from '../problems';
import type { Problem } from '../types';

/** A field at fault, with the key of its message in the i18n files and the message's values. */
export interface Fault {
  field: string;
  key: MessageKey;
  values?: Record<string, string>;
}

/** A creation refused on the device, nothing queued. */
export class RefusedHere extends Error {
  constructor(readonly faults: Fault[]) {
    super('refused on the device');
  }

  /** The refusal as a form shows a problem, in the user's language. */
  problem(t: Translate): Problem {
    return localProblem(this.faults.map((fault) => ({ field: fault.field, code: 'invalid-input', message: t(fault.key, fault.values) })));
  }
}

/** Refuses when any check failed. */
export function refuseIf(faults: Fault[]): void {
  if (faults.length > 0) throw new RefusedHere(faults);
}

/** Whether a day (yyyy-mm-dd) is after today on the device. */
export function afterToday(day: string): boolean {
  return day > today();
}

/**
 * Queues the creation of a record as the sync protocol pushes it: each field its own change, null
 * and empty values left out, at the work site (or the site given).
 */
export async function queueCreation(device: DeviceSession, recordType: string, recordId: string, fields: Record<string, unknown>,
  siteId?: string): Promise<void> {
  const now = Date.now();
  const changes = Object.fromEntries(Object.entries(fields)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([field, value]) => [field, { value }]));
  await device.store.enqueue({
    mutationId: uuidv7(now),
    recordType,
    recordId,
    createdAt: now,
    body: {
      operation: 'CREATE',
      baseVersion: null,
      siteId: siteId ?? (await workSite(device)),
      deviceTime: new Date(now).toISOString(),
      changes,
    },
  });
  await device.engine.changed();
}
