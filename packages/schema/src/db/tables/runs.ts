import { relations } from "drizzle-orm";
import { type SQLiteColumn, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { agents } from "./agents";
import { artifacts } from "./artifacts";
import { datasets } from "./datasets";
import { epochs } from "./epochs";
import { evaluations } from "./evaluations";
import { experiments } from "./experiments";
import { notes } from "./notes";
import { runTags } from "./run-tags";
import { sweeps } from "./sweeps";
import { hyperparameterColumns, hyperparameterIndexes } from "./hyperparameter-columns";

/** `runs.engines`: a part's engine name, "cache", or null where the part did not run. */
export interface RunEnginesJson {
  features: string;
  augmentedEpochs: string | null;
  fineTuneBottom: string | null;
  trainable: string;
}

/**
 * One training run: its typed hyperparameters (one column each, so every one can be sorted and
 * range-filtered through an index), its lifecycle (status, lease, attempts) and summary metrics
 * kept current by logEpochs so list pages never aggregate the epochs table.
 */
export const runs = sqliteTable(
  "runs",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** QUEUED | RUNNING | COMPLETED | FAILED | CANCELED | STOPPED_EARLY */
    status: text("status").notNull(),
    experimentId: text("experiment_id").references(() => experiments.id, { onDelete: "set null" }),
    sweepId: text("sweep_id").references(() => sweeps.id, { onDelete: "set null" }),
    datasetId: text("dataset_id")
      .notNull()
      .references(() => datasets.id),

    // One typed column per catalogue knob (see hyperparameter-columns.ts).
    ...hyperparameterColumns(),
    // Which weights the base started from: identity, not a knob, so neither is sortable (no
    // RunField, no index). Null = the base model's own ImageNet weights.
    /** Absolute path of a Keras `.h5` weights file, as the machine that created the run saw it. */
    baseWeights: text("base_weights"),
    /** sha256 of that file (64 lowercase hex): set exactly when base_weights is; agents check it. */
    baseWeightsSha256: text("base_weights_sha256"),

    backend: text("backend"),
    /** The engine of each part of the run (`RunEngines` of @graft/core), as the agent reported it on completion. */
    engines: text("engines", { mode: "json" }).$type<RunEnginesJson>(),
    agentId: text("agent_id").references(() => agents.id, { onDelete: "set null" }),
    attempts: integer("attempts").notNull().default(0),
    /**
     * `attempts` when the run was last put back in the queue by hand (requeueRun): the lease
     * reaper's retry budget counts attempts from here, while `attempts` itself only grows, so an
     * agent still holding an older attempt can never pass for the new one.
     */
    attemptsBeforeRequeue: integer("attempts_before_requeue").notNull().default(0),
    leaseExpiresAt: integer("lease_expires_at"),
    /** A stop the agent has not acknowledged yet: CANCELED or STOPPED_EARLY. */
    stopRequested: text("stop_requested"),

    createdAt: integer("created_at").notNull(),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
    durationMs: real("duration_ms"),
    error: text("error"),
    stopReason: text("stop_reason"),

    // The best epoch by the one rule of @graft/core/contract (lowest finite val_loss, the earlier
    // epoch on a tie: the delivered model's epoch), and the val accuracy and val loss AT it.
    bestValAccuracy: real("best_val_accuracy"),
    bestValLoss: real("best_val_loss"),
    bestEpoch: integer("best_epoch"),
    finalValAccuracy: real("final_val_accuracy"),
    finalValLoss: real("final_val_loss"),
    epochCount: integer("epoch_count").notNull().default(0),
  },
  (t) => [
    // The claim queue: oldest queued run first.
    index("runs_status_created_idx").on(t.status, t.createdAt, t.id),
    index("runs_experiment_idx").on(t.experimentId, t.createdAt),
    index("runs_sweep_idx").on(t.sweepId, t.status),
    index("runs_dataset_idx").on(t.datasetId),
    index("runs_agent_idx").on(t.agentId),
    // No index on lease_expires_at: the lease reaper finds RUNNING runs (a handful, one per agent)
    // through runs_status_created_idx, while an index on the lease would be rewritten by every
    // logEpochs and heartbeat call, the API's hottest writes.
    // One (column, id) index per sortable field: keyset pagination walks it in either direction.
    // (The claim-queue index above has created_at between status and id, so sorting by status
    // would still sort each status group by id in a temp b-tree: a whole group per page.)
    index("runs_status_idx").on(t.status, t.id),
    index("runs_created_at_idx").on(t.createdAt, t.id),
    index("runs_started_at_idx").on(t.startedAt, t.id),
    index("runs_finished_at_idx").on(t.finishedAt, t.id),
    index("runs_duration_ms_idx").on(t.durationMs, t.id),
    index("runs_name_idx").on(t.name, t.id),
    ...hyperparameterIndexes("runs", t as unknown as Record<string, SQLiteColumn>),
    index("runs_best_val_accuracy_idx").on(t.bestValAccuracy, t.id),
    index("runs_best_val_loss_idx").on(t.bestValLoss, t.id),
    index("runs_best_epoch_idx").on(t.bestEpoch, t.id),
    index("runs_final_val_accuracy_idx").on(t.finalValAccuracy, t.id),
    index("runs_final_val_loss_idx").on(t.finalValLoss, t.id),
    index("runs_epoch_count_idx").on(t.epochCount, t.id),
  ],
);

export const runsRelations = relations(runs, ({ one, many }) => ({
  experiment: one(experiments, { fields: [runs.experimentId], references: [experiments.id] }),
  sweep: one(sweeps, { fields: [runs.sweepId], references: [sweeps.id] }),
  dataset: one(datasets, { fields: [runs.datasetId], references: [datasets.id] }),
  agent: one(agents, { fields: [runs.agentId], references: [agents.id] }),
  epochs: many(epochs),
  evaluation: one(evaluations, { fields: [runs.id], references: [evaluations.runId] }),
  artifacts: many(artifacts),
  tags: many(runTags),
  notes: many(notes),
}));
