import { eq } from "drizzle-orm";
import { runs } from "@graft/schema/db";
import { RunStatus, SweepStatus } from "@graft/schema/graphql";
import { sweeps } from "@graft/schema/db";
import { conflict } from "../../errors";
import { type ServiceDeps } from "../service-deps";
import { type Outbox } from "../write-tx";
import { type RunRow, toRun } from "./run.mapper";

/** Statuses a run can be put back in the queue from. */
export const REQUEUEABLE: readonly string[] = [RunStatus.FAILED, RunStatus.CANCELED];

/**
 * Puts a FAILED or CANCELED run back in the queue inside the caller's transaction, as if new: no
 * agent, no lease, no finish, error or stop reason; the lease reaper's retry budget starts again
 * (`attemptsBeforeRequeue`). Its epochs stay until an agent claims it: the claim of a later attempt
 * drops them (LeaseService), so what was learned is visible until something replaces it. A sweep
 * that had ended runs again.
 * @throws CONFLICT for any other status.
 */
export function requeueInTx(deps: ServiceDeps, outbox: Outbox, row: RunRow): RunRow {
  if (!REQUEUEABLE.includes(row.status)) {
    throw conflict(`Run ${row.id} is ${row.status}; only a FAILED or CANCELED run can be queued again`);
  }
  const updated = deps.db
    .update(runs)
    .set({
      status: RunStatus.QUEUED,
      agentId: null,
      leaseExpiresAt: null,
      stopRequested: null,
      stopReason: null,
      error: null,
      finishedAt: null,
      durationMs: null,
      attemptsBeforeRequeue: row.attempts,
    })
    .where(eq(runs.id, row.id))
    .returning()
    .get();
  if (row.sweepId) deps.db.update(sweeps).set({ status: SweepStatus.RUNNING }).where(eq(sweeps.id, row.sweepId)).run();
  outbox.run(toRun(updated));
  return updated;
}
