/**
 * Issue 16, point 3 (training half): for every shared base, `train()` with the frozen part on ONNX
 * Runtime gives the same metrics as with it on wasm, within 1e-3, on real photos. Each base runs
 * every frozen part: cached features for validation, augmented epochs for training, and the frozen
 * bottom of fine-tuning; the engines each run records are checked too.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getBaseModelSpec } from "../models/registry";
import { plantLeavesDir, sharedModelsDir } from "../models/shared-dir";
import { loadOnnxRuntime } from "../onnx/runtime";
import type { EpochRecord, TrainResult } from "../types";
import { defaultTrainConfig } from "./config";
import { train } from "./train";

const leaves = plantLeavesDir();
const modelsDir = sharedModelsDir();
const noOrt = process.env.GRAFT_NO_ONNXRUNTIME === "1";
if (leaves === null || modelsDir === null) console.warn("shared plant-leaves/models absent: skipping train() on ONNX Runtime vs wasm");
else if (noOrt) console.warn("GRAFT_NO_ONNXRUNTIME=1: skipping train() on ONNX Runtime vs wasm");

const NAMES = ["mobilenet_v1_0.25_224", "mobilenet_v1_0.75_224", "mobilenet_v2_0.35_224_no_top", "darknet_tiny_224"];
/** Photos per class: 6 classes × 6 = 36 photos keep eight trainings under a few minutes on 2 cores. */
const PER_CLASS = 6;
const TOLERANCE = 1e-3;

/** A class-folder dataset of the first photos of each plant-leaves class, as symlinks. */
function subset(root: string, dir: string): string {
  for (const cls of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const files = readdirSync(path.join(root, cls.name))
      .filter((f) => /\.(jpe?g|png)$/i.test(f))
      .sort()
      .slice(0, PER_CLASS);
    mkdirSync(path.join(dir, cls.name), { recursive: true });
    for (const f of files) symlinkSync(path.join(root, cls.name, f), path.join(dir, cls.name, f));
  }
  return dir;
}

const metricsOf = (r: EpochRecord): number[] => [r.loss, r.accuracy, r.valLoss ?? Number.NaN, r.valAccuracy ?? Number.NaN];

describe.skipIf(leaves === null || modelsDir === null || noOrt)("train() with the frozen part on ONNX Runtime equals wasm", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "graft-train-onnx-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const data = subset(leaves as string, path.join(tmp, "data"));
  const rows: string[] = [];
  afterAll(() => {
    if (rows.length > 0) console.log(["train() wasm vs ONNX Runtime, largest metric difference over all epochs:", ...rows].join("\n"));
  });

  for (const name of NAMES) {
    it(`${name}: features, augmented epochs and the fine-tuning bottom`, { timeout: 600_000 }, async () => {
      const loaded = await loadOnnxRuntime();
      // onnxruntime-node is installed with the repository: failing to load it fails the test.
      if (loaded.ort === null) throw new Error(loaded.reason);
      const depth = getBaseModelSpec(name).fineTuneDepths?.[0] ?? 4;
      const config = defaultTrainConfig({
        baseModel: name,
        headUnits: [16],
        epochs: 2,
        batchSize: 16,
        validationSplit: 0.3,
        augmentation: ["flip", "rotate"],
        fineTuneLayers: depth,
        fineTuneEpochs: 1,
        seed: 7,
      });
      const run = (backend: string, label: string): Promise<TrainResult> =>
        train({ dataDir: data, config, backend, modelsDir: modelsDir as string, cacheDir: path.join(tmp, name, label) });
      const onWasm = await run("wasm", "wasm");
      const onOrt = await run("onnxruntime", "ort");

      expect(onWasm.engines).toEqual({ features: "wasm", augmentedEpochs: "wasm", fineTuneBottom: "wasm", trainable: "wasm" });
      expect(onOrt.engines.features).toMatch(/^onnxruntime-(cpu|cuda)$/);
      expect(onOrt.engines.augmentedEpochs).toBe(onOrt.engines.features);
      // The smallest depth leaves a frozen bottom, which ran on every augmented batch.
      expect(onOrt.engines.fineTuneBottom).toBe(onOrt.engines.features);
      // `onnxruntime` names the frozen part's engine only: TF.js still picks its fastest backend here.
      expect(onOrt.engines.trainable).toBe("wasm");

      expect(onOrt.epochs.length).toBe(onWasm.epochs.length);
      expect(onOrt.epochs.length).toBe(3);
      let worst = 0;
      onWasm.epochs.forEach((e, i) => {
        const a = metricsOf(e);
        const b = metricsOf(onOrt.epochs[i] as EpochRecord);
        a.forEach((v, k) => {
          worst = Math.max(worst, Math.abs(v - (b[k] as number)));
        });
      });
      rows.push(`| ${name} | ${worst.toExponential(2)} | engines ${JSON.stringify(onOrt.engines)} |`);
      expect(worst).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs((onOrt.finalValAccuracy ?? 0) - (onWasm.finalValAccuracy ?? 0))).toBeLessThanOrEqual(TOLERANCE);
      expect(onOrt.evaluation.confusionMatrix).toEqual(onWasm.evaluation.confusionMatrix);
    });
  }

  it(
    "records cache for features read from the cache, and null for the bottom when the whole base is fine-tuned",
    { timeout: 300_000 },
    async () => {
      const name = "mobilenet_v1_0.25_224";
      const whole = getBaseModelSpec(name).fineTuneDepths?.at(-1);
      expect(whole).toBeDefined();
      const config = defaultTrainConfig({
        baseModel: name,
        headUnits: [],
        epochs: 1,
        batchSize: 16,
        validationSplit: 0.3,
        fineTuneLayers: whole,
        fineTuneEpochs: 1,
        seed: 3,
      });
      const cacheDir = path.join(tmp, "cache-then-whole");
      const first = await train({ dataDir: data, config, modelsDir: modelsDir as string, cacheDir });
      const second = await train({ dataDir: data, config, modelsDir: modelsDir as string, cacheDir });
      expect(first.engines).toEqual({ features: "onnxruntime-cpu", augmentedEpochs: null, fineTuneBottom: null, trainable: "wasm" });
      expect(second.engines).toEqual({ features: "cache", augmentedEpochs: null, fineTuneBottom: null, trainable: "wasm" });
      expect(second.featureCache.misses).toBe(0);
    },
  );
});
