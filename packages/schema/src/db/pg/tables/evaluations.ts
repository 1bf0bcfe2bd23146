import { relations } from "drizzle-orm";
import { doublePrecision, integer, json, pgTable, text } from "drizzle-orm/pg-core";
import { type SkippedFileJson } from "../../tables/datasets";
import { type ClassMetricsJson, type MisclassifiedJson } from "../../tables/evaluations";
import { epochMs } from "./epoch-ms";
import { runs } from "./runs";

/** The end-of-training evaluation of a run (at most one per run). */
export const evaluations = pgTable("evaluations", {
  runId: text("run_id")
    .primaryKey()
    .references(() => runs.id, { onDelete: "cascade" }),
  labels: json("labels").$type<string[]>().notNull(),
  confusionMatrix: json("confusion_matrix").$type<number[][]>().notNull(),
  perClass: json("per_class").$type<ClassMetricsJson[]>().notNull(),
  misclassified: json("misclassified").$type<MisclassifiedJson[]>().notNull(),
  accuracy: doublePrecision("accuracy").notNull(),
  macroF1: doublePrecision("macro_f1").notNull(),
  weightedF1: doublePrecision("weighted_f1").notNull(),
  evaluatedEpoch: integer("evaluated_epoch"),
  skippedFiles: json("skipped_files").$type<SkippedFileJson[]>().notNull().default([]),
  createdAt: epochMs("created_at").notNull(),
});

export const evaluationsRelations = relations(evaluations, ({ one }) => ({
  run: one(runs, { fields: [evaluations.runId], references: [runs.id] }),
}));
