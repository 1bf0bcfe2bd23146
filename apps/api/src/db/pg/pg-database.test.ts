/**
 * The PostgreSQL database of the API on a real server (`@graft/schema/testing`): what the services
 * rely on from the opener, the handle and PgTransactionRunner, below the GraphQL tests that run the
 * whole API on PostgreSQL with `GRAFT_TEST_DATABASE=postgres`.
 */
// The raw statements reach the GraphQL enums (type-graphql decorators) through the queued-run values.
import "reflect-metadata";
import { asc, eq } from "drizzle-orm";
import pg from "pg";
import { experiments, runs } from "@graft/schema/db";
import { postgresSkipReason, startPostgres, type TestPostgres } from "@graft/schema/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraftDatabase } from "../database";
import { openPostgres } from "./open";
import { PgStorageHealth } from "./storage-health";
import { runAtCommit } from "./transaction";

const unavailable = postgresSkipReason("the API's PostgreSQL database tests");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(unavailable !== null)("the API's PostgreSQL database", () => {
  let server: TestPostgres;
  let database: GraftDatabase;

  beforeAll(async () => {
    server = await startPostgres();
    database = await openPostgres(server.url);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await server?.stop();
  });

  it("opens migrated, and a second opener on the same database migrates nothing twice", async () => {
    const again = await openPostgres(server.url);
    await again.close();
    expect(database.dialect).toBe("postgres");
    expect(await database.db.select().from(runs).limit(1)).toEqual([]);
  });

  it("reads bigint times as numbers, as SQLite does", async () => {
    await database.db.insert(experiments).values({ id: "e-time", name: "time", createdAt: 1_733_000_000_123 });
    const [row] = await database.db.select().from(experiments).where(eq(experiments.id, "e-time"));
    expect(row).toEqual({ id: "e-time", name: "time", description: null, createdAt: 1_733_000_000_123 });
  });

  it("commits a transaction's writes on its own client, and rolls them all back when the body throws", async () => {
    await database.transactions.run(async (tx) => {
      await tx.insert(experiments).values({ id: "e-commit", name: "kept", createdAt: 1 });
      // Not committed yet: the pool's other clients do not see it.
      expect(await database.db.select().from(experiments).where(eq(experiments.id, "e-commit"))).toEqual([]);
    });
    expect((await database.db.select().from(experiments).where(eq(experiments.id, "e-commit"))).length).toBe(1);

    await expect(
      database.transactions.run(async (tx) => {
        await tx.insert(experiments).values({ id: "e-rollback", name: "dropped", createdAt: 2 });
        throw new Error("body failed");
      }),
    ).rejects.toThrow("body failed");
    expect(await database.db.select().from(experiments).where(eq(experiments.id, "e-rollback"))).toEqual([]);
  });

  it("runs write transactions one at a time, so a read-then-write body never loses another's update", async () => {
    await database.db.insert(experiments).values({ id: "e-counter", name: "0", createdAt: 3 });
    // Each body reads the counter, yields (real I/O in between), then writes it + 1: under READ
    // COMMITTED alone two of them would both read the same value.
    await Promise.all(
      Array.from({ length: 5 }, () =>
        database.transactions.run(async (tx) => {
          const [row] = await tx.select({ name: experiments.name }).from(experiments).where(eq(experiments.id, "e-counter"));
          await sleep(20);
          await tx
            .update(experiments)
            .set({ name: String(Number(row?.name) + 1) })
            .where(eq(experiments.id, "e-counter"));
        }),
      ),
    );
    const [row] = await database.db.select({ name: experiments.name }).from(experiments).where(eq(experiments.id, "e-counter"));
    expect(row?.name).toBe("5");
  });

  it("never starves a body of pool clients, however many write transactions wait", async () => {
    // More waiting writers than the pool has clients (10), each reading on the pool inside its body.
    const done = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        database.transactions.run(async (tx) => {
          await database.db.select({ id: experiments.id }).from(experiments).limit(1);
          await tx.insert(experiments).values({ id: `e-many-${i}`, name: "many", createdAt: 5 });
          return i;
        }),
      ),
    );
    expect(done).toHaveLength(25);
  }, 20_000);

  it("overlaps transactions scoped to different runs across processes, but never one run's two, nor any beside an unscoped one", async () => {
    // Each opener stands in for an API process of its own: its own pool and in-process gate, so
    // only PostgreSQL's locks order their transactions against each other.
    const [second, third] = await Promise.all([openPostgres(server.url), openPostgres(server.url)]);
    /** Starts a transaction on `on` whose body records its start, then waits for the returned `end`. */
    const held = (on: GraftDatabase, name: string, order: string[], scope?: { run: string }) => {
      let end!: () => void;
      const hold = new Promise<void>((resolve) => (end = resolve));
      const done = on.transactions.run(async () => {
        order.push(`${name} begins`);
        await hold;
        order.push(`${name} ends`);
      }, scope);
      return { end, done };
    };
    const started = async (order: string[]) => {
      for (let i = 0; i < 100 && order.length === 0; i++) await sleep(10);
    };
    try {
      // A scoped transaction open in the first process...
      let order: string[] = [];
      const a = held(database, "a", order, { run: "r-scoped-a" });
      await started(order);
      // ...lets another run's scoped one in a second process run to its end,
      await second.transactions.run(async () => void order.push("b"), { run: "r-scoped-b" });
      // but keeps out the same run's (second process) and an unscoped one (third process).
      const againA = second.transactions.run(async () => void order.push("a again"), { run: "r-scoped-a" });
      const unscoped = third.transactions.run(async () => void order.push("unscoped"));
      await sleep(300);
      expect(order).toEqual(["a begins", "b"]);
      a.end();
      await Promise.all([a.done, againA, unscoped]);
      expect(order.slice(0, 3)).toEqual(["a begins", "b", "a ends"]);
      expect(order.slice(3).sort()).toEqual(["a again", "unscoped"]);

      // An unscoped transaction open in the first process keeps out a scoped one in the second.
      order = [];
      const x = held(database, "x", order);
      await started(order);
      const scoped = second.transactions.run(async () => void order.push("scoped"), { run: "r-scoped-c" });
      await sleep(300);
      expect(order).toEqual(["x begins"]);
      x.end();
      await Promise.all([x.done, scoped]);
      expect(order).toEqual(["x begins", "x ends", "scoped"]);
    } finally {
      await Promise.all([second.close(), third.close()]);
    }
  });

  it("makes scoped transactions of one sweep take its early-termination decisions in turn", async () => {
    const other = await openPostgres(server.url);
    try {
      const order: string[] = [];
      let endFirst!: () => void;
      const holdFirst = new Promise<void>((resolve) => (endFirst = resolve));
      const first = database.transactions.run(
        async (tx) => {
          await database.raw.lockSweepDecisions(tx, "s-one");
          order.push("first decides");
          await holdFirst;
        },
        { run: "r-scoped-a" },
      );
      for (let i = 0; i < 100 && order.length === 0; i++) await sleep(10);
      const sameSweep = other.transactions.run(
        async (tx) => {
          await other.raw.lockSweepDecisions(tx, "s-one");
          order.push("same sweep decides");
        },
        { run: "r-scoped-b" },
      );
      // Another sweep's decisions do not wait.
      await other.transactions.run(
        async (tx) => {
          await other.raw.lockSweepDecisions(tx, "s-two");
          order.push("other sweep decides");
        },
        { run: "r-scoped-c" },
      );
      await sleep(200);
      expect(order).toEqual(["first decides", "other sweep decides"]);
      endFirst();
      await Promise.all([first, sameSweep]);
      expect(order).toEqual(["first decides", "other sweep decides", "same sweep decides"]);
    } finally {
      await other.close();
    }
  });

  it("keeps row counts for pricing, refreshed in the background", async () => {
    await database.db.insert(experiments).values({ id: "e-count", name: "count", createdAt: 4 });
    const stored = (await database.db.select({ id: experiments.id }).from(experiments)).length;
    await sleep(300);
    database.rowCounts("experiments"); // starts a refresh: the counts are older than 250 ms
    await sleep(100);
    // Small tables are counted exactly.
    expect(database.rowCounts("experiments")).toBe(stored);
  });

  it("reports the database writable on /healthz's probe", async () => {
    const health = database.storageHealth("unused", Date.now);
    expect(await health.check()).toEqual({ writable: true });
  });

  it("reports an unreachable server unwritable, as a retryable storage failure", async () => {
    // A port nothing listens on (this server's, on another loopback address would be guesswork).
    const url = new URL(server.url);
    url.port = "1";
    const pool = new pg.Pool({ connectionString: url.toString() });
    try {
      const status = await new PgStorageHealth(pool, "the test server").check();
      expect(status).toMatchObject({ writable: false, failure: { code: "POSTGRES_ECONNREFUSED" } });
      expect(status.writable ? "" : status.reason).toContain("the PostgreSQL server refused the connection");
    } finally {
      await pool.end();
    }
  });

  it("serves a statement-cache page through the raw statements, keyed by column name", async () => {
    const rows = await database.raw.rows(
      database.db,
      database.db.select().from(experiments).where(eq(experiments.id, "e-time")).orderBy(asc(experiments.id)),
    );
    expect(rows).toEqual([{ id: "e-time", name: "time", description: null, created_at: 1_733_000_000_123 }]);
  });

  it("sends a write transaction's change notices with its COMMIT, and none when it rolls back", async () => {
    const feed = database.changes;
    if (!feed) throw new Error("PostgreSQL has a change feed");
    // A listener of its own: the feed's own listen() skips this process's notices.
    const listener = new pg.Client({ connectionString: server.url });
    await listener.connect();
    const heard: unknown[] = [];
    listener.on("notification", (m) => heard.push(JSON.parse(m.payload ?? "null")));
    await listener.query("LISTEN graft_changes");
    try {
      await expect(
        database.transactions.run(async (tx) => {
          await feed.notifyInTx(tx, { runIds: ["r-dropped"], epochs: [] });
          throw new Error("body failed");
        }),
      ).rejects.toThrow("body failed");
      // What runs with the COMMIT fails it: nothing of the transaction stays, and no notice goes out.
      await expect(
        database.transactions.run(async (tx) => {
          await tx.insert(experiments).values({ id: "e-commit-failed", name: "gone", createdAt: 1 });
          await feed.notifyInTx(tx, { runIds: ["r-failed"], epochs: [] });
          runAtCommit(tx, "SELECT 1 / 0");
        }),
      ).rejects.toThrow(/division by zero/);
      await database.transactions.run(async (tx) => {
        await tx.insert(experiments).values({ id: "e-notice", name: "kept", createdAt: 1 });
        await feed.notifyInTx(tx, { runIds: ["r-'quoted'"], epochs: [{ runId: "r-'quoted'", epoch: 3 }] });
      });
      for (let i = 0; i < 50 && heard.length === 0; i++) await sleep(20);
      await sleep(50);
      expect(heard).toEqual([{ o: expect.any(String), r: ["r-'quoted'"], e: [["r-'quoted'", 3]] }]);
      const ids = (await database.db.select().from(experiments)).map((e) => e.id);
      expect(ids).toContain("e-notice");
      expect(ids).not.toContain("e-commit-failed");
    } finally {
      await listener.end();
    }
  });
});
