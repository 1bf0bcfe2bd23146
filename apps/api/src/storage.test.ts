import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraftDb } from "@graft/schema/db";
import { storageFailureOf } from "./errors";
import { startServer } from "./server";
import { TestClient } from "./test/client";
import { createWorkspace, Q, testConfig, type Workspace } from "./test/fixtures";
import { overWs } from "./test/ws";

// SQLite only, whatever GRAFT_TEST_DATABASE says: startServer here opens the workspace's file.
// A full disk made real with PRAGMA max_page_count on the server's own connection: SQLite then
// refuses to grow the file exactly as it does when the disk has no room (SQLITE_FULL).
let ws: Workspace;
let db: GraftDb;
let client: TestClient;
let healthz: string;
let close: () => Promise<void>;
let runId: string;
let serverUrl: string;
let serverToken: string;

beforeAll(async () => {
  ws = createWorkspace();
  const server = await startServer(testConfig(ws), { onDatabase: (opened) => (db = opened) });
  close = () => server.close();
  serverUrl = server.url;
  serverToken = server.token;
  client = new TestClient(server.url, server.token);
  healthz = server.url.replace(/\/graphql$/, "/healthz");
  const datasetId = (await client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: ws.datasetPath })).registerDataset
    .id;
  runId = (
    await client.data<{ createRun: { id: string } }>(Q.createRun, {
      input: { datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [] } },
    })
  ).createRun.id;
});
afterAll(async () => {
  await close();
  ws.cleanup();
});

const ADD_NOTE = `mutation($runId: ID!, $text: String!) { addNote(runId: $runId, text: $text) { id } }`;
/** A note this long needs several new pages: with the file at its page limit, SQLite cannot store it. */
const BIG_NOTE = "n".repeat(20_000);
const fill = () => db.$client.pragma("max_page_count = 1"); // clamps to the current page count
const free = () => db.$client.pragma("max_page_count = 4294967294");
const health = async () => {
  const res = await fetch(healthz);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe("storage failures", () => {
  it("answer 503 STORAGE_UNAVAILABLE, retryable, naming the cause and the data dir; /healthz says unwritable until space returns", async () => {
    expect(await health()).toEqual({ status: 200, body: { status: "ok", db: "writable" } });
    fill();
    try {
      const refused = await client.request<unknown>(ADD_NOTE, { runId, text: BIG_NOTE });
      expect(refused.status).toBe(503);
      expect(refused.errors?.[0]?.extensions).toEqual({
        code: "STORAGE_UNAVAILABLE",
        retryable: true,
        cause: "SQLITE_FULL",
        dataDir: ws.dataDir,
      });
      expect(refused.errors?.[0]?.message).toContain(ws.dataDir);
      expect(refused.errors?.[0]?.message).toMatch(/SQLITE_FULL: database or disk is full.*disk holding it is full/);
      const h = await health();
      expect(h.status).toBe(503);
      expect(h.body).toMatchObject({ status: "unavailable", db: "unwritable", cause: "SQLITE_FULL", dataDir: ws.dataDir });
      expect(String(h.body["reason"])).toContain(ws.dataDir);
    } finally {
      free();
    }
    expect(await health()).toEqual({ status: 200, body: { status: "ok", db: "writable" } });
    await client.data(ADD_NOTE, { runId, text: BIG_NOTE });
    // Nothing from the refused request was half-stored.
    const notes = await client.data<{ run: { notes: { text: string }[] } }>(`query($id: ID!) { run(id: $id) { notes { text } } }`, {
      id: runId,
    });
    expect(notes.run.notes).toHaveLength(1);
  });

  it("reports the database unwritable before a write fails, once the file cannot grow", async () => {
    fill();
    try {
      expect((await health()).body).toMatchObject({ db: "unwritable", cause: "SQLITE_FULL" });
    } finally {
      free();
    }
    expect((await health()).status).toBe(200);
  });

  it("maps a read-only database the same way", async () => {
    db.$client.pragma("query_only = ON");
    try {
      const refused = await client.request<unknown>(ADD_NOTE, { runId, text: "short" });
      expect(refused.status).toBe(503);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "STORAGE_UNAVAILABLE", retryable: true, cause: "SQLITE_READONLY" });
      expect(await health()).toMatchObject({ status: 503, body: { db: "unwritable", cause: "SQLITE_READONLY" } });
      // The same over the WebSocket, formatted by the same function (no raw SQLite text).
      const overSocket = await overWs(serverUrl, ADD_NOTE, { variables: { runId, text: "short" }, token: serverToken });
      const wsError = overSocket.results[0]?.errors?.[0];
      expect(wsError?.extensions).toMatchObject({
        code: "STORAGE_UNAVAILABLE",
        retryable: true,
        cause: "SQLITE_READONLY",
        dataDir: ws.dataDir,
      });
    } finally {
      db.$client.pragma("query_only = OFF");
    }
    expect((await health()).status).toBe(200);
  });

  it("lets a sweep's key go when its creation fails part-way, so the retry creates it whole", async () => {
    const experimentId = (await client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "half" })).createExperiment
      .id;
    const datasetId = (await client.data<{ datasets: { id: string }[] }>("{ datasets { id } }")).datasets[0]?.id;
    // 2,000 runs, written in slices of ~10 ms; a write past the 1,500th run of a sweep fails, on
    // the server's own connection (a TEMP trigger), as a disk that fills up mid-sweep would.
    const searchSpace = {
      baseModels: ["vgg16"],
      headUnits: Array.from({ length: 50 }, (_, i) => [8 + i]),
      learningRates: Array.from({ length: 40 }, (_, i) => 0.0001 * (i + 1)),
    };
    const input = { experimentId, datasetId, name: "half", searchSpace, idempotencyKey: "half-sweep-key-1" };
    const CREATE = "mutation($input: CreateSweepInput!) { createSweep(input: $input) { id status progress { total queued } } }";
    db.$client.exec(`CREATE TEMP TRIGGER fail_mid_sweep BEFORE INSERT ON runs
      WHEN (SELECT count(*) FROM runs WHERE sweep_id = NEW.sweep_id) >= 1500 BEGIN SELECT RAISE(ABORT, 'no room (test)'); END`);
    let failed: { errors?: { message: string }[] };
    try {
      failed = await client.request<unknown>(CREATE, { input });
    } finally {
      db.$client.exec("DROP TRIGGER fail_mid_sweep");
    }
    expect(failed.errors?.length).toBeGreaterThan(0);
    const half = (
      await client.data<{ sweeps: { id: string; name: string; status: string; progress: { total: number; queued: number } }[] }>(
        "{ sweeps { id name status progress { total queued } } }",
      )
    ).sweeps.filter((s) => s.name === "half");
    expect(half).toHaveLength(1);
    expect(half[0]).toMatchObject({ status: "CANCELED", progress: { queued: 0 } });
    expect(half[0]?.progress.total).toBeGreaterThan(0);
    expect(half[0]?.progress.total).toBeLessThan(2_000);
    const retried = (
      await client.data<{ createSweep: { id: string; status: string; progress: { total: number; queued: number } } }>(CREATE, { input })
    ).createSweep;
    expect(retried.id).not.toBe(half[0]?.id);
    expect(retried).toMatchObject({ status: "RUNNING", progress: { total: 2_000, queued: 2_000 } });
    // And the key now names the whole sweep.
    expect((await client.data<{ createSweep: { id: string } }>(CREATE, { input })).createSweep.id).toBe(retried.id);
  });

  it("leaves other errors alone: a constraint violation is not a storage failure", () => {
    const sqlite = (code: string) => Object.assign(new Error("x"), { code });
    expect(storageFailureOf(sqlite("SQLITE_IOERR_WRITE"))).toEqual({ code: "SQLITE_IOERR_WRITE", message: "x" });
    expect(storageFailureOf(sqlite("SQLITE_BUSY"))?.code).toBe("SQLITE_BUSY");
    expect(storageFailureOf(Object.assign(new Error("wrapped"), { originalError: sqlite("SQLITE_FULL") }))?.code).toBe("SQLITE_FULL");
    expect(storageFailureOf(sqlite("SQLITE_CONSTRAINT_PRIMARYKEY"))).toBeNull();
    expect(storageFailureOf(sqlite("SQLITE_FULLNESS"))).toBeNull();
  });
});
