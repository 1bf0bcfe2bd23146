import { relations } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { datasets } from "./datasets";
import { type ClassMetricsJson, type MisclassifiedJson } from "./evaluations";
import { runs } from "./runs";

/**
 * A finished run's model evaluated on another registered dataset (field photos beside the lab
 * photos it learnt from): queued by `evaluateRun`, claimed by an agent under a lease like a run,
 * and completed with the same report as the run's validation. One row per (run, dataset); asking
 * again re-queues it.
 */
export const testSetEvaluations = sqliteTable(
  "test_set_evaluations",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    datasetId: text("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    /** QUEUED, RUNNING, COMPLETED or FAILED. */
    status: text("status").notNull(),
    agentId: text("agent_id"),
    leaseExpiresAt: integer("lease_expires_at"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    labels: text("labels", { mode: "json" }).$type<string[]>(),
    confusionMatrix: text("confusion_matrix", { mode: "json" }).$type<number[][]>(),
    perClass: text("per_class", { mode: "json" }).$type<ClassMetricsJson[]>(),
    misclassified: text("misclassified", { mode: "json" }).$type<MisclassifiedJson[]>(),
    accuracy: real("accuracy"),
    macroF1: real("macro_f1"),
    weightedF1: real("weighted_f1"),
    createdAt: integer("created_at").notNull(),
    completedAt: integer("completed_at"),
  },
  (t) => [
    uniqueIndex("test_set_evaluations_run_dataset_idx").on(t.runId, t.datasetId),
    index("test_set_evaluations_status_idx").on(t.status, t.createdAt),
  ],
);

export const testSetEvaluationsRelations = relations(testSetEvaluations, ({ one }) => ({
  run: one(runs, { fields: [testSetEvaluations.runId], references: [runs.id] }),
  dataset: one(datasets, { fields: [testSetEvaluations.datasetId], references: [datasets.id] }),
}));
