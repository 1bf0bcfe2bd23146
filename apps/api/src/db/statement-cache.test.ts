import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq, gte, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type GraftDb, openDatabase, runs } from "@graft/schema/db";
import { StatementCache, statementCacheFor, tableRowMapper } from "./statement-cache";

let dir: string;
let db: GraftDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "graft-stmt-"));
  db = openDatabase(join(dir, "graft.db"));
  db.$client.prepare("INSERT INTO datasets (id, name, path, classes, image_count, created_at) VALUES ('d', 'd', '/d', '[]', 0, 0)").run();
  const insert = db.$client.prepare(
    `INSERT INTO runs (id, name, status, dataset_id, base_model, input_size, head_units, head_units_total, dropout, augmentation, optimizer,
      learning_rate, epochs, fine_tune_layers, fine_tune_epochs, fine_tune_learning_rate, batch_size, seed, validation_split, created_at, best_val_accuracy)
     VALUES (?, ?, 'QUEUED', 'd', 'vgg16', 224, ?, 3, 0.2, 'none', 'adam', 0.001, 5, 0, 0, 0.00001, 32, 1, 0.2, ?, ?)`,
  );
  for (let i = 0; i < 5; i++) insert.run(`r${i}`, `run ${i}`, JSON.stringify([i, 2]), 1000 + i, i % 2 ? null : i / 10);
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("StatementCache", () => {
  it("returns exactly what drizzle's .all() returns once rows go through tableRowMapper", () => {
    const query = () => db.select().from(runs).where(gte(runs.createdAt, 1001)).orderBy(asc(runs.id));
    const cache = new StatementCache(db.$client);
    const mapped = cache.all(query()).map(tableRowMapper(runs));
    expect(mapped).toEqual(query().all());
    expect(mapped[0]?.headUnits).toEqual([1, 2]); // the JSON column is decoded, not a string
    expect(mapped.map((r) => r.bestValAccuracy)).toEqual([null, 0.2, null, 0.4]);
  });

  it("compiles each SQL text once and binds new parameters each time", () => {
    const cache = new StatementCache(db.$client);
    const byId = (id: string) => cache.all(db.select({ name: runs.name }).from(runs).where(eq(runs.id, id)));
    expect(byId("r1")).toEqual([{ name: "run 1" }]);
    expect(byId("r3")).toEqual([{ name: "run 3" }]);
    expect(byId("missing")).toEqual([]);
    expect(cache.size).toBe(1);
    expect(
      cache.value(
        db
          .select({ n: sql<number>`count(*)` })
          .from(runs)
          .where(gte(runs.createdAt, 1003)),
      ),
    ).toBe(2);
    expect(cache.size).toBe(2);
  });

  it("keeps one cache per connection", () => {
    expect(statementCacheFor(db.$client)).toBe(statementCacheFor(db.$client));
    const other = openDatabase(join(dir, "other.db"));
    try {
      expect(statementCacheFor(other.$client)).not.toBe(statementCacheFor(db.$client));
    } finally {
      other.$client.close();
    }
  });
});
