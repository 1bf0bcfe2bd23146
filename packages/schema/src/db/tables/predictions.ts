import { relations } from "drizzle-orm";
import { blob, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { runs } from "./runs";

/**
 * Every validation image's prediction of a run's delivered model, one row per run, compactly: the
 * files and true classes as JSON arrays (indexes into the run's evaluation labels), the class
 * probabilities as one float32 little-endian blob, row-major (images × labels). 720 images of 6
 * classes take about 17 kB of probabilities; a paired comparison reads two rows.
 */
export const runPredictions = sqliteTable("run_predictions", {
  runId: text("run_id")
    .primaryKey()
    .references(() => runs.id, { onDelete: "cascade" }),
  /** Class names, in the order of the probabilities' columns (the evaluation's labels). */
  labels: text("labels", { mode: "json" }).$type<string[]>().notNull(),
  files: text("files", { mode: "json" }).$type<string[]>().notNull(),
  yTrue: text("y_true", { mode: "json" }).$type<number[]>().notNull(),
  probabilities: blob("probabilities", { mode: "buffer" }).notNull(),
  createdAt: integer("created_at").notNull(),
});

export const runPredictionsRelations = relations(runPredictions, ({ one }) => ({
  run: one(runs, { fields: [runPredictions.runId], references: [runs.id] }),
}));
