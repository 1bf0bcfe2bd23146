import { and, eq, inArray, type SQL } from "drizzle-orm";
import { agents, runs, testSetEvaluations } from "@graft/schema/db";
import { RunStatus, TestSetEvaluationStatus } from "@graft/schema/graphql";
import { conflict } from "../../errors";
import { type Db } from "../../db/database";
import { refreshSweepStatus } from "./run.finish";

/** "3 RUNNING run(s) (a, b, c, …)": the refusal's list, at most three ids. */
function listed(ids: readonly string[], what: string): string {
  return `${ids.length} ${what} (${ids.slice(0, 3).join(", ")}${ids.length > 3 ? ", …" : ""})`;
}

/**
 * Refuses (CONFLICT) while an agent is scoring a test set that `where` (over test_set_evaluations)
 * selects: deleting the row would cascade it away under the agent, and the checkpoint it is
 * downloading with it.
 */
export async function assertNoRunningEvaluations(tx: Db, where: SQL, what: string): Promise<void> {
  const busy = await tx
    .select({ id: testSetEvaluations.id })
    .from(testSetEvaluations)
    .where(and(where, eq(testSetEvaluations.status, TestSetEvaluationStatus.RUNNING)));
  if (busy.length > 0) {
    throw conflict(
      `${what} has ${listed(
        busy.map((e) => e.id),
        "RUNNING test-set evaluation(s)",
      )}; wait until they end before deleting`,
    );
  }
}

/**
 * Deletes the runs `where` selects, inside the caller's transaction, with everything they own
 * (epochs, evaluation, predictions, tags, notes, artifacts, checkpoint rows, test-set evaluations:
 * foreign keys cascade). Refused while any of them is RUNNING, or is being scored on a test set,
 * since an agent is writing to it. The sweeps they belonged to end COMPLETED when nothing of them
 * is left to run. Returns the deleted ids: their checkpoint files are the caller's to remove after
 * the commit.
 * @param what Names the owner in the refusal ("Sweep 01J…").
 */
export async function deleteRunsInTx(tx: Db, where: SQL, what: string): Promise<string[]> {
  const running = await tx
    .select({ id: runs.id })
    .from(runs)
    .where(and(where, eq(runs.status, RunStatus.RUNNING)));
  if (running.length > 0) {
    throw conflict(
      `${what} has ${listed(
        running.map((r) => r.id),
        "RUNNING run(s)",
      )}; cancel them and wait until they end before deleting`,
    );
  }
  await assertNoRunningEvaluations(tx, inArray(testSetEvaluations.runId, tx.select({ id: runs.id }).from(runs).where(where)), what);
  const rows = await tx.select({ id: runs.id, sweepId: runs.sweepId }).from(runs).where(where);
  const ids = rows.map((r) => r.id);
  // In chunks: SQLite binds at most 32,766 variables, a sweep holds up to 10,000 runs.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await tx.update(agents).set({ currentRunId: null }).where(inArray(agents.currentRunId, chunk));
    await tx.delete(runs).where(inArray(runs.id, chunk));
  }
  // A sweep whose last live run went must not stay RUNNING with nothing to run.
  for (const sweepId of new Set(rows.flatMap((r) => (r.sweepId ? [r.sweepId] : [])))) await refreshSweepStatus(tx, sweepId);
  return ids;
}
