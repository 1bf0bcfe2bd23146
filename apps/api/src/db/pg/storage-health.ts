import type pg from "pg";
import { storageFailureOf } from "../../errors";
import { StorageFailureMemory, type StorageStatus } from "../storage-health";

/** How long the probe may take before the server counts as not answering. */
const PROBE_TIMEOUT_MS = 2000;

/**
 * `/healthz` on PostgreSQL: a probe that commits a one-row write to `storage_probe` (the server
 * answers, the database is not read-only, WAL can be written), plus the last failure a request
 * reported, cleared by the next probe that commits. Disk space is the server's business here:
 * PostgreSQL refuses the write itself when it cannot grow, which the probe then sees.
 */
export class PgStorageHealth extends StorageFailureMemory {
  constructor(
    private readonly pool: pg.Pool,
    where: string,
    now: () => number = Date.now,
  ) {
    super(where, now);
  }

  async check(): Promise<StorageStatus> {
    try {
      await this.pool.query({
        text: "INSERT INTO storage_probe (id, checked_at) VALUES (0, $1) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
        values: [this.now()],
        // node-postgres' query_timeout is per pool; a statement_timeout would not cover a dead socket.
        ...({ query_timeout: PROBE_TIMEOUT_MS } as object),
      });
      this.committed();
    } catch (error) {
      // Any failure of the probe counts (a timeout or a dropped socket has no SQLSTATE).
      this.recordFailure(
        storageFailureOf(error) ?? { code: "POSTGRES_UNAVAILABLE", message: error instanceof Error ? error.message : String(error) },
      );
    }
    return this.status();
  }
}
