import { relations } from "drizzle-orm";
import { json, pgTable, text } from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { epochMs } from "./epoch-ms";
import { runs } from "./runs";

/** Every validation image's prediction of a run's delivered model, one row per run. */
export const runPredictions = pgTable("run_predictions", {
  runId: text("run_id")
    .primaryKey()
    .references(() => runs.id, { onDelete: "cascade" }),
  labels: json("labels").$type<string[]>().notNull(),
  files: json("files").$type<string[]>().notNull(),
  yTrue: json("y_true").$type<number[]>().notNull(),
  /** float32 little-endian, row-major (images × labels). */
  probabilities: bytea("probabilities").notNull(),
  createdAt: epochMs("created_at").notNull(),
});

export const runPredictionsRelations = relations(runPredictions, ({ one }) => ({
  run: one(runs, { fields: [runPredictions.runId], references: [runs.id] }),
}));
