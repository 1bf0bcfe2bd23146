import * as tf from "@tensorflow/tfjs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeColorSquares } from "../data/test-dataset";
import { BadInputError } from "../errors";
import { loadLayersModelFromFile } from "../models/io";
import { sharedModelsDir } from "../models/shared-dir";
import { defaultTrainConfig } from "./config";
import { train } from "./train";

const modelsDir = sharedModelsDir();
if (modelsDir === null) console.warn("shared models absent: skipping train() unit tests");

describe.skipIf(modelsDir === null)("train() on a tiny generated dataset", () => {
  let root = "";
  let cleanup: () => Promise<void> = async () => undefined;
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "graft-train-unit-"));
  beforeAll(async () => {
    ({ root, cleanup } = await writeColorSquares(6));
  });
  afterAll(async () => {
    await cleanup();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it("trains with augmentation (features computed per batch, only validation cached), fine-tunes, and frees its tensors", async () => {
    const config = defaultTrainConfig({ epochs: 2, batchSize: 4, augmentation: ["flip", "brightness"], fineTuneLayers: 6, fineTuneEpochs: 1, validationSplit: 0.34, seed: 3 });
    const stages = new Set<string>();
    const run = () => train({ dataDir: root, config, backend: "wasm", modelsDir: modelsDir as string, cacheDir, hooks: { onProgress: (p) => void stages.add(p.stage) } });
    const warmup = await run();
    const before = tf.memory().numTensors;
    const result = await run();
    expect(result.classes).toEqual(["blue", "red"]);
    expect(result.epochs.map((r) => r.phase)).toEqual(["head", "head", "fine_tune"]);
    expect(result.trainCount + result.validationCount).toBe(12);
    // Augmented training images are never cached: only the validation images (pooled + bottom maps).
    expect(warmup.featureCache.misses).toBe(result.validationCount * 2);
    expect(result.featureCache).toMatchObject({ hits: result.validationCount * 2, misses: 0 });
    expect(stages).toEqual(new Set(["features:validation", "fine_tune:validation"]));
    expect(result.epochs.every((r) => Number.isFinite(r.loss) && r.imagesPerSec > 0)).toBe(true);
    expect(result.checkpointDir).toBeNull();
    // The second identical run left no tensor behind (the first may initialise backend state).
    expect(tf.memory().numTensors).toBe(before);
  }, 300_000);

  for (const baseModel of ["mobilenet_v2_0.35_224_no_top", "darknet_tiny_224"]) {
    it(`fine-tunes ${baseModel} (residual / leaky-ReLU graphs) and saves a loadable classifier`, async () => {
      const outDir = path.join(cacheDir, `out-${baseModel}`);
      const config = defaultTrainConfig({ baseModel, epochs: 1, batchSize: 4, fineTuneLayers: 12, fineTuneEpochs: 1, validationSplit: 0.34, seed: 5 });
      const result = await train({ dataDir: root, config, backend: "wasm", modelsDir: modelsDir as string, cacheDir, outDir });
      expect(result.epochs.map((r) => r.phase)).toEqual(["head", "fine_tune"]);
      const model = await loadLayersModelFromFile(path.join(result.checkpointDir as string, "model.json"));
      expect(model.outputs[0]!.shape).toEqual([null, 2]);
      const p = tf.tidy(() => model.predict(tf.zeros([1, 224, 224, 3])) as tf.Tensor);
      expect(Math.abs(p.sum().dataSync()[0]! - 1)).toBeLessThan(1e-5);
      p.dispose();
      model.dispose();
    }, 300_000);
  }

  it("rejects impossible settings before training, quoting the value", async () => {
    const config = { ...defaultTrainConfig(), fineTuneLayers: 500, fineTuneEpochs: 1 };
    await expect(train({ dataDir: root, config, backend: "wasm", modelsDir: modelsDir as string, cacheDir })).rejects.toThrow(BadInputError);
    await expect(train({ dataDir: root, config, backend: "wasm", modelsDir: modelsDir as string, cacheDir })).rejects.toThrow(/fineTuneLayers must be at most \d+.*received 500/);
    await expect(train({ dataDir: root, config: { ...defaultTrainConfig(), learningRate: 5 }, cacheDir })).rejects.toThrow(/learningRate .* received 5/);
  }, 120_000);
});
