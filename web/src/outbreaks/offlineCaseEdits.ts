// Line-list cases changed without network. The device keeps, sealed, the cases of its user's sites
// that are still open (no outcome yet, or in care) as the pull brings them; a case's course
// (classification, admission, tests, severity, outcome) is changed here, checked by the rules the
// server applies, and queued as an UPDATE from the version kept, each field with the value it had
// here. The server merges field by field: a field changed there meanwhile keeps the server's value
// and comes back as a conflict, shown on the case with both values until a data officer settles it.
import type { DeviceSession } from '../offline/deviceSession';
import type { ConflictNotice, LocalStore } from '../offline/store';
import { CONFLICTS, type PulledChange } from '../offline/syncClient';
import { uuidv7 } from '../ids';
import { afterToday, refuseIf, type Fault } from './offlineCreation';
import { caseFaults } from './offlineCases';
import type { OutbreakCase } from './outbreaksApi';

const CASES = 'outbreakCases';
const EDITS = 'outbreakCaseEdits';

/** The fields of a case's course a device may change; the others are set when it is recorded. */
export const COURSE = ['classification', 'admittedOn', 'rapidTest', 'labResult', 'severity', 'outcome', 'outcomeOn'] as const;
export type CourseField = (typeof COURSE)[number];
export type Course = Record<CourseField, string | null>;

export const RAPID_TESTS = ['POSITIVE', 'NEGATIVE', 'NOT_DONE'] as const;
export const LAB_RESULTS = ['POSITIVE', 'NEGATIVE', 'PENDING', 'NOT_DONE'] as const;

/** A field the server kept with another value than this device's change, until it is settled. */
export interface CaseConflict {
  field: CourseField;
  server: string | null;
  device: string | null;
}

/** Whether the device keeps a case: one still open, whose course may still change in the field. */
function open(record: OutbreakCase): boolean {
  return record.outcome == null || record.outcome === 'IN_CARE';
}

/**
 * Keeps the cases a pulled page brings (newer versions only) and forgets those removed or closed;
 * one sealed write per page.
 */
export async function keepPulledCases(store: LocalStore, changes: PulledChange[]): Promise<void> {
  const cases = changes.filter((change) => change.recordType === 'outbreak-case');
  if (cases.length === 0) return;
  const kept = (await store.sealedMeta<Record<string, OutbreakCase>>(CASES)) ?? {};
  for (const change of cases) {
    const known = kept[change.recordId];
    if (change.change !== 'UPSERT' || !change.record || change.version == null) {
      delete kept[change.recordId];
    } else if (!known || change.version > known.version) {
      const record = { ...(change.record as unknown as OutbreakCase), version: change.version };
      if (open(record)) kept[change.recordId] = record;
      else delete kept[change.recordId];
    }
  }
  await store.setSealedMeta(CASES, kept);
}

/** The cases kept on the device, newest onset first. */
export async function keptCases(store: LocalStore): Promise<OutbreakCase[]> {
  const kept = Object.values((await store.sealedMeta<Record<string, OutbreakCase>>(CASES)) ?? {});
  return kept.sort((a, b) => b.onsetOn.localeCompare(a.onsetOn) || b.caseNumber.localeCompare(a.caseNumber));
}

export function courseOf(record: OutbreakCase): Course {
  return Object.fromEntries(COURSE.map((field) => [field, record[field] ?? null])) as Course;
}

/** The course's faults as the server would name them, each message an i18n key. */
export function courseFaults(record: OutbreakCase, course: Course): Fault[] {
  const faults = caseFaults({ ...record, ...course, classification: course.classification ?? record.classification });
  if (course.admittedOn && afterToday(course.admittedOn)) faults.push({ field: 'admittedOn', key: 'offlineHealth.inFuture' });
  return faults;
}

/** A kept case as the device shows it: the course with the changes not yet sent, and the conflicts left. */
export interface ShownCase {
  record: OutbreakCase;
  course: Course;
  pending: boolean;
  conflicts: CaseConflict[];
}

/**
 * The cases kept, each with the changes made here while they wait in the outbox, and the fields the
 * server kept in conflict with them: the value it kept (the case as last pulled) and the one given here.
 */
export async function shownCases(store: LocalStore): Promise<ShownCase[]> {
  const [cases, edits, notices, outbox] = await Promise.all([
    keptCases(store),
    store.sealedMeta<Record<string, Partial<Course>>>(EDITS),
    store.meta<ConflictNotice[]>(CONFLICTS),
    store.pending(500),
  ]);
  const waiting = new Set(outbox.filter((one) => one.recordType === 'outbreak-case').map((one) => one.recordId));
  return cases.map((record) => {
    const mine = edits?.[record.id] ?? {};
    const pending = waiting.has(record.id);
    const subjects = [record.id, record.personId].filter(Boolean);
    const fields = new Set((notices ?? [])
      .filter((notice) => notice.recordType === 'outbreak-case' && subjects.includes(notice.recordId))
      .map((notice) => notice.field)
      .filter((field): field is CourseField => (COURSE as readonly string[]).includes(field) && field in mine));
    return {
      record,
      course: pending ? { ...courseOf(record), ...mine } : courseOf(record),
      pending,
      conflicts: pending ? [] : [...fields]
        .filter((field) => (mine[field] ?? null) !== (record[field] ?? null))
        .map((field) => ({ field, server: record[field] ?? null, device: mine[field] ?? null })),
    };
  });
}

/**
 * Queues the course changed on the device as an UPDATE of the version kept, only the fields changed
 * from what the device showed, each with that value as its base; refused here (nothing queued) when
 * faulty. The case shows the change while it waits; the next pull brings the server's merge.
 */
export async function queueCaseChange(device: DeviceSession, shown: ShownCase, course: Course): Promise<boolean> {
  refuseIf(courseFaults(shown.record, course));
  const before = shown.course;
  const changed = COURSE.filter((field) => (before[field] ?? null) !== (course[field] ?? null));
  if (changed.length === 0) return false;
  const now = Date.now();
  await device.store.enqueue({
    mutationId: uuidv7(now),
    recordType: 'outbreak-case',
    recordId: shown.record.id,
    createdAt: now,
    body: {
      operation: 'UPDATE',
      baseVersion: shown.record.version,
      siteId: shown.record.siteId,
      deviceTime: new Date(now).toISOString(),
      changes: Object.fromEntries(changed.map((field) => [field, { base: before[field], value: course[field] }])),
    },
  });
  const edits = (await device.store.sealedMeta<Record<string, Partial<Course>>>(EDITS)) ?? {};
  edits[shown.record.id] = { ...(shown.pending ? edits[shown.record.id] : {}), ...Object.fromEntries(changed.map((field) => [field, course[field]])) };
  await device.store.setSealedMeta(EDITS, edits);
  await device.engine.changed();
  return true;
}
