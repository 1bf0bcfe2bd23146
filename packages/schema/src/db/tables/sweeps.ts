import { relations } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { datasets } from "./datasets";
import { experiments } from "./experiments";
import { runs } from "./runs";

/**
 * A sweep's search lists, keyed by the catalogue's search field (`learningRates`, `headUnits`,
 * ...): values in their wire form (augmentation as canonical text). Lists of knobs added after a
 * sweep was stored are absent there; readers take `[default]` for them.
 */
export type SearchSpaceJson = Record<string, unknown[]>;

/**
 * The knobs a sweep fixes for every run (the catalogue's `sweep: "fixed"` entries: epochs, batch
 * size, callbacks...), by name, values in their wire form, as its runs were created with them.
 * Knobs added after a sweep was stored are absent; readers take the catalogue's default.
 */
export type FixedKnobsJson = Record<string, unknown>;

/** A hyperparameter search expanded into queued runs at creation. */
export const sweeps = sqliteTable(
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
    /** GRID | RANDOM */
    strategy: text("strategy").notNull(),
    searchSpace: text("search_space", { mode: "json" }).$type<SearchSpaceJson>().notNull(),
    maxRuns: integer("max_runs"),
    seed: integer("seed").notNull(),
    /** Training seeds per configuration; 1 for sweeps made before repeats. */
    repeats: integer("repeats").notNull().default(1),
    /** NONE | MEDIAN | ASHA */
    earlyTermination: text("early_termination").notNull(),
    fixed: text("fixed", { mode: "json" }).$type<FixedKnobsJson>().notNull().default({}),
    /** RUNNING | COMPLETED | CANCELED */
    status: text("status").notNull(),
    createdAt: integer("created_at").notNull(),
    /**
     * The client's key for this launch: a retried createSweep with the same key returns this sweep
     * instead of creating a second one. Null for sweeps created without a key.
     */
    idempotencyKey: text("idempotency_key"),
    /** sha256 of the request the key was first used with, so a key reused for another sweep is refused. */
    requestSha256: text("request_sha256"),
  },
  (t) => [
    index("sweeps_experiment_idx").on(t.experimentId, t.createdAt),
    index("sweeps_created_at_idx").on(t.createdAt, t.id),
    uniqueIndex("sweeps_idempotency_key_uq").on(t.idempotencyKey),
  ],
);

export const sweepsRelations = relations(sweeps, ({ one, many }) => ({
  experiment: one(experiments, { fields: [sweeps.experimentId], references: [experiments.id] }),
  dataset: one(datasets, { fields: [sweeps.datasetId], references: [datasets.id] }),
  runs: many(runs),
}));
