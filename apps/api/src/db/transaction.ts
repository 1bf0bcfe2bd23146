import type Database from "better-sqlite3";
import { type GraftDb } from "@graft/schema/db";
import { type Db } from "./database";

/**
 * What a write transaction touches, when the caller can say it is less than anything: `{ run: id }`
 * promises that the body writes only that run's row and rows of that run alone (its epochs), and
 * reads other rows only where a slightly older committed state is as good (a sweep's peers). On
 * PostgreSQL such transactions for different runs may run side by side; see PgTransactionRunner.
 */
export type WriteScope = { run: string };

/**
 * What a scoped transaction's body is handed: its run's row as read under the scope's lock, raw
 * (keyed by column name, as `SELECT *` gives it), or undefined when there is no such run. Read by
 * the runner so that PostgreSQL sends it with the BEGIN, in one round trip. Undefined unscoped.
 */
export type ScopedRow = Record<string, unknown> | undefined;

/**
 * Runs async bodies as write transactions, one at a time (save those a {@link WriteScope} lets
 * a runner overlap). The SQLite implementation is
 * {@link SqliteTransactionRunner}; the PostgreSQL one (db/pg/transaction.ts) checks a client out of
 * the pool, `BEGIN`s, hands the body a drizzle handle bound to that client, and `COMMIT`s/`ROLLBACK`s
 * the same way.
 */
export interface TransactionRunner {
  /**
   * Runs `body` inside one write transaction on `tx` and commits when it resolves; rolls back and
   * rethrows when it rejects (or when the commit fails). Not re-entrant: a body must not call
   * `run` again (directly, or through a service method that opens its own transaction), it passes
   * its `tx` down to the `...InTx` helpers instead. On SQLite a nested call would wait forever
   * for the lock its own caller holds. `scope`, when given, is the caller's promise of what the body
   * touches (see {@link WriteScope}); a runner that cannot use it runs the body alone.
   */
  run<T>(body: (tx: Db, scoped: ScopedRow) => Promise<T>, scope?: WriteScope): Promise<T>;
}

/**
 * A FIFO lock: `acquire` resolves in call order, each once the previous holder released. Promise
 * chaining, no timers: an uncontended acquire costs one microtask.
 */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  /** Waits for every earlier holder, then returns the function that releases this hold. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => held);
    await previous;
    return release;
  }
}

/**
 * Write transactions on one better-sqlite3 connection: `BEGIN IMMEDIATE`, the body, `COMMIT`
 * (or `ROLLBACK` and rethrow), serialised by an in-process {@link AsyncMutex}.
 *
 * Why this is safe on one shared connection although the body is async:
 * - better-sqlite3 runs every query synchronously; drizzle's awaitable builders resolve with rows
 *   already read. A body that awaits only drizzle SQLite queries therefore finishes within the
 *   macrotask that started it: no other request's I/O callback can run in between and issue
 *   statements on the connection, as with the synchronous `db.transaction()` this replaces.
 * - The mutex makes that hold for any body: one that awaits real I/O (a file, a timer) keeps the
 *   lock, and another request's write transaction waits for it rather than issuing its `BEGIN`
 *   (an error inside an open transaction) or its statements into this one.
 * - IMMEDIATE takes SQLite's write lock at BEGIN, so two processes on one file never both read a
 *   queued run and then race to update it; the connection's `busy_timeout` makes the later one
 *   wait for the lock instead of failing at once.
 *
 * What it cannot prevent: between the body's awaits, other promise chains already running in the
 * same macrotask (the operations of one batched GraphQL request, which Apollo executes together)
 * may read on the same connection and see the transaction's uncommitted rows, which the
 * synchronous transaction never let them. Writes cannot interleave (every one goes through here),
 * and a body that throws after writing rolls its rows back, so such a read is at worst of state
 * that never committed. Bodies validate before they write, and a pooled database gives each
 * transaction its own connection, so this is SQLite-only and narrow.
 */
export class SqliteTransactionRunner implements TransactionRunner {
  private readonly mutex = new AsyncMutex();
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;

  constructor(private readonly db: GraftDb) {
    this.begin = db.$client.prepare("BEGIN IMMEDIATE");
    this.commit = db.$client.prepare("COMMIT");
    this.rollback = db.$client.prepare("ROLLBACK");
  }

  /** The scoped run's read, prepared on first use (not every database this runs on has runs). */
  private runRow: Database.Statement | null = null;

  async run<T>(body: (tx: Db, scoped: ScopedRow) => Promise<T>, scope?: WriteScope): Promise<T> {
    const release = await this.mutex.acquire();
    try {
      const client = this.db.$client;
      // Only this runner begins transactions on the connection, and it holds the lock: a
      // transaction already open is a bug (a raw `BEGIN` elsewhere), not something to nest into.
      if (client.inTransaction) throw new Error("A transaction is already open on this connection outside the transaction runner");
      this.begin.run();
      try {
        let scoped: ScopedRow;
        if (scope) {
          this.runRow ??= client.prepare("SELECT * FROM runs WHERE id = ?");
          scoped = this.runRow.get(scope.run) as ScopedRow;
        }
        const result = await body(this.db, scoped);
        this.commit.run();
        return result;
      } catch (error) {
        // As better-sqlite3's own transactions do: a failed COMMIT (SQLITE_FULL, SQLITE_BUSY) can
        // leave the transaction open, and SQLite may already have rolled back after some errors.
        if (client.inTransaction) this.rollback.run();
        throw error;
      }
    } finally {
      release();
    }
  }
}

const runners = new WeakMap<Database.Database, TransactionRunner>();

/**
 * The transaction runner of a database connection: one per connection, because the lock guards
 * the connection, however many services share it.
 */
export function transactionRunnerFor(db: GraftDb): TransactionRunner {
  let runner = runners.get(db.$client);
  if (!runner) {
    runner = new SqliteTransactionRunner(db);
    runners.set(db.$client, runner);
  }
  return runner;
}
