import type pg from "pg";
import { type Db } from "../database";
import { AsyncMutex, type TransactionRunner } from "../transaction";
import { pgHandle, pgTargetOf } from "./handle";
import { type PgTarget } from "./types";

/**
 * The advisory lock every write transaction takes first (an arbitrary constant: "graft" in ASCII).
 * Services were written for SQLite, where `BEGIN IMMEDIATE` makes write transactions run one at a
 * time across every process on the file, and several read a row and then write from what they
 * read (a run's epoch count, a sweep's progress). Taking one transaction-scoped lock keeps that
 * guarantee across every API process on the database, without auditing each body for READ
 * COMMITTED's lost updates; reads outside write transactions are not held up. Row-level locking
 * instead (the claim already says FOR UPDATE SKIP LOCKED) is the way to more write concurrency.
 */
export const WRITE_LOCK_KEY = 0x6772616674;

const BEGIN_AND_LOCK = `BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`;

/** The statements each open write transaction sends with its COMMIT, by the transaction's client. */
const atCommit = new WeakMap<PgTarget, string[]>();

/**
 * Queues `statement` (complete SQL, no parameters) to run in the write transaction on `tx` just
 * before it commits, in the same round trip as the COMMIT; should it fail, the transaction rolls
 * back. For what only matters if the transaction commits (change-feed.ts's NOTIFYs).
 */
export function runAtCommit(tx: Db, statement: string): void {
  const queued = atCommit.get(pgTargetOf(tx));
  if (!queued) throw new Error("runAtCommit: not a PostgreSQL write transaction's handle (PgTransactionRunner)");
  queued.push(statement);
}

/**
 * Write transactions on a node-postgres pool: each checks out its own client, `BEGIN`s and takes
 * {@link WRITE_LOCK_KEY} in one round trip, hands the body a drizzle handle bound to that client,
 * then `COMMIT`s in one round trip with what the body queued by {@link runAtCommit} (or `ROLLBACK`s
 * and rethrows), and returns the client. Queries the body runs on `deps.db` instead go to other
 * pool clients, outside the transaction. Two round trips besides the body's own statements: on a
 * busy machine each costs a wake-up of the API process and of the server's backend.
 *
 * Within one process the transactions also queue on an {@link AsyncMutex} before they take a
 * client: waiting on the advisory lock while holding a client would let enough waiting writers
 * take every client of the pool, and a body that reads on `deps.db` would then wait forever for a
 * client its own waiters hold. So write transactions hold at most one client per process; readers
 * keep the rest.
 */
export class PgTransactionRunner implements TransactionRunner {
  private readonly mutex = new AsyncMutex();

  constructor(private readonly pool: pg.Pool) {}

  async run<T>(body: (tx: Db) => Promise<T>): Promise<T> {
    const release = await this.mutex.acquire();
    try {
      return await this.runAlone(body);
    } finally {
      release();
    }
  }

  private async runAlone<T>(body: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      try {
        // One round trip for both: a simple-protocol query may hold several statements, and the
        // key is this file's constant. Should the lock fail, the ROLLBACK below ends the open BEGIN.
        await client.query(BEGIN_AND_LOCK);
        const queued: string[] = [];
        atCommit.set(client, queued);
        const result = await body(pgHandle(client));
        // A failing statement skips the rest of the query, COMMIT included: the catch rolls back.
        await client.query([...queued, "COMMIT"].join("; "));
        return result;
      } catch (error) {
        try {
          await client.query("ROLLBACK");
        } catch (rollbackError) {
          // A client that cannot roll back (its connection died) must not go back to the pool.
          broken = rollbackError as Error;
        }
        throw error;
      }
    } finally {
      atCommit.delete(client);
      client.release(broken);
    }
  }
}
