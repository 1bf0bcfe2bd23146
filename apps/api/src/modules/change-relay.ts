import { and, asc, eq, inArray } from "drizzle-orm";
import { epochs } from "@graft/schema/db";
import { type Changes } from "../db/change-feed";
import { type GraftPubSub } from "../pubsub";
import { toEpoch } from "./run/run.mapper";
import { type Services } from "./services";
import { Outbox } from "./write-tx";

/**
 * Publishes on this process's pub/sub what another API process changed (a notice of ids, see
 * ChangeFeed): the epochs and the runs as the database holds them now, epochs first as an outbox
 * does. A run deleted since is skipped.
 */
export async function relayChanges(services: Services, pubSub: GraftPubSub, changes: Changes): Promise<void> {
  const outbox = new Outbox();
  const byRun = new Map<string, number[]>();
  for (const e of changes.epochs) byRun.set(e.runId, [...(byRun.get(e.runId) ?? []), e.epoch]);
  for (const [runId, list] of byRun) {
    const rows = await services.deps.db
      .select()
      .from(epochs)
      .where(and(eq(epochs.runId, runId), inArray(epochs.epoch, list)))
      .orderBy(asc(epochs.epoch));
    for (const row of rows) outbox.epoch(toEpoch(row));
  }
  for (const run of await services.runs.byIds(changes.runIds)) outbox.run(run);
  outbox.flush(pubSub);
}

/**
 * Relays each notice in the order it arrived (one after the other: a later notice's reads must
 * not overtake an earlier one's); a failure is logged and the next notice still relayed.
 */
export function changeRelay(services: Services, pubSub: GraftPubSub): { onChanges(changes: Changes): void; drained(): Promise<void> } {
  let queue: Promise<void> = Promise.resolve();
  return {
    onChanges(changes) {
      queue = queue
        .then(() => relayChanges(services, pubSub, changes))
        .catch((error: unknown) => console.error("[graft-api] relaying another process's changes failed:", error));
    },
    drained: () => queue,
  };
}
