/**
 * The trainer's GraphQL documents and reporter against the real API (no TF.js): every operation the
 * agent sends validates against the schema, and a reporter whose batches are retried never stores an
 * epoch twice. Fast, so contract drift between apps/api and apps/trainer shows up here first.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLClient, RunReporter, operations } from "@graft/trainer";
import { copySubset, sharedAssetsMissing, startApi, type RunningApi } from "../support";
import { RUN_DETAIL, type RunDetail } from "./queries";

const missing = sharedAssetsMissing();
if (missing) console.warn(`skipping trainer contract flow: ${missing}`);

describe.skipIf(missing !== null)("trainer ↔ API contract", () => {
  let root: string;
  let api: RunningApi;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "graft-contract-"));
    copySubset(path.join(root, "data", "leaves"), { classes: 2, perClass: 3 });
    api = await startApi({ dataRoots: [path.join(root, "data")] });
  });
  afterAll(async () => {
    await api?.stop({ cleanup: true });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("registers, creates, claims, heartbeats, logs epochs idempotently and completes a run", async () => {
    const client = new GraphQLClient({ url: api.url, token: api.token });
    const { registerDataset } = await client.request(operations.REGISTER_DATASET, {
      path: path.join(root, "data", "leaves"),
      name: "tiny",
    });
    const { registerAgent } = await client.request(operations.REGISTER_AGENT, {
      input: { name: "contract", host: os.hostname(), backend: "cpu", cores: 2, gpu: null },
    });
    const hyperparameters = {
      baseModel: "mobilenet_v1_0.25_224",
      headUnits: [8],
      dropout: 0.1,
      augmentation: "none",
      optimizer: "adam",
      learningRate: 0.001,
      epochs: 3,
      fineTuneLayers: 0,
      fineTuneEpochs: 0,
      fineTuneLearningRate: 1e-5,
      batchSize: 4,
      seed: 1,
      validationSplit: 0.3,
      earlyStoppingPatience: null,
    };
    const { createRun } = await client.request(operations.CREATE_RUN, {
      input: { datasetId: registerDataset.id, hyperparameters, name: "contract run" },
    });
    const { claimRun } = await client.request(operations.CLAIM_RUN, { agentId: registerAgent.id, runId: createRun.id });
    expect(claimRun?.id).toBe(createRun.id);
    // The agent reads the run's knobs as the catalogue-ordered `values` list.
    expect(Object.fromEntries((claimRun?.hyperparameters.values ?? []).map(({ name, value }) => [name, value]))).toMatchObject(
      hyperparameters,
    );
    expect(claimRun?.dataset.path).toBe(path.join(root, "data", "leaves"));
    const { heartbeat } = await client.request(operations.HEARTBEAT, {
      input: { agentId: registerAgent.id, runId: createRun.id, backend: "cpu" },
    });
    expect(heartbeat.shouldStop).toBe(false);
    expect(Date.parse(heartbeat.leaseExpiresAt ?? "")).toBeGreaterThan(Date.now());

    const reporter = await RunReporter.open({
      client,
      runId: createRun.id,
      agentId: registerAgent.id,
      journalDir: path.join(root, "journal"),
      flushEvery: 2,
    });
    const epoch = (n: number) => ({
      epoch: n,
      phase: "HEAD" as const,
      loss: 1 / n,
      accuracy: 0.5,
      valLoss: 0.9,
      valAccuracy: 0.5,
      learningRate: 0.001,
      durationMs: 3,
      imagesPerSec: 9,
    });
    for (let n = 1; n <= 3; n++) await reporter.logEpoch(epoch(n));
    expect(await reporter.drain(10_000)).toBe(true);
    // The same epochs again (a retried batch): the API must insert nothing twice.
    const again = await client.request(operations.LOG_EPOCHS, {
      runId: createRun.id,
      agentId: registerAgent.id,
      epochs: [epoch(1), epoch(2)],
    });
    expect(
      await reporter.complete(
        {
          evaluation: {
            labels: ["a", "b"],
            confusionMatrix: [
              [1, 0],
              [1, 1],
            ],
            perClass: [],
            accuracy: 0.66,
            macroF1: 0.6,
            weightedF1: 0.6,
            misclassified: [],
          },
          artifacts: [{ kind: "checkpoint", uri: "file:///tmp/x" }],
          backend: "cpu",
          stopReason: null,
        },
        10_000,
      ),
    ).toBe(true);
    await reporter.close();
    expect(again.logEpochs.inserted).toBe(0);
    const { run } = await api.gql<{ run: RunDetail }>(RUN_DETAIL, { id: createRun.id });
    expect(run.status).toBe("COMPLETED");
    expect(run.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(run.evaluation?.confusionMatrix).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(fs.readdirSync(path.join(root, "journal"))).toEqual([]);
  });
});
