import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GraphQLClient } from "../graphql/client";
import type { EpochInput } from "../graphql/types";
import { startFakeApi, type FakeApi } from "../testing/fake-api";
import { backoffDelay } from "./backoff";
import { readJournal } from "./journal";
import { JournalBusyError, RunReporter } from "./reporter";

const evaluation = {
  labels: ["a", "b"],
  confusionMatrix: [
    [1, 0],
    [0, 1],
  ],
  perClass: [],
  accuracy: 1,
  macroF1: 1,
  weightedF1: 1,
  misclassified: [],
};

function epoch(n: number): EpochInput {
  return {
    epoch: n,
    phase: n > 3 ? "FINE_TUNE" : "HEAD",
    loss: 1 / n,
    accuracy: n / 10,
    valLoss: 1 / n,
    valAccuracy: n / 10,
    learningRate: 0.001,
    durationMs: 10,
    imagesPerSec: 100,
  };
}

let api: FakeApi;
let dir: string;
const fast = { baseMs: 5, maxMs: 40 };

beforeEach(async () => {
  api = await startFakeApi({ token: "t" });
  api.addRun({ id: "r1", status: "RUNNING" });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "graft-journal-"));
});
afterEach(async () => {
  await api.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function reporter(extra: Partial<Parameters<typeof RunReporter.open>[0]> = {}): Promise<RunReporter> {
  const client = new GraphQLClient({ url: api.url, token: "t", timeoutMs: 2_000 });
  return RunReporter.open({ client, runId: "r1", agentId: "ag", journalDir: dir, backoff: fast, flushIntervalMs: 10_000, ...extra });
}

describe("RunReporter", () => {
  it("batches epochs: flushEvery epochs go in one logEpochs call", async () => {
    const r = await reporter({ flushEvery: 3 });
    for (let n = 1; n <= 3; n++) await r.logEpoch(epoch(n));
    expect(await r.drain(5_000)).toBe(true);
    expect(api.logEpochCalls).toBe(1);
    expect(api.runs.get("r1")?.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    await r.close();
  });

  it("flushes a partial batch after flushIntervalMs", async () => {
    const r = await reporter({ flushEvery: 100, flushIntervalMs: 30 });
    await r.logEpoch(epoch(1));
    expect(api.runs.get("r1")?.epochs).toHaveLength(0);
    await new Promise((res) => setTimeout(res, 300));
    expect(api.runs.get("r1")?.epochs.map((e) => e.epoch)).toEqual([1]);
    await r.close();
  });

  it("keeps everything in the journal while the API is down, then delivers it in order, once", async () => {
    api.behaviour.down = true;
    const r = await reporter({ flushEvery: 2, maxBatch: 3 });
    for (let n = 1; n <= 7; n++) await r.logEpoch(epoch(n));
    // Nothing reached the API, everything is on disk.
    const onDisk = await readJournal(path.join(dir, "r1.jsonl"));
    expect(onDisk.pending.flatMap((e) => (e.t === "epochs" ? e.epochs.map((x) => x.epoch) : []))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(api.runs.get("r1")?.epochs).toHaveLength(0);
    setTimeout(() => (api.behaviour.down = false), 150);
    expect(await r.complete({ evaluation, backend: "cpu" }, 10_000)).toBe(true);
    await r.close();
    const run = api.runs.get("r1");
    expect(run?.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(run?.status).toBe("COMPLETED");
    // The completion went last, after every epoch.
    expect(api.calls.filter((c) => c === "LogEpochs" || c === "CompleteRun").at(-1)).toBe("CompleteRun");
    expect(fs.existsSync(path.join(dir, "r1.jsonl"))).toBe(false);
  });

  it("resends a batch whose answer was lost without duplicating it", async () => {
    api.behaviour.dropResponses = 2;
    const r = await reporter({ flushEvery: 2 });
    for (let n = 1; n <= 4; n++) await r.logEpoch(epoch(n));
    expect(await r.drain(5_000)).toBe(true);
    await r.close();
    expect(api.logEpochCalls).toBeGreaterThanOrEqual(3);
    expect(api.runs.get("r1")?.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
  });

  it("leaves an undelivered journal behind on close and a later process recovers it", async () => {
    api.behaviour.down = true;
    const first = await reporter({ flushEvery: 1 });
    for (let n = 1; n <= 3; n++) await first.logEpoch(epoch(n));
    expect(await first.fail("out of memory", 50)).toBe(false);
    await first.close();
    expect(fs.existsSync(path.join(dir, "r1.jsonl"))).toBe(true);

    api.behaviour.down = false;
    const client = new GraphQLClient({ url: api.url, token: "t" });
    const recovered = await RunReporter.recover({ client, journalDir: dir, backoff: fast }, 5_000);
    expect(recovered).toEqual(["r1"]);
    const run = api.runs.get("r1");
    expect(run?.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(run?.status).toBe("FAILED");
    expect(run?.error).toBe("out of memory");
    expect(fs.existsSync(path.join(dir, "r1.jsonl"))).toBe(false);
  });

  it("drops an entry the API rejects and keeps the reason", async () => {
    const client = new GraphQLClient({ url: api.url, token: "t" });
    const r = await RunReporter.open({ client, runId: "missing", agentId: "ag", journalDir: dir, backoff: fast, flushEvery: 1 });
    await r.logEpoch(epoch(1));
    expect(await r.drain(5_000)).toBe(true);
    expect(r.lastRejection?.message).toContain("NOT_FOUND");
    await r.close();
  });

  it("refuses to open a journal this process already holds", async () => {
    const r = await reporter();
    await expect(reporter()).rejects.toBeInstanceOf(JournalBusyError);
    await r.close();
    const again = await reporter();
    await again.close();
  });

  it("takes over the journal of a dead process but not of a live one", async () => {
    const { spawnSync } = await import("node:child_process");
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    fs.writeFileSync(path.join(dir, "r1.lock"), dead.stdout);
    const taken = await reporter();
    await taken.close();
    // The parent process (the vitest runner) is alive for sure.
    fs.writeFileSync(path.join(dir, "r1.lock"), String(process.ppid));
    await expect(reporter()).rejects.toBeInstanceOf(JournalBusyError);
  });

  it("passes stop requests from logEpochs to onControl", async () => {
    const controls: Array<string | null> = [];
    const run = api.runs.get("r1");
    if (run) run.stopRequest = "canceled";
    const r = await reporter({ flushEvery: 1, onControl: (c) => controls.push(c.shouldStop ? (c.reason ?? null) : null) });
    await r.logEpoch(epoch(1));
    await r.drain(5_000);
    await r.close();
    expect(controls).toEqual(["canceled"]);
  });
});

describe("RunReporter and answers that are not final", () => {
  const storageFull = {
    status: 503,
    code: "STORAGE_UNAVAILABLE",
    message: "The database in /srv/graft cannot be written right now (SQLITE_FULL: database or disk is full)",
    extensions: { retryable: true, cause: "SQLITE_FULL" },
  };
  const pendingEpochs = async (): Promise<number[]> =>
    (await readJournal(path.join(dir, "r1.jsonl"))).pending.flatMap((e) => (e.t === "epochs" ? e.epochs.map((x) => x.epoch) : []));

  it.each([
    ["STORAGE_UNAVAILABLE with 503 (a full disk)", storageFull],
    ["STORAGE_UNAVAILABLE with 200", { ...storageFull, status: 200 }],
    ["INTERNAL_SERVER_ERROR", { status: 200, code: "INTERNAL_SERVER_ERROR", message: "Internal server error" }],
  ])("keeps every entry and retries while the API answers %s, then delivers them all", async (_name, failure) => {
    api.behaviour.failWith = failure;
    const logs: string[] = [];
    const r = await reporter({ flushEvery: 1, log: (m) => logs.push(m) });
    for (let n = 1; n <= 4; n++) await r.logEpoch(epoch(n));
    expect(await r.complete({ evaluation, backend: "cpu" }, 200)).toBe(false);
    expect(await pendingEpochs()).toEqual([1, 2, 3, 4]);
    expect(api.runs.get("r1")?.epochs).toHaveLength(0);
    expect(r.lastRejection).toBeNull();
    expect(logs.join("\n")).toContain("kept in the journal");
    api.behaviour.failWith = null;
    expect(await r.drain(5_000)).toBe(true);
    await r.close();
    expect(api.runs.get("r1")).toMatchObject({ status: "COMPLETED", epochs: [1, 2, 3, 4].map(epoch) });
    expect(fs.existsSync(path.join(dir, "r1.jsonl"))).toBe(false);
  });

  it("drops its attempt's entries, asks to stop and removes the journal once the API says another attempt owns the run", async () => {
    const run = api.runs.get("r1");
    if (run) run.attempts = 2;
    const logs: string[] = [];
    const controls: Array<string | null> = [];
    const r = await reporter({
      attempt: 1,
      flushEvery: 2,
      log: (m) => logs.push(m),
      onControl: (c) => controls.push(c.shouldStop ? (c.reason ?? null) : null),
    });
    for (let n = 1; n <= 3; n++) await r.logEpoch(epoch(n));
    expect(await r.drain(5_000)).toBe(true);
    expect(controls).toEqual(["LEASE_LOST"]);
    expect(r.supersededBy).toEqual({ currentAttempt: 2 });
    // Later entries of the same attempt are dropped without asking the API again.
    const calls = api.logEpochCalls;
    await r.logEpoch(epoch(4));
    expect(await r.complete({ evaluation, backend: "cpu" }, 5_000)).toBe(true);
    expect(api.logEpochCalls).toBe(calls);
    await r.close();
    // Neither the epochs nor the completion of attempt 1 reached the run.
    expect(api.runs.get("r1")).toMatchObject({ status: "RUNNING", epochs: [], evaluation: null });
    expect(fs.existsSync(path.join(dir, "r1.jsonl"))).toBe(false);
    expect(logs.join("\n")).toMatch(
      /attempt 1 \(agent ag\) lost the run to attempt 2[\s\S]*removed its journal .*r1\.jsonl: the run belongs to attempt 2 now/,
    );
  });

  it("recovers a journal whose attempt lost the run: removes it with a log line instead of keeping it", async () => {
    api.behaviour.down = true;
    const first = await reporter({ attempt: 1, flushEvery: 1 });
    for (let n = 1; n <= 2; n++) await first.logEpoch(epoch(n));
    await first.close();
    expect(fs.existsSync(path.join(dir, "r1.jsonl"))).toBe(true);
    api.behaviour.down = false;
    const run = api.runs.get("r1");
    if (run) run.attempts = 2;
    const logs: string[] = [];
    const client = new GraphQLClient({ url: api.url, token: "t" });
    expect(await RunReporter.recover({ client, journalDir: dir, backoff: fast, log: (m) => logs.push(m) }, 5_000)).toEqual(["r1"]);
    expect(fs.existsSync(path.join(dir, "r1.jsonl"))).toBe(false);
    expect(logs.join("\n")).toContain("removed its journal");
    expect(api.runs.get("r1")?.epochs).toHaveLength(0);
  });

  it("recovers a journal of epochs only (its agent was killed) and removes it once they are delivered", async () => {
    api.behaviour.down = true;
    const first = await reporter({ attempt: 1, flushEvery: 1 });
    await first.logEpoch(epoch(1));
    await first.close();
    api.behaviour.down = false;
    const client = new GraphQLClient({ url: api.url, token: "t" });
    expect(await RunReporter.recover({ client, journalDir: dir, backoff: fast }, 5_000)).toEqual(["r1"]);
    expect(api.runs.get("r1")?.epochs.map((e) => e.epoch)).toEqual([1]);
    expect(fs.existsSync(path.join(dir, "r1.jsonl"))).toBe(false);
  });
});

describe("readJournal", () => {
  it("ignores a torn last line and honours acks", async () => {
    const file = path.join(dir, "x.jsonl");
    const e = (seq: number): string => JSON.stringify({ t: "epochs", seq, agentId: null, epochs: [epoch(seq)] });
    fs.writeFileSync(file, `${e(1)}\n${e(2)}\n{"t":"ack","upTo":1}\n${e(3)}\n{"t":"epo`);
    const { pending, nextSeq } = await readJournal(file);
    expect(pending.map((p) => p.seq)).toEqual([2, 3]);
    expect(nextSeq).toBe(4);
  });
});

describe("backoffDelay", () => {
  it("doubles the cap per attempt, stays within [cap/2, cap] and stops at maxMs", () => {
    const low = (a: number): number => backoffDelay(a, { baseMs: 100, maxMs: 1_000, random: () => 0 });
    const high = (a: number): number => backoffDelay(a, { baseMs: 100, maxMs: 1_000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map(low)).toEqual([50, 100, 200, 400, 500, 500]);
    expect(high(3)).toBeCloseTo(400, 3);
    expect(() => backoffDelay(0)).toThrow(/got 0/);
  });
});
