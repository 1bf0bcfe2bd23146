/**
 * End to end on the shared plant-leaves photos (skips when absent): group split by leaf, MobileNet
 * v1 0.25 features, head [128] for 10 epochs, then fine-tuning of the top layers; checks accuracy,
 * reproducibility, the saved checkpoint and cancellation.
 */
import * as tf from "@tensorflow/tfjs";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeBatches } from "../data/batches";
import { preprocess } from "../data/preprocess";
import { scanDataset } from "../data/scan";
import { splitDataset } from "../data/split";
import { loadLayersModelFromFile } from "../models/io";
import { plantLeavesDir, sharedModelsDir } from "../models/shared-dir";
import type { EpochRecord, TrainOptions, TrainResult } from "../types";
import { defaultTrainConfig } from "./config";
import { train } from "./train";

const leaves = plantLeavesDir();
const modelsDir = sharedModelsDir();
if (leaves === null || modelsDir === null)
  console.warn("shared plant-leaves/models absent (../shared or GRAFT_SHARED_DIR): skipping the training integration test");

/** Metrics only: durations and throughput legitimately differ between runs. */
const metrics = (r: EpochRecord) => ({
  epoch: r.epoch,
  phase: r.phase,
  loss: r.loss,
  accuracy: r.accuracy,
  valLoss: r.valLoss,
  valAccuracy: r.valAccuracy,
  learningRate: r.learningRate,
});

describe.skipIf(leaves === null || modelsDir === null)("train() on plant-leaves", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "graft-train-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const groupBy = { manifest: path.join(leaves ?? "", "manifest.csv"), column: "leaf_group" };
  // Seed 42 (the default) decides the group split as well as the head's init and shuffling.
  const config = defaultTrainConfig({
    baseModel: "mobilenet_v1_0.25_224",
    headUnits: [128],
    epochs: 10,
    fineTuneLayers: 20,
    fineTuneEpochs: 2,
    fineTuneLearningRate: 1e-5,
    seed: 42,
  });
  const options = (outDir: string, seen: EpochRecord[]): TrainOptions => ({
    dataDir: leaves as string,
    config,
    groupBy,
    backend: "wasm",
    modelsDir: modelsDir as string,
    cacheDir: path.join(tmp, "cache"),
    outDir,
    hooks: { onEpoch: (r) => void seen.push(r) },
  });
  let first: TrainResult;
  const firstSeen: EpochRecord[] = [];

  it("reaches ≥ 0.95 validation accuracy with the head, and fine-tuning does not lower it", async () => {
    first = await train(options(path.join(tmp, "run1"), firstSeen));
    expect(first.backend).toBe("wasm");
    expect(first.classes).toHaveLength(6);
    expect(first.trainCount + first.validationCount).toBe(720);
    expect(first.validationCount).toBeGreaterThan(100);
    const head = first.epochs.filter((r) => r.phase === "head");
    const ft = first.epochs.filter((r) => r.phase === "fine_tune");
    expect(head).toHaveLength(10);
    expect(ft.map((r) => r.epoch)).toEqual([11, 12]);
    expect(ft.every((r) => r.learningRate === 1e-5)).toBe(true);
    const headAcc = head.at(-1)!.valAccuracy!;
    expect(headAcc).toBeGreaterThanOrEqual(0.95);
    // No tolerance: with lr 1e-5 fine-tuning should not lose a single validation image here.
    expect(first.finalValAccuracy!).toBeGreaterThanOrEqual(headAcc);
    expect(first.evaluation.accuracy).toBeCloseTo(first.finalValAccuracy!, 10);
    expect(first.evaluation.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(first.validationCount);
    expect(firstSeen.map((r) => r.epoch)).toEqual(first.epochs.map((r) => r.epoch));
    // The first run computed every feature once: pooled features and frozen-bottom maps, 720 each.
    expect(first.featureCache.misses).toBe(1440);
    expect(first.stoppedReason).toBeNull();
  }, 600_000);

  it("is reproducible: the same seed gives identical metrics (and reads every feature from the cache)", async () => {
    const seen: EpochRecord[] = [];
    const second = await train(options(path.join(tmp, "run2"), seen));
    expect(second.epochs.map(metrics)).toEqual(first.epochs.map(metrics));
    expect(second.evaluation).toEqual(first.evaluation);
    expect(second.featureCache).toMatchObject({ hits: 1440, misses: 0 });
  }, 600_000);

  it("saves a classifier LayersModel whose predictions give the reported accuracy", async () => {
    const dir = first.checkpointDir!;
    expect(dir).toBe(path.join(tmp, "run1", "checkpoint"));
    expect(JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8"))).toEqual(first.classes);
    expect(existsSync(path.join(tmp, "run1", "best", "model.json"))).toBe(true);
    const model = await loadLayersModelFromFile(path.join(dir, "model.json"));
    expect(model.outputs[0]!.shape).toEqual([null, 6]);
    const index = await scanDataset(leaves as string, { manifest: { path: groupBy.manifest, column: groupBy.column } });
    const { validation } = splitDataset(index, { validationSplit: config.validationSplit, seed: config.seed, byGroup: true });
    let correct = 0;
    for await (const batch of decodeBatches(validation, { size: 224, batchSize: 16 })) {
      const pred = tf.tidy(() => {
        const x = preprocess(tf.tensor4d(batch.pixels, [batch.entries.length, 224, 224, 3], "int32"), "mobilenet");
        return tf.argMax(model.predict(x) as tf.Tensor, 1);
      });
      const labels = (await pred.data()) as Int32Array;
      pred.dispose();
      batch.entries.forEach((e, k) => {
        if (labels[k] === e.label) correct++;
      });
    }
    model.dispose();
    // The saved layer graph (fine-tuned weights written back, BN as identity) predicts like the engine.
    expect(correct / validation.length).toBeCloseTo(first.finalValAccuracy!, 10);
  }, 600_000);

  it("stops when hooks.shouldStop returns a reason, skipping fine-tuning", async () => {
    let epochs = 0;
    const result = await train({
      ...options(path.join(tmp, "run3"), []),
      hooks: { onEpoch: () => void epochs++, shouldStop: () => (epochs >= 2 ? "cancelled by user" : null) },
    });
    expect(result.stoppedReason).toBe("cancelled by user");
    expect(result.epochs.map((r) => r.phase)).toEqual(["head", "head"]);
  }, 600_000);
});
