import { relations } from "drizzle-orm";
import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { type SkippedFileJson } from "./datasets";
import { runs } from "./runs";

/** Per-class precision/recall/F1 as stored in evaluations.per_class. */
export interface ClassMetricsJson {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** One wrongly predicted validation image as stored in evaluations.misclassified. */
export interface MisclassifiedJson {
  file: string;
  trueLabel: string;
  predictedLabel: string;
  confidence: number;
}

/** The end-of-training evaluation of a run (at most one per run). */
export const evaluations = sqliteTable("evaluations", {
  runId: text("run_id")
    .primaryKey()
    .references(() => runs.id, { onDelete: "cascade" }),
  labels: text("labels", { mode: "json" }).$type<string[]>().notNull(),
  confusionMatrix: text("confusion_matrix", { mode: "json" }).$type<number[][]>().notNull(),
  perClass: text("per_class", { mode: "json" }).$type<ClassMetricsJson[]>().notNull(),
  misclassified: text("misclassified", { mode: "json" }).$type<MisclassifiedJson[]>().notNull(),
  accuracy: real("accuracy").notNull(),
  macroF1: real("macro_f1").notNull(),
  weightedF1: real("weighted_f1").notNull(),
  /** Epoch whose weights were evaluated (the delivered model); null when the agent did not say. */
  evaluatedEpoch: integer("evaluated_epoch"),
  /** Dataset files the run skipped, with reasons. */
  skippedFiles: text("skipped_files", { mode: "json" }).$type<SkippedFileJson[]>().notNull().default([]),
  createdAt: integer("created_at").notNull(),
});

export const evaluationsRelations = relations(evaluations, ({ one }) => ({
  run: one(runs, { fields: [evaluations.runId], references: [runs.id] }),
}));
