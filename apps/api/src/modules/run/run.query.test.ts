import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, desc } from "drizzle-orm";
import { newId, openDatabase, runs } from "@graft/schema/db";
import { RunField, SortDirection } from "@graft/schema/graphql";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config/env";
import { pubSub } from "../../pubsub";
import { RUN_FIELD_COLUMNS } from "./run.query";
import { sqliteDatabase } from "../../db/sqlite/open";
import { pageThroughRuns } from "../../test/run-pages";

const dir = mkdtempSync(join(tmpdir(), "graft-run-query-"));
const db = openDatabase(join(dir, "graft.db"));
const deps = {
  db,
  database: sqliteDatabase(db),
  config: loadConfig({ GRAFT_API_PORT: "0", GRAFT_DATA_DIR: dir, GRAFT_API_QUIET: "1" }),
  pubSub,
  now: Date.now,
};
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

// 23 runs with repeated and null values in the sortable columns, so ties and NULLs are paged through.
db.$client.prepare("INSERT INTO datasets (id, name, path, classes, image_count, created_at) VALUES ('d', 'd', '/d', '[]', 0, 0)").run();
const insert = db.$client.prepare(
  `INSERT INTO runs (id, name, status, dataset_id, base_model, input_size, head_units, head_units_total, dropout, augmentation, optimizer,
    learning_rate, epochs, fine_tune_layers, fine_tune_epochs, fine_tune_learning_rate, batch_size, seed, validation_split, created_at,
    early_stopping_patience, reduce_lr_patience, best_val_accuracy, best_epoch, epoch_count)
   VALUES (@id, @name, @status, 'd', @model, 224, '[64]', 64, 0.2, 'none', 'adam', @lr, 10, 0, 0, 0.00001, 32, @seed, 0.2, @t, @patience, @patience, @best, @bestEpoch, 0)`,
);
for (let i = 0; i < 23; i++) {
  insert.run({
    id: newId(1_000 + i),
    name: `run-${i % 5}`,
    status: i % 3 ? "COMPLETED" : "QUEUED",
    model: i % 2 ? "vgg16" : "mobilenet_v1_0.25_224",
    lr: 0.001 * (1 + (i % 4)),
    seed: i % 6,
    t: 1_000 + (i % 7),
    patience: i % 4 ? 1 + (i % 3) : null,
    best: i % 5 ? (i % 10) / 10 : null,
    bestEpoch: i % 5 ? i % 9 : null,
  });
}

describe("runs ordering", () => {
  const fields = Object.values(RunField);

  it.each(fields)("orders by %s through its (column, id) index, not a sort", (field) => {
    const col = RUN_FIELD_COLUMNS[field];
    for (const dir of [asc, desc]) {
      const { sql, params } = db.select({ id: runs.id }).from(runs).orderBy(dir(col), dir(runs.id)).limit(100).toSQL();
      const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((p) => p.detail)
        .join(" | ");
      expect(plan, plan).toMatch(/USING (COVERING )?INDEX/);
      expect(plan, plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it.each(fields)("pages through every run once by %s, in both directions", async (field) => {
    for (const direction of [SortDirection.ASC, SortDirection.DESC]) {
      const seen = await pageThroughRuns(deps, field, direction, 23);
      expect(new Set(seen).size, `${field} ${direction}`).toBe(23);
      expect(seen).toHaveLength(23);
    }
  });
});
