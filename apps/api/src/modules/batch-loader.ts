/**
 * Coalesces the `load(key)` calls made while one GraphQL execution pass resolves a list into one
 * batched lookup: a page of 100 runs asking for `tags` makes one query instead of 100 (N+1).
 * No caching across batches: a WebSocket subscription keeps its context for its lifetime, so a cache
 * would serve stale rows. Scheduling follows DataLoader's: after the current promise jobs, on the
 * next tick, so resolvers called in the same pass land in the same batch.
 */
export class BatchLoader<K, V> {
  private queue: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];

  /**
   * @param fetch answers a batch of distinct keys; a key it leaves out gets `missing`.
   * @param missing the value of a key `fetch` did not answer (e.g. `[]` for a run without tags).
   */
  constructor(
    private readonly fetch: (keys: readonly K[]) => Promise<Map<K, V>>,
    private readonly missing: () => V,
  ) {}

  /** The value of `key`, looked up together with the other keys requested in the same pass. */
  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      if (this.queue.length === 0) {
        void Promise.resolve().then(() => process.nextTick(() => void this.dispatch()));
      }
      this.queue.push({ key, resolve, reject });
    });
  }

  private async dispatch(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      const found = await this.fetch([...new Set(batch.map((b) => b.key))]);
      for (const b of batch) b.resolve(found.has(b.key) ? (found.get(b.key) as V) : this.missing());
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  }
}

/** Groups rows by a key, keeping their order (rows come sorted from SQL). */
export function groupBy<K, T>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
