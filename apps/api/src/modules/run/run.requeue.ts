import { eq } from "drizzle-orm";
import { runs, sweeps } from "@graft/schema/db";
import { RunStatus, SweepStatus } from "@graft/schema/graphql";
import { conflict } from "../../errors";
import { type Db, firstRow } from "../../db/database";
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
export async function requeueInTx(tx: Db, outbox: Outbox, row: RunRow): Promise<RunRow> {
  if (!REQUEUEABLE.includes(row.status)) {
    throw conflict(`Run ${row.id} is ${row.status}; only a FAILED or CANCELED run can be queued again`);
  }
  // Queuing one run must not quietly undo the user's cancel of its sweep (TPE would sample on).
  const sweep = row.sweepId
    ? await firstRow(tx.select({ status: sweeps.status }).from(sweeps).where(eq(sweeps.id, row.sweepId)))
    : undefined;
  if (sweep?.status === SweepStatus.CANCELED) {
    throw conflict(`Run ${row.id} belongs to sweep ${row.sweepId}, which is CANCELED; resume the sweep to queue its runs again`);
  }
  const [updated] = await tx
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
      // The next attempt reports its own engines (an older agent's completion reports none).
      engines: null,
      attemptsBeforeRequeue: row.attempts,
    })
    .where(eq(runs.id, row.id))
    .returning();
  if (row.sweepId) await tx.update(sweeps).set({ status: SweepStatus.RUNNING }).where(eq(sweeps.id, row.sweepId));
  outbox.run(toRun(updated as RunRow));
  return updated as RunRow;
}
