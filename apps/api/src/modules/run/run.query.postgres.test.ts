/**
 * The runs page on PostgreSQL against the same page on SQLite: with repeated values and NULLs in
 * every sortable column, each order pages through the same runs in the same sequence on both
 * (PostgreSQL's NULLS FIRST/LAST terms reproduce SQLite's NULL order, which the keyset cursor assumes).
 */
import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newId } from "@graft/schema/db";
import { RunField, SortDirection } from "@graft/schema/graphql";
import { postgresSkipReason, startPostgres, type TestPostgres } from "@graft/schema/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config/env";
import { type GraftDatabase } from "../../db/database";
import { openPostgres } from "../../db/pg/open";
import { openSqlite } from "../../db/sqlite/open";
import { pubSub } from "../../pubsub";
import { pageThroughRuns } from "../../test/run-pages";
import { type ServiceDeps } from "../service-deps";
import { queryRuns } from "./run.query";

const unavailable = postgresSkipReason("the runs page tests on PostgreSQL");

const COLUMNS = `id, name, status, dataset_id, base_model, input_size, head_units, head_units_total, dropout, augmentation, optimizer,
  learning_rate, epochs, fine_tune_layers, fine_tune_epochs, fine_tune_learning_rate, batch_size, seed, validation_split, created_at,
  early_stopping_patience, reduce_lr_patience, best_val_accuracy, best_epoch, epoch_count`;

/** 23 runs with repeated and null values in the sortable columns (as run.query.test.ts), as one row of values each. */
function rows(): unknown[][] {
  return Array.from({ length: 23 }, (_, i) => {
    const patience = i % 4 ? 1 + (i % 3) : null;
    return [
      newId(1_000 + i),
      `run-${i % 5}`,
      i % 3 ? "COMPLETED" : "QUEUED",
      "d",
      i % 2 ? "vgg16" : "mobilenet_v1_0.25_224",
      224,
      "[64]",
      64,
      0.2,
      "none",
      "adam",
      0.001 * (1 + (i % 4)),
      10,
      0,
      0,
      0.00001,
      32,
      i % 6,
      0.2,
      1_000 + (i % 7),
      patience,
      patience,
      i % 5 ? (i % 10) / 10 : null,
      i % 5 ? i % 9 : null,
      0,
    ];
  });
}

const DATASET = "INSERT INTO datasets (id, name, path, classes, image_count, created_at) VALUES ('d', 'd', '/d', '[]', 0, 0)";

describe.skipIf(unavailable !== null)("the runs page on PostgreSQL", () => {
  const dir = mkdtempSync(join(tmpdir(), "graft-run-query-pg-"));
  const config = loadConfig({ GRAFT_API_PORT: "0", GRAFT_DATA_DIR: dir, GRAFT_API_QUIET: "1" });
  let server: TestPostgres;
  let sqlite: GraftDatabase;
  let postgres: GraftDatabase;
  const deps = (database: GraftDatabase): ServiceDeps => ({ db: database.db, database, config, pubSub, now: Date.now });

  beforeAll(async () => {
    server = await startPostgres();
    postgres = await openPostgres(server.url);
    sqlite = openSqlite(join(dir, "graft.db"));
    const client = sqlite.sqlite?.$client;
    if (!client) throw new Error("no SQLite connection");
    client.prepare(DATASET).run();
    const insert = client.prepare(`INSERT INTO runs (${COLUMNS}) VALUES (${Array.from({ length: 25 }, () => "?").join(", ")})`);
    const values = rows(); // once: the ids are fresh each call
    for (const row of values) insert.run(...row);
    const pool = new (await import("pg")).default.Pool({ connectionString: server.url, max: 1 });
    try {
      await pool.query(DATASET);
      for (const row of values)
        await pool.query(`INSERT INTO runs (${COLUMNS}) VALUES (${row.map((_, i) => `$${i + 1}`).join(", ")})`, row);
    } finally {
      await pool.end();
    }
  }, 120_000);
  afterAll(async () => {
    await postgres?.close();
    await sqlite?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.values(RunField))("pages by %s in SQLite's order, in both directions", async (field) => {
    for (const direction of [SortDirection.ASC, SortDirection.DESC]) {
      const expected = await pageThroughRuns(deps(sqlite), field, direction, 23);
      expect(new Set(expected).size).toBe(23);
      expect(await pageThroughRuns(deps(postgres), field, direction, 23), `${field} ${direction}`).toEqual(expected);
    }
  });

  it("searches names as SQLite does: ASCII case folded, % and _ literal", async () => {
    for (const search of ["RUN-1", "run_", "n-%", "un-3"]) {
      const on = async (database: GraftDatabase) => (await queryRuns(deps(database), { search }, null, 50, null)).nodes.map((n) => n.id);
      expect(await on(postgres), search).toEqual(await on(sqlite));
    }
  });
});
