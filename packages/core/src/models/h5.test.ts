/**
 * Keras HDF5 weights: the pure planner on fake layers (shape mismatch, missing and foreign layers,
 * order by name not position), file errors, and on the shared MobileNet 0.25 `.h5` (skips when
 * absent) bit-identity with the TF.js ImageNet weights up to the feature layer.
 */
import * as tf from "@tensorflow/tfjs";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select";
import { BadInputError } from "../errors";
import { applyH5Weights, planH5Assignment, weightSuffix, type TargetLayer } from "./h5-assign";
import { readKerasH5, type H5Layer } from "./h5-read";
import { loadBaseModel } from "./load";
import { sharedModelsDir } from "./shared-dir";

const modelsDir = sharedModelsDir();
const h5File = modelsDir === null ? "" : path.join(modelsDir, "keras-h5", "mobilenet_2_5_224_tf_no_top.h5");
if (modelsDir === null) console.warn("shared models absent (../shared or GRAFT_SHARED_DIR): skipping the Keras .h5 loading tests");

const w = (name: string, shape: number[]): { name: string; shape: number[]; values: Float32Array } => ({
  name,
  shape,
  values: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i),
});

/** A tiny conv → bn → relu → pool → dense model, as the planner sees it. */
const model: TargetLayer[] = [
  { name: "input_1", weights: [] },
  {
    name: "conv1",
    weights: [
      { name: "conv1/kernel", shape: [3, 3, 3, 8] },
      { name: "conv1/bias", shape: [8] },
    ],
  },
  { name: "bn", weights: ["gamma", "beta", "moving_mean", "moving_variance"].map((n) => ({ name: `bn/${n}`, shape: [8] })) },
  { name: "relu", weights: [] },
  {
    name: "dense",
    weights: [
      { name: "dense/kernel", shape: [8, 2] },
      { name: "dense/bias", shape: [2] },
    ],
  },
];
const goodFile = (): H5Layer[] => [
  { name: "input_1", weights: [] },
  // Bias first: the planner must place weights by name, not by position.
  { name: "conv1", weights: [w("conv1/bias:0", [8]), w("conv1/kernel:0", [3, 3, 3, 8])] },
  { name: "bn", weights: ["gamma", "beta", "moving_mean", "moving_variance"].map((n) => w(`bn/${n}:0`, [8])) },
  { name: "relu", weights: [] },
  { name: "global_average_pooling2d_1", weights: [] },
];

describe("planH5Assignment (fake layers)", () => {
  it("maps by layer name and weight suffix; keeps top layers past the feature layer; ignores weightless extras", () => {
    const plan = planH5Assignment(goodFile(), model, "relu", "fake.h5");
    expect(plan.assigned.map((a) => a.layer)).toEqual(["conv1", "bn"]);
    expect(plan.assigned[0]?.weights.map((x) => x.name)).toEqual(["conv1/kernel:0", "conv1/bias:0"]);
    expect(plan.assigned[1]?.weights.map((x) => weightSuffix(x.name))).toEqual(["gamma", "beta", "moving_mean", "moving_variance"]);
    expect(plan.keptModelLayers).toEqual(["dense"]);
    expect(plan.ignoredFileLayers).toEqual(["global_average_pooling2d_1"]);
  });

  it("rejects a shape mismatch, naming layer, weight and both shapes", () => {
    const file = goodFile();
    file[1] = { name: "conv1", weights: [w("conv1/kernel:0", [3, 3, 3, 16]), w("conv1/bias:0", [8])] };
    expect(() => planH5Assignment(file, model, "relu", "fake.h5")).toThrow(BadInputError);
    expect(() => planH5Assignment(file, model, "relu", "fake.h5")).toThrow(
      /layer "conv1" .*"kernel".*expects \[3, 3, 3, 8\].*file has \[3, 3, 3, 16\]/,
    );
  });

  it("rejects a file lacking a layer up to the feature layer, naming it", () => {
    const file = goodFile().filter((l) => l.name !== "bn");
    expect(() => planH5Assignment(file, model, "relu", "fake.h5")).toThrow(/lacks weights for model layers up to "relu": bn$/);
    // The same file is fine when the feature layer comes before the missing layer.
    expect(planH5Assignment(file, model, "conv1", "fake.h5").keptModelLayers).toEqual(["bn", "dense"]);
  });

  it("rejects file layers with weights the model lacks, and unknown or missing weight names", () => {
    const foreign = [...goodFile(), { name: "conv_preds", weights: [w("conv_preds/kernel:0", [1, 1, 8, 5])] }];
    expect(() => planH5Assignment(foreign, model, "relu", "fake.h5")).toThrow(/does not have: conv_preds/);
    const renamed = goodFile();
    renamed[1] = { name: "conv1", weights: [w("conv1/kernel:0", [3, 3, 3, 8]), w("conv1/beta:0", [8])] };
    expect(() => planH5Assignment(renamed, model, "relu", "fake.h5")).toThrow(/expects a weight "bias"/);
    const short = goodFile();
    short[1] = { name: "conv1", weights: [w("conv1/kernel:0", [3, 3, 3, 8])] };
    expect(() => planH5Assignment(short, model, "relu", "fake.h5")).toThrow(
      /model layer has 2 weights \(kernel, bias\), the file has 1 \(kernel\)/,
    );
  });

  it("rejects an unknown feature layer", () => {
    expect(() => planH5Assignment(goodFile(), model, "nope", "fake.h5")).toThrow(/"nope"/);
  });
});

describe("readKerasH5 errors", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "graft-h5-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("quotes a missing path", async () => {
    const missing = path.join(tmp, "missing.h5");
    await expect(readKerasH5(missing)).rejects.toThrow(BadInputError);
    await expect(readKerasH5(missing)).rejects.toThrow(JSON.stringify(missing));
  });

  it("quotes a corrupt file", async () => {
    const bad = path.join(tmp, "bad.h5");
    writeFileSync(bad, "this is not HDF5 at all, just some text padding it out");
    await expect(readKerasH5(bad)).rejects.toThrow(
      new RegExp(`${JSON.stringify(bad).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is not a readable HDF5 file`),
    );
  });

  it("loadBaseModel rejects a missing .h5 before loading the architecture, and a non-string weights value", async () => {
    const missing = path.join(tmp, "nope.h5");
    await expect(loadBaseModel("mobilenet_v1_0.25_224", { weights: missing, modelsDir: null, cacheDir: "/nonexistent" })).rejects.toThrow(
      /Cannot read weights file .*nope\.h5/,
    );
    await expect(loadBaseModel("mobilenet_v1_0.25_224", { weights: 42 as unknown as string })).rejects.toThrow(/received 42/);
  });
});

describe.skipIf(modelsDir === null)("Keras .h5 on the shared MobileNet v1 0.25", () => {
  beforeAll(async () => {
    await selectBackend("wasm");
  });

  /** Max |a - b| over every weight of the layers up to and including `upTo`. */
  function maxDiffUpTo(a: tf.LayersModel, b: tf.LayersModel, upTo: string): { diff: number; tensors: number } {
    let diff = 0;
    let tensors = 0;
    for (const layer of a.layers) {
      const wa = layer.getWeights();
      const wb = b.getLayer(layer.name).getWeights();
      expect(wb.length).toBe(wa.length);
      wa.forEach((t, i) => {
        diff = Math.max(
          diff,
          tf.tidy(() => tf.max(tf.abs(tf.sub(t, wb[i] as tf.Tensor))).dataSync()[0] as number),
        );
        tensors += 1;
      });
      if (layer.name === upTo) break;
    }
    return { diff, tensors };
  }

  it("parses 83 layer groups and 135 tensors (keras 2.0.4)", async () => {
    const h5 = await readKerasH5(h5File);
    expect(h5.layers).toHaveLength(83);
    expect(h5.layers.reduce((n, l) => n + l.weights.length, 0)).toBe(135);
    expect(h5.kerasVersion).toBe("2.0.4");
    expect(h5.sha256).toBe("dbdb03ee2a22fd895301636cd328b234bb3a9952358f436d82f46b81e0d5b0bf");
  });

  it("loads mobilenet_v1_0.25_224 with the .h5: bit-identical to the TF.js weights up to conv_pw_13_relu", async () => {
    const ref = await loadBaseModel("mobilenet_v1_0.25_224", { modelsDir, cacheDir: "/nonexistent-cache" });
    const fromH5 = await loadBaseModel("mobilenet_v1_0.25_224", { modelsDir, cacheDir: "/nonexistent-cache", weights: h5File });
    try {
      expect(fromH5.h5?.report.tensors).toBe(135);
      expect(fromH5.h5?.report.keptModelLayers).toEqual(["conv_preds"]);
      // The TF.js model has its own global_average_pooling2d_1, so no file layer is left over.
      expect(fromH5.h5?.report.ignoredFileLayers).toEqual([]);
      expect(fromH5.weightsSha256).not.toBe(ref.weightsSha256);
      expect(maxDiffUpTo(ref.model, fromH5.model, "conv_pw_13_relu")).toEqual({ diff: 0, tensors: 135 });
    } finally {
      ref.model.dispose();
      fromH5.model.dispose();
    }
  }, 120_000);

  it("really writes: a model with zeroed weights becomes bit-identical after applyH5Weights", async () => {
    const ref = await loadBaseModel("mobilenet_v1_0.25_224", { modelsDir, cacheDir: "/nonexistent-cache" });
    const target = await loadBaseModel("mobilenet_v1_0.25_224", { modelsDir, cacheDir: "/nonexistent-cache" });
    try {
      for (const layer of target.model.layers) layer.setWeights(layer.getWeights().map((t) => tf.zerosLike(t)));
      expect(maxDiffUpTo(ref.model, target.model, "conv_pw_13_relu").diff).toBeGreaterThan(0.5);
      const h5 = await readKerasH5(h5File);
      applyH5Weights(target.model, h5.layers, "conv_pw_13_relu", h5File);
      expect(maxDiffUpTo(ref.model, target.model, "conv_pw_13_relu")).toEqual({ diff: 0, tensors: 135 });
    } finally {
      ref.model.dispose();
      target.model.dispose();
    }
  }, 120_000);

  it("checks an expected sha256 on the bytes it parses: the recorded hash loads, another is refused naming both", async () => {
    const recorded = createHash("sha256").update(readFileSync(h5File)).digest("hex");
    const ok = await loadBaseModel("mobilenet_v1_0.25_224", {
      modelsDir,
      cacheDir: "/nonexistent-cache",
      weights: h5File,
      expectedWeightsSha256: recorded,
    });
    expect(ok.weightsSha256).toBe(recorded);
    ok.model.dispose();
    const other = "0".repeat(64);
    const refused = loadBaseModel("mobilenet_v1_0.25_224", {
      modelsDir,
      cacheDir: "/nonexistent-cache",
      weights: h5File,
      expectedWeightsSha256: other,
    });
    await expect(refused).rejects.toThrow(BadInputError);
    await expect(refused).rejects.toThrow(new RegExp(`has sha256 ${recorded}, expected ${other}`));
  }, 120_000);

  it("rejects the 0.25 .h5 on mobilenet_v1_0.75_224 with a shape mismatch on conv1", async () => {
    await expect(loadBaseModel("mobilenet_v1_0.75_224", { modelsDir, cacheDir: "/nonexistent-cache", weights: h5File })).rejects.toThrow(
      /layer "conv1" .*"kernel".*expects \[3, 3, 3, 24\].*file has \[3, 3, 3, 8\]/,
    );
  }, 120_000);

  it("rejects the MobileNet .h5 on darknet_tiny_224, naming layers it lacks", async () => {
    await expect(loadBaseModel("darknet_tiny_224", { modelsDir, cacheDir: "/nonexistent-cache", weights: h5File })).rejects.toThrow(
      /does not have: conv1, conv1_bn/,
    );
  }, 120_000);
});
