import { relations } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { runs } from "./runs";
import { sweeps } from "./sweeps";

/** One class folder of a dataset and how many images it holds. */
export interface DatasetClassCount {
  name: string;
  count: number;
}

/** A file of a class folder that training does not use, and why (core's `SkippedFile`). */
export interface SkippedFileJson {
  file: string;
  reason: string;
}

/** A class-folder image dataset registered by its resolved (real) path. */
export const datasets = sqliteTable(
  "datasets",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** Real path on the API host; unique so registering twice updates the same row. */
    path: text("path").notNull(),
    classes: text("classes", { mode: "json" }).$type<DatasetClassCount[]>().notNull(),
    imageCount: integer("image_count").notNull(),
    /** Files of the class folders that training skips (not an image core reads, empty, undecodable), as of the last scan. */
    skippedFiles: text("skipped_files", { mode: "json" }).$type<SkippedFileJson[]>().notNull().default([]),
    /** Milliseconds since the epoch (integer, portable to a Postgres bigint). */
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("datasets_path_uq").on(t.path), index("datasets_created_at_idx").on(t.createdAt, t.id)],
);

export const datasetsRelations = relations(datasets, ({ many }) => ({
  runs: many(runs),
  sweeps: many(sweeps),
}));
