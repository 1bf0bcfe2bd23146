import { relations } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { runs } from "./runs";

/** One file of a stored checkpoint: its name in the checkpoint folder, size and sha256. */
export interface CheckpointFile {
  name: string;
  bytes: number;
  sha256: string;
}

/**
 * The delivered checkpoint an agent uploaded for a run (a TF.js LayersModel with its labels and
 * preprocessing), one row per run. The files live under `<dataDir>/checkpoints/<runId>/`; this row
 * is written only once they are all in place, so a row always names complete files. Deleting the
 * run deletes the row (cascade) and the service removes the folder.
 */
export const runCheckpoints = sqliteTable("run_checkpoints", {
  runId: text("run_id")
    .primaryKey()
    .references(() => runs.id, { onDelete: "cascade" }),
  /** The run's attempt that uploaded it (a later attempt replaces it). */
  attempt: integer("attempt").notNull(),
  /** sha256 of the weight bytes (weights.bin), the model's identity, as core computes it. */
  weightsSha256: text("weights_sha256").notNull(),
  /**
   * sha256 of the training dataset as the agent saw it (sorted "class/file<TAB>sha256 of the
   * image" lines), so a model card names exactly the data; null when the agent did not send it.
   */
  datasetSha256: text("dataset_sha256"),
  /** Total bytes of every file. */
  bytes: integer("bytes").notNull(),
  files: text("files", { mode: "json" }).$type<CheckpointFile[]>().notNull(),
  createdAt: integer("created_at").notNull(),
});

export const runCheckpointsRelations = relations(runCheckpoints, ({ one }) => ({
  run: one(runs, { fields: [runCheckpoints.runId], references: [runs.id] }),
}));
