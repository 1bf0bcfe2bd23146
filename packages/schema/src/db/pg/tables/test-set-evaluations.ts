import { relations } from "drizzle-orm";
import { doublePrecision, index, integer, json, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { type ClassMetricsJson, type MisclassifiedJson } from "../../tables/evaluations";
import { datasets } from "./datasets";
import { epochMs } from "./epoch-ms";
import { runs } from "./runs";

/** A finished run's model evaluated on another registered dataset; one row per (run, dataset). */
export const testSetEvaluations = pgTable(
  "test_set_evaluations",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    datasetId: text("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    agentId: text("agent_id"),
    leaseExpiresAt: epochMs("lease_expires_at"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    labels: json("labels").$type<string[]>(),
    confusionMatrix: json("confusion_matrix").$type<number[][]>(),
    perClass: json("per_class").$type<ClassMetricsJson[]>(),
    misclassified: json("misclassified").$type<MisclassifiedJson[]>(),
    accuracy: doublePrecision("accuracy"),
    macroF1: doublePrecision("macro_f1"),
    weightedF1: doublePrecision("weighted_f1"),
    createdAt: epochMs("created_at").notNull(),
    completedAt: epochMs("completed_at"),
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
