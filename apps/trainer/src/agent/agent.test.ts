import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GraphQLClient } from "../graphql/client";
import { createFakeEngine, graftError, type FakeEngine } from "../testing/fake-engine";
import { startFakeApi, type FakeApi } from "../testing/fake-api";
import { onnxThreadsPerRun, startAgent, type AgentOptions } from "./agent";

let api: FakeApi;
let engine: FakeEngine;
let cacheDir: string;
let log: string[];

beforeEach(async () => {
  api = await startFakeApi({ token: "tok" });
  engine = createFakeEngine();
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "graft-agent-"));
  log = [];
});
afterEach(async () => {
  await api.close();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

/** Polls `probe` every 10 ms until true (fails the test after 5 s). */
async function until(probe: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error("condition not reached in 5 s");
    await new Promise((r) => setTimeout(r, 10));
  }
}

function sha256Of(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

function agent(extra: Partial<AgentOptions> = {}): ReturnType<typeof startAgent> {
  const stderr = new Writable({ write: (chunk: Buffer, _e, done) => (log.push(chunk.toString()), done()) });
  return startAgent(
    {
      name: "test",
      concurrency: 1,
      cacheDir,
      once: true,
      pollMs: 20,
      stderr,
      runOverrides: { reporter: { flushEvery: 1, backoff: { baseMs: 5, maxMs: 20 } }, heartbeatFallbackMs: 50 },
      ...extra,
    },
    { engine, client: new GraphQLClient({ url: api.url, token: "tok" }) },
  );
}

describe("graft agent", () => {
  it("gives each of N runs at once its share of the cores for ONNX Runtime, and one run core's default", async () => {
    expect([1, 2, 3, 4, 8].map((n) => onnxThreadsPerRun(n, 4))).toEqual([undefined, 2, 1, 1, 1]);
    expect(onnxThreadsPerRun(2, 16)).toBe(8);
    api.addRun({ id: "one" });
    await agent().done;
    expect(engine.requests[0]?.onnxThreads).toBeUndefined();
    api.addRun({ id: "two" });
    await agent({ concurrency: 2 }).done;
    expect(engine.requests[1]?.onnxThreads).toBe(onnxThreadsPerRun(2, os.availableParallelism()));
  });

  it("trains every queued run with exactly its hyperparameters, fails a broken one and carries on", async () => {
    api.addRun({
      id: "r1",
      hyperparameters: {
        ...api.addRun({ id: "tmp" }).hyperparameters,
        headUnits: [64, 32],
        learningRate: 0.01,
        augmentation: "flip,rotate",
        fineTuneLayers: 5,
        fineTuneEpochs: 2,
        epochs: 2,
        seed: 9,
        earlyStoppingPatience: 4,
        reduceLrPatience: 3,
        reduceLrFactor: 0.2,
        minLearningRate: 1e-6,
      },
    });
    api.runs.delete("tmp");
    api.addRun({ id: "r2", dataset: { id: "d", path: "/gone", name: "gone" } });
    api.addRun({ id: "r3" });
    engine.failures.set("/gone", graftError("NOT_FOUND", 'Dataset directory "/gone" does not exist'));
    const outcomes = await agent().done;
    expect(outcomes.map((o) => o.kind)).toEqual(["completed", "failed", "completed"]);

    const r1 = api.runs.get("r1");
    expect(engine.requests[0]?.config).toMatchObject({
      headUnits: [64, 32],
      learningRate: 0.01,
      augmentation: ["flip", "rotate"],
      fineTuneLayers: 5,
      fineTuneEpochs: 2,
      epochs: 2,
      seed: 9,
      earlyStoppingPatience: 4,
      reduceLrPatience: 3,
      reduceLrFactor: 0.2,
      minLearningRate: 1e-6,
    });
    // A run stored without ReduceLROnPlateau trains without it (the API's defaults, not core's guesses).
    expect(engine.requests[2]?.config).toMatchObject({ reduceLrPatience: null, reduceLrFactor: 0.5, minLearningRate: 0 });
    expect(engine.requests[0]?.cacheDir).toBe(cacheDir);
    expect(r1?.status).toBe("COMPLETED");
    expect(r1?.epochs.map((e) => `${e.epoch}:${e.phase}`)).toEqual(["1:HEAD", "2:HEAD", "3:FINE_TUNE", "4:FINE_TUNE"]);
    expect((r1?.evaluation as { confusionMatrix: number[][] }).confusionMatrix).toEqual([
      [3, 1],
      [0, 4],
    ]);

    const r2 = api.runs.get("r2");
    expect(r2?.status).toBe("FAILED");
    expect(r2?.error).toMatch(/"\/gone" does not exist/);
    expect(api.runs.get("r3")?.status).toBe("COMPLETED");
    expect(api.agents).toHaveLength(1);
    // Every journal was delivered and removed.
    expect(fs.readdirSync(path.join(cacheDir, "journal"))).toEqual([]);
  });

  it("hands core the backend as the user typed it (onnxruntime picks the frozen part's engine) and reports the engines", async () => {
    api.addRun({ id: "r1" });
    await agent({ backend: "onnxruntime" }).done;
    // Not the TF.js backend selectBackend resolved: core decides the frozen part's engine from the request.
    expect(engine.requests[0]?.backend).toBe("onnxruntime");
    expect(api.runs.get("r1")?.engines).toEqual({ features: "cpu", augmentedEpochs: null, fineTuneBottom: null, trainable: "cpu" });
    api.addRun({ id: "r2" });
    await agent().done;
    expect(engine.requests[1]).not.toHaveProperty("backend");
  });

  it("fails a run whose hyperparameters the engine refuses, with the engine's message", async () => {
    api.addRun({ id: "bad", hyperparameters: { ...api.addRun({ id: "tmp", status: "COMPLETED" }).hyperparameters, learningRate: -1 } });
    await agent().done;
    expect(api.runs.get("bad")?.status).toBe("FAILED");
    // The catalogue's one message (core's own, and the API's for the same value).
    expect(api.runs.get("bad")?.error).toContain("learningRate must be a number in (0, 1], received -1");
  });

  it("trains a run from its base weights file once its sha256 matches, and the others from the base's own", async () => {
    const h5 = path.join(cacheDir, "no_top.h5");
    fs.writeFileSync(h5, "weights bytes");
    const withWeights = api.addRun({ id: "r1" });
    withWeights.hyperparameters.baseWeights = h5;
    withWeights.hyperparameters.baseWeightsSha256 = sha256Of(h5);
    api.addRun({ id: "r2" });
    const outcomes = await agent().done;
    expect(outcomes.map((o) => o.kind)).toEqual(["completed", "completed"]);
    expect(engine.requests[0]?.weights).toBe(h5);
    expect(engine.requests[0]?.expectedWeightsSha256).toBe(sha256Of(h5));
    expect(engine.requests[1]).not.toHaveProperty("weights");
    expect(withWeights.status).toBe("COMPLETED");
  });

  it("fails a run whose weights file is missing on this machine, naming the path, and carries on", async () => {
    const missing = path.join(cacheDir, "elsewhere", "no_top.h5");
    const run = api.addRun({ id: "r1" });
    run.hyperparameters.baseWeights = missing;
    run.hyperparameters.baseWeightsSha256 = "ab".repeat(32);
    api.addRun({ id: "r2" });
    const outcomes = await agent().done;
    expect(outcomes.map((o) => o.kind)).toEqual(["failed", "completed"]);
    expect(run.status).toBe("FAILED");
    expect(run.error).toContain(`base weights file "${missing}" does not exist on this agent's machine`);
    // Never trained: the only engine request is the next run's.
    expect(engine.requests.map((r) => r.weights)).toEqual([undefined]);
    expect(api.runs.get("r2")?.status).toBe("COMPLETED");
    expect(fs.readdirSync(path.join(cacheDir, "journal"))).toEqual([]);
  });

  it("fails a run whose weights file has other bytes than it was queued with, naming both hashes, and carries on", async () => {
    const h5 = path.join(cacheDir, "no_top.h5");
    fs.writeFileSync(h5, "weights bytes, retrained since");
    const queuedWith = "0123456789abcdef".repeat(4);
    const run = api.addRun({ id: "r1" });
    run.hyperparameters.baseWeights = h5;
    run.hyperparameters.baseWeightsSha256 = queuedWith;
    api.addRun({ id: "r2" });
    const outcomes = await agent().done;
    expect(outcomes.map((o) => o.kind)).toEqual(["failed", "completed"]);
    expect(run.status).toBe("FAILED");
    expect(run.error).toContain(`base weights file "${h5}" has sha256 ${sha256Of(h5)}, but the run was queued with sha256 ${queuedWith}`);
    expect(engine.requests).toHaveLength(1);
    expect(api.runs.get("r2")?.status).toBe("COMPLETED");
  });

  it("obeys a stop request from the API within one epoch", async () => {
    const run = api.addRun({ id: "r1" });
    run.hyperparameters.epochs = 50;
    engine.epochDelayMs = 10;
    const handle = agent();
    await until(() => run.epochs.length >= 1);
    run.stopRequest = "canceled";
    const [outcome] = await handle.done;
    expect(outcome?.kind).toBe("completed");
    expect(run.status).toBe("CANCELED");
    expect(run.stopReason).toBe("canceled");
    expect(run.epochs.length).toBeLessThan(50);
  });

  it("waits for the API's answer at its decision epochs, so a sweep rule's stop lands on the rung", async () => {
    const rung = { epoch: 3, reason: "HYPERBAND bracket 0 rung epoch 3: ranks 3 of 3; only the top 1 continue" };
    // Epochs go in batches of 5 with no timer or heartbeat to deliver them sooner: without waiting at
    // the rung, the run would train epochs 4 and 5 before hearing the verdict on epoch 3.
    const batched = {
      reporter: { flushEvery: 5, flushIntervalMs: 60_000, backoff: { baseMs: 5, maxMs: 20 } },
      heartbeatFallbackMs: 60_000,
    };
    const ruled = api.addRun({ id: "ruled", decisionEpochs: [1, 3] });
    ruled.hyperparameters.epochs = 9;
    ruled.stopWhenLogged = rung;
    await agent({ runOverrides: batched }).done;
    expect(ruled.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(ruled.stopReason).toBe(rung.reason);

    const unruled = api.addRun({ id: "unruled" });
    unruled.hyperparameters.epochs = 9;
    unruled.stopWhenLogged = rung;
    await agent({ runOverrides: batched }).done;
    expect(unruled.epochs.length).toBeGreaterThan(3);
  });

  it("lets a run go without completing it when the API says its lease was lost", async () => {
    const run = api.addRun({ id: "r1" });
    run.hyperparameters.epochs = 50;
    engine.epochDelayMs = 10;
    const handle = agent();
    await until(() => run.epochs.length >= 1);
    run.stopRequest = "LEASE_LOST";
    const [outcome] = await handle.done;
    expect(outcome?.kind).toBe("lost");
    expect(api.calls).not.toContain("CompleteRun");
    expect(api.calls).not.toContain("FailRun");
    expect(fs.readdirSync(path.join(cacheDir, "journal"))).toEqual([]);
  });

  it("on stop() finishes the epoch, hands the run back with failRun and exits", async () => {
    const run = api.addRun({ id: "r1" });
    run.hyperparameters.epochs = 50;
    engine.epochDelayMs = 10;
    const handle = agent({ once: false });
    await until(() => run.epochs.length >= 2);
    handle.stop("SIGTERM");
    const [outcome] = await handle.done;
    expect(outcome?.kind).toBe("handed_back");
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatch(/agent stopped \(SIGTERM\) after epoch \d+ of 50/);
    expect(run.epochs.length).toBe(run.epochs.at(-1)?.epoch);
  });

  it("keeps epochs through an API outage and delivers them once it returns", async () => {
    const run = api.addRun({ id: "r1" });
    run.hyperparameters.epochs = 12;
    engine.epochDelayMs = 15;
    const handle = agent();
    await until(() => run.epochs.length >= 1);
    api.behaviour.down = true;
    await new Promise((r) => setTimeout(r, 200));
    api.behaviour.down = false;
    await handle.done;
    expect(run.status).toBe("COMPLETED");
    expect(run.epochs.map((e) => e.epoch)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("polls an empty queue until stopped when not --once", async () => {
    const handle = agent({ once: false });
    await until(() => api.calls.filter((c) => c === "ClaimRun").length >= 3);
    handle.stop("SIGINT");
    expect(await handle.done).toEqual([]);
  });
});
