/**
 * The row a queued run is created with, built in one place for createRun (drizzle, row by row) and
 * createSweep (prepared multi-row statements): every other column takes its SQL default.
 */
import { newId } from "@graft/schema/db";
import { RunStatus } from "@graft/schema/graphql";
import { type HyperparameterColumns } from "./run.hyperparameters";

/** A run to queue: where it belongs and its checked hyperparameters. */
export interface NewRun {
  name: string;
  datasetId: string;
  experimentId: string | null;
  sweepId: string | null;
  hyperparameters: HyperparameterColumns;
}

/** The values of a new QUEUED run's row, created at `now`. */
export function queuedRunValues(item: NewRun, now: number) {
  return {
    id: newId(now),
    name: item.name,
    status: RunStatus.QUEUED as string,
    datasetId: item.datasetId,
    experimentId: item.experimentId,
    sweepId: item.sweepId,
    createdAt: now,
    ...item.hyperparameters,
  };
}
