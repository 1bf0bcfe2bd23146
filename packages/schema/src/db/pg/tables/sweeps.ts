import { relations } from "drizzle-orm";
import { index, integer, json, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { type FixedKnobsJson, type SearchSpaceJson } from "../../tables/sweeps";
import { datasets } from "./datasets";
import { epochMs } from "./epoch-ms";
import { experiments } from "./experiments";
import { runs } from "./runs";
import { sqliteNulls } from "./null-order";

/** A hyperparameter search expanded into queued runs at creation. */
export const sweeps = pgTable(
  "sweeps",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    experimentId: text("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    datasetId: text("dataset_id")
      .notNull()
      .references(() => datasets.id),
    strategy: text("strategy").notNull(),
    searchSpace: json("search_space").$type<SearchSpaceJson>().notNull(),
    maxRuns: integer("max_runs"),
    seed: integer("seed").notNull(),
    repeats: integer("repeats").notNull().default(1),
    earlyTermination: text("early_termination").notNull(),
    fixed: json("fixed").$type<FixedKnobsJson>().notNull().default({}),
    status: text("status").notNull(),
    createdAt: epochMs("created_at").notNull(),
    idempotencyKey: text("idempotency_key"),
    requestSha256: text("request_sha256"),
  },
  (t) => [
    index("sweeps_experiment_idx").on(t.experimentId, t.createdAt),
    index("sweeps_created_at_idx").on(t.createdAt, t.id),
    // Unique with NULLs distinct (PostgreSQL's default), as on SQLite: many sweeps have no key.
    uniqueIndex("sweeps_idempotency_key_uq").on(sqliteNulls(t.idempotencyKey)),
  ],
);

export const sweepsRelations = relations(sweeps, ({ one, many }) => ({
  experiment: one(experiments, { fields: [sweeps.experimentId], references: [experiments.id] }),
  dataset: one(datasets, { fields: [sweeps.datasetId], references: [datasets.id] }),
  runs: many(runs),
}));
