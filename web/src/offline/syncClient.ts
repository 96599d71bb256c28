// The client side of the sync protocol (docs/sync.md): pushes the outbox in batches and pulls the
// changes since the stored cursor into the encrypted local store. The transport is the boundary:
// the HTTP one below in the app, a fake in the tests.
import type { components } from '../api/schema';
import { keepAllowance } from '../stock/offlineAllowance';
import type { ConflictNotice, LocalEncounter, LocalPerson, LocalStore, Mutation } from './store';

type Schemas = components['schemas'];

/** At most this many mutations per push, as the server accepts. */
export const PUSH_BATCH = 500;

/** The conflicts the device's pushes left for a data officer (meta key of the store). */
export const CONFLICTS = 'conflicts';
/** The scope fingerprint of the last pull: when the server's differs, the device pulls everything again. */
const SCOPE = 'scope';

export interface PushedMutation {
  mutationId: string;
  recordType: string;
  recordId: string;
  [part: string]: unknown;
}

export type PushResult = Schemas['MutationResult'];
/** A change pulled: the document types its record as Jackson's JsonNode, which is any JSON object here. */
export type PulledChange = Omit<Schemas['SyncedChange'], 'record'> & { record?: Record<string, unknown> | null };
export type PullPage = Omit<Schemas['PullAnswer'], 'scope' | 'changes'> & { changes: PulledChange[]; scope?: string };

export interface SyncTransport {
  push(mutations: PushedMutation[]): Promise<{ results: PushResult[] }>;
  pull(cursor: string | null): Promise<PullPage>;
}

/** The server refused the device: it was revoked, and must wipe itself. */
export class DeviceRevoked extends Error {
  constructor() {
    super('device-revoked');
    this.name = 'DeviceRevoked';
  }
}

/** The request never reached the server (no network, server down). */
export class Unreachable extends Error {
  constructor() {
    super('unreachable');
    this.name = 'Unreachable';
  }
}

/** The server answered 401: the session ended, and the user must sign in online to sync. */
export class SignInNeeded extends Error {
  constructor() {
    super('sign-in-needed');
    this.name = 'SignInNeeded';
  }
}

/**
 * The server answered 503 (sync-busy: every place for devices taken) or 429 (too many requests):
 * nothing was read or applied, and the same request may be sent again after `retryAfterMs`.
 */
export class ServerBusy extends Error {
  constructor(readonly retryAfterMs: number) {
    super('server-busy');
    this.name = 'ServerBusy';
  }
}

/** The wait a `Retry-After` header asks for (seconds, or an HTTP date), in milliseconds; null if none. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** When the server is busy and says nothing of how long: wait this long. */
export const BUSY_WITHOUT_RETRY_AFTER_MS = 2000;

export interface SyncReport {
  pushed: number;
  rejected: number;
  conflicts: number;
  pulled: number;
}

/** One user's sync: the outbox out, then the server's changes in. */
export class SyncClient {
  constructor(private readonly store: LocalStore, private readonly transport: SyncTransport) {}

  /** Pushes, then pulls; `onPulled` hears how many changes were written so far. */
  async sync(onPulled: (count: number) => void = () => {}): Promise<SyncReport> {
    const pushed = await this.push();
    return { ...pushed, pulled: await this.pull(onPulled) };
  }

  /**
   * Pushes the outbox, oldest first. Accepted mutations (applied, merged, or in conflict kept for a
   * data officer) leave the outbox; rejected ones are set aside with their problem's code. A cut
   * leaves the outbox as it was: sending it again is safe (mutation ids).
   */
  async push(): Promise<{ pushed: number; rejected: number; conflicts: number }> {
    let pushed = 0;
    let rejected = 0;
    let conflicts = 0;
    for (;;) {
      const batch = await this.store.pending(PUSH_BATCH);
      if (batch.length === 0) return { pushed, rejected, conflicts };
      const { results } = await this.transport.push(batch.map(toPushed));
      const accepted = results.filter((result) => result.outcome !== 'REJECTED').map((result) => result.mutationId ?? '');
      await this.store.acknowledge(accepted);
      for (const result of results.filter((each) => each.outcome === 'REJECTED')) {
        await this.store.setAside(result.mutationId ?? '', result.problem?.code ?? 'rejected');
      }
      conflicts += await this.keepConflicts(batch, results);
      pushed += accepted.length;
      rejected += results.length - accepted.length;
      if (results.length < batch.length) return { pushed, rejected, conflicts };
    }
  }

  /** Pulls pages from the stored cursor until the server has no more; the cursor moves page by page. */
  async pull(onPulled: (count: number) => void = () => {}): Promise<number> {
    let cursor = await this.store.cursor();
    let pulled = 0;
    for (;;) {
      const page = await this.transport.pull(cursor);
      if (await this.scopeChanged(page, cursor)) {
        cursor = null;
        continue;
      }
      for (const change of page.changes) {
        await this.apply(change);
      }
      pulled += page.changes.length;
      await this.store.setCursor(page.cursor);
      cursor = page.cursor;
      onPulled(pulled);
      if (!page.more) return pulled;
    }
  }

  /** A new scope (sites or compartments changed): forget the records and pull from the start. */
  private async scopeChanged(page: PullPage, cursor: string | null): Promise<boolean> {
    if (!page.scope) return false;
    const known = await this.store.meta<string>(SCOPE);
    await this.store.setMeta(SCOPE, page.scope);
    if (known === undefined || known === page.scope || cursor === null) return false;
    await this.store.forgetRecords();
    return true;
  }

  private async keepConflicts(batch: Mutation[], results: PushResult[]): Promise<number> {
    const types = new Map(batch.map((mutation) => [mutation.mutationId, mutation.recordType]));
    const fresh: ConflictNotice[] = results.flatMap((result) =>
      result.outcome !== 'CONFLICT' ? [] : result.conflicts.map((conflict) => ({
        conflictId: conflict.conflictId,
        recordType: types.get(result.mutationId ?? '') ?? 'person',
        recordId: result.recordId ?? '',
        field: conflict.field,
      })));
    if (fresh.length > 0) {
      await this.store.setMeta(CONFLICTS, [...((await this.store.meta<ConflictNotice[]>(CONFLICTS)) ?? []), ...fresh]);
    }
    return fresh.length;
  }

  private async apply(change: PulledChange): Promise<void> {
    if (change.recordType === 'person') {
      await this.applyPerson(change);
    } else if (change.recordType === 'encounter' && change.change === 'UPSERT') {
      await this.applyEncounter(change);
    } else if (change.recordType === 'stock-allowance' && change.record && change.version != null) {
      await keepAllowance(this.store, change.record, change.version);
    }
  }

  private async applyPerson(change: PulledChange): Promise<void> {
    if (change.change === 'ERASED' || change.change === 'MERGED') {
      await this.store.forgetPerson(change.recordId);
      return;
    }
    const local = await this.store.personVersion(change.recordId);
    const version = change.version ?? undefined;
    if (change.record && version !== undefined && (local === undefined || version > local)) {
      const record = change.record;
      const otherNames = Array.isArray(record.otherNames)
        ? record.otherNames.map((name: unknown) =>
          typeof name === 'string' ? name : String((name as { name?: unknown }).name ?? ''))
        : [];
      const person: LocalPerson = { ...record, id: change.recordId, version,
        chosenName: String(record.chosenName ?? ''), otherNames };
      await this.store.savePerson(person, Date.now());
    }
  }

  private async applyEncounter(change: PulledChange): Promise<void> {
    const record = change.record;
    const version = change.version ?? undefined;
    if (!record || version === undefined || typeof record.personId !== 'string') return; // group sessions: not kept yet
    const local = await this.store.encounterVersion(change.recordId);
    if (local !== undefined && version <= local) return;
    const encounter: LocalEncounter = {
      ...record,
      id: change.recordId,
      personId: record.personId,
      version,
      formCode: String(record.formCode ?? ''),
      occurredOn: String(record.occurredOn ?? ''),
      status: record.status === 'SIGNED' ? 'SIGNED' : 'DRAFT',
      answers: (record.answers as Record<string, unknown> | undefined) ?? {},
    };
    await this.store.saveEncounter(encounter);
  }
}

function toPushed(mutation: Mutation): PushedMutation {
  return { mutationId: mutation.mutationId, recordType: mutation.recordType, recordId: mutation.recordId, ...mutation.body };
}

/** The HTTP transport: the session's cookie and CSRF header, and the device's enrolment id on every call. */
export function httpTransport(deviceId: string, headers: (method: 'GET' | 'POST') => Record<string, string>): SyncTransport {
  const send = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers: { ...headers(method), 'X-Passerelle-Device': deviceId },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new Unreachable();
    }
    if (response.status === 403) {
      const problem = (await response.json().catch(() => ({}))) as { code?: string };
      if (problem.code === 'device-revoked') throw new DeviceRevoked();
    }
    if (response.status === 401) throw new SignInNeeded();
    if (response.status === 503 || response.status === 429) {
      throw new ServerBusy(retryAfterMs(response.headers.get('Retry-After'), Date.now()) ?? BUSY_WITHOUT_RETRY_AFTER_MS);
    }
    if (!response.ok) throw new Error(`sync-${response.status}`);
    return (await response.json()) as T;
  };
  return {
    push: (mutations) => send<Schemas['PushAnswer']>('POST', '/api/sync/push', { mutations }),
    pull: (cursor) => send<PullPage>('GET', `/api/sync/pull${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
  };
}
