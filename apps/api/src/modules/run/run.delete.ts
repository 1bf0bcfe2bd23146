import { and, eq, inArray, type SQL } from "drizzle-orm";
import { agents, runs } from "@graft/schema/db";
import { RunStatus } from "@graft/schema/graphql";
import { conflict } from "../../errors";
import { type ServiceDeps } from "../service-deps";

/**
 * Deletes the runs `where` selects, inside the caller's transaction, with everything they own
 * (epochs, evaluation, predictions, tags, notes, artifacts, checkpoint rows, test-set evaluations:
 * foreign keys cascade). Refused while any of them is RUNNING, since an agent is writing to it.
 * Returns the deleted ids: their checkpoint files are the caller's to remove after the commit.
 * @param what Names the owner in the refusal ("Sweep 01J…").
 */
export function deleteRunsInTx(deps: ServiceDeps, where: SQL, what: string): string[] {
  const running = deps.db
    .select({ id: runs.id })
    .from(runs)
    .where(and(where, eq(runs.status, RunStatus.RUNNING)))
    .all();
  if (running.length > 0) {
    const ids = running
      .slice(0, 3)
      .map((r) => r.id)
      .join(", ");
    throw conflict(
      `${what} has ${running.length} RUNNING run(s) (${ids}${running.length > 3 ? ", …" : ""}); cancel them and wait until they end before deleting`,
    );
  }
  const ids = deps.db
    .select({ id: runs.id })
    .from(runs)
    .where(where)
    .all()
    .map((r) => r.id);
  // In chunks: SQLite binds at most 32,766 variables, a sweep holds up to 10,000 runs.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    deps.db.update(agents).set({ currentRunId: null }).where(inArray(agents.currentRunId, chunk)).run();
    deps.db.delete(runs).where(inArray(runs.id, chunk)).run();
  }
  return ids;
}
