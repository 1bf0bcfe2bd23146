import { type Epoch, type Run } from "@graft/schema/graphql";
import { type GraftPubSub, TOPICS } from "../pubsub";
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

  /** Publishes everything queued, epochs first so a run's summary never precedes its epochs. */
  flush(pubSub: GraftPubSub): void {
    for (const e of this.epochs) pubSub.publish(TOPICS.EPOCH_LOGGED, e.runId, e);
    for (const r of this.runs.values()) pubSub.publish(TOPICS.RUN_UPDATED, r);
  }
}

/**
 * Runs `fn` as one IMMEDIATE transaction (the write lock is taken at BEGIN, so two processes
 * never both read a queued run and then race to update it; busy_timeout makes the loser wait),
 * then publishes the events it queued. better-sqlite3 is synchronous: `fn` must not await.
 */
export function writeTx<T>(deps: ServiceDeps, fn: (outbox: Outbox) => T): T {
  const outbox = new Outbox();
  const result = deps.db.transaction(() => fn(outbox), { behavior: "immediate" });
  outbox.flush(deps.pubSub);
  return result;
}
