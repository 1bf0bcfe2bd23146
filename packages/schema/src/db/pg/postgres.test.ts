/**
 * The PostgreSQL twins against a real server (started by `@graft/schema/testing`): the committed
 * migrations apply and create every table and index of the schema, rows go in and come back with
 * the JS types the SQLite path gives, and a keyset page of runs walks its `(column, id)` index.
 */
import { and, asc, desc, eq, getTableName, gt, isNull, lt, or, type SQL, sql, type SQLWrapper } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { getTableConfig, type PgColumn, PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultKnobs, postgresSkipReason, startPostgres, type TestPostgres } from "../../testing";
import { newId } from "../id";
import { type GraftPgDb, migratePg } from "./index";
import * as schema from "./schema";
import { datasets, epochs, experiments, runPredictions, runs, storageProbe } from "./schema";

const unavailable = postgresSkipReason("the PostgreSQL tables tests");

type RunInsert = typeof runs.$inferInsert;

/** A run with every knob at its catalogue default (lists stored with their total). */
function runRow(id: string, datasetId: string, createdAt: number, bestValAccuracy: number | null): RunInsert {
  return { ...defaultKnobs(), id, name: id, status: "COMPLETED", datasetId, createdAt, bestValAccuracy } as RunInsert;
}

describe.skipIf(unavailable !== null)("the PostgreSQL tables on a real server", () => {
  let server: TestPostgres;
  let pool: pg.Pool;
  let db: GraftPgDb;

  beforeAll(async () => {
    server = await startPostgres();
    pool = new pg.Pool({ connectionString: server.url, max: 2 });
    db = drizzle(pool, { schema });
    await migratePg(db);
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  }, 60_000);

  it("applies the committed migrations: every table and index of the schema, and again is a no-op", async () => {
    const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => v instanceof PgTable);
    const { rows: found } = await pool.query<{ tablename: string; indexname: string }>(
      "SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public'",
    );
    const have = new Set(found.map((r) => `${r.tablename}.${r.indexname}`));
    const want = tables.flatMap((t) => getTableConfig(t).indexes.map((ix) => `${getTableName(t)}.${ix.config.name}`));
    expect(want.length).toBeGreaterThan(40);
    expect(want.filter((ix) => !have.has(ix))).toEqual([]);
    expect(new Set(found.map((r) => r.tablename))).toEqual(new Set(tables.map((t) => getTableName(t))));
    await migratePg(db); // start-up runs it every time
    const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM drizzle.__drizzle_migrations");
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });

  it("writes and reads rows with the SQLite path's JS types: JSON, epoch-ms bigints, bytea, defaults, cascades", async () => {
    const now = Date.now();
    const datasetId = newId();
    await db.insert(datasets).values({
      id: datasetId,
      name: "flowers",
      path: `/data/${datasetId}`,
      classes: [{ name: "rose", count: 3 }],
      imageCount: 3,
      createdAt: now,
    });
    const [dataset] = await db.select().from(datasets).where(eq(datasets.id, datasetId));
    expect(dataset).toEqual({
      id: datasetId,
      name: "flowers",
      path: `/data/${datasetId}`,
      classes: [{ name: "rose", count: 3 }],
      imageCount: 3,
      skippedFiles: [],
      createdAt: now,
    });
    expect(typeof dataset?.createdAt).toBe("number");

    const experimentId = newId();
    await db.insert(experiments).values({ id: experimentId, name: "e", createdAt: now });
    const runId = newId();
    await db.insert(runs).values({ ...runRow(runId, datasetId, now, 0.75), experimentId, startedAt: now + 1 });
    await db.insert(epochs).values({
      runId,
      epoch: 1,
      phase: "HEAD",
      loss: null,
      learningRate: 0.001,
      durationMs: 12.5,
      imagesPerSec: 80,
      confusionMatrix: [
        [1, 0],
        [0, 1],
      ],
      createdAt: now,
    });
    const probabilities = Buffer.from(new Float32Array([0.25, 0.75]).buffer);
    await db.insert(runPredictions).values({ runId, labels: ["a", "b"], files: ["x.jpg"], yTrue: [1], probabilities, createdAt: now });

    const run = await db.query.runs.findFirst({ where: eq(runs.id, runId), with: { epochs: true, experiment: true } });
    expect(run?.headUnits).toEqual([128]);
    expect(run?.startedAt).toBe(now + 1);
    expect(run?.bestValAccuracy).toBe(0.75);
    expect(run?.attempts).toBe(0);
    expect(run?.experiment?.name).toBe("e");
    expect(run?.epochs.map((e) => [e.epoch, e.attempt, e.loss, e.confusionMatrix])).toEqual([
      [
        1,
        1,
        null,
        [
          [1, 0],
          [0, 1],
        ],
      ],
    ]);
    const [prediction] = await db.select().from(runPredictions).where(eq(runPredictions.runId, runId));
    expect(Buffer.isBuffer(prediction?.probabilities)).toBe(true);
    expect(prediction?.probabilities.equals(probabilities)).toBe(true);

    // storage_probe's id is numbered when left out (SQLite's rowid), and takes an explicit 0.
    const [probe] = await db
      .insert(storageProbe)
      .values({ payload: Buffer.alloc(8), checkedAt: now })
      .returning();
    expect(typeof probe?.id).toBe("number");
    await db.insert(storageProbe).values({ id: 0, checkedAt: now });

    // The same on-delete rules as SQLite: epochs and predictions go with their run, the experiment stays.
    await db.delete(runs).where(eq(runs.id, runId));
    expect(await db.select().from(epochs).where(eq(epochs.runId, runId))).toEqual([]);
    expect(await db.select().from(runPredictions).where(eq(runPredictions.runId, runId))).toEqual([]);
    expect(await db.select().from(experiments).where(eq(experiments.id, experimentId))).toHaveLength(1);
  });

  describe("keyset pages of runs", () => {
    const col = runs.bestValAccuracy;
    const count = 1_000;
    let expected: { id: string; v: number | null }[];

    beforeAll(async () => {
      const datasetId = newId();
      await db
        .insert(datasets)
        .values({ id: datasetId, name: "paged", path: `/data/${datasetId}`, classes: [], imageCount: 0, createdAt: 1 });
      const rows: RunInsert[] = [];
      // A tenth of the runs have no accuracy yet and many share one: the NULL and tie branches.
      for (let i = 0; i < count; i++) rows.push(runRow(newId(), datasetId, i, i % 10 === 0 ? null : Math.round((i * 7919) % 97) / 100));
      for (let i = 0; i < rows.length; i += 250) await db.insert(runs).values(rows.slice(i, i + 250));
      await pool.query("ANALYZE runs");
      const all = await db.select({ id: runs.id, v: col }).from(runs);
      // SQLite's order: NULL first ascending, then by value, then by id (C collation = byte order).
      expected = all.sort((a, b) => (a.v === b.v ? (a.id < b.id ? -1 : 1) : a.v === null ? -1 : b.v === null ? 1 : a.v - b.v));
    }, 60_000);

    /** The plan of `query`, with sequential scans ruled out: the seeded table is small enough for one to win on cost. */
    function explain(query: SQLWrapper): Promise<string> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        const { rows } = await tx.execute<{ "QUERY PLAN": string }>(sql`EXPLAIN ${query}`);
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
    }

    /** The API's "after this row" condition (run.query.ts), for either direction. */
    function after(c: { v: number | null; id: string }, ascending: boolean): SQL {
      if (ascending) {
        if (c.v === null) return or(and(isNull(col), gt(runs.id, c.id)), sql`${col} IS NOT NULL`) as SQL;
        return or(gt(col, c.v), and(eq(col, c.v), gt(runs.id, c.id))) as SQL;
      }
      if (c.v === null) return and(isNull(col), lt(runs.id, c.id)) as SQL;
      return or(lt(col, c.v), and(eq(col, c.v), lt(runs.id, c.id)), isNull(col)) as SQL;
    }

    /** A page in SQLite's NULL order: PostgreSQL must be told (NULLS FIRST/LAST); the index says the same. */
    function page(cursor: { v: number | null; id: string } | null, ascending: boolean, size: number) {
      const order: SQL[] = ascending ? [sql`${col} ASC NULLS FIRST`, asc(runs.id)] : [sql`${col} DESC NULLS LAST`, desc(runs.id)];
      return db
        .select({ id: runs.id, v: col })
        .from(runs)
        .where(cursor ? after(cursor, ascending) : undefined)
        .orderBy(...order)
        .limit(size);
    }

    it.each([true, false])("walk every run once, in SQLite's order (ascending: %s)", async (ascending) => {
      const seen: { id: string; v: number | null }[] = [];
      let cursor: { v: number | null; id: string } | null = null;
      for (;;) {
        const rows = await page(cursor, ascending, 97);
        seen.push(...rows);
        if (rows.length < 97) break;
        cursor = rows.at(-1) ?? null;
      }
      expect(seen).toEqual(ascending ? expected : [...expected].reverse());
    });

    it.each([true, false])(
      "read best_val_accuracy's (column, id) index in order from a cursor, no sort (ascending: %s)",
      async (ascending) => {
        const middle = expected[count / 2] as { v: number | null; id: string };
        const plan = await explain(page(middle, ascending, 51));
        expect(plan).toMatch(new RegExp(`Index (Only )?Scan${ascending ? "" : " Backward"} using runs_best_val_accuracy_idx on runs`));
        expect(plan).not.toMatch(/Sort/);
      },
    );

    // Every keyset index of runs, as run.query.test.ts checks them on SQLite: ORDER BY column, id
    // in SQLite's NULL order (said only where the column can be NULL) walks the index.
    const keysetIndexes = getTableConfig(runs)
      .indexes.map((ix) => ({ name: ix.config.name ?? "", columns: ix.config.columns.map((c) => (c as { name: string }).name) }))
      .filter((ix) => ix.columns.length === 2 && ix.columns[1] === "id");
    const runColumns = new Map(getTableConfig(runs).columns.map((c) => [c.name, c]));

    it("are one per sortable field", () => {
      expect(keysetIndexes.length).toBeGreaterThan(25);
    });

    it.each(keysetIndexes)("ordered by $columns.0 read $name in both directions, no sort", async ({ name, columns }) => {
      const c = runColumns.get(columns[0] as string) as PgColumn;
      for (const ascending of [true, false]) {
        const key = c.notNull ? (ascending ? asc(c) : desc(c)) : ascending ? sql`${c} ASC NULLS FIRST` : sql`${c} DESC NULLS LAST`;
        const plan = await explain(
          db
            .select({ id: runs.id })
            .from(runs)
            .orderBy(key, ascending ? asc(runs.id) : desc(runs.id))
            .limit(100),
        );
        expect(plan, plan).toMatch(new RegExp(`Index (Only )?Scan${ascending ? "" : " Backward"} using ${name} on runs`));
        expect(plan, plan).not.toMatch(/Sort/);
      }
    });
  });
});
