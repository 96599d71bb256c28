// When the device syncs: at once when unlocked (the first pull downloads what the user's sites need),
// every few minutes while the server answers, when the network comes back, and on demand; after a
// failure, again with a growing delay. Each sync pushes the outbox before it pulls. A cut costs
// nothing: the outbox stays until acknowledged (mutation ids make a resend harmless) and the cursor
// moves only past pages written to the store.
import type { ConflictNotice, LocalStore } from './store';
import { CONFLICTS, DeviceRevoked, ServerBusy, SignInNeeded, SyncClient, Unreachable, type SyncTransport } from './syncClient';

/** The time of the last complete sync (meta key of the store). */
const LAST_SYNCED = 'lastSyncedAt';

export const SYNC_INTERVAL_MS = 3 * 60 * 1000;
export const FIRST_RETRY_MS = 5 * 1000;
export const LONGEST_RETRY_MS = 5 * 60 * 1000;
/** Devices told to come back together spread over this much more than the server's `Retry-After`. */
export const BUSY_SPREAD_MS = 1000;

export interface SyncState {
  /**
   * `waiting`: the last try failed, another is planned; `busy`: the server asked the device to come
   * back later (503 or 429 with `Retry-After`), another try is planned then; `sign-in-needed`: the
   * session ended.
   */
  phase: 'idle' | 'syncing' | 'waiting' | 'busy' | 'sign-in-needed' | 'revoked';
  /** Whether the server answered the last try (false: no network or server down). */
  reachable: boolean;
  /** Changes written to the store by the sync under way. */
  pulled: number;
  lastSyncedAt: number | null;
  pending: number;
  rejected: number;
  conflicts: ConflictNotice[];
  retryAt: number | null;
}

/** The timers the engine uses: the browser's in the app, controlled ones in the tests. */
export interface Scheduler {
  now(): number;
  /** A number in [0, 1), as Math.random. */
  random?(): number;
  after(ms: number, task: () => void): () => void;
}

export const browserScheduler: Scheduler = {
  now: () => Date.now(),
  after: (ms, task) => {
    const timer = setTimeout(task, ms);
    return () => clearTimeout(timer);
  },
};

export class SyncEngine {
  private state: SyncState = {
    phase: 'idle', reachable: true, pulled: 0, lastSyncedAt: null, pending: 0, rejected: 0, conflicts: [], retryAt: null,
  };
  private readonly listeners = new Set<(state: SyncState) => void>();
  private readonly client: SyncClient;
  private running: Promise<void> | null = null;
  private cancelTimer: () => void = () => {};
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly store: LocalStore,
    transport: SyncTransport,
    private readonly scheduler: Scheduler = browserScheduler,
    private readonly onRevoked: () => void = () => {},
    /** After each complete sync (keeps what offline work needs besides records, such as forms). */
    private readonly afterSync: () => Promise<void> = async () => {},
  ) {
    this.client = new SyncClient(store, transport);
  }

  get current(): SyncState {
    return this.state;
  }

  subscribe(listener: (state: SyncState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Reads what the store holds, then syncs. */
  async start(): Promise<void> {
    this.update({ lastSyncedAt: (await this.store.meta<number>(LAST_SYNCED)) ?? null });
    await this.refresh();
    await this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  /** The outbox or the store changed: counts again, and tries to push soon if the server answers. */
  async changed(): Promise<void> {
    await this.refresh();
    if (this.state.reachable && this.state.phase === 'idle') this.plan(0);
  }

  /** The network is known lost (the browser says so, or a call did not reach the server). */
  lost(): void {
    this.update({ reachable: false });
  }

  /** Syncs now, or joins the sync under way. */
  syncNow(): Promise<void> {
    if (this.stopped || this.state.phase === 'revoked') return Promise.resolve();
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    this.cancelTimer();
    this.update({ phase: 'syncing', pulled: 0, retryAt: null });
    try {
      await this.client.sync((pulled) => this.update({ pulled, reachable: true }));
      await this.afterSync().catch(() => {}); // the forms are kept from an earlier sync, at worst
      const now = this.scheduler.now();
      await this.store.setMeta(LAST_SYNCED, now);
      this.failures = 0;
      this.update({ phase: 'idle', reachable: true, lastSyncedAt: now });
      this.plan(SYNC_INTERVAL_MS);
    } catch (error) {
      this.failed(error);
    }
    await this.refresh();
  }

  private failed(error: unknown): void {
    if (error instanceof DeviceRevoked) {
      this.update({ phase: 'revoked' });
      this.onRevoked();
      return;
    }
    if (error instanceof SignInNeeded) {
      this.update({ phase: 'sign-in-needed', reachable: true });
      return;
    }
    if (error instanceof ServerBusy) {
      // the server said when: not a failure, and the own backoff does not grow
      const delay = error.retryAfterMs + Math.floor((this.scheduler.random ?? Math.random)() * BUSY_SPREAD_MS);
      this.update({ phase: 'busy', reachable: true, retryAt: this.scheduler.now() + delay });
      this.plan(delay);
      return;
    }
    this.failures++;
    const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failures - 1));
    this.update({ phase: 'waiting', reachable: !(error instanceof Unreachable), retryAt: this.scheduler.now() + delay });
    this.plan(delay);
  }

  private plan(ms: number): void {
    if (this.stopped) return;
    this.cancelTimer();
    this.cancelTimer = this.scheduler.after(ms, () => void this.syncNow());
  }

  private async refresh(): Promise<void> {
    if (this.stopped) return;
    this.update({
      pending: await this.store.pendingCount(),
      rejected: await this.store.rejectedCount(),
      conflicts: (await this.store.meta<ConflictNotice[]>(CONFLICTS)) ?? [],
    });
  }

  private update(change: Partial<SyncState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}
