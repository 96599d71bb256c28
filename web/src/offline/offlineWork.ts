// Care recorded on the device: each record is kept in the store at once (usable before any sync)
// and its change queued in the outbox as a mutation of the sync protocol, with ids made here.
import { today } from '../format';
import type { Answers, FormVersion } from '../forms/model';
import { uuidv7 } from '../ids';
import { FORMS, WORK_SITE, type DeviceSession } from './deviceSession';
import type { LocalDraft, LocalEncounter, LocalPerson } from './store';

/** The site the work is done at, as the push says it: the one last chosen online, or the user's first. */
export async function workSite(device: DeviceSession): Promise<string | null> {
  return (await device.store.meta<string>(WORK_SITE)) ?? device.profile.sites[0]?.id ?? null;
}

/** The forms kept at the last sync. */
export async function keptForms(device: DeviceSession): Promise<FormVersion[]> {
  return (await device.store.meta<FormVersion[]>(FORMS)) ?? [];
}

export function newDraft(personId: string, formCode: string): LocalDraft {
  return { id: uuidv7(), personId, formCode, occurredOn: today(), answers: {} };
}

/**
 * Queues a consultation written on the device (signed, or sent as a draft the author finishes
 * online): one CREATE of the encounter, each answer its own field; the draft leaves the device's drafts.
 */
export async function queueConsultation(device: DeviceSession, draft: LocalDraft, answers: Answers, sign: boolean): Promise<LocalEncounter> {
  const now = Date.now();
  const status = sign ? 'SIGNED' : 'DRAFT';
  const answerChanges = Object.fromEntries(Object.entries(answers)
    .filter(([, value]) => value !== undefined)
    .map(([code, value]) => [`answers.${code}`, { value }]));
  // version -1: not on the server yet; the first pull after the push replaces it
  const encounter: LocalEncounter = { id: draft.id, personId: draft.personId, version: -1, formCode: draft.formCode,
    occurredOn: draft.occurredOn, status, answers, local: true };
  await device.store.saveEncounter(encounter);
  await device.store.enqueue({
    mutationId: uuidv7(now),
    recordType: 'encounter',
    recordId: draft.id,
    createdAt: now,
    body: {
      operation: 'CREATE',
      baseVersion: null,
      siteId: await workSite(device),
      deviceTime: new Date(now).toISOString(),
      changes: {
        personId: { value: draft.personId },
        formCode: { value: draft.formCode },
        occurredOn: { value: draft.occurredOn },
        status: { value: status },
        ...answerChanges,
      },
    },
  });
  await device.store.deleteDraft(draft.id);
  await device.engine.changed();
  return encounter;
}

/** The details of a synced person that can be corrected on the device. */
export const EDITABLE_FIELDS = ['chosenName', 'phone'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * Queues a correction of a person the device pulled: one UPDATE with the version the device holds
 * and, for each changed field, the value it had before, so that the server merges it with what
 * changed there meanwhile or keeps both values in a conflict. The device shows the change at once.
 * Returns false when nothing changed.
 */
export async function queuePersonEdit(device: DeviceSession, person: LocalPerson, edited: Record<EditableField, string>): Promise<boolean> {
  const now = Date.now();
  const current = (field: EditableField) => (typeof person[field] === 'string' ? (person[field]) : null);
  const changes = Object.fromEntries(EDITABLE_FIELDS
    .map((field) => [field, current(field), edited[field].trim() === '' ? null : edited[field].trim()] as const)
    .filter(([, base, value]) => base !== value)
    .map(([field, base, value]) => [field, { base, value }]));
  if (Object.keys(changes).length === 0) return false;
  const values = Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.value]));
  await device.store.savePerson({ ...person, ...values, chosenName: String(values.chosenName ?? person.chosenName) }, now);
  await device.store.enqueue({
    mutationId: uuidv7(now),
    recordType: 'person',
    recordId: person.id,
    createdAt: now,
    body: { operation: 'UPDATE', baseVersion: person.version, siteId: await workSite(device), deviceTime: new Date(now).toISOString(), changes },
  });
  await device.engine.changed();
  return true;
}
