import { and, eq, sql } from "drizzle-orm";
import { agents, runs, sweeps, type RunEnginesJson } from "@graft/schema/db";
import { type RunControl, RunStatus, SweepStatus, SweepStrategy } from "@graft/schema/graphql";
import { type Db, firstRow } from "../../db/database";
import { type ServiceDeps } from "../service-deps";
import { type Outbox } from "../write-tx";
import { type RunRow, toDate, toRun } from "./run.mapper";
import { configurationsOf } from "../sweep/sweep.tpe";

/** Fields a terminal transition may set besides the status. */
export interface FinishFields {
  error?: string | null;
  stopReason?: string | null;
  backend?: string | null;
  engines?: RunEnginesJson | null;
}

/**
 * Moves a run to a terminal status inside the caller's transaction: stamps finish time and
 * duration, clears the lease, frees the agent, completes the sweep when this was its last live
 * run, and queues the runUpdated event.
 */
export async function finishRun(
  deps: Pick<ServiceDeps, "now">,
  tx: Db,
  outbox: Outbox,
  row: RunRow,
  status: RunStatus,
  fields: FinishFields = {},
): Promise<RunRow> {
  const now = deps.now();
  const [updated] = await tx
    .update(runs)
    .set({
      status,
      finishedAt: now,
      durationMs: row.startedAt === null ? null : now - row.startedAt,
      leaseExpiresAt: null,
      stopRequested: null,
      ...(fields.error !== undefined ? { error: fields.error } : {}),
      ...(fields.stopReason !== undefined ? { stopReason: fields.stopReason } : {}),
      ...(fields.backend ? { backend: fields.backend } : {}),
      // completeRun always says: null from an agent that does not report engines, so none are kept from an earlier attempt.
      ...(fields.engines !== undefined ? { engines: fields.engines } : {}),
    })
    .where(eq(runs.id, row.id))
    .returning();
  if (row.agentId) {
    await tx
      .update(agents)
      .set({ currentRunId: null })
      .where(and(eq(agents.id, row.agentId), eq(agents.currentRunId, row.id)));
  }
  if (row.sweepId) await refreshSweepStatus(tx, row.sweepId);
  outbox.run(toRun(updated as RunRow));
  return updated as RunRow;
}

/**
 * Marks a RUNNING sweep COMPLETED once none of its runs is queued or running, except a TPE sweep
 * with configurations left in its budget: its next one is sampled at the next claim (sweep.tpe.ts),
 * which also completes it when its space turns out to be used up.
 */
export async function refreshSweepStatus(tx: Db, sweepId: string): Promise<void> {
  const counts = await firstRow(
    tx
      .select({
        live: sql<number>`sum(CASE WHEN ${runs.status} IN ('QUEUED', 'RUNNING') THEN 1 ELSE 0 END)`,
        all: sql<number>`count(*)`,
      })
      .from(runs)
      .where(eq(runs.sweepId, sweepId)),
  );
  if ((counts?.live ?? 0) > 0) return;
  const sweep = await firstRow(
    tx.select({ strategy: sweeps.strategy, maxRuns: sweeps.maxRuns, repeats: sweeps.repeats }).from(sweeps).where(eq(sweeps.id, sweepId)),
  );
  if (sweep?.strategy === SweepStrategy.TPE && configurationsOf(counts?.all ?? 0, sweep.repeats) < (sweep.maxRuns ?? 0)) return;
  await tx
    .update(sweeps)
    .set({ status: SweepStatus.COMPLETED })
    .where(and(eq(sweeps.id, sweepId), eq(sweeps.status, SweepStatus.RUNNING)));
}

/**
 * What the agent working on `row` should do now. A run that is no longer RUNNING, or now belongs
 * to another agent (its lease expired and it was re-queued), must stop: reason LEASE_LOST.
 */
export function controlFor(row: RunRow, agentId: string | null | undefined): RunControl {
  if (row.status === RunStatus.CANCELED) return { shouldStop: true, reason: "CANCELED", leaseExpiresAt: null };
  if (row.status !== RunStatus.RUNNING || (agentId && row.agentId !== agentId)) {
    return { shouldStop: true, reason: "LEASE_LOST", leaseExpiresAt: null };
  }
  if (row.stopRequested) return { shouldStop: true, reason: row.stopRequested, leaseExpiresAt: toDate(row.leaseExpiresAt) };
  return { shouldStop: false, reason: null, leaseExpiresAt: toDate(row.leaseExpiresAt) };
}
