import { createHash } from "node:crypto";
import pg from "pg";
import { type Db } from "../database";
import { type ScopedRow, type TransactionRunner, type WriteScope } from "../transaction";
import { pgHandle, pgTargetOf } from "./handle";
import { GRAFT_PG_TYPES, type PgTarget } from "./types";
import { WriteGate } from "./write-gate";

/**
 * The advisory lock every write transaction takes first (an arbitrary constant: "graft" in ASCII).
 * Services were written for SQLite, where `BEGIN IMMEDIATE` makes write transactions run one at a
 * time across every process on the file, and several read a row and then write from what they
 * read (a run's epoch count, a sweep's progress). Taking one transaction-scoped lock keeps that
 * guarantee across every API process on the database, without auditing each body for READ
 * COMMITTED's lost updates; reads outside write transactions are not held up.
 *
 * The one exception is a transaction scoped to one run (WriteScope: logEpochs, the busiest write by
 * far): it takes the lock shared, plus a lock of its own run. Scoped transactions of different runs
 * then overlap, two of one run take turns, and none overlaps an unscoped one, whose reads and
 * writes stay as serial as before.
 */
export const WRITE_LOCK_KEY = 0x6772616674;

/**
 * First keys of the two-key advisory locks, a lock space apart from {@link WRITE_LOCK_KEY}'s single
 * bigint key: one run's scoped transactions ("runs"), one sweep's early-termination decisions ("graf").
 */
export const RUN_LOCK_CLASS = 0x72756e73;
export const SWEEP_DECISION_LOCK_CLASS = 0x67726166;

/** The second key of a two-key lock on `id`: 32 bits of a digest of it (a collision only makes two ids take turns). */
export function lockKeyOf(id: string): number {
  return createHash("sha1").update(id).digest().readInt32BE(0);
}

const BEGIN_AND_LOCK = `BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`;

/**
 * BEGIN, the write lock shared, the run's lock and the run's row, in one round trip (a
 * multi-statement query takes no parameters: the id is quoted as a literal). The run's lock is an
 * advisory lock rather than the row's FOR UPDATE, which would write the row's header (a WAL
 * record): only scoped transactions need to exclude each other here, unscoped ones are kept out by
 * the write lock. Each lock in its own statement, in this order (every transaction takes the write
 * lock before any other, so none waits for it while holding one another waits for), and the row
 * read after them: under READ COMMITTED each statement reads as of its start, so it sees the
 * previous holder's commit.
 */
const beginScoped = (scope: WriteScope) =>
  `BEGIN; SELECT pg_advisory_xact_lock_shared(${WRITE_LOCK_KEY}); SELECT pg_advisory_xact_lock(${RUN_LOCK_CLASS}, ${lockKeyOf(scope.run)});
  SELECT * FROM runs WHERE id = ${pg.escapeLiteral(scope.run)}`;

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
 * Within one process the transactions also queue on a {@link WriteGate} (the lock's two modes)
 * before they take a client: waiting on the advisory lock while holding a client would let enough
 * waiting writers take every client of the pool, and a body that reads on `deps.db` would then
 * wait forever for a client its own waiters hold. So write transactions hold at most one client per
 * process, or `maxShared` for scoped ones; readers keep the rest.
 */
export class PgTransactionRunner implements TransactionRunner {
  private readonly gate: WriteGate;

  /** @param maxShared how many scoped transactions may hold a client at once (fewer than the pool's clients). */
  constructor(
    private readonly pool: pg.Pool,
    maxShared: number,
  ) {
    this.gate = new WriteGate(maxShared);
  }

  async run<T>(body: (tx: Db, scoped: ScopedRow) => Promise<T>, scope?: WriteScope): Promise<T> {
    const release = await this.gate.acquire(scope === undefined);
    try {
      return await this.runOnClient(body, scope === undefined ? BEGIN_AND_LOCK : beginScoped(scope), scope !== undefined);
    } finally {
      release();
    }
  }

  private async runOnClient<T>(body: (tx: Db, scoped: ScopedRow) => Promise<T>, begin: string, scoped: boolean): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      try {
        // One round trip for all: a simple-protocol query may hold several statements. Should a
        // lock fail, the ROLLBACK below ends the open BEGIN.
        const results = (await client.query({ text: begin, types: GRAFT_PG_TYPES })) as unknown as pg.QueryResult[];
        const queued: string[] = [];
        atCommit.set(client, queued);
        const result = await body(pgHandle(client), scoped ? results.at(-1)?.rows[0] : undefined);
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
