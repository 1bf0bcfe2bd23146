import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Q, type TestServer, epoch, evaluation, startTestServer } from "./test/fixtures";

let t: TestServer;
let datasetId: string;
let experimentId: string;
let agentId: string;

interface RunLite {
  id: string;
  status: string;
}

beforeAll(async () => {
  t = await startTestServer();
  const d = await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath });
  datasetId = d.registerDataset.id;
  experimentId = (await t.client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "e1" })).createExperiment.id;
  agentId = (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "agent-main" })).registerAgent.id;
});

afterAll(async () => {
  await t.stop();
});

const baseHp = { baseModel: "mobilenet_v1_0.25_224", headUnits: [128] };

async function createRun(extra: Record<string, unknown> = {}, hp: Record<string, unknown> = {}): Promise<string> {
  const r = await t.client.data<{ createRun: { id: string } }>(Q.createRun, {
    input: { datasetId, experimentId, hyperparameters: { ...baseHp, ...hp }, ...extra },
  });
  return r.createRun.id;
}

/** Claims a specific run for the main agent. */
async function claim(runId: string): Promise<RunLite> {
  return (await t.client.data<{ claimRun: RunLite }>(Q.claim, { agentId, runId })).claimRun;
}

describe("health and datasets", () => {
  it("answers /healthz", async () => {
    const res = await fetch(t.server.url.replace("/graphql", "/healthz"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "writable" });
  });

  it("registers a dataset with class counts from a light scan", async () => {
    const { datasets } = await t.client.data<{
      datasets: { id: string; imageCount: number; classes: { name: string; count: number }[] }[];
    }>("{ datasets { id imageCount classes { name count } } }");
    const d = datasets.find((x) => x.id === datasetId);
    expect(d?.imageCount).toBe(6);
    expect(d?.classes).toEqual([
      { name: "healthy", count: 3 },
      { name: "rust", count: 2 },
      { name: "spot", count: 1 },
    ]);
  });

  it("refuses paths outside the roots, traversal and symlink escapes with FORBIDDEN", async () => {
    for (const path of [t.ws.outside, join(t.ws.root, "..", "outside"), `${t.ws.datasetPath}/../../outside`]) {
      const e = await t.client.errorCode(Q.registerDataset, { path });
      expect(e.code).toBe("FORBIDDEN");
      expect(e.message).toContain(path);
    }
    const link = join(t.ws.root, "sneaky");
    symlinkSync(t.ws.outside, link);
    expect((await t.client.errorCode(Q.registerDataset, { path: link })).code).toBe("FORBIDDEN");
  });

  it("answers BAD_USER_INPUT for a missing path", async () => {
    const e = await t.client.errorCode(Q.registerDataset, { path: join(t.ws.root, "nope") });
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.message).toContain("does not exist");
  });

  it("serves dataset images but nothing outside the dataset", async () => {
    const base = t.server.url.replace("/graphql", `/datasets/${datasetId}/image?file=`);
    const ok = await fetch(base + encodeURIComponent("healthy/img0.png"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("image/png");
    for (const bad of ["../outside/a/x.png", "healthy/notes.txt", "/etc/passwd", "healthy/missing.png", "../../outside/a/x.png"]) {
      expect((await fetch(base + encodeURIComponent(bad))).status).toBe(404);
    }
  });
});

describe("auth", () => {
  it("rejects mutations without or with a wrong token, accepts the right one", async () => {
    const none = await t.anon.request(Q.createExperiment, { name: "x" });
    expect(none.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(none.data ?? null).toBeNull();
    const wrong = await t.anon.withToken("wrong-token-wrong-token").request(Q.createExperiment, { name: "x" });
    expect(wrong.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await t.client.request(Q.createExperiment, { name: "x" })).errors).toBeUndefined();
  });

  it("lets loopback read without a token", async () => {
    const r = await t.anon.data<{ experiments: unknown[] }>("{ experiments { id } }");
    expect(r.experiments.length).toBeGreaterThan(0);
  });

  it("keeps Apollo's CSRF prevention on", async () => {
    const res = await fetch(`${t.server.url}?query=${encodeURIComponent("{ experiments { id } }")}`);
    expect(res.status).toBe(400);
  });
});

describe("validation errors", () => {
  it("rejects a bad learning rate naming the field and value", async () => {
    for (const lr of [0, -1, 1.5]) {
      const e = await t.client.errorCode(Q.createRun, { input: { datasetId, hyperparameters: { ...baseHp, learningRate: lr } } });
      expect(e.code).toBe("BAD_USER_INPUT");
      expect(e.message).toContain("learningRate");
      expect(e.message).toContain(String(lr));
    }
  });

  it("rejects a bad ReduceLROnPlateau patience, factor or floor naming the field and value", async () => {
    const cases: [Record<string, unknown>, string, number][] = [
      [{ reduceLrFactor: 0 }, "reduceLrFactor", 0],
      [{ reduceLrFactor: 1 }, "reduceLrFactor", 1],
      [{ reduceLrFactor: 1.5 }, "reduceLrFactor", 1.5],
      [{ reduceLrFactor: -0.1 }, "reduceLrFactor", -0.1],
      [{ reduceLrPatience: 0 }, "reduceLrPatience", 0],
      [{ reduceLrPatience: 1001 }, "reduceLrPatience", 1001],
      [{ minLearningRate: -0.001 }, "minLearningRate", -0.001],
      [{ minLearningRate: 1 }, "minLearningRate", 1],
    ];
    for (const [hp, field, value] of cases) {
      const e = await t.client.errorCode(Q.createRun, { input: { datasetId, hyperparameters: { ...baseHp, ...hp } } });
      expect(e.code, JSON.stringify(hp)).toBe("BAD_USER_INPUT");
      // The catalogue's one message (core's and the form's too).
      expect(e.message).toMatch(new RegExp(`^${field} must be .*, received ${String(value).replace(".", "\\.")}$`));
    }
  });

  it("rejects a floor not below the learning rate, or below the fine-tuning rate when fine-tuning, quoting both", async () => {
    const atLr = await t.client.errorCode(Q.createRun, {
      input: { datasetId, hyperparameters: { ...baseHp, learningRate: 0.001, minLearningRate: 0.001 } },
    });
    expect(atLr.code).toBe("BAD_USER_INPUT");
    expect(atLr.message).toBe("minLearningRate must be below learningRate (0.001), received 0.001");
    const fineTune = { ...baseHp, fineTuneLayers: 4, fineTuneEpochs: 1, fineTuneLearningRate: 0.00001, minLearningRate: 0.0001 };
    const aboveFt = await t.client.errorCode(Q.createRun, { input: { datasetId, hyperparameters: fineTune } });
    expect(aboveFt.code).toBe("BAD_USER_INPUT");
    expect(aboveFt.message).toBe("minLearningRate must be below fineTuneLearningRate (0.00001) when fine-tuning, received 0.0001");
    // A head-only run never uses its fine-tuning rate, so the floor may be above it.
    const headOnly = await t.client.data<{ createRun: { id: string } }>(Q.createRun, {
      input: { datasetId, hyperparameters: { ...fineTune, fineTuneLayers: 0, fineTuneEpochs: 0 } },
    });
    await t.client.data("mutation($id: ID!) { cancelRun(runId: $id) { id } }", { id: headOnly.createRun.id });
  });

  it("rejects an unknown base model listing the known ones", async () => {
    const e = await t.client.errorCode(Q.createRun, { input: { datasetId, hyperparameters: { ...baseHp, baseModel: "alexnet" } } });
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.message).toContain('"alexnet"');
    expect(e.message).toContain("mobilenet_v1_0.25_224");
  });

  it("rejects an unknown augmentation", async () => {
    const e = await t.client.errorCode(Q.createRun, { input: { datasetId, hyperparameters: { ...baseHp, augmentation: "flip,warp" } } });
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.message).toContain("warp");
  });

  it("answers NOT_FOUND for a nonexistent run, dataset and agent", async () => {
    expect((await t.client.errorCode(Q.run, { id: "nope" })).code).toBe("NOT_FOUND");
    expect((await t.client.errorCode(Q.createRun, { input: { datasetId: "nope", hyperparameters: baseHp } })).code).toBe("NOT_FOUND");
    expect((await t.client.errorCode(Q.claim, { agentId: "nope" })).code).toBe("NOT_FOUND");
    // logEpochs reads its run in the statement that begins the transaction, the id quoted as a
    // literal on PostgreSQL: one that tries to end the literal is just an unknown run.
    for (const runId of ["nope", "nope'; DROP TABLE runs; --", "nope\\'); SELECT pg_sleep(5); --"])
      expect((await t.client.errorCode(Q.logEpochs, { runId, epochs: [epoch(1, 0.5)] })).code).toBe("NOT_FOUND");
    // The runs table is still there (the query would fail without it).
    expect((await t.client.data<{ runs: { totalCount: number } }>("{ runs { totalCount } }")).runs.totalCount).toBeGreaterThanOrEqual(0);
  });

  it("rejects an empty search space list and a RANDOM sweep without maxRuns", async () => {
    const input = { experimentId, datasetId, searchSpace: { baseModels: [], headUnits: [[64]], learningRates: [0.01] } };
    const e = await t.client.errorCode(Q.createSweep, { input });
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.message).toContain("baseModels");
    const r = await t.client.errorCode(Q.createSweep, {
      input: { ...input, strategy: "RANDOM", searchSpace: { ...input.searchSpace, baseModels: ["vgg16"] } },
    });
    expect(r.code).toBe("BAD_USER_INPUT");
    expect(r.message).toContain("maxRuns");
  });

  it("limits query depth and complexity", async () => {
    const deep = "{ agents { currentRun { sweep { runs { sweep { runs { sweep { runs { sweep { runs { id } } } } } } } } } } }";
    expect((await t.client.errorCode(deep)).message).toMatch(/depth/i);
    const heavy =
      "{ runs(first: 500) { nodes { epochs { epoch loss accuracy valLoss valAccuracy learningRate durationMs imagesPerSec createdAt phase } tags notes { id text } } } }";
    const e = await t.client.errorCode(heavy);
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.message).toMatch(/complexity/i);
  });
});

describe("run lifecycle", () => {
  it("creates, claims, logs, and completes a run with evaluation and artifacts", async () => {
    const id = await createRun({ tags: ["baseline"] }, { augmentation: "zoom, flip" });
    const run = await t.client.data<{ run: { hyperparameters?: unknown; status: string; tags: string[] } }>(
      "query($id: ID!) { run(id: $id) { status tags hyperparameters { augmentation inputSize } } }",
      { id },
    );
    expect(run.run).toMatchObject({ status: "QUEUED", tags: ["baseline"], hyperparameters: { augmentation: "flip,zoom", inputSize: 224 } });

    const claimed = await claim(id);
    expect(claimed).toMatchObject({ id, status: "RUNNING", attempts: 1 });
    const hb = await t.client.data<{ heartbeat: { shouldStop: boolean; leaseExpiresAt: string } }>(Q.heartbeat, { agentId, runId: id });
    expect(hb.heartbeat.shouldStop).toBe(false);
    expect(Date.parse(hb.heartbeat.leaseExpiresAt)).toBeGreaterThan(Date.now());

    const batch = [epoch(1, 0.5), epoch(2, 0.7), epoch(3, 0.6)];
    const first = await t.client.data<{ logEpochs: { inserted: number } }>(Q.logEpochs, { runId: id, agentId, epochs: batch });
    expect(first.logEpochs.inserted).toBe(3);
    // A retried batch (plus one new epoch) inserts only the new one.
    const retry = await t.client.data<{ logEpochs: { inserted: number } }>(Q.logEpochs, {
      runId: id,
      agentId,
      epochs: [...batch, epoch(4, 0.65, "FINE_TUNE")],
    });
    expect(retry.logEpochs.inserted).toBe(1);

    const done = await t.client.data<{ completeRun: Record<string, unknown> }>(Q.completeRun, {
      input: {
        runId: id,
        agentId,
        evaluation: evaluation(),
        artifacts: [{ kind: "checkpoint", uri: "file:///tmp/ckpt" }],
        backend: "wasm",
        engines: { features: "onnxruntime-cpu", augmentedEpochs: null, fineTuneBottom: "cache", trainable: "wasm" },
        stopReason: "early_stopping",
      },
    });
    expect(done.completeRun).toMatchObject({
      status: "COMPLETED",
      bestValAccuracy: 0.7,
      bestEpoch: 2,
      finalValAccuracy: 0.65,
      epochCount: 4,
      stopReason: "early_stopping",
    });
    expect(done.completeRun["durationMs"]).toBeGreaterThanOrEqual(0);

    const full = await t.client.data<{
      run: {
        epochs: { epoch: number; phase: string }[];
        artifacts: unknown[];
        evaluation: { labels: string[] };
        backend: string;
        engines: unknown;
      };
    }>(Q.run, { id });
    expect(full.run.backend).toBe("wasm");
    expect(full.run.engines).toEqual({ features: "onnxruntime-cpu", augmentedEpochs: null, fineTuneBottom: "cache", trainable: "wasm" });
    expect(full.run.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    expect(full.run.epochs[3]?.phase).toBe("FINE_TUNE");
    expect(full.run.artifacts).toEqual([{ kind: "checkpoint", uri: "file:///tmp/ckpt" }]);
    expect(full.run.evaluation.labels).toEqual(["healthy", "rust"]);

    // A finished run cannot be completed again or have epochs logged.
    expect((await t.client.errorCode(Q.completeRun, { input: { runId: id, evaluation: evaluation() } })).code).toBe("CONFLICT");
    const late = await t.client.data<{ logEpochs: { inserted: number; control: { shouldStop: boolean } } }>(Q.logEpochs, {
      runId: id,
      epochs: [epoch(5, 0.9)],
    });
    expect(late.logEpochs).toEqual({ inserted: 0, control: { shouldStop: true, reason: "LEASE_LOST" } });
  });

  it("rejects an invalid epoch naming its index, field and value, storing none of the batch", async () => {
    const id = await createRun();
    await claim(id);
    const e = await t.client.errorCode(Q.logEpochs, { runId: id, agentId, epochs: [epoch(1, 0.5), { ...epoch(2, 0.5), accuracy: 1.5 }] });
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.message).toContain("epochs[1].accuracy: 1.5");
    const r = await t.client.data<{ run: { epochCount: number } }>(Q.run, { id });
    expect(r.run.epochCount).toBe(0);
    await t.client.data(Q.failRun, { runId: id, agentId, error: "test done" });
  });

  it("rejects an engine outside the contract's list, naming the part and quoting the value, storing nothing", async () => {
    const id = await createRun();
    await claim(id);
    const engines = { features: "onnxruntime-cpu", augmentedEpochs: null, fineTuneBottom: null, trainable: "wasm" };
    for (const [bad, message] of [
      [
        { ...engines, features: "tpu" },
        'engines.features must be one of tensorflow, wasm, cpu, onnxruntime-cuda, onnxruntime-cpu, cache, received "tpu"',
      ],
      [{ ...engines, trainable: "cache" }, 'engines.trainable must be one of tensorflow, wasm, cpu, received "cache"'],
      [{ ...engines, trainable: "onnxruntime-cpu" }, 'engines.trainable must be one of tensorflow, wasm, cpu, received "onnxruntime-cpu"'],
      [
        { ...engines, augmentedEpochs: "cache" },
        'engines.augmentedEpochs must be one of tensorflow, wasm, cpu, onnxruntime-cuda, onnxruntime-cpu or null, received "cache"',
      ],
    ] as const) {
      const e = await t.client.errorCode(Q.completeRun, { input: { runId: id, agentId, evaluation: evaluation(), engines: bad } });
      expect(e.code).toBe("BAD_USER_INPUT");
      expect(e.message).toContain(message);
    }
    const mismatch = await t.client.errorCode(Q.completeRun, {
      input: { runId: id, agentId, evaluation: evaluation(), backend: "cpu", engines },
    });
    expect(mismatch.message).toContain('engines.trainable must be the run\'s backend "cpu", received "wasm"');
    const r = await t.client.data<{ run: { status: string; engines: unknown; evaluation: unknown } }>(Q.run, { id });
    expect(r.run).toMatchObject({ status: "RUNNING", engines: null, evaluation: null });
    await t.client.data(Q.failRun, { runId: id, agentId, error: "test done" });
  });

  it("rejects a confusion matrix that does not match its labels", async () => {
    const id = await createRun();
    await claim(id);
    const bad = { ...evaluation(), confusionMatrix: [[1, 2]] };
    const e = await t.client.errorCode(Q.completeRun, { input: { runId: id, evaluation: bad } });
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.message).toContain("confusionMatrix");
    // Nothing half-written: the run is still RUNNING without an evaluation.
    const r = await t.client.data<{ run: { status: string; evaluation: unknown } }>(Q.run, { id });
    expect(r.run.status).toBe("RUNNING");
    expect(r.run.evaluation).toBeNull();
  });

  it("stores ReduceLROnPlateau settings with the run (off, halving, no floor by default), sorts and compares them", async () => {
    const hpOf = async (id: string) =>
      (
        await t.client.data<{ run: { hyperparameters: unknown } }>(
          "query($id: ID!) { run(id: $id) { hyperparameters { reduceLrPatience reduceLrFactor minLearningRate } } }",
          { id },
        )
      ).run.hyperparameters;
    const plain = await createRun();
    expect(await hpOf(plain)).toEqual({ reduceLrPatience: null, reduceLrFactor: 0.5, minLearningRate: 0 });
    const tuned = await createRun(
      {},
      { reduceLrPatience: 3, reduceLrFactor: 0.2, minLearningRate: 0.000001, fineTuneLayers: 2, fineTuneEpochs: 1 },
    );
    expect(await hpOf(tuned)).toEqual({ reduceLrPatience: 3, reduceLrFactor: 0.2, minLearningRate: 0.000001 });

    const ranged = await t.client.data<{ runs: { nodes: { id: string }[] } }>(
      "{ runs(filter: { ranges: [{ field: REDUCE_LR_FACTOR, max: 0.3 }, { field: REDUCE_LR_PATIENCE, min: 1 }] }, orderBy: { field: MIN_LEARNING_RATE, direction: DESC }) { nodes { id } } }",
    );
    expect(ranged.runs.nodes.map((n) => n.id)).toEqual([tuned]);

    const cmp = await t.client.data<{ compareRuns: { differences: { name: string; values: (string | null)[]; differs: boolean }[] } }>(
      "query($ids: [ID!]!) { compareRuns(ids: $ids) { differences { name values differs } } }",
      { ids: [plain, tuned] },
    );
    const diff = (name: string) => cmp.compareRuns.differences.find((d) => d.name === name);
    expect(diff("reduceLrPatience")).toEqual({ name: "reduceLrPatience", values: [null, "3"], differs: true });
    expect(diff("reduceLrFactor")).toEqual({ name: "reduceLrFactor", values: ["0.5", "0.2"], differs: true });
    expect(diff("minLearningRate")).toEqual({ name: "minLearningRate", values: ["0", "0.000001"], differs: true });
    for (const id of [plain, tuned]) await t.client.data("mutation($id: ID!) { cancelRun(runId: $id) { id } }", { id });
  });

  it("stores the weights file a run starts from (path and sha256, or neither) and compares it", async () => {
    const sha = "0123456789abcdef".repeat(4);
    const path = "/home/ana/weights/mobilenet_2_5_224_tf_no_top.h5";
    const weightsOf = async (id: string) =>
      (
        await t.client.data<{ run: { hyperparameters: unknown } }>(
          "query($id: ID!) { run(id: $id) { hyperparameters { baseWeights baseWeightsSha256 } } }",
          { id },
        )
      ).run.hyperparameters;
    const own = await createRun();
    expect(await weightsOf(own)).toEqual({ baseWeights: null, baseWeightsSha256: null });
    // The API records the path without opening it: it names a file on the agent's machine.
    const custom = await createRun({}, { baseWeights: path, baseWeightsSha256: sha });
    expect(await weightsOf(custom)).toEqual({ baseWeights: path, baseWeightsSha256: sha });

    const cmp = await t.client.data<{ compareRuns: { differences: { name: string; values: (string | null)[]; differs: boolean }[] } }>(
      "query($ids: [ID!]!) { compareRuns(ids: $ids) { differences { name values differs } } }",
      { ids: [own, custom] },
    );
    const diff = (name: string) => cmp.compareRuns.differences.find((d) => d.name === name);
    expect(diff("baseWeights")).toEqual({ name: "baseWeights", values: [null, path], differs: true });
    expect(diff("baseWeightsSha256")).toEqual({ name: "baseWeightsSha256", values: [null, sha], differs: true });
    for (const id of [own, custom]) await t.client.data("mutation($id: ID!) { cancelRun(runId: $id) { id } }", { id });
  });

  it("rejects half a weights pair or a malformed sha256, naming the field and quoting the value", async () => {
    const sha = "0123456789abcdef".repeat(4);
    const path = "/w/base.h5";
    const attempt = (hp: Record<string, unknown>) =>
      t.client.request(Q.createRun, { input: { datasetId, hyperparameters: { ...baseHp, ...hp } } });

    const shaOnly = (await attempt({ baseWeightsSha256: sha })).errors?.[0];
    expect(shaOnly?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "baseWeights" });
    expect(shaOnly?.message).toBe(
      `Missing baseWeights: baseWeightsSha256 "${sha}" was given without the path of its weights file (give both, or neither for the base model's own weights)`,
    );

    const pathOnly = (await attempt({ baseWeights: path, baseWeightsSha256: null })).errors?.[0];
    expect(pathOnly?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "baseWeightsSha256" });
    expect(pathOnly?.message).toContain(`Missing baseWeightsSha256: baseWeights "${path}" was given without the file's sha256`);

    for (const bad of ["abc", sha.toUpperCase(), `${sha}0`, `${sha.slice(0, 63)}g`]) {
      const e = await t.client.errorCode(Q.createRun, {
        input: { datasetId, hyperparameters: { ...baseHp, baseWeights: path, baseWeightsSha256: bad } },
      });
      expect(e.code, bad).toBe("BAD_USER_INPUT");
      expect(e.message).toContain(`hyperparameters.baseWeightsSha256 = "${bad}"`);
    }
    for (const bad of ["", "x".repeat(4097)]) {
      const e = await t.client.errorCode(Q.createRun, {
        input: { datasetId, hyperparameters: { ...baseHp, baseWeights: bad, baseWeightsSha256: sha } },
      });
      expect(e.code, bad.slice(0, 10)).toBe("BAD_USER_INPUT");
      expect(e.message).toContain("hyperparameters.baseWeights = ");
    }
    // Nothing was queued by any of them.
    const queued = await t.client.data<{ runs: { nodes: { hyperparameters: { baseWeightsSha256: string | null } }[] } }>(
      "{ runs(first: 500, filter: { status: [QUEUED] }) { nodes { hyperparameters { baseWeightsSha256 } } } }",
    );
    expect(queued.runs.nodes.filter((n) => n.hyperparameters.baseWeightsSha256 !== null)).toEqual([]);
  });

  it("fails a run with the agent's error", async () => {
    const id = await createRun();
    await claim(id);
    const r = await t.client.data<{ failRun: { status: string; error: string } }>(Q.failRun, {
      runId: id,
      agentId,
      error: "OOM in conv2d",
    });
    expect(r.failRun).toEqual({ id, status: "FAILED", error: "OOM in conv2d" });
  });

  it("cancels a queued run at once and tells a running one at its next heartbeat", async () => {
    const queued = await createRun();
    const c = await t.client.data<{ cancelRun: RunLite }>("mutation($id: ID!) { cancelRun(runId: $id) { id status } }", { id: queued });
    expect(c.cancelRun.status).toBe("CANCELED");
    expect((await t.client.errorCode("mutation($id: ID!) { cancelRun(runId: $id) { id } }", { id: queued })).code).toBe("CONFLICT");

    const running = await createRun();
    await claim(running);
    await t.client.data("mutation($id: ID!) { cancelRun(runId: $id) { id } }", { id: running });
    const hb = await t.client.data<{ heartbeat: { shouldStop: boolean; reason: string } }>(Q.heartbeat, { agentId, runId: running });
    expect(hb.heartbeat).toMatchObject({ shouldStop: true, reason: "CANCELED" });
    const done = await t.client.data<{ completeRun: { status: string } }>(Q.completeRun, {
      input: { runId: running, agentId, evaluation: evaluation() },
    });
    expect(done.completeRun.status).toBe("CANCELED");
  });

  it("refuses to claim a run that is not queued, and returns null when the queue is empty", async () => {
    const id = await createRun();
    await claim(id);
    expect((await t.client.errorCode(Q.claim, { agentId, runId: id })).code).toBe("CONFLICT");
    await t.client.data(Q.failRun, { runId: id, agentId, error: "x" });
  });

  it("adds and removes tags and notes", async () => {
    const id = await createRun();
    await t.client.data('mutation($id: ID!) { addTag(runId: $id, tag: "best") { id } }', { id });
    await t.client.data('mutation($id: ID!) { addTag(runId: $id, tag: "best") { id } }', { id });
    await t.client.data('mutation($id: ID!) { addTag(runId: $id, tag: "zz") { id } }', { id });
    await t.client.data('mutation($id: ID!) { removeTag(runId: $id, tag: "zz") { id } }', { id });
    await t.client.data('mutation($id: ID!) { addNote(runId: $id, text: "looks good") { id } }', { id });
    const r = await t.client.data<{ run: { tags: string[]; notes: { text: string }[] } }>(Q.run, { id });
    expect(r.run.tags).toEqual(["best"]);
    expect(r.run.notes).toEqual([{ text: "looks good" }]);
    const tagged = await t.client.data<{ runs: { nodes: { id: string }[] } }>('{ runs(filter: { tags: ["best"] }) { nodes { id } } }');
    expect(tagged.runs.nodes.map((n) => n.id)).toEqual([id]);
  });
});

describe("sweeps, runs query, comparison", () => {
  let sweepId: string;
  let sweepRuns: { id: string; hyperparameters: { baseModel: string; learningRate: number } }[];

  it("expands a GRID sweep into queued runs in one go", async () => {
    const r = await t.client.data<{
      createSweep: { id: string; status: string; progress: { total: number; queued: number }; runs: typeof sweepRuns };
    }>(Q.createSweep, {
      input: {
        name: "grid",
        experimentId,
        datasetId,
        searchSpace: {
          baseModels: ["mobilenet_v1_0.25_224", "vgg16"],
          headUnits: [[64], [128, 64]],
          augmentations: ["none", "standard"],
          learningRates: [0.001, 0.01],
        },
        epochs: 5,
      },
    });
    expect(r.createSweep.progress).toEqual({ total: 16, queued: 16 });
    const combos = new Set(r.createSweep.runs.map((x) => JSON.stringify(x.hyperparameters)));
    expect(combos.size).toBe(16);
    sweepId = r.createSweep.id;
    sweepRuns = r.createSweep.runs;
  });

  it("gives every run of a sweep its fixed ReduceLROnPlateau settings, checking the floor against each point", async () => {
    const space = { baseModels: ["mobilenet_v1_0.25_224"], headUnits: [[64]], learningRates: [0.001, 0.01], fineTuneLayers: [0, 4] };
    const fixed = {
      experimentId,
      datasetId,
      searchSpace: space,
      fineTuneEpochs: 1,
      reduceLrPatience: 2,
      reduceLrFactor: 0.8,
      minLearningRate: 0.000001,
    };
    const r = await t.client.data<{ createSweep: { id: string; runs: { hyperparameters: Record<string, unknown> }[] } }>(
      "mutation($input: CreateSweepInput!) { createSweep(input: $input) { id runs { hyperparameters { learningRate fineTuneLayers reduceLrPatience reduceLrFactor minLearningRate } } } }",
      { input: fixed },
    );
    expect(r.createSweep.runs).toHaveLength(4);
    for (const run of r.createSweep.runs)
      expect(run.hyperparameters).toMatchObject({ reduceLrPatience: 2, reduceLrFactor: 0.8, minLearningRate: 0.000001 });
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: r.createSweep.id });

    const sweepCount = async () => (await t.client.data<{ sweeps: unknown[] }>("{ sweeps { id } }")).sweeps.length;
    const before = await sweepCount();
    const aboveLr = await t.client.errorCode(Q.createSweep, { input: { ...fixed, minLearningRate: 0.005 } });
    expect(aboveLr.code).toBe("BAD_USER_INPUT");
    expect(aboveLr.message).toBe("minLearningRate must be below learningRate (0.001), received 0.005");
    // Depth 4 fine-tunes at the default rate (0.00001), which this floor is not below.
    const aboveFt = await t.client.errorCode(Q.createSweep, { input: { ...fixed, minLearningRate: 0.00002 } });
    expect(aboveFt.code).toBe("BAD_USER_INPUT");
    expect(aboveFt.message).toBe("minLearningRate must be below fineTuneLearningRate (0.00001) when fine-tuning, received 0.00002");
    const badFactor = await t.client.errorCode(Q.createSweep, { input: { ...fixed, reduceLrFactor: 1 } });
    expect(badFactor.code).toBe("BAD_USER_INPUT");
    expect(badFactor.message).toBe("reduceLrFactor must be a number in (0, 1), received 1");
    // Rejected before anything is written.
    expect(await sweepCount()).toBe(before);
  });

  it("gives every run of a sweep its early-stopping patience, and refuses an impossible one", async () => {
    const space = { baseModels: ["mobilenet_v1_0.25_224"], headUnits: [[64]], learningRates: [0.001, 0.01] };
    const r = await t.client.data<{ createSweep: { id: string; runs: { hyperparameters: { earlyStoppingPatience: number | null } }[] } }>(
      "mutation($input: CreateSweepInput!) { createSweep(input: $input) { id runs { hyperparameters { earlyStoppingPatience } } } }",
      { input: { experimentId, datasetId, searchSpace: space, earlyStoppingPatience: 3 } },
    );
    expect(r.createSweep.runs.map((run) => run.hyperparameters.earlyStoppingPatience)).toEqual([3, 3]);
    // The sweep keeps every fixed knob its runs were created with, in catalogue order, defaults included.
    const fixed = await t.client.data<{ sweep: { fixed: { name: string; value: unknown }[]; epochs: number } }>(
      "query($id: ID!) { sweep(id: $id) { fixed { name value } epochs } }",
      { id: r.createSweep.id },
    );
    expect(fixed.sweep.fixed).toEqual([
      { name: "epochs", value: 10 },
      { name: "fineTuneEpochs", value: 0 },
      { name: "batchSize", value: 32 },
      { name: "validationSplit", value: 0.2 },
      { name: "earlyStoppingPatience", value: 3 },
      { name: "reduceLrPatience", value: null },
      { name: "reduceLrFactor", value: 0.5 },
      { name: "minLearningRate", value: 0 },
    ]);
    expect(fixed.sweep.epochs).toBe(10);
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: r.createSweep.id });
    const bad = await t.client.errorCode(Q.createSweep, {
      input: { experimentId, datasetId, searchSpace: space, earlyStoppingPatience: 0 },
    });
    expect(bad.code).toBe("BAD_USER_INPUT");
    expect(bad.message).toContain("earlyStoppingPatience");
  });

  it("caps a GRID by maxRuns and draws a seeded RANDOM sweep", async () => {
    const space = { baseModels: ["mobilenet_v1_0.25_224", "vgg16"], headUnits: [[64], [128]], learningRates: [0.001, 0.01, 0.1] };
    const capped = await t.client.data<{ createSweep: { progress: { total: number } } }>(Q.createSweep, {
      input: { experimentId, datasetId, searchSpace: space, maxRuns: 5 },
    });
    expect(capped.createSweep.progress.total).toBe(5);
    const mk = (seed: number) =>
      t.client.data<{ createSweep: { runs: { hyperparameters: unknown }[] } }>(Q.createSweep, {
        input: { experimentId, datasetId, searchSpace: space, strategy: "RANDOM", maxRuns: 6, seed },
      });
    const [a, b] = [await mk(3), await mk(3)];
    expect(a.createSweep.runs.map((x) => x.hyperparameters)).toEqual(b.createSweep.runs.map((x) => x.hyperparameters));
    // Clean up so later claims in this file are not affected by queued sweep runs.
    const { sweeps } = await t.client.data<{ sweeps: { id: string; status: string }[] }>("{ sweeps { id status } }");
    for (const s of sweeps)
      if (s.id !== sweepId && s.status === "RUNNING")
        await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: s.id });
  });

  it("filters, orders and pages runs with stable cursors and totalCount", async () => {
    // Give some sweep runs metrics so the metric sort has values and NULLs.
    for (const [i, r] of sweepRuns.slice(0, 6).entries()) {
      await claim(r.id);
      await t.client.data(Q.logEpochs, { runId: r.id, agentId, epochs: [epoch(1, 0.3 + i * 0.1)] });
    }
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (;;) {
      const page: {
        runs: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: { id: string; bestValAccuracy: number | null }[];
        };
      } = await t.client.data(
        `query($after: String) { runs(filter: { sweepId: "${sweepId}" }, orderBy: { field: BEST_VAL_ACCURACY, direction: DESC }, first: 5, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } nodes { id bestValAccuracy } } }`,
        { after },
      );
      total = page.runs.totalCount;
      seen.push(...page.runs.nodes.map((n) => n.id));
      if (seen.length <= 5) expect(page.runs.nodes[0]?.bestValAccuracy).toBeCloseTo(0.8);
      if (!page.runs.pageInfo.hasNextPage) break;
      after = page.runs.pageInfo.endCursor;
    }
    expect(total).toBe(16);
    expect(seen).toHaveLength(16);
    expect(new Set(seen).size).toBe(16);

    const ranged = await t.client.data<{
      runs: { totalCount: number; nodes: { hyperparameters: { baseModel: string; learningRate: number } }[] };
    }>(
      `{ runs(filter: { sweepId: "${sweepId}", baseModels: ["vgg16"], ranges: [{ field: LEARNING_RATE, min: 0.005 }] }, orderBy: { field: NAME, direction: ASC }) {
        totalCount nodes { hyperparameters { baseModel learningRate } } } }`,
    );
    expect(ranged.runs.totalCount).toBe(4);
    for (const n of ranged.runs.nodes) expect(n.hyperparameters).toEqual({ baseModel: "vgg16", learningRate: 0.01 });

    const running = await t.client.data<{ runs: { totalCount: number } }>(
      `{ runs(filter: { sweepId: "${sweepId}", status: [RUNNING], search: "grid" }) { totalCount } }`,
    );
    expect(running.runs.totalCount).toBe(6);
    expect((await t.client.errorCode("{ runs(first: 501) { totalCount } }")).code).toBe("BAD_USER_INPUT");
    expect((await t.client.errorCode('{ runs(after: "garbage") { totalCount } }')).code).toBe("BAD_USER_INPUT");
  });

  it("compares runs: differences, curves, aligned confusion matrices", async () => {
    const [a, b] = [sweepRuns[0] as { id: string }, sweepRuns[5] as { id: string }];
    await t.client.data(Q.completeRun, { input: { runId: a.id, agentId, evaluation: evaluation(["healthy", "rust"]) } });
    await t.client.data(Q.completeRun, { input: { runId: b.id, agentId, evaluation: evaluation(["rust", "spot"]) } });
    const c = await t.client.data<{
      compareRuns: {
        labels: string[];
        differences: { name: string; differs: boolean; values: string[] }[];
        curves: { runId: string; epochs: unknown[] }[];
        confusionMatrices: { runId: string; matrix: number[][] }[];
      };
    }>(
      `query($ids: [ID!]!) { compareRuns(ids: $ids) { labels differences { name values differs } curves { runId epochs { epoch } } confusionMatrices { runId matrix } } }`,
      { ids: [a.id, b.id] },
    );
    const cmp = c.compareRuns;
    expect(cmp.labels).toEqual(["healthy", "rust", "spot"]);
    expect(cmp.confusionMatrices[0]?.matrix).toEqual([
      [5, 1, 0],
      [1, 5, 0],
      [0, 0, 0],
    ]);
    expect(cmp.confusionMatrices[1]?.matrix).toEqual([
      [0, 0, 0],
      [0, 5, 1],
      [0, 1, 5],
    ]);
    expect(cmp.differences.find((d) => d.name === "epochs")).toMatchObject({ differs: false, values: ["5", "5"] });
    expect(cmp.differences.find((d) => d.name === "reduceLrFactor")).toMatchObject({ differs: false, values: ["0.5", "0.5"] });
    expect(cmp.differences.some((d) => d.differs)).toBe(true);
    expect(cmp.curves.map((x) => x.epochs.length)).toEqual([1, 1]);
    expect((await t.client.errorCode('query { compareRuns(ids: ["x"]) { labels } }')).code).toBe("BAD_USER_INPUT");
  });

  it("reports sweep progress, best run, and cancels the rest", async () => {
    const s = await t.client.data<{ sweep: { progress: Record<string, number>; bestRun: { id: string } } }>(
      `query($id: ID!) { sweep(id: $id) { progress { total queued running completed } bestRun { id } } }`,
      { id: sweepId },
    );
    expect(s.sweep.progress).toEqual({ total: 16, queued: 10, running: 4, completed: 2 });
    expect(s.sweep.bestRun.id).toBe(sweepRuns[5]?.id);
    const c = await t.client.data<{ cancelSweep: { status: string; progress: Record<string, number> } }>(
      `mutation($id: ID!) { cancelSweep(sweepId: $id) { status progress { queued running canceled } } }`,
      { id: sweepId },
    );
    expect(c.cancelSweep).toEqual({ status: "CANCELED", progress: { queued: 0, running: 4, canceled: 10 } });
    const hb = await t.client.data<{ heartbeat: { reason: string } }>(Q.heartbeat, { agentId, runId: sweepRuns[1]?.id });
    expect(hb.heartbeat.reason).toBe("CANCELED");
  });
});
