// The device's enrolments and offline sign-in. A device database (not personal: ids, the wrapped
// keys, the argon2id parameters, a hash of each user name) lists the users enrolled on this
// installation of the web client; each user's records live in a database of their own (store.ts).
import Dexie, { type Table } from 'dexie';
import {
  ARGON2ID_COST,
  base64url,
  deriveKek,
  newDeviceKeys,
  newKdfParams,
  open,
  randomBytes,
  seal,
  unwrapDeviceKeys,
  WrongPassword,
  type DeviceKeys,
  type KdfParams,
  type Sealed,
  type WrappedKeys,
} from './crypto';
import { deleteRecords } from './store';

/** After so many wrong passwords in a row, the user's data on the device is wiped. */
export const MAX_FAILED_ATTEMPTS = 10;

const DAY = 24 * 60 * 60 * 1000;

/** Who the user is, as the device shows them once unlocked: sealed at rest. */
export interface OfflineProfile {
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  sites: { id: string; name: string }[];
  /** Whether the role needs a second factor: the enrolled device stands for it offline. */
  secondFactorRequired: boolean;
}

export interface StoredEnrolment {
  id: string;
  installationId: string;
  /** SHA-256 of the installation id and the lower-cased user name: finds the user's enrolment. */
  userKey: string;
  /** Shown to the server at each contact. */
  token: string;
  kdf: KdfParams;
  wrapped: WrappedKeys;
  profile: Sealed;
  lastContactAt: number;
  offlineAccessDays: number;
  failedAttempts: number;
}

class DeviceDatabase extends Dexie {
  enrolments!: Table<StoredEnrolment, string>;
  installation!: Table<{ key: string; id: string }, string>;

  constructor() {
    super('passerelle-device');
    this.version(1).stores({ enrolments: 'id, &userKey', installation: 'key' });
  }
}

const db = new DeviceDatabase();

export async function installationId(): Promise<string> {
  return db.transaction('rw', db.installation, async () => {
    const known = await db.installation.get('installation');
    if (known) return known.id;
    const id = crypto.randomUUID();
    await db.installation.put({ key: 'installation', id });
    return id;
  });
}

async function userKey(installation: string, username: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${installation}\n${username.trim().toLowerCase()}`));
  return base64url(new Uint8Array(digest));
}

/** What the device sends the server to enrol (ids and token made here, so a retry enrols once). */
export interface EnrolmentRequest {
  id: string;
  installationId: string;
  name: string;
  token: string;
}

export async function newEnrolmentRequest(name: string): Promise<EnrolmentRequest> {
  return { id: crypto.randomUUID(), installationId: await installationId(), name, token: base64url(randomBytes(32)) };
}

/**
 * Keeps the enrolment the server accepted: new device keys, wrapped under the key the password
 * gives (at the argon2id cost given, which the enrolment keeps); any earlier enrolment of the same
 * user here is wiped.
 */
export async function keepEnrolment(
  request: EnrolmentRequest,
  password: string,
  profile: OfflineProfile,
  offlineAccessDays: number,
  now: number,
  cost: Omit<KdfParams, 'algorithm' | 'salt'> = ARGON2ID_COST,
): Promise<DeviceKeys> {
  const kdf = newKdfParams(cost);
  const { keys, wrapped } = await newDeviceKeys(await deriveKek(password, kdf));
  const key = await userKey(request.installationId, profile.username);
  const earlier = await db.enrolments.where('userKey').equals(key).first();
  if (earlier) await wipe(earlier.id);
  await db.enrolments.put({
    id: request.id,
    installationId: request.installationId,
    userKey: key,
    token: request.token,
    kdf,
    wrapped,
    profile: await seal(keys.data, profile, `profile:${request.id}`),
    lastContactAt: now,
    offlineAccessDays,
    failedAttempts: 0,
  });
  return keys;
}

/** An enrolment unlocked for a session: the keys stay in memory only. */
export interface UnlockedDevice {
  enrolmentId: string;
  keys: DeviceKeys;
  profile: OfflineProfile;
}

export type OfflineSignIn =
  | ({ outcome: 'signed-in' } & UnlockedDevice)
  | { outcome: 'not-enrolled' }
  | { outcome: 'expired' }
  | { outcome: 'wrong-password'; attemptsLeft: number }
  | { outcome: 'wiped' };

/**
 * Signs in without the server: the password must unwrap the user's keys, and the device must have
 * reached the server within its offline period. The failure is counted before the (slow) attempt,
 * so closing the page does not undo it; the tenth failure in a row wipes the user's data.
 */
export async function signInOffline(username: string, password: string, now: number): Promise<OfflineSignIn> {
  const enrolment = await enrolmentOf(username);
  if (!enrolment) return { outcome: 'not-enrolled' };
  if (now - enrolment.lastContactAt > enrolment.offlineAccessDays * DAY) return { outcome: 'expired' };
  const failed = enrolment.failedAttempts + 1;
  await db.enrolments.update(enrolment.id, { failedAttempts: failed });
  try {
    const keys = await unwrapDeviceKeys(await deriveKek(password, enrolment.kdf), enrolment.wrapped);
    await db.enrolments.update(enrolment.id, { failedAttempts: 0 });
    const profile = await open<OfflineProfile>(keys.data, enrolment.profile, `profile:${enrolment.id}`);
    return { outcome: 'signed-in', enrolmentId: enrolment.id, keys, profile };
  } catch (error) {
    if (!(error instanceof WrongPassword)) throw error;
    if (failed >= MAX_FAILED_ATTEMPTS) {
      await wipe(enrolment.id);
      return { outcome: 'wiped' };
    }
    return { outcome: 'wrong-password', attemptsLeft: MAX_FAILED_ATTEMPTS - failed };
  }
}

/**
 * Unlocks the user's enrolment at an online sign-in, whose password the server just accepted: the
 * keys for the session, and a new offline period. None when the user is not enrolled here, or was
 * enrolled under an earlier password (the keys stay wrapped under that one: enrol again).
 */
export async function unlockAtSignIn(username: string, password: string, now: number): Promise<UnlockedDevice | null> {
  const enrolment = await enrolmentOf(username);
  if (!enrolment) return null;
  try {
    const keys = await unwrapDeviceKeys(await deriveKek(password, enrolment.kdf), enrolment.wrapped);
    await db.enrolments.update(enrolment.id, { failedAttempts: 0, lastContactAt: now });
    const profile = await open<OfflineProfile>(keys.data, enrolment.profile, `profile:${enrolment.id}`);
    return { enrolmentId: enrolment.id, keys, profile };
  } catch (error) {
    if (error instanceof WrongPassword) return null;
    throw error;
  }
}

/** Removes a user's enrolment and records from the device. */
export async function wipe(enrolmentId: string): Promise<void> {
  await deleteRecords(enrolmentId);
  await db.enrolments.delete(enrolmentId);
}

/** The enrolment of this user on this device, if any. */
export async function enrolmentOf(username: string): Promise<StoredEnrolment | undefined> {
  return db.enrolments.where('userKey').equals(await userKey(await installationId(), username)).first();
}

export function enrolments(): Promise<StoredEnrolment[]> {
  return db.enrolments.toArray();
}

/** The answer of the server to a device's contact. */
export type ContactResult = { status: 'active'; offlineAccessDays: number } | { status: 'revoked' } | { status: 'unreachable' | 'unknown' };

/**
 * Contacts the server for every enrolment of the device: a revoked one is wiped, an active one
 * starts a new offline period. Returns how many were wiped.
 */
export async function contactServer(contact: (id: string, token: string) => Promise<ContactResult>, now: number): Promise<number> {
  let wiped = 0;
  for (const enrolment of await enrolments()) {
    const result = await contact(enrolment.id, enrolment.token);
    if (result.status === 'revoked') {
      await wipe(enrolment.id);
      wiped++;
    } else if (result.status === 'active') {
      await db.enrolments.update(enrolment.id, { lastContactAt: now, offlineAccessDays: result.offlineAccessDays });
    }
  }
  return wiped;
}
