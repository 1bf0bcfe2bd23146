import { relations } from "drizzle-orm";
import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { runs } from "./runs";

/**
 * One row per run × epoch, of the run's current attempt only. The composite primary key is what
 * makes logEpochs idempotent: `INSERT ... ON CONFLICT (run_id, epoch) DO NOTHING` (valid on SQLite
 * and Postgres alike). A re-claimed run starts from an empty curve (claimRun deletes the rows of
 * the attempt before), so a run's epochs, its summary columns and its evaluation always come from
 * one attempt; `attempt` records which.
 */
export const epochs = sqliteTable(
  "epochs",
  {
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    /** 1-based, continuing across phases. */
    epoch: integer("epoch").notNull(),
    /** The claim (runs.attempts at the time) that logged this epoch; rows from before attempts were recorded read 1. */
    attempt: integer("attempt").notNull().default(1),
    /** HEAD | FINE_TUNE */
    phase: text("phase").notNull(),
    /** Null when not finite (a diverged run); stored as such rather than as a sentinel number. */
    loss: real("loss"),
    accuracy: real("accuracy"),
    valLoss: real("val_loss"),
    valAccuracy: real("val_accuracy"),
    learningRate: real("learning_rate").notNull(),
    durationMs: real("duration_ms").notNull(),
    imagesPerSec: real("images_per_sec").notNull(),
    /** This epoch's validation confusion matrix (rows true, columns predicted); null when not reported. */
    confusionMatrix: text("confusion_matrix", { mode: "json" }).$type<number[][]>(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ name: "epochs_run_epoch_pk", columns: [t.runId, t.epoch] })],
);

export const epochsRelations = relations(epochs, ({ one }) => ({
  run: one(runs, { fields: [epochs.runId], references: [runs.id] }),
}));
