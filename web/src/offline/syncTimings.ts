// Where a pull's time goes, written to the page's performance timeline as named measures (the
// first-sync benchmark sums them): `sync-fetch` a page asked and read (server, transfer, parsing),
// `sync-server` the server's own share of it (its Server-Timing header), `sync-seal` the sealing of
// records and the keyed hashes of their names, `sync-read` and `sync-write` the reads and writes of
// IndexedDB, `sync-page` a page written whole. Nothing
// personal: names and durations only.

export type SyncStep = 'sync-fetch' | 'sync-server' | 'sync-read' | 'sync-seal' | 'sync-write' | 'sync-page';

/** Runs `work` and measures it under `step`. */
export async function timed<T>(step: SyncStep, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    measure(step, start, performance.now() - start);
  }
}

/** Measures a span already known (such as the server's, from its header). */
export function measure(step: SyncStep, start: number, duration: number): void {
  try {
    performance.measure(step, { start, duration: Math.max(0, duration) });
  } catch {
    // a timeline without user timing (some test environments): nothing to keep
  }
}

/** The server's time for a request, from `Server-Timing: pull;dur=<ms>`; null when absent. */
export function serverDuration(header: string | null): number | null {
  const match = header === null ? null : /(?:^|,)\s*pull;\s*dur=([\d.]+)/.exec(header);
  return match ? Number(match[1]) : null;
}
