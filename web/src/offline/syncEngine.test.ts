// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveKek, newDeviceKeys, newKdfParams } from './crypto';
import { deleteRecords, LocalStore } from './store';
import { httpTransport, ServerBusy, SignInNeeded, Unreachable, type PullPage, type PushedMutation, type PushResult, type SyncTransport } from './syncClient';
import { BUSY_SPREAD_MS, FIRST_RETRY_MS, SYNC_INTERVAL_MS, SyncEngine, type Scheduler } from './syncEngine';

async function newStore(): Promise<LocalStore> {
  const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
  const { keys } = await newDeviceKeys(kek);
  const id = crypto.randomUUID();
  await deleteRecords(id);
  return new LocalStore(id, keys);
}

/** Timers run by hand: the test says when time passes. */
class ManualScheduler implements Scheduler {
  time = 1_000_000;
  planned: { at: number; task: () => void }[] = [];
  now = () => this.time;
  random = () => 0.5;
  after = (ms: number, task: () => void) => {
    const entry = { at: this.time + ms, task };
    this.planned.push(entry);
    return () => {
      this.planned = this.planned.filter((each) => each !== entry);
    };
  };
  /** The delay of the next planned task. */
  next(): number | undefined {
    return this.planned.length === 0 ? undefined : Math.min(...this.planned.map((each) => each.at)) - this.time;
  }
  async advance(ms: number, engine: SyncEngine): Promise<void> {
    this.time += ms;
    const due = this.planned.filter((each) => each.at <= this.time);
    this.planned = this.planned.filter((each) => each.at > this.time);
    due.forEach((each) => each.task());
    await engine.syncNow();
  }
}

/** A server that applies each mutation id once, whose answers the test can lose on the way back. */
class FlakyServer implements SyncTransport {
  applied = new Map<string, number>();
  calls: string[] = [];
  failures: Error[] = [];
  async push(mutations: PushedMutation[]) {
    this.calls.push('push');
    const results = mutations.map((mutation): PushResult => {
      const replayed = this.applied.has(mutation.mutationId);
      this.applied.set(mutation.mutationId, (this.applied.get(mutation.mutationId) ?? 0) + (replayed ? 0 : 1));
      return { mutationId: mutation.mutationId, recordId: mutation.recordId, outcome: 'APPLIED', version: 0, replayed, conflicts: [] };
    });
    const failure = this.failures.shift();
    if (failure) throw failure; // applied on the server, but the answer never came back
    return { results };
  }
  async pull(): Promise<PullPage> {
    this.calls.push('pull');
    return { changes: [], cursor: 'c', more: false };
  }
}

const registration = () => ({ mutationId: crypto.randomUUID(), recordType: 'person', recordId: crypto.randomUUID(), createdAt: 0,
  body: { operation: 'CREATE', changes: { chosenName: { value: 'Samira' } } } });

describe('sync engine', () => {
  it('retries a cut sync with a growing delay, and the server applies each change once', async () => {
    const store = await newStore();
    await store.enqueue(registration());
    const server = new FlakyServer();
    server.failures.push(new Unreachable(), new Unreachable(), new Error('sync-503'));
    const scheduler = new ManualScheduler();
    const engine = new SyncEngine(store, server, scheduler);

    await engine.start();
    expect(engine.current).toMatchObject({ phase: 'waiting', reachable: false, pending: 1, lastSyncedAt: null });
    expect(scheduler.next()).toBe(FIRST_RETRY_MS);
    await scheduler.advance(FIRST_RETRY_MS, engine);
    expect(scheduler.next()).toBe(2 * FIRST_RETRY_MS);
    await scheduler.advance(2 * FIRST_RETRY_MS, engine);
    expect(engine.current).toMatchObject({ phase: 'waiting', reachable: true });
    expect(scheduler.next()).toBe(4 * FIRST_RETRY_MS);
    await scheduler.advance(4 * FIRST_RETRY_MS, engine);

    expect(engine.current).toMatchObject({ phase: 'idle', reachable: true, pending: 0, lastSyncedAt: scheduler.time });
    expect([...server.applied.values()]).toEqual([1]);
    expect(server.calls).toEqual(['push', 'push', 'push', 'push', 'pull']);
    expect(scheduler.next()).toBe(SYNC_INTERVAL_MS);
  }, 30_000);

  it('pushes before it pulls, again on the timer, and keeps the time of the last sync in the store', async () => {
    const store = await newStore();
    const server = new FlakyServer();
    const scheduler = new ManualScheduler();
    const engine = new SyncEngine(store, server, scheduler);
    await engine.start();
    const first = scheduler.time;
    await store.enqueue(registration());
    await engine.changed();
    await scheduler.advance(0, engine);
    await scheduler.advance(SYNC_INTERVAL_MS, engine);

    expect(server.calls).toEqual(['pull', 'push', 'pull', 'pull']);
    expect(first).toBeLessThan(scheduler.time);
    const again = new SyncEngine(store, { push: () => Promise.reject(new Unreachable()), pull: () => Promise.reject(new Unreachable()) }, scheduler);
    await again.start();
    expect(again.current.lastSyncedAt).toBe(scheduler.time);
  }, 30_000);

  it('stops retrying when the session ended, until asked again', async () => {
    const store = await newStore();
    const scheduler = new ManualScheduler();
    const engine = new SyncEngine(store, { push: async () => ({ results: [] }), pull: () => Promise.reject(new SignInNeeded()) }, scheduler);

    await engine.start();

    expect(engine.current.phase).toBe('sign-in-needed');
    expect(scheduler.next()).toBeUndefined();
  }, 30_000);

  it('waits as long as a busy server says, then its own backoff starts again from the first delay', async () => {
    const store = await newStore();
    await store.enqueue(registration());
    const server = new FlakyServer();
    server.failures.push(new ServerBusy(7000), new ServerBusy(30_000), new Unreachable());
    const scheduler = new ManualScheduler();
    const engine = new SyncEngine(store, server, scheduler);

    await engine.start();
    const spread = 0.5 * BUSY_SPREAD_MS;
    expect(engine.current).toMatchObject({ phase: 'busy', reachable: true, pending: 1, retryAt: scheduler.time + 7000 + spread });
    expect(scheduler.next()).toBe(7000 + spread);
    expect(server.calls).toEqual(['push']);
    await scheduler.advance(7000 + spread, engine);
    expect(server.calls).toEqual(['push', 'push']);
    expect(scheduler.next()).toBe(30_000 + spread);
    await scheduler.advance(30_000 + spread, engine);
    expect(engine.current.phase).toBe('waiting');
    expect(scheduler.next()).toBe(FIRST_RETRY_MS);
    await scheduler.advance(FIRST_RETRY_MS, engine);

    expect(engine.current).toMatchObject({ phase: 'idle', pending: 0 });
    expect([...server.applied.values()]).toEqual([1]);
  }, 30_000);
});

describe('the HTTP transport', () => {
  afterEach(() => vi.unstubAllGlobals());

  const answering = (status: number, headers: Record<string, string>) => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 'sync-busy' }), { status, headers })));
    return httpTransport('device', () => ({}));
  };
  const busyWait = async (call: Promise<unknown>) => {
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerBusy);
    return (error as ServerBusy).retryAfterMs;
  };

  it('reads Retry-After in seconds on 503 sync-busy and on 429', async () => {
    expect(await busyWait(answering(503, { 'Retry-After': '4' }).push([]))).toBe(4000);
    expect(await busyWait(answering(429, { 'Retry-After': '60' }).pull(null))).toBe(60_000);
  });

  it('reads Retry-After as an HTTP date, and waits two seconds when the header is missing', async () => {
    const inTenSeconds = new Date(Math.ceil(Date.now() / 1000) * 1000 + 10_000).toUTCString();
    const wait = await busyWait(answering(503, { 'Retry-After': inTenSeconds }).pull('c'));
    expect(wait).toBeGreaterThan(8000);
    expect(wait).toBeLessThanOrEqual(11_000);
    expect(await busyWait(answering(503, {}).pull('c'))).toBe(2000);
  });
});
