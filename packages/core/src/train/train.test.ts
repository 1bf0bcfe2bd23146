import * as tf from "@tensorflow/tfjs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeColorSquares } from "../testing/dataset";
import { BadInputError } from "../errors";
import { loadLayersModelFromFile } from "../models/io";
import { sharedModelsDir } from "../models/shared-dir";
import { fineTunedLayers } from "../contract/base-models";
import { fileSaveHandler } from "../models/io";
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

  it("trains with Keras' label smoothing: the same run's losses change, and stay above the smoothed targets' entropy floor", async () => {
    const base = { epochs: 2, batchSize: 4, validationSplit: 0.34, seed: 4 };
    // Its own feature cache, so the other tests' cache-hit counts stay theirs.
    const ownCache = mkdtempSync(path.join(os.tmpdir(), "graft-train-smoothing-"));
    const plain = await train({
      dataDir: root,
      config: defaultTrainConfig(base),
      backend: "wasm",
      modelsDir: modelsDir as string,
      cacheDir: ownCache,
    });
    const smoothed = await train({
      dataDir: root,
      config: defaultTrainConfig({ ...base, labelSmoothing: 0.2 }),
      backend: "wasm",
      modelsDir: modelsDir as string,
      cacheDir: ownCache,
    });
    rmSync(ownCache, { recursive: true, force: true });
    // Two classes, ε = 0.2: targets (0.9, 0.1), whose cross-entropy can never go below their entropy.
    const floor = -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1));
    for (const r of smoothed.epochs) {
      expect(r.loss).toBeGreaterThan(floor - 1e-6);
      expect(r.valLoss as number).toBeGreaterThan(floor - 1e-6);
    }
    expect(smoothed.epochs.map((r) => r.loss)).not.toEqual(plain.epochs.map((r) => r.loss));
    // Same seed, same images, same initial weights: only the loss differs, so the first epoch's
    // smoothed training loss is above the plain one (confident logits are penalised).
    expect(smoothed.epochs[0]?.valLoss as number).toBeGreaterThan(plain.epochs[0]?.valLoss as number);
  }, 300_000);

  it("trains with augmentation (features computed per batch, only validation cached), fine-tunes, and frees its tensors", async () => {
    const config = defaultTrainConfig({
      epochs: 2,
      batchSize: 4,
      augmentation: ["flip", "brightness"],
      fineTuneLayers: 6,
      fineTuneEpochs: 1,
      validationSplit: 0.34,
      seed: 3,
    });
    const stages = new Set<string>();
    const run = () =>
      train({
        dataDir: root,
        config,
        backend: "wasm",
        modelsDir: modelsDir as string,
        cacheDir,
        hooks: { onProgress: (p) => void stages.add(p.stage) },
      });
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
      const config = defaultTrainConfig({
        baseModel,
        epochs: 1,
        batchSize: 4,
        fineTuneLayers: 12,
        fineTuneEpochs: 1,
        validationSplit: 0.34,
        seed: 5,
      });
      const result = await train({ dataDir: root, config, backend: "wasm", modelsDir: modelsDir as string, cacheDir, outDir });
      expect(result.epochs.map((r) => r.phase)).toEqual(["head", "fine_tune"]);
      // 12 requested: MobileNetV2's residual block is unfrozen whole (20), darknet cuts at 12.
      expect(result.fineTunedLayers).toBe(baseModel === "darknet_tiny_224" ? 12 : 20);
      expect(result.fineTunedLayers).toBe(fineTunedLayers(baseModel, 12));
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
    await expect(train({ dataDir: root, config, backend: "wasm", modelsDir: modelsDir as string, cacheDir })).rejects.toThrow(
      BadInputError,
    );
    await expect(train({ dataDir: root, config, backend: "wasm", modelsDir: modelsDir as string, cacheDir })).rejects.toThrow(
      /fineTuneLayers must be at most \d+.*received 500/,
    );
    await expect(train({ dataDir: root, config: { ...defaultTrainConfig(), learningRate: 5 }, cacheDir })).rejects.toThrow(
      /learningRate .* received 5/,
    );
  }, 120_000);

  it("refuses a depth beyond a registered base's layers by the registry's rule, before looking for the model", async () => {
    const config = { ...defaultTrainConfig(), baseModel: "mobilenet_v2_1.00_224_no_top", fineTuneLayers: 155, fineTuneEpochs: 1 };
    // No copy of this base anywhere: the refusal comes before any load or download.
    await expect(
      train({ dataDir: root, config, backend: "wasm", modelsDir: "/nonexistent-models", cacheDir: "/nonexistent-cache" }),
    ).rejects.toThrow(
      "fineTuneLayers must be at most 154, the layers of mobilenet_v2_1.00_224_no_top up to its feature layer out_relu, received 155",
    );
  });

  it("refuses files under a registry name whose graph is not the one the registry records", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "graft-impostor-"));
    try {
      // A two-layer model whose feature layer has the MobileNetV2 name.
      const input = tf.input({ shape: [224, 224, 3] });
      const conv = tf.layers.conv2d({ filters: 4, kernelSize: 3, strides: 32, name: "Conv_1" }).apply(input) as tf.SymbolicTensor;
      const out = tf.layers.reLU({ maxValue: 6, name: "out_relu" }).apply(conv) as tf.SymbolicTensor;
      const impostor = tf.model({ inputs: input, outputs: out });
      await impostor.save(fileSaveHandler(path.join(dir, "mobilenet_v2_1.00_224_no_top")));
      impostor.dispose();
      const config = defaultTrainConfig({ baseModel: "mobilenet_v2_1.00_224_no_top", epochs: 1, fineTuneLayers: 2, fineTuneEpochs: 1 });
      const err = await train({ dataDir: root, config, backend: "wasm", modelsDir: dir, cacheDir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BadInputError);
      expect((err as Error).message).toContain(
        `Base model "mobilenet_v2_1.00_224_no_top" loaded from ${path.join(dir, "mobilenet_v2_1.00_224_no_top", "model.json")} has 2 layers up to out_relu`,
      );
      expect((err as Error).message).toContain("but the registry records 154 and 3");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
