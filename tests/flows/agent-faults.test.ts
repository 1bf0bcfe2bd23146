/**
 * Issue #5's fault tests against the real API and real agent processes: an agent SIGKILLed mid-run,
 * the API restarted mid-run, and a run whose dataset vanished.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  copySubset,
  sharedAssetsMissing,
  sharedModelsDir,
  startAgentProcess,
  startApi,
  waitFor,
  type ManagedProcess,
  type RunningApi,
} from "../support";
import { CREATE_RUN, REGISTER_DATASET, RUN_DETAIL, RUN_STATE, plannedEpochs, type RunDetail } from "./queries";

const missing = sharedAssetsMissing();
if (missing) console.warn(`skipping agent fault flows: ${missing}`);

/**
 * Slow enough to interrupt: fine-tuning the top 40 layers runs most of the base forward and backward
 * (about 1 s per epoch on 2 cores for this subset), so the run lasts 10-20 s.
 */
const SLOW = {
  baseModel: "mobilenet_v1_0.25_224",
  headUnits: [16],
  epochs: 2,
  fineTuneLayers: 40,
  fineTuneEpochs: 12,
  batchSize: 16,
  learningRate: 0.001,
};
const QUICK = { baseModel: "mobilenet_v1_0.25_224", headUnits: [16], epochs: 2, batchSize: 16 };

type RunState = { run: { id: string; status: string; attempts: number; epochCount: number; error: string | null; agentId: string | null } };

describe.skipIf(missing !== null)("agent fault flows", () => {
  let root: string;
  let datasetDir: string;
  let api: RunningApi | null = null;
  let agents: ManagedProcess[] = [];

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "graft-faults-"));
    datasetDir = path.join(root, "datasets", "leaves");
    copySubset(datasetDir, { classes: 2, perClass: 15 });
  });
  afterEach(async () => {
    await Promise.all(agents.map((a) => a.stop("SIGKILL", 1_000)));
    agents = [];
    await api?.stop({ cleanup: true });
    api = null;
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  async function setup(leaseSeconds?: number): Promise<{ api: RunningApi; datasetId: string }> {
    api = await startApi({ dataRoots: [path.join(root, "datasets")], leaseSeconds });
    const { registerDataset } = await api.gql<{ registerDataset: { id: string } }>(REGISTER_DATASET, { path: datasetDir });
    return { api, datasetId: registerDataset.id };
  }
  const agent = (a: RunningApi, name: string, cacheDir = path.join(root, `cache-${name}`)): ManagedProcess => {
    const p = startAgentProcess({ apiUrl: a.url, token: a.token, name, cacheDir });
    agents.push(p);
    return p;
  };
  const runState = async (a: RunningApi, id: string): Promise<RunState["run"]> => (await a.gql<RunState>(RUN_STATE, { id })).run;
  /** Adds the agents' recent output to a failure, since the cause is usually there. */
  const explain = <T>(p: Promise<T>): Promise<T> =>
    p.catch((error: Error) => {
      throw new Error(
        `${error.message}\n${agents.map((x) => x.output().slice(-2500)).join("\n----\n")}\n---- api ----\n${api?.process.output().slice(-1500) ?? ""}`,
      );
    });
  const finished = (a: RunningApi, id: string, timeoutMs = 240_000): Promise<RunState["run"]> =>
    waitFor(
      async () => {
        const run = await runState(a, id);
        return run.status !== "QUEUED" && run.status !== "RUNNING" ? run : null;
      },
      { timeoutMs, intervalMs: 500, what: `run ${id} to finish` },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${agents.map((p) => p.output().slice(-2500)).join("\n----\n")}`);
    });

  it("re-queues the run of a SIGKILLed agent after its lease; the other agent completes it from a fresh curve", async () => {
    // 8 s: short enough to re-queue quickly, long enough that heartbeats delayed by synchronous TF.js
    // work on 2 busy cores do not cost the surviving agent its lease too.
    const { api: a, datasetId } = await setup(8);
    const { createRun } = await a.gql<{ createRun: { id: string } }>(CREATE_RUN, { input: { datasetId, hyperparameters: SLOW } });
    const shared = path.join(root, "cache-shared");
    const first = agent(a, "victim", shared);
    await first.waitForOutput(/registered as/, 90_000);
    const before = await explain(
      waitFor(
        async () => {
          const run = await runState(a, createRun.id);
          return run.status === "RUNNING" && run.epochCount >= 2 ? run : null;
        },
        { timeoutMs: 180_000, intervalMs: 300, what: "two epochs to be stored" },
      ),
    );
    const { run: snapshot } = await a.gql<{ run: RunDetail }>(RUN_DETAIL, { id: createRun.id });
    first.child.kill("SIGKILL");
    await first.exited;
    agent(a, "rescuer", shared);
    const end = await finished(a, createRun.id);
    expect(end.status, end.error ?? "").toBe("COMPLETED");
    expect(end.attempts).toBe(2);
    expect(end.agentId).not.toBe(before.agentId);
    const { run } = await a.gql<{ run: RunDetail }>(RUN_DETAIL, { id: createRun.id });
    const numbers = run.epochs.map((e) => e.epoch);
    expect(numbers).toEqual(Array.from({ length: plannedEpochs(run.hyperparameters) }, (_, i) => i + 1));
    // The curve is the rescuer's attempt alone: the victim's epochs went with its lease, none is mixed in.
    expect(run.epochs.map((e) => e.attempt)).toEqual(run.epochs.map(() => 2));
    for (const old of snapshot.epochs) expect(run.epochs.find((e) => e.epoch === old.epoch)?.createdAt).not.toBe(old.createdAt);
  });

  it("keeps every epoch through an API restart mid-run (the journal flushes when it is back)", async () => {
    const { api: a, datasetId } = await setup();
    const { createRun } = await a.gql<{ createRun: { id: string } }>(CREATE_RUN, { input: { datasetId, hyperparameters: SLOW } });
    const worker = agent(a, "steady");
    await explain(
      waitFor(
        async () => {
          const run = await runState(a, createRun.id);
          return run.status === "RUNNING" && run.epochCount >= 1;
        },
        { timeoutMs: 120_000, intervalMs: 300, what: "the first epoch to be stored" },
      ),
    );
    await a.restart({ downMs: 4_000 });
    const end = await finished(a, createRun.id);
    expect(end.status, end.error ?? "").toBe("COMPLETED");
    expect(end.attempts).toBe(1);
    const { run } = await a.gql<{ run: RunDetail }>(RUN_DETAIL, { id: createRun.id });
    expect(run.epochs.map((e) => e.epoch)).toEqual(Array.from({ length: plannedEpochs(run.hyperparameters) }, (_, i) => i + 1));
    expect(worker.output()).toMatch(/unreachable \(ECONNREFUSED|heartbeat failed/);
  });

  it("on SIGTERM mid-run finishes the epoch, hands the run back and exits 0", async () => {
    const { api: a, datasetId } = await setup();
    const { createRun } = await a.gql<{ createRun: { id: string } }>(CREATE_RUN, { input: { datasetId, hyperparameters: SLOW } });
    const worker = agent(a, "polite", path.join(root, "cache-shared"));
    await explain(
      waitFor(async () => (await runState(a, createRun.id)).epochCount >= 1, {
        timeoutMs: 120_000,
        intervalMs: 300,
        what: "the first epoch",
      }),
    );
    const started = Date.now();
    expect(await worker.stop("SIGTERM", 60_000)).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);
    const run = await runState(a, createRun.id);
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatch(/agent stopped \(SIGTERM\) after epoch \d+ of 14/);
  });

  it("fails a run whose dataset path vanished, naming it, and carries on with the next run", async () => {
    const { api: a, datasetId } = await setup();
    const doomedDir = path.join(root, "datasets", "doomed");
    copySubset(doomedDir, { classes: 2, perClass: 4 });
    const { registerDataset: doomed } = await a.gql<{ registerDataset: { id: string } }>(REGISTER_DATASET, { path: doomedDir });
    const { createRun: bad } = await a.gql<{ createRun: { id: string } }>(CREATE_RUN, {
      input: { datasetId: doomed.id, hyperparameters: QUICK },
    });
    const { createRun: good } = await a.gql<{ createRun: { id: string } }>(CREATE_RUN, { input: { datasetId, hyperparameters: QUICK } });
    fs.rmSync(doomedDir, { recursive: true, force: true });
    agent(a, "survivor");
    const badEnd = await finished(a, bad.id);
    expect(badEnd.status).toBe("FAILED");
    expect(badEnd.error).toContain(doomedDir);
    const goodEnd = await finished(a, good.id);
    expect(goodEnd.status, goodEnd.error ?? "").toBe("COMPLETED");
    expect(goodEnd.agentId).toBe(badEnd.agentId);
  });

  it("trains a run from its recorded .h5 weights, and fails one whose file now holds other bytes, naming both hashes", async () => {
    const { api: a, datasetId } = await setup();
    const source = path.join(sharedModelsDir, "keras-h5", "mobilenet_2_5_224_tf_no_top.h5");
    const weights = path.join(root, "weights.h5");
    fs.copyFileSync(source, weights);
    const sha = createHash("sha256").update(fs.readFileSync(weights)).digest("hex");
    const changed = path.join(root, "changed.h5");
    fs.copyFileSync(source, changed);
    const recorded = createHash("sha256").update(fs.readFileSync(changed)).digest("hex");
    fs.appendFileSync(changed, "\0"); // other bytes than the run records
    const actual = createHash("sha256").update(fs.readFileSync(changed)).digest("hex");
    const { createRun: bad } = await a.gql<{ createRun: { id: string } }>(CREATE_RUN, {
      input: { datasetId, hyperparameters: { ...QUICK, baseWeights: changed, baseWeightsSha256: recorded } },
    });
    const { createRun: good } = await a.gql<{ createRun: { id: string } }>(CREATE_RUN, {
      input: { datasetId, hyperparameters: { ...QUICK, baseWeights: weights, baseWeightsSha256: sha } },
    });
    agent(a, "weights");
    const badEnd = await explain(finished(a, bad.id));
    expect(badEnd.status).toBe("FAILED");
    expect(badEnd.error).toContain(changed);
    expect(badEnd.error).toContain(recorded);
    expect(badEnd.error).toContain(actual);
    expect(badEnd.epochCount).toBe(0);
    const goodEnd = await explain(finished(a, good.id));
    expect(goodEnd.status, goodEnd.error ?? "").toBe("COMPLETED");
    expect(goodEnd.epochCount).toBe(QUICK.epochs);
  });
});
