// The client side of the sync protocol (docs/sync.md): pushes the outbox in batches and pulls the
// changes since the stored cursor into the encrypted local store. The transport is the boundary:
// the HTTP one below in the app, a fake in the tests.
import type { LocalPerson, LocalStore, Mutation } from './store';

/** At most this many mutations per push, as the server accepts. */
export const PUSH_BATCH = 500;

export interface PushedMutation {
  mutationId: string;
  recordType: string;
  recordId: string;
  [part: string]: unknown;
}

export interface PushResult {
  mutationId: string;
  recordId: string;
  outcome: 'APPLIED' | 'MERGED' | 'CONFLICT' | 'REJECTED';
  version?: number;
  problem?: { code: string };
}

export interface PulledChange {
  recordType: string;
  recordId: string;
  change: 'UPSERT' | 'ERASED' | 'MERGED';
  version?: number;
  record?: Record<string, unknown>;
  mergedInto?: string;
}

export interface PullPage {
  changes: PulledChange[];
  cursor: string;
  more: boolean;
}

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

export interface SyncReport {
  pushed: number;
  rejected: number;
  pulled: number;
}

/** One user's sync: the outbox out, then the server's changes in. */
export class SyncClient {
  constructor(private readonly store: LocalStore, private readonly transport: SyncTransport) {}

  async sync(): Promise<SyncReport> {
    const { pushed, rejected } = await this.push();
    return { pushed, rejected, pulled: await this.pull() };
  }

  /**
   * Pushes the outbox, oldest first. Accepted mutations (applied, merged, or in conflict kept for a
   * data officer) leave the outbox; rejected ones are set aside with their problem's code. A cut
   * leaves the outbox as it was: sending it again is safe (mutation ids).
   */
  async push(): Promise<{ pushed: number; rejected: number }> {
    let pushed = 0;
    let rejected = 0;
    for (;;) {
      const batch = await this.store.pending(PUSH_BATCH);
      if (batch.length === 0) return { pushed, rejected };
      const { results } = await this.transport.push(batch.map(toPushed));
      const accepted = results.filter((result) => result.outcome !== 'REJECTED').map((result) => result.mutationId);
      await this.store.acknowledge(accepted);
      for (const result of results.filter((each) => each.outcome === 'REJECTED')) {
        await this.store.setAside(result.mutationId, result.problem?.code ?? 'rejected');
      }
      pushed += accepted.length;
      rejected += results.length - accepted.length;
      if (results.length < batch.length) return { pushed, rejected };
    }
  }

  /** Pulls pages from the stored cursor until the server has no more; the cursor moves page by page. */
  async pull(): Promise<number> {
    let cursor = await this.store.cursor();
    let pulled = 0;
    for (;;) {
      const page = await this.transport.pull(cursor);
      for (const change of page.changes) {
        await this.apply(change);
      }
      pulled += page.changes.length;
      await this.store.setCursor(page.cursor);
      cursor = page.cursor;
      if (!page.more) return pulled;
    }
  }

  private async apply(change: PulledChange): Promise<void> {
    if (change.recordType !== 'person') return; // the skeleton keeps persons only
    if (change.change === 'ERASED' || change.change === 'MERGED') {
      await this.store.forgetPerson(change.recordId);
      return;
    }
    const local = await this.store.personVersion(change.recordId);
    if (change.record && change.version !== undefined && (local === undefined || change.version > local)) {
      const record = change.record;
      const otherNames = Array.isArray(record.otherNames)
        ? record.otherNames.map((name: unknown) =>
          typeof name === 'string' ? name : String((name as { name?: unknown }).name ?? ''))
        : [];
      const person: LocalPerson = { ...record, id: change.recordId, version: change.version,
        chosenName: String(record.chosenName ?? ''), otherNames };
      await this.store.savePerson(person, Date.now());
    }
  }
}

function toPushed(mutation: Mutation): PushedMutation {
  return { mutationId: mutation.mutationId, recordType: mutation.recordType, recordId: mutation.recordId, ...mutation.body };
}

/** The HTTP transport: the session's cookie and CSRF header, and the device's enrolment id. */
export function httpTransport(deviceId: string, headers: (method: 'GET' | 'POST') => Record<string, string>): SyncTransport {
  const send = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(path, {
      method,
      headers: { ...headers(method), 'X-Passerelle-Device': deviceId },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (response.status === 403) {
      const problem = (await response.json().catch(() => ({}))) as { code?: string };
      if (problem.code === 'device-revoked') throw new DeviceRevoked();
    }
    if (!response.ok) throw new Error(`sync-${response.status}`);
    return (await response.json()) as T;
  };
  return {
    push: (mutations) => send('POST', '/api/sync/push', { mutations }),
    pull: (cursor) => send('GET', `/api/sync/pull${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
  };
}
