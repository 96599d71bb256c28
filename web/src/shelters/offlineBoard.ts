// The bed board without network. At each sync the device keeps tonight's board of each shelter site
// of the user; without network the night worker sees it from the device, marks residents present or
// absent and admits a person to a free bed. Each is queued in the outbox as the creation of a record
// under an id made here (a tap of attendance `shelter-night`, an admission `shelter-stay`), which the
// server writes once at the next sync through the same rules as online. An admission the server
// refuses (another device gave the bed first: `shelter-bed-taken`) is a conflict shown on the board,
// for the worker to offer the person another bed.
import { api } from '../api';
import type { MessageKey } from '../i18n';
import { uuidv7 } from '../ids';
import { queueCreation, refuseIf, type Fault } from '../outbreaks/offlineCreation';
import type { DeviceSession } from '../offline/deviceSession';
import type { LocalStore, Mutation } from '../offline/store';
import { sheltersApi, type AdmissionReason, type Attendance, type BedBoard, type BoardBed, type StayMode } from './sheltersApi';

const BOARDS = 'shelterBoards';
const ADMISSIONS = 'shelterAdmissions';
export const NIGHT_RECORD = 'shelter-night';
export const STAY_RECORD = 'shelter-stay';

/** A board kept at a sync, with when. */
export interface KeptBoard {
  siteName: string;
  keptAt: number;
  board: BedBoard;
}

/** An admission made on the device: what the board needs to show it before and after the sync. */
export interface DeviceAdmission {
  stayId: string;
  siteId: string;
  bedId: string;
  bedLabel: string;
  personId: string;
  chosenName: string;
  mode: StayMode;
  night: string;
  /** Another admission of the same person made since, which resolves this one's conflict. */
  resolved?: boolean;
}

/** An admission the server refused at the sync, with the problem's code. */
export interface AdmissionConflict {
  admission: DeviceAdmission;
  code: string;
}

/** The board as the device knows it: the kept one with what is queued, and the refused admissions. */
export interface DeviceBoard {
  siteName: string;
  keptAt: number;
  board: BedBoard;
  conflicts: AdmissionConflict[];
}

/** Keeps tonight's board of each shelter site of the user; a site whose board cannot be read keeps the earlier one. */
export async function keepBoardsForOffline(store: LocalStore, siteIds: string[]): Promise<void> {
  const sites = (await api.sites()).filter((site) => site.kind === 'SHELTER' && siteIds.includes(site.id));
  if (sites.length === 0) return;
  const kept = { ...((await store.meta<Record<string, KeptBoard>>(BOARDS)) ?? {}) };
  for (const site of sites) {
    try {
      kept[site.id] = { siteName: site.name, keptAt: Date.now(), board: await sheltersApi.board(site.id) };
    } catch {
      // not one of the user's shelters for the board (role, scope), or the network went: the earlier board stays
    }
  }
  await store.setMeta(BOARDS, kept);
}

/** The shelter sites whose board is kept on the device, by name. */
export async function keptShelters(store: LocalStore): Promise<{ id: string; name: string }[]> {
  const kept = (await store.meta<Record<string, KeptBoard>>(BOARDS)) ?? {};
  return Object.entries(kept).map(([id, one]) => ({ id, name: one.siteName }));
}

/** The board of a site as the device knows it, or null when none was kept. */
export async function boardOnDevice(store: LocalStore, siteId: string): Promise<DeviceBoard | null> {
  const kept = ((await store.meta<Record<string, KeptBoard>>(BOARDS)) ?? {})[siteId];
  if (!kept) return null;
  const queued = (await store.pending(10_000)).filter((one) => one.recordType === NIGHT_RECORD || one.recordType === STAY_RECORD);
  const admissions = ((await store.meta<DeviceAdmission[]>(ADMISSIONS)) ?? []).filter((one) => one.siteId === siteId);
  const refused = await store.rejectedCodes(admissions.map((one) => one.stayId));
  return {
    siteName: kept.siteName,
    keptAt: kept.keptAt,
    board: withQueued(kept.board, queued, admissions),
    conflicts: admissions
      .filter((one) => refused.has(one.stayId) && !one.resolved)
      .map((one) => ({ admission: one, code: refused.get(one.stayId) ?? 'rejected' })),
  };
}

/**
 * The kept board with the changes queued on the device: the latest tap of each resident, and the
 * beds given by admissions not yet sent (or sent after the board was kept); counts follow.
 */
export function withQueued(board: BedBoard, queued: Mutation[], admissions: DeviceAdmission[]): BedBoard {
  const taps = new Map<string, Attendance>();
  const admitted = new Set<string>();
  for (const mutation of queued) {
    const changes = (mutation.body.changes ?? {}) as Record<string, { value: unknown }>;
    if (mutation.recordType === NIGHT_RECORD && changes.night?.value === board.night) {
      taps.set(String(changes.stayId?.value), changes.status?.value as Attendance);
    }
    if (mutation.recordType === STAY_RECORD) admitted.add(mutation.recordId);
  }
  const byBed = new Map(admissions.filter((one) => admitted.has(one.stayId) && one.night === board.night).map((one) => [one.bedId, one]));
  const rooms = board.rooms.map((room) => ({
    ...room,
    beds: room.beds.map((bed): BoardBed => {
      const admission = byBed.get(bed.id);
      if (admission && bed.state === 'FREE') {
        return {
          ...bed,
          state: 'OCCUPIED',
          resident: {
            stayId: admission.stayId,
            personId: admission.personId,
            chosenName: admission.chosenName,
            sex: 'UNKNOWN',
            mode: admission.mode,
            admittedOn: admission.night,
            tonight: taps.get(admission.stayId) ?? null,
            version: 0,
          },
        };
      }
      if (bed.resident && taps.has(bed.resident.stayId)) {
        return { ...bed, resident: { ...bed.resident, tonight: taps.get(bed.resident.stayId) } };
      }
      return bed;
    }),
  }));
  const beds = rooms.flatMap((room) => room.beds);
  const freeByRule: Record<string, number> = {};
  for (const room of rooms) {
    const free = room.beds.filter((bed) => bed.state === 'FREE').length;
    for (const rule of room.rules) if (free > 0) freeByRule[rule] = (freeByRule[rule] ?? 0) + free;
  }
  return {
    ...board,
    rooms,
    capacity: beds.filter((bed) => bed.state === 'FREE' || bed.state === 'OCCUPIED').length,
    occupied: beds.filter((bed) => bed.state === 'OCCUPIED').length,
    present: beds.filter((bed) => bed.state === 'OCCUPIED' && bed.resident?.tonight === 'PRESENT').length,
    free: beds.filter((bed) => bed.state === 'FREE').length,
    freeByRule,
  };
}

/** Queues one tap of attendance for the night of the board, under the tap's own id. */
export async function queueMark(device: DeviceSession, board: BedBoard, stayId: string, status: Attendance): Promise<void> {
  await queueCreation(device, NIGHT_RECORD, uuidv7(), { stayId, status, night: board.night }, board.siteId);
}

export interface DeviceAdmissionForm {
  personId: string;
  chosenName: string;
  reason: AdmissionReason;
  mode: StayMode;
}

/** Faults of an admission on the device: the bed free on the board, the person not already in a bed. */
export function admissionFaults(board: BedBoard, bed: BoardBed, form: DeviceAdmissionForm): Fault[] {
  const faults: Fault[] = [];
  const fault = (field: string, key: MessageKey) => faults.push({ field, key });
  if (!form.personId) fault('personId', 'offlineHealth.required');
  const current = board.rooms.flatMap((room) => room.beds).find((one) => one.id === bed.id);
  if (!current || current.state !== 'FREE') fault('bedId', 'shelterOffline.bedNotFree');
  if (board.rooms.some((room) => room.beds.some((one) => one.resident?.personId === form.personId))) {
    fault('personId', 'shelterOffline.alreadyInBed');
  }
  return faults;
}

/**
 * Queues an admission to a free bed of the board for its night, refused here when the board shows
 * the bed taken or the person in a bed; an earlier refused admission of the person is resolved.
 */
export async function queueAdmission(device: DeviceSession, board: BedBoard, bed: BoardBed, form: DeviceAdmissionForm): Promise<string> {
  refuseIf(admissionFaults(board, bed, form));
  const stayId = uuidv7();
  const admissions = (await device.store.meta<DeviceAdmission[]>(ADMISSIONS)) ?? [];
  const admission: DeviceAdmission = {
    stayId,
    siteId: board.siteId,
    bedId: bed.id,
    bedLabel: bed.label,
    personId: form.personId,
    chosenName: form.chosenName,
    mode: form.mode,
    night: board.night,
  };
  await device.store.setMeta(ADMISSIONS, [
    ...admissions.map((one) => (one.personId === form.personId ? { ...one, resolved: true } : one)),
    admission,
  ]);
  await queueCreation(device, STAY_RECORD, stayId,
    { personId: form.personId, bedId: bed.id, mode: form.mode, reason: form.reason, admittedOn: board.night }, board.siteId);
  return stayId;
}

/** Sets a refused admission aside for good: the worker saw it and chose not to offer another bed. */
export async function dismissConflict(store: LocalStore, stayId: string): Promise<void> {
  const admissions = (await store.meta<DeviceAdmission[]>(ADMISSIONS)) ?? [];
  await store.setMeta(ADMISSIONS, admissions.map((one) => (one.stayId === stayId ? { ...one, resolved: true } : one)));
}

const CONFLICT_MESSAGES: Record<string, MessageKey> = {
  'shelter-bed-taken': 'shelterOffline.conflict.bedTaken',
  'shelter-already-staying': 'shelterOffline.conflict.alreadyStaying',
  'shelter-bed-out-of-service': 'shelterOffline.conflict.outOfService',
  'shelter-emergency-bed-closed': 'shelterOffline.conflict.outOfService',
  'shelter-room-age-restricted': 'shelterOffline.conflict.roomRule',
  'shelter-room-girls-only': 'shelterOffline.conflict.roomRule',
};

/** The message of a refused admission, by the server's problem code. */
export function conflictMessage(code: string): MessageKey {
  return CONFLICT_MESSAGES[code] ?? 'shelterOffline.conflict.other';
}
