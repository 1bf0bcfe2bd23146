import { type InferSelectModel } from "drizzle-orm";
import { fineTunedLayers, plannedEpochs, HYPERPARAMETER_ENTRIES, type WireHyperparameters } from "@graft/core/contract";
import { type epochs, runs } from "@graft/schema/db";
import { type Epoch, type Hyperparameters, type Phase, type Run, type RunStatus } from "@graft/schema/graphql";
import { tableRowMapper } from "../../db/statement-cache";

/** A row of the runs table. */
export type RunRow = InferSelectModel<typeof runs>;
/** A raw runs row (keyed by column name, as the raw statements return it) as a {@link RunRow}. */
export const toRunRow = tableRowMapper(runs);
/** A row of the epochs table. */
export type EpochRow = InferSelectModel<typeof epochs>;

/** ms since the epoch → Date, keeping nulls. */
export function toDate(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

/** A run's knobs as GraphQL serves them: each catalogue knob's column, by name, and as a list. */
export function toHyperparameters(r: RunRow): Hyperparameters {
  const values: Record<string, unknown> = {};
  for (const [name] of HYPERPARAMETER_ENTRIES) values[name] = r[name];
  return {
    ...(values as WireHyperparameters),
    values: HYPERPARAMETER_ENTRIES.map(([name]) => ({ name, value: r[name] })),
    baseWeights: r.baseWeights,
    baseWeightsSha256: r.baseWeightsSha256,
  };
}

/** Maps a runs row to the GraphQL Run shape (relations are resolved separately). */
export function toRun(r: RunRow): Run {
  return {
    id: r.id,
    name: r.name,
    status: r.status as RunStatus,
    experimentId: r.experimentId,
    sweepId: r.sweepId,
    datasetId: r.datasetId,
    hyperparameters: toHyperparameters(r),
    backend: r.backend,
    engines: r.engines,
    agentId: r.agentId,
    attempts: r.attempts,
    leaseExpiresAt: r.status === "RUNNING" ? toDate(r.leaseExpiresAt) : null,
    createdAt: new Date(r.createdAt),
    startedAt: toDate(r.startedAt),
    finishedAt: toDate(r.finishedAt),
    durationMs: r.durationMs,
    error: r.error,
    stopReason: r.stopReason,
    bestValAccuracy: r.bestValAccuracy,
    bestValLoss: r.bestValLoss,
    bestEpoch: r.bestEpoch,
    finalValAccuracy: r.finalValAccuracy,
    finalValLoss: r.finalValLoss,
    epochCount: r.epochCount,
    plannedEpochs: plannedEpochs(r),
    fineTunedLayers: fineTunedLayers(r.baseModel, r.fineTuneLayers),
  };
}

/** Maps an epochs row to the GraphQL Epoch shape. */
export function toEpoch(e: EpochRow): Epoch {
  return {
    runId: e.runId,
    epoch: e.epoch,
    attempt: e.attempt,
    phase: e.phase as Phase,
    loss: e.loss,
    accuracy: e.accuracy,
    valLoss: e.valLoss,
    valAccuracy: e.valAccuracy,
    learningRate: e.learningRate,
    durationMs: e.durationMs,
    imagesPerSec: e.imagesPerSec,
    confusionMatrix: e.confusionMatrix ?? null,
    createdAt: new Date(e.createdAt),
  };
}
