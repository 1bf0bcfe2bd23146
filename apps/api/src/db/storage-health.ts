import type Database from "better-sqlite3";
import { describeStorageFailure, type StorageFailure, storageFailureOf } from "../errors";

/** What `/healthz` reports about the database. */
export type StorageStatus = { writable: true } | { writable: false; failure: StorageFailure; reason: string; since: Date };

/** `/healthz`'s view of the database, whichever the dialect (SQLite: {@link StorageHealth}; PostgreSQL: db/pg/storage-health.ts). */
export interface StorageHealthCheck {
  /** Remembers a storage failure a request hit; `/healthz` reports it until a write commits. */
  recordFailure(failure: StorageFailure): void;
  /** Whether writes were refused at any time in the last `ms`, or still are, as far as this process has seen; no probe. */
  refusedWritesWithin(ms: number): boolean;
  /** Probes the database and says whether it can take writes. */
  check(): Promise<StorageStatus>;
}

/**
 * What both dialects' checks share: the last storage failure a request (or a probe) hit, and when
 * writes were last seen refused or recovering. A subclass probes in `check()`, calls
 * {@link committed} once a write commits, and answers with {@link status}.
 */
export abstract class StorageFailureMemory implements StorageHealthCheck {
  private lastFailure: { failure: StorageFailure; at: number } | null = null;
  /** When writes were last seen refused, or seen working again after that: 0 = never refused. */
  private troubleAt = 0;

  /**
   * @param where names the database in a failure's reason (the data directory, or a URL without its password).
   * @param now the clock, injectable for tests.
   */
  protected constructor(
    private readonly where: string,
    protected readonly now: () => number,
  ) {}

  /** Remembers a storage failure a request hit; `/healthz` reports it until a write commits. */
  recordFailure(failure: StorageFailure): void {
    this.lastFailure = { failure, at: this.now() };
    this.troubleAt = this.now();
  }

  /**
   * Whether writes were refused at any time in the last `ms`, or still are, as far as this process
   * has seen. No probe, so it may be called inside a transaction; {@link check} refreshes it.
   */
  refusedWritesWithin(ms: number): boolean {
    return this.lastFailure !== null || (this.troubleAt > 0 && this.now() - this.troubleAt < ms);
  }

  /** Whether a failure is remembered (so a probe should commit a write to clear it). */
  protected get failing(): boolean {
    return this.lastFailure !== null;
  }

  /** A write committed: the remembered failure is over, and the recovery starts the trouble window anew. */
  protected committed(): void {
    if (this.lastFailure === null) return;
    this.lastFailure = null;
    this.troubleAt = this.now();
  }

  /** What `/healthz` reports from what is remembered. */
  protected status(): StorageStatus {
    if (!this.lastFailure) return { writable: true };
    const { failure, at } = this.lastFailure;
    return { writable: false, failure, reason: describeStorageFailure(failure, this.where), since: new Date(at) };
  }

  abstract check(): Promise<StorageStatus>;
}

/** How long the probe waits for another process's write lock before calling the result inconclusive. */
const PROBE_BUSY_TIMEOUT_MS = 200;

/** Pages the growth probe asks for: more than one, so a half-free last page cannot absorb it. */
const PROBE_PAGES = 2;

/** Thrown inside the probe's transaction to roll it back. */
class RollbackProbe extends Error {}

/**
 * Whether the API's database can take writes, for `/healthz`. Two signals, because neither alone
 * sees every failure:
 *
 * - a probe: inside `BEGIN IMMEDIATE`, insert a few pages of zeroes into `storage_probe` and roll
 *   back. That takes the write lock (READONLY, an I/O error) and makes SQLite allocate pages beyond
 *   the file's end (a full disk or page limit: SQLITE_FULL at allocation), while leaving the file as
 *   it was. A rolled-back write never reaches the WAL, so it cannot see a disk that is full only for
 *   the WAL's next frame;
 * - the last storage failure a real request hit (formatError reports each one). It is cleared only
 *   when a committed write succeeds: the probe commits a one-row update while a failure is
 *   remembered, so the status recovers on its own once space returns, without waiting for traffic.
 */
export class StorageHealth extends StorageFailureMemory {
  constructor(
    private readonly client: Database.Database,
    dataDir: string,
    now: () => number = Date.now,
  ) {
    super(dataDir, now);
  }

  /** Probes the database (synchronously, a few ms, though async like the PostgreSQL probe) and says whether it can take writes. */
  async check(): Promise<StorageStatus> {
    try {
      this.withShortBusyTimeout(() => {
        this.probeGrowth();
        if (this.failing) {
          this.probeCommit();
          this.committed();
        }
      });
    } catch (error) {
      const failure = storageFailureOf(error);
      if (!failure) throw error;
      // Another process holding the write lock for a moment is normal with several API processes on
      // one file: real writes wait up to busy_timeout for it, the probe does not. Only a remembered
      // failure (a real write that timed out) reports BUSY.
      if (!failure.code.startsWith("SQLITE_BUSY")) this.recordFailure(failure);
    }
    return this.status();
  }

  /** Allocates pages past the end of the file inside a transaction that is always rolled back. */
  private probeGrowth(): void {
    const pageSize = this.client.pragma("page_size", { simple: true }) as number;
    const insert = this.client.prepare(
      "INSERT INTO storage_probe (id, payload) VALUES (1, zeroblob(?)) ON CONFLICT (id) DO UPDATE SET payload = excluded.payload",
    );
    try {
      this.client
        .transaction(() => {
          insert.run(PROBE_PAGES * pageSize);
          throw new RollbackProbe();
        })
        .immediate();
    } catch (error) {
      if (!(error instanceof RollbackProbe)) throw error;
    }
  }

  /** Commits a one-row write: what clears a remembered failure. */
  private probeCommit(): void {
    this.client
      .prepare("INSERT INTO storage_probe (id, checked_at) VALUES (0, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at")
      .run(this.now());
  }

  /** Runs `fn` with a short busy_timeout, restoring the connection's own afterwards. */
  private withShortBusyTimeout(fn: () => void): void {
    const saved = this.client.pragma("busy_timeout", { simple: true }) as number;
    this.client.pragma(`busy_timeout = ${PROBE_BUSY_TIMEOUT_MS}`);
    try {
      fn();
    } finally {
      this.client.pragma(`busy_timeout = ${saved}`);
    }
  }
}
