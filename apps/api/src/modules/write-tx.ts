import { type Epoch, type Run } from "@graft/schema/graphql";
import { type GraftPubSub, TOPICS } from "../pubsub";
import { type Changes } from "../db/change-feed";
import { type Db } from "../db/database";
import { type ScopedRow, type WriteScope } from "../db/transaction";
import { type ServiceDeps } from "./service-deps";

/** Events gathered inside a transaction and published only once it has committed. */
export class Outbox {
  private readonly runs = new Map<string, Run>();
  private readonly epochs: Epoch[] = [];

  /** Queues a runUpdated event (the latest state of a run wins). */
  run(run: Run): void {
    this.runs.delete(run.id);
    this.runs.set(run.id, run);
  }

  /** Queues epochLogged events; callers add them in epoch order. */
  epoch(epoch: Epoch): void {
    this.epochs.push(epoch);
  }

  /** What was queued, by id: the notice other API processes get (see ChangeFeed). */
  changes(): Changes {
    return { runIds: [...this.runs.keys()], epochs: this.epochs.map((e) => ({ runId: e.runId, epoch: e.epoch })) };
  }

  /** Publishes everything queued, epochs first so a run's summary never precedes its epochs. */
  flush(pubSub: GraftPubSub): void {
    for (const e of this.epochs) pubSub.publish(TOPICS.EPOCH_LOGGED, e.runId, e);
    for (const r of this.runs.values()) pubSub.publish(TOPICS.RUN_UPDATED, r);
  }
}

/**
 * Runs `fn` as one write transaction (IMMEDIATE on SQLite: the write lock is taken at BEGIN, so
 * two processes never both read a queued run and then race to update it; busy_timeout makes the
 * loser wait), then publishes the events it queued, only once it has committed. Write
 * transactions run one at a time per connection (see SqliteTransactionRunner in db/transaction.ts)
 * and, on PostgreSQL, one at a time per database (PgTransactionRunner in db/pg/transaction.ts),
 * save those scoped to one run, which overlap each other.
 *
 * `scope` narrows what `fn` may touch (see WriteScope): only for bodies that keep that promise.
 * Such a body is handed its run's row as read under the scope's lock (`scoped`, see ScopedRow).
 *
 * `fn` runs every query of the transaction on `tx` and hands `tx` to the helpers it calls (the
 * `...InTx` functions); it must not call anything that opens `writeTx` again, which would wait
 * for its own transaction to end.
 */
export async function writeTx<T>(
  deps: ServiceDeps,
  fn: (tx: Db, outbox: Outbox, scoped: ScopedRow) => Promise<T>,
  scope?: WriteScope,
): Promise<T> {
  const outbox = new Outbox();
  const feed = deps.database.changes;
  const result = await deps.database.transactions.run(async (tx, scoped) => {
    const value = await fn(tx, outbox, scoped);
    // Other processes hear of it only if it commits (PostgreSQL sends a NOTIFY on COMMIT).
    const changes = outbox.changes();
    if (feed && (changes.runIds.length > 0 || changes.epochs.length > 0)) await feed.notifyInTx(tx, changes);
    return value;
  }, scope);
  outbox.flush(deps.pubSub);
  return result;
}
