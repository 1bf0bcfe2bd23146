import { and, eq, inArray, sql } from "drizzle-orm";
import { agents, runs, sweeps } from "@graft/schema/db";
import { type RunControl, RunStatus, SweepStatus } from "@graft/schema/graphql";
import { type ServiceDeps } from "../service-deps";
import { type Outbox } from "../write-tx";
import { type RunRow, toDate, toRun } from "./run.mapper";

/** Fields a terminal transition may set besides the status. */
export interface FinishFields {
  error?: string | null;
  stopReason?: string | null;
  backend?: string | null;
}

/**
 * Moves a run to a terminal status inside the caller's transaction: stamps finish time and
 * duration, clears the lease, frees the agent, completes the sweep when this was its last live
 * run, and queues the runUpdated event.
 */
export function finishRun(deps: ServiceDeps, outbox: Outbox, row: RunRow, status: RunStatus, fields: FinishFields = {}): RunRow {
  const now = deps.now();
  const updated = deps.db
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
    })
    .where(eq(runs.id, row.id))
    .returning()
    .get();
  if (row.agentId) {
    deps.db
      .update(agents)
      .set({ currentRunId: null })
      .where(and(eq(agents.id, row.agentId), eq(agents.currentRunId, row.id)))
      .run();
  }
  if (row.sweepId) refreshSweepStatus(deps, row.sweepId);
  outbox.run(toRun(updated));
  return updated;
}

/** Marks a RUNNING sweep COMPLETED once none of its runs is queued or running. */
export function refreshSweepStatus(deps: ServiceDeps, sweepId: string): void {
  const live = deps.db
    .select({ n: sql<number>`count(*)` })
    .from(runs)
    .where(and(eq(runs.sweepId, sweepId), inArray(runs.status, [RunStatus.QUEUED, RunStatus.RUNNING])))
    .get();
  if ((live?.n ?? 0) === 0) {
    deps.db
      .update(sweeps)
      .set({ status: SweepStatus.COMPLETED })
      .where(and(eq(sweeps.id, sweepId), eq(sweeps.status, SweepStatus.RUNNING)))
      .run();
  }
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
