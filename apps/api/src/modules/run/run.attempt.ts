import { type GraphQLError } from "graphql";
import { RunStatus } from "@graft/schema/graphql";
import { badInput, graftError } from "../../errors";
import { type RunRow } from "./run.mapper";

/** extensions.reason of the CONFLICT a write from a superseded attempt gets. */
export const SUPERSEDED = "SUPERSEDED";

/**
 * Refuses a write (epochs, completion, failure) from an attempt that no longer owns the run: each
 * claim starts a new attempt (runs.attempts) with an empty curve, and a zombie agent whose lease
 * expired must not mix its epochs or its evaluation into the new attempt's. Call inside the write
 * transaction. `attempt` is what the agent was handed by claimRun; clients that do not send it are
 * judged by their agent id, which catches a run re-claimed by another agent only.
 *
 * Throws BAD_USER_INPUT for an attempt that was never claimed, and CONFLICT with
 * `extensions.reason = "SUPERSEDED"` (plus `attempt` and `currentAttempt`) once a newer attempt
 * owns the run. A run that merely stopped RUNNING is left to the caller.
 */
export function assertCurrentAttempt(
  row: RunRow,
  agentId: string | null | undefined,
  attempt: number | null | undefined,
  action: string,
): void {
  if (attempt !== null && attempt !== undefined) {
    if (!Number.isInteger(attempt) || attempt < 1)
      throw badInput(`Invalid attempt ${attempt}: must be an integer >= 1 (the attempts claimRun answered)`, "attempt", attempt);
    if (attempt > row.attempts) {
      throw badInput(
        `Run ${row.id} has been claimed ${row.attempts} time(s), so attempt ${attempt} cannot ${action}: send the attempts claimRun answered`,
        "attempt",
        attempt,
      );
    }
    if (attempt < row.attempts) throw superseded(row, attempt, `attempt ${attempt}`, action);
  }
  if (row.status === RunStatus.RUNNING && agentId && row.agentId !== agentId)
    throw superseded(row, attempt ?? null, `agent ${JSON.stringify(agentId)}`, action);
}

function superseded(row: RunRow, attempt: number | null, writer: string, action: string): GraphQLError {
  return graftError(
    "CONFLICT",
    `Run ${row.id} belongs to attempt ${row.attempts} (agent ${JSON.stringify(row.agentId)}) now, so ${writer} may not ${action}: its lease expired and the run was claimed again`,
    { reason: SUPERSEDED, runId: row.id, attempt, currentAttempt: row.attempts },
  );
}
