// The SQLite database wiring reaches the GraphQL enums (type-graphql decorators) through the raw statements.
import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { experiments, type GraftDb, openDatabase } from "@graft/schema/db";
import { type Run } from "@graft/schema/graphql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config/env";
import { type GraftPubSub } from "../pubsub";
import { type ServiceDeps } from "./service-deps";
import { sqliteDatabase } from "../db/sqlite/open";
import { writeTx } from "./write-tx";

let dir: string;
let db: GraftDb;
let published: { inTransaction: boolean; rows: number; args: unknown[] }[];
let deps: ServiceDeps;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "graft-write-tx-"));
  db = openDatabase(join(dir, "graft.db"));
  published = [];
  // Records what a subscriber would see at the moment of publishing: the committed rows.
  const pubSub = {
    publish: (...args: unknown[]) => {
      const rows = (db.$client.prepare("SELECT count(*) AS n FROM experiments").get() as { n: number }).n;
      published.push({ inTransaction: db.$client.inTransaction, rows, args });
    },
  } as unknown as GraftPubSub;
  deps = { db, database: sqliteDatabase(db), config: loadConfig({ GRAFT_DATA_DIR: dir }), pubSub, now: Date.now };
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = { id: "r1", status: "QUEUED" } as Run;

describe("writeTx", () => {
  it("publishes the queued events once the transaction has committed", async () => {
    const result = await writeTx(deps, async (tx, outbox) => {
      await tx.insert(experiments).values({ id: "e", name: "e", createdAt: 0 });
      outbox.run(run);
      expect(published).toEqual([]);
      return "done";
    });
    expect(result).toBe("done");
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ inTransaction: false, rows: 1 });
  });

  it("publishes nothing when the body throws, and rolls its writes back", async () => {
    await expect(
      writeTx(deps, async (tx, outbox) => {
        await tx.insert(experiments).values({ id: "e", name: "e", createdAt: 0 });
        outbox.run(run);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(published).toEqual([]);
    expect((db.$client.prepare("SELECT count(*) AS n FROM experiments").get() as { n: number }).n).toBe(0);
  });
});
