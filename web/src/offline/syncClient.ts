// The client side of the sync protocol (docs/sync.md): pushes the outbox in batches and pulls the
// changes since the stored cursor into the encrypted local store. The transport is the boundary:
// the HTTP one below in the app, a fake in the tests.
import type { components } from '../api/schema';
import { keepPulledCases } from '../outbreaks/offlineCaseEdits';
import { keepAllowance } from '../stock/offlineAllowance';
import type { ConflictNotice, LocalEncounter, LocalPerson, LocalStore, Mutation } from './store';
import { measure, serverDuration, timed } from './syncTimings';

type Schemas = components['schemas'];

/** At most this many mutations per push, as the server accepts. */
export const PUSH_BATCH = 500;

/** The changes asked for per pull page: the most the server serves at once. */
export const PULL_PAGE = 1000;

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

  /**
   * Pulls pages from the stored cursor until the server has no more; the cursor moves page by page,
   * written with the page's records. The next page is asked for while the last one is written.
   */
  async pull(onPulled: (count: number) => void = () => {}): Promise<number> {
    let cursor = await this.store.cursor();
    let pulled = 0;
    let next = this.fetch(cursor);
    for (;;) {
      const page = await next;
      if (await this.scopeChanged(page, cursor)) {
        cursor = null;
        next = this.fetch(cursor);
        continue;
      }
      if (page.more) next = this.fetch(page.cursor);
      await timed('sync-page', () => this.write(page));
      pulled += page.changes.length;
      cursor = page.cursor;
      onPulled(pulled);
      if (!page.more) return pulled;
    }
  }

  /** A page asked for ahead: its failure is the pull's only once it is awaited. */
  private fetch(cursor: string | null): Promise<PullPage> {
    const page = timed('sync-fetch', () => this.transport.pull(cursor));
    page.catch(() => {});
    return page;
  }

  /**
   * Writes a page: its persons and consultations sealed together and written in one transaction with
   * the cursor; erasures, merges and other records one by one, in their order among them.
   */
  private async write(page: PullPage): Promise<void> {
    await keepPulledCases(this.store, page.changes);
    let run: PulledChange[] = [];
    for (const change of page.changes) {
      if (batched(change)) {
        run.push(change);
      } else {
        await this.writeRun(run);
        run = [];
        await this.apply(change);
      }
    }
    await this.writeRun(run, page.cursor);
  }

  private async writeRun(run: PulledChange[], cursor?: string): Promise<void> {
    if (run.length === 0 && cursor === undefined) return;
    const persons = newest(run.filter((change) => change.recordType === 'person').map(toPerson));
    const encounters = newest(run.filter((change) => change.recordType === 'encounter').map(toEncounter));
    const [personsKept, encountersKept] = await timed('sync-read', () => Promise.all([
      this.store.personVersions(persons.map((person) => person.id)),
      this.store.encounterVersions(encounters.map((encounter) => encounter.id)),
    ]));
    const sealed = await timed('sync-seal', () => this.store.sealPulled(
      persons.filter((person, i) => isNewer(person.version, personsKept[i])),
      encounters.filter((encounter, i) => isNewer(encounter.version, encountersKept[i])),
      Date.now()));
    await timed('sync-write', () => this.store.writePulled(sealed.persons, sealed.encounters, cursor));
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
    } else if (change.recordType === 'stock-allowance' && change.record && change.version != null) {
      await keepAllowance(this.store, change.record, change.version);
    }
  }

  private async applyPerson(change: PulledChange): Promise<void> {
    if (change.change === 'ERASED' || change.change === 'MERGED') {
      await this.store.forgetPerson(change.recordId);
    }
  }
}

/** A person or consultation to keep, written with the others of its page (group sessions are not kept yet). */
function batched(change: PulledChange): boolean {
  if (change.change !== 'UPSERT' || !change.record || change.version == null) return false;
  return change.recordType === 'person'
    || (change.recordType === 'encounter' && typeof change.record.personId === 'string');
}

function isNewer(version: number, kept: number | undefined): boolean {
  return kept === undefined || version > kept;
}

/** The newest version of each record, should a page hold one twice. */
function newest<T extends { id: string; version: number }>(records: T[]): T[] {
  const byId = new Map<string, T>();
  for (const record of records) {
    const known = byId.get(record.id);
    if (!known || record.version > known.version) byId.set(record.id, record);
  }
  return [...byId.values()];
}

function toPerson(change: PulledChange): LocalPerson {
  const record = change.record ?? {};
  const otherNames = Array.isArray(record.otherNames)
    ? record.otherNames.map((name: unknown) =>
      typeof name === 'string' ? name : String((name as { name?: unknown }).name ?? ''))
    : [];
  return { ...record, id: change.recordId, version: change.version ?? 0, chosenName: String(record.chosenName ?? ''), otherNames };
}

function toEncounter(change: PulledChange): LocalEncounter {
  const record = change.record ?? {};
  return {
    ...record,
    id: change.recordId,
    personId: String(record.personId),
    version: change.version ?? 0,
    formCode: String(record.formCode ?? ''),
    occurredOn: String(record.occurredOn ?? ''),
    status: record.status === 'SIGNED' ? 'SIGNED' : 'DRAFT',
    answers: (record.answers as Record<string, unknown> | undefined) ?? {},
  };
}

function toPushed(mutation: Mutation): PushedMutation {
  return { mutationId: mutation.mutationId, recordType: mutation.recordType, recordId: mutation.recordId, ...mutation.body };
}

/** The HTTP transport: the session's cookie and CSRF header, and the device's enrolment id on every call. */
export function httpTransport(deviceId: string, headers: (method: 'GET' | 'POST') => Record<string, string>): SyncTransport {
  const send = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    let response: Response;
    const start = performance.now();
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
    const server = serverDuration(response.headers.get('Server-Timing'));
    if (server !== null) measure('sync-server', start, server);
    return (await response.json()) as T;
  };
  return {
    push: (mutations) => send<Schemas['PushAnswer']>('POST', '/api/sync/push', { mutations }),
    pull: (cursor) => send<PullPage>('GET',
      `/api/sync/pull?limit=${PULL_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
  };
}
