import { relations } from "drizzle-orm";
import { doublePrecision, integer, json, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { epochMs } from "./epoch-ms";
import { runs } from "./runs";

/** One row per run × epoch of the run's current attempt; (run_id, epoch) makes logEpochs idempotent. */
export const epochs = pgTable(
  "epochs",
  {
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    epoch: integer("epoch").notNull(),
    attempt: integer("attempt").notNull().default(1),
    phase: text("phase").notNull(),
    loss: doublePrecision("loss"),
    accuracy: doublePrecision("accuracy"),
    valLoss: doublePrecision("val_loss"),
    valAccuracy: doublePrecision("val_accuracy"),
    learningRate: doublePrecision("learning_rate").notNull(),
    durationMs: doublePrecision("duration_ms").notNull(),
    imagesPerSec: doublePrecision("images_per_sec").notNull(),
    confusionMatrix: json("confusion_matrix").$type<number[][]>(),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [primaryKey({ name: "epochs_run_epoch_pk", columns: [t.runId, t.epoch] })],
);

export const epochsRelations = relations(epochs, ({ one }) => ({
  run: one(runs, { fields: [epochs.runId], references: [runs.id] }),
}));
