import { relations } from "drizzle-orm";
import { index, integer, json, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { type DatasetClassCount, type SkippedFileJson } from "../../tables/datasets";
import { epochMs } from "./epoch-ms";
import { runs } from "./runs";
import { sweeps } from "./sweeps";

/** A class-folder image dataset registered by its resolved (real) path. */
export const datasets = pgTable(
  "datasets",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    path: text("path").notNull(),
    classes: json("classes").$type<DatasetClassCount[]>().notNull(),
    imageCount: integer("image_count").notNull(),
    skippedFiles: json("skipped_files").$type<SkippedFileJson[]>().notNull().default([]),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [uniqueIndex("datasets_path_uq").on(t.path), index("datasets_created_at_idx").on(t.createdAt, t.id)],
);

export const datasetsRelations = relations(datasets, ({ many }) => ({
  runs: many(runs),
  sweeps: many(sweeps),
}));
