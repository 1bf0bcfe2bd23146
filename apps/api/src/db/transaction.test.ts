import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { experiments, type GraftDb, openDatabase } from "@graft/schema/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstRow } from "./database";
import { AsyncMutex, SqliteTransactionRunner, transactionRunnerFor } from "./transaction";

let dir: string;
let db: GraftDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "graft-tx-"));
  db = openDatabase(join(dir, "graft.db"));
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const names = async () => (await db.select({ name: experiments.name }).from(experiments).orderBy(experiments.name)).map((r) => r.name);
const insert = (tx: Pick<GraftDb, "insert">, name: string) => tx.insert(experiments).values({ id: name, name, createdAt: 0 });

describe("AsyncMutex", () => {
  it("hands the lock over in the order it was asked for", async () => {
    const mutex = new AsyncMutex();
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const release = await mutex.acquire();
        order.push(i);
        await sleep(3 - i);
        order.push(i);
        release();
      }),
    );
    expect(order).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});

describe("SqliteTransactionRunner", () => {
  it("commits what the body wrote and answers its result", async () => {
    const runner = new SqliteTransactionRunner(db);
    const result = await runner.run(async (tx) => {
      await insert(tx, "a");
      expect(db.$client.inTransaction).toBe(true);
      return (await firstRow(tx.select().from(experiments).where(eq(experiments.id, "a"))))?.name;
    });
    expect(result).toBe("a");
    expect(db.$client.inTransaction).toBe(false);
    expect(await names()).toEqual(["a"]);
  });

  it("rolls back and rethrows when the body throws after writing", async () => {
    const runner = new SqliteTransactionRunner(db);
    await expect(
      runner.run(async (tx) => {
        await insert(tx, "gone");
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(db.$client.inTransaction).toBe(false);
    expect(await names()).toEqual([]);
    // The connection takes the next transaction.
    await runner.run(async (tx) => insert(tx, "next"));
    expect(await names()).toEqual(["next"]);
  });

  it("rolls back when the commit fails, and rethrows its error", async () => {
    const runner = new SqliteTransactionRunner(db);
    let bodyEnded = false;
    await expect(
      runner.run(async (tx) => {
        // Deferred, a foreign key is checked at COMMIT (the pragma lasts until the transaction ends).
        db.$client.pragma("defer_foreign_keys = ON");
        await insert(tx, "kept-out");
        db.$client.prepare("INSERT INTO run_tags (run_id, tag) VALUES ('no such run', 't')").run();
        bodyEnded = true;
      }),
    ).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_FOREIGNKEY" });
    expect(bodyEnded).toBe(true);
    expect(db.$client.inTransaction).toBe(false);
    expect(await names()).toEqual([]);
  });

  it("runs one body at a time, even one that awaits real I/O between its queries", async () => {
    const runner = new SqliteTransactionRunner(db);
    const events: string[] = [];
    const body = (name: string, pause: number) => async (tx: Parameters<Parameters<typeof runner.run>[0]>[0]) => {
      events.push(`begin ${name}`);
      await insert(tx, name);
      await sleep(pause);
      events.push(`end ${name}`);
    };
    await Promise.all([runner.run(body("a", 20)), runner.run(body("b", 0)), runner.run(body("c", 5))]);
    expect(events).toEqual(["begin a", "end a", "begin b", "end b", "begin c", "end c"]);
    expect(await names()).toEqual(["a", "b", "c"]);
  });

  it("refuses to start inside a transaction someone else opened on the connection", async () => {
    const runner = new SqliteTransactionRunner(db);
    db.$client.exec("BEGIN");
    await expect(runner.run(async () => undefined)).rejects.toThrow(/already open/);
    db.$client.exec("ROLLBACK");
    // The lock was released: the next transaction runs.
    await runner.run(async (tx) => insert(tx, "after"));
    expect(await names()).toEqual(["after"]);
  });

  it("is one per connection, so every service on it shares the lock", () => {
    expect(transactionRunnerFor(db)).toBe(transactionRunnerFor(db));
    const other = openDatabase(join(dir, "other.db"));
    try {
      expect(transactionRunnerFor(other)).not.toBe(transactionRunnerFor(db));
    } finally {
      other.$client.close();
    }
  });
});
