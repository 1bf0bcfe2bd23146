/**
 * A full disk loses nothing (issue "Promises kept" #7): the real API on a real SQLite file whose
 * connection is made to run out of room on demand (apps/api/src/test/serve-disk-full.ts: SIGUSR2
 * toggles `PRAGMA max_page_count` at the file's current size, so SQLite fails with SQLITE_FULL as
 * on a full disk), and a real agent process with a fake engine. While full, writes are refused with
 * a coded, retryable error, /healthz says the database is unwritable and the agent's journal keeps
 * every epoch and the evaluation; once space returns, the run completes whole, on its first attempt.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readJournal } from "@graft/trainer";
import { variantAccuracy, variantValAccuracy } from "@graft/trainer/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, startFakeAgentProcess, waitFor, type ManagedProcess, type RunningApi } from "../support";
import { CREATE_RUN, REGISTER_DATASET } from "./queries";

/** Enough epochs that those logged after the disk fills need new pages, whatever room the last page had. */
const EPOCHS = 150;

const DETAIL = `query ($id: ID!) { run(id: $id) { status attempts epochCount bestValAccuracy epochs { epoch attempt valAccuracy } evaluation { accuracy } } }`;
interface Detail {
  status: string;
  attempts: number;
  epochCount: number;
  bestValAccuracy: number | null;
  epochs: { epoch: number; attempt: number; valAccuracy: number }[];
  evaluation: { accuracy: number } | null;
}

describe("the API's disk fills up mid-run", () => {
  let root: string;
  let api: RunningApi;
  let agent: ManagedProcess | null = null;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "graft-full-"));
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    for (const cls of ["a", "b"]) {
      fs.mkdirSync(path.join(root, "datasets", "tiny", cls), { recursive: true });
      fs.writeFileSync(path.join(root, "datasets", "tiny", cls, "1.png"), png);
    }
    api = await startApi({ dataRoots: [path.join(root, "datasets")], entry: path.join("src", "test", "serve-disk-full.ts") });
  });
  afterAll(async () => {
    await agent?.stop("SIGKILL", 1_000);
    await api?.stop({ cleanup: true });
    fs.rmSync(root, { recursive: true, force: true });
  });

  const detail = async (id: string): Promise<Detail> => (await api.gql<{ run: Detail }>(DETAIL, { id })).run;
  const until = <T>(what: string, probe: () => Promise<T | null | false>, timeoutMs = 60_000): Promise<T> =>
    waitFor(probe, { timeoutMs, intervalMs: 100, what }).catch((error: Error) => {
      throw new Error(`${error.message}\n${agent?.output().slice(-3000) ?? ""}\n---- api ----\n${api.process.output().slice(-2000)}`);
    }) as Promise<T>;
  const healthz = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${api.url}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  /** Toggles the API's test hook and waits for it to say so. */
  const toggleStorage = async (state: "full" | "free"): Promise<void> => {
    const seen = api.process.output().split(`storage ${state}`).length;
    api.process.child.kill("SIGUSR2");
    await until(`the API's storage to be ${state}`, async () => api.process.output().split(`storage ${state}`).length > seen, 10_000);
  };

  it("refuses writes with STORAGE_UNAVAILABLE while full; the agent keeps them and the run completes whole once space returns", async () => {
    const { registerDataset } = await api.gql<{ registerDataset: { id: string } }>(REGISTER_DATASET, {
      path: path.join(root, "datasets", "tiny"),
    });
    const datasetId = registerDataset.id;
    const { createRun } = await api.gql<{ createRun: { id: string } }>(CREATE_RUN, {
      input: { datasetId, hyperparameters: { baseModel: "mobilenet_v1_0.25_224", headUnits: [8], epochs: EPOCHS } },
    });
    const runId = createRun.id;
    const cacheDir = path.join(root, "cache");
    const journal = path.join(cacheDir, "journal", `${runId}.jsonl`);
    agent = startFakeAgentProcess({ apiUrl: api.url, token: api.token, name: "steady", cacheDir, epochMs: 40, extraArgs: ["--once"] });
    await until("some epochs to be stored", async () => (await detail(runId)).epochCount >= 10);

    // A second run, claimed by hand, to see the API's answer to a write as any client does.
    const { createRun: probeRun } = await api.gql<{ createRun: { id: string } }>(CREATE_RUN, {
      input: { datasetId, hyperparameters: { baseModel: "mobilenet_v1_0.25_224", headUnits: [8] } },
    });
    const { registerAgent } = await api.gql<{ registerAgent: { id: string } }>(
      `mutation { registerAgent(input: { name: "probe", host: "test", backend: "cpu", cores: 1 }) { id } }`,
    );
    await api.gql(`mutation ($a: ID!, $r: ID) { claimRun(agentId: $a, runId: $r) { id } }`, { a: registerAgent.id, r: probeRun.id });

    await toggleStorage("full");
    const health = await healthz();
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: "unavailable", db: "unwritable", cause: "SQLITE_FULL", dataDir: api.dataDir });
    expect(String(health.body["reason"])).toContain(api.dataDir);

    const epochs = Array.from({ length: 50 }, (_, i) => ({
      epoch: i + 1,
      phase: "HEAD",
      loss: 1,
      accuracy: 0.5,
      valLoss: 1,
      valAccuracy: 0.5,
      learningRate: 0.001,
      durationMs: 1,
      imagesPerSec: 1,
    }));
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${api.token}` },
      body: JSON.stringify({
        query: `mutation ($r: ID!, $a: ID, $e: [EpochInput!]!) { logEpochs(runId: $r, agentId: $a, attempt: 1, epochs: $e) { inserted } }`,
        variables: { r: probeRun.id, a: registerAgent.id, e: epochs },
      }),
    });
    const body = (await res.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    expect(res.status).toBe(503);
    expect(body.errors?.[0]?.extensions).toEqual({
      code: "STORAGE_UNAVAILABLE",
      retryable: true,
      cause: "SQLITE_FULL",
      dataDir: api.dataDir,
    });
    expect(body.errors?.[0]?.message).toContain(`The database in ${api.dataDir} cannot be written right now (SQLITE_FULL`);

    // Training goes on; what the API cannot store waits in the agent's journal, evaluation included.
    const whileFull = await until("the agent to finish training with its results journaled", async () => {
      const { pending } = await readJournal(journal);
      return pending.some((e) => e.t === "complete") ? pending : null;
    });
    const stuck = await detail(runId);
    expect(stuck).toMatchObject({ status: "RUNNING", attempts: 1, evaluation: null });
    expect(stuck.epochCount).toBeLessThan(EPOCHS);
    const journaled = whileFull.flatMap((e) => (e.t === "epochs" ? e.epochs.map((x) => x.epoch) : []));
    expect(journaled).toEqual(Array.from({ length: EPOCHS - stuck.epochCount }, (_, i) => stuck.epochCount + i + 1));
    expect(agent.output()).toMatch(
      /kept in the journal; retry \d+ in \d+ ms \(LogEpochs: HTTP 503: The database in .* cannot be written right now \(SQLITE_FULL/,
    );

    await toggleStorage("free");
    const done = await until("the run to complete", async () => {
      const r = await detail(runId);
      return r.status === "RUNNING" ? null : r;
    });
    expect(done).toMatchObject({
      status: "COMPLETED",
      attempts: 1,
      epochCount: EPOCHS,
      bestValAccuracy: variantValAccuracy(EPOCHS, 0),
      evaluation: { accuracy: variantAccuracy(0) },
    });
    expect(done.epochs).toEqual(
      Array.from({ length: EPOCHS }, (_, i) => ({ epoch: i + 1, attempt: 1, valAccuracy: variantValAccuracy(i + 1, 0) })),
    );
    expect(await agent.exited).toBe(0);
    expect(fs.existsSync(journal)).toBe(false);
    expect(agent.output()).not.toMatch(/API rejected/);
    expect(await healthz()).toEqual({ status: 200, body: { status: "ok", db: "writable" } });
  });
});
