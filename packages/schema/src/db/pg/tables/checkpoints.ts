import { relations } from "drizzle-orm";
import { bigint, integer, json, pgTable, text } from "drizzle-orm/pg-core";
import { type CheckpointFile } from "../../tables/checkpoints";
import { epochMs } from "./epoch-ms";
import { runs } from "./runs";

/** The delivered checkpoint of a run, one row per run (see the SQLite table for the story). */
export const runCheckpoints = pgTable("run_checkpoints", {
  runId: text("run_id")
    .primaryKey()
    .references(() => runs.id, { onDelete: "cascade" }),
  attempt: integer("attempt").notNull(),
  weightsSha256: text("weights_sha256").notNull(),
  datasetSha256: text("dataset_sha256"),
  /** Total bytes of every file: a bigint, since a large model's files can pass 2 GiB. */
  bytes: bigint("bytes", { mode: "number" }).notNull(),
  files: json("files").$type<CheckpointFile[]>().notNull(),
  createdAt: epochMs("created_at").notNull(),
});

export const runCheckpointsRelations = relations(runCheckpoints, ({ one }) => ({
  run: one(runs, { fields: [runCheckpoints.runId], references: [runs.id] }),
}));
