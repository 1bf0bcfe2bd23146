import { relations } from "drizzle-orm";
import { doublePrecision, type ExtraConfigColumn, index, integer, json, pgTable, text } from "drizzle-orm/pg-core";
import { type RunEnginesJson } from "../../tables/runs";
import { agents } from "./agents";
import { artifacts } from "./artifacts";
import { datasets } from "./datasets";
import { epochMs } from "./epoch-ms";
import { epochs } from "./epochs";
import { evaluations } from "./evaluations";
import { experiments } from "./experiments";
import { hyperparameterColumns, hyperparameterIndexes } from "./hyperparameter-columns";
import { notes } from "./notes";
import { sqliteNulls } from "./null-order";
import { runTags } from "./run-tags";
import { sweeps } from "./sweeps";

/**
 * One training run, the twin of the SQLite table (see there for what each column means). Every
 * index names its nullable columns NULLS FIRST (null-order.ts), so keyset pages come out in
 * SQLite's order and still walk their index.
 */
export const runs = pgTable(
  "runs",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    status: text("status").notNull(),
    experimentId: text("experiment_id").references(() => experiments.id, { onDelete: "set null" }),
    sweepId: text("sweep_id").references(() => sweeps.id, { onDelete: "set null" }),
    datasetId: text("dataset_id")
      .notNull()
      .references(() => datasets.id),

    ...hyperparameterColumns(),
    baseWeights: text("base_weights"),
    baseWeightsSha256: text("base_weights_sha256"),

    backend: text("backend"),
    engines: json("engines").$type<RunEnginesJson>(),
    agentId: text("agent_id").references(() => agents.id, { onDelete: "set null" }),
    attempts: integer("attempts").notNull().default(0),
    attemptsBeforeRequeue: integer("attempts_before_requeue").notNull().default(0),
    leaseExpiresAt: epochMs("lease_expires_at"),
    stopRequested: text("stop_requested"),

    createdAt: epochMs("created_at").notNull(),
    startedAt: epochMs("started_at"),
    finishedAt: epochMs("finished_at"),
    durationMs: doublePrecision("duration_ms"),
    error: text("error"),
    stopReason: text("stop_reason"),

    bestValAccuracy: doublePrecision("best_val_accuracy"),
    bestValLoss: doublePrecision("best_val_loss"),
    bestEpoch: integer("best_epoch"),
    finalValAccuracy: doublePrecision("final_val_accuracy"),
    finalValLoss: doublePrecision("final_val_loss"),
    epochCount: integer("epoch_count").notNull().default(0),
  },
  (t) => [
    index("runs_status_created_idx").on(t.status, t.createdAt, t.id),
    index("runs_experiment_idx").on(sqliteNulls(t.experimentId), t.createdAt),
    index("runs_sweep_idx").on(sqliteNulls(t.sweepId), t.status),
    index("runs_dataset_idx").on(t.datasetId),
    index("runs_agent_idx").on(sqliteNulls(t.agentId)),
    // One (column, id) index per sortable field, as on SQLite.
    index("runs_status_idx").on(t.status, t.id),
    index("runs_created_at_idx").on(t.createdAt, t.id),
    index("runs_started_at_idx").on(sqliteNulls(t.startedAt), t.id),
    index("runs_finished_at_idx").on(sqliteNulls(t.finishedAt), t.id),
    index("runs_duration_ms_idx").on(sqliteNulls(t.durationMs), t.id),
    index("runs_name_idx").on(t.name, t.id),
    ...hyperparameterIndexes("runs", t as unknown as Record<string, ExtraConfigColumn>),
    index("runs_best_val_accuracy_idx").on(sqliteNulls(t.bestValAccuracy), t.id),
    index("runs_best_val_loss_idx").on(sqliteNulls(t.bestValLoss), t.id),
    index("runs_best_epoch_idx").on(sqliteNulls(t.bestEpoch), t.id),
    index("runs_final_val_accuracy_idx").on(sqliteNulls(t.finalValAccuracy), t.id),
    index("runs_final_val_loss_idx").on(sqliteNulls(t.finalValLoss), t.id),
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
