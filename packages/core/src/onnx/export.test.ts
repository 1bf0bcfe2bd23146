import * as tf from "@tensorflow/tfjs";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select";
import { createFeatureExtractor } from "../features/extractor";
import { disposeGraph, foldModel, runGraph } from "../features/graph";
import type { BaseModelSpec } from "../models/spec";
import { buildTestModel, randomizeWeights, testInput } from "../testing/model";
import { createRng } from "../util/random";
import { cachedOnnxModel, onnxModelKey } from "./cache";
import { exportFoldedGraph, OnnxExportError, tfPadding } from "./export";
import { loadOnnxRuntime, type OrtModule } from "./runtime";
import { createOnnxFeatureExtractor, tryCreateOnnxFeatureExtractor } from "./session";

const sym = (t: unknown): tf.SymbolicTensor => t as tf.SymbolicTensor;

/**
 * Every pattern the exporter writes, on odd sizes so that TF's asymmetric "same" padding matters:
 * padding, conv+BN+relu6 (stride 2, valid), depthwise (multiplier 2)+BN+ReLU(6), 1×1 conv+BN
 * (linear), a residual add, a dilated conv with elu, "same" max and average pooling on odd maps, a
 * stand-alone BN, a LeakyReLU layer, a concatenation, a dropout, a sigmoid conv.
 */
function buildExportModel(seed: number): tf.LayersModel {
  const rng = createRng(seed);
  const input = tf.input({ shape: [15, 15, 3], name: "image" });
  let x = sym(
    tf.layers
      .zeroPadding2d({
        padding: [
          [1, 2],
          [0, 1],
        ],
        name: "pad",
      })
      .apply(input),
  );
  x = sym(tf.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: "valid", useBias: false, name: "c1" }).apply(x));
  x = sym(tf.layers.batchNormalization({ name: "c1_bn" }).apply(x));
  x = sym(tf.layers.reLU({ maxValue: 6, name: "c1_relu" }).apply(x)); // 8×7×8
  let y = sym(tf.layers.depthwiseConv2d({ kernelSize: 3, padding: "same", depthMultiplier: 2, useBias: false, name: "dw" }).apply(x));
  y = sym(tf.layers.batchNormalization({ name: "dw_bn" }).apply(y));
  y = sym(tf.layers.activation({ activation: "relu6", name: "dw_relu" }).apply(y)); // 16 channels
  let z = sym(tf.layers.conv2d({ filters: 16, kernelSize: 1, name: "pw" }).apply(y));
  z = sym(tf.layers.batchNormalization({ name: "pw_bn" }).apply(z));
  x = sym(tf.layers.add({ name: "add" }).apply([y, z]));
  x = sym(tf.layers.conv2d({ filters: 12, kernelSize: 3, dilationRate: 2, padding: "same", activation: "elu", name: "dil" }).apply(x));
  const a = sym(tf.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: "same", name: "maxpool" }).apply(x)); // 4×4
  let b = sym(tf.layers.averagePooling2d({ poolSize: 2, strides: 2, padding: "same", name: "avgpool" }).apply(x)); // 4×4
  b = sym(tf.layers.batchNormalization({ name: "lone_bn" }).apply(b));
  b = sym(tf.layers.leakyReLU({ alpha: 0.2, name: "leaky" }).apply(b));
  x = sym(tf.layers.concatenate({ name: "concat" }).apply([a, b]));
  x = sym(tf.layers.dropout({ rate: 0.5, name: "drop" }).apply(x));
  x = sym(tf.layers.depthwiseConv2d({ kernelSize: 3, strides: 2, padding: "same", name: "dw2" }).apply(x));
  x = sym(tf.layers.conv2d({ filters: 10, kernelSize: 1, activation: "sigmoid", name: "out" }).apply(x));
  return randomizeWeights(tf.model({ inputs: input, outputs: x }), rng);
}

function randomInput(n: number, size: number, seed: number): tf.Tensor4D {
  const rng = createRng(seed);
  return tf.tensor4d(
    Float32Array.from({ length: n * size * size * 3 }, () => rng() * 4 - 2),
    [n, size, size, 3],
  );
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

/** A spec for a hand-built model (only what the extractors read). */
function testSpec(model: tf.LayersModel, size: number): BaseModelSpec {
  const shape = model.outputs[0]!.shape;
  return {
    name: "onnx-test",
    description: "",
    architecture: "test",
    inputSize: size,
    preprocessing: "mobilenet",
    featureLayer: model.outputs[0]!.sourceLayer.name,
    featureDim: shape[shape.length - 1] as number,
    url: null,
    sha256: null,
    checksum: "none",
    baseLayerCount: null,
    fineTuneDepths: null,
  };
}

let ort: OrtModule | null = null;

beforeAll(async () => {
  await selectBackend("wasm");
  const loaded = await loadOnnxRuntime();
  if (loaded.ort !== null) ort = loaded.ort;
  // onnxruntime-node is installed with the repository: only GRAFT_NO_ONNXRUNTIME=1 may skip.
  else if (process.env.GRAFT_NO_ONNXRUNTIME !== "1") throw new Error(loaded.reason);
});

describe("tfPadding", () => {
  it("pads like TF: the odd pixel at the end, none for valid", () => {
    expect(tfPadding(224, 3, 2, 1, "same")).toEqual({ begin: 0, end: 1, out: 112 });
    expect(tfPadding(7, 3, 1, 1, "same")).toEqual({ begin: 1, end: 1, out: 7 });
    expect(tfPadding(7, 2, 2, 1, "same")).toEqual({ begin: 0, end: 1, out: 4 });
    expect(tfPadding(8, 3, 2, 1, "same")).toEqual({ begin: 0, end: 1, out: 4 });
    expect(tfPadding(9, 3, 2, 1, "same")).toEqual({ begin: 1, end: 1, out: 5 });
    expect(tfPadding(7, 3, 1, 2, "same")).toEqual({ begin: 2, end: 2, out: 7 });
    expect(tfPadding(7, 1, 2, 1, "same")).toEqual({ begin: 0, end: 0, out: 4 });
    expect(tfPadding(225, 3, 2, 1, "valid")).toEqual({ begin: 0, end: 0, out: 112 });
  });
});

describe.skipIf(process.env.GRAFT_NO_ONNXRUNTIME === "1")("ONNX export of a folded graph", () => {
  let model: tf.LayersModel;
  let tmp = "";
  beforeAll(() => {
    model = buildExportModel(5);
    tmp = mkdtempSync(path.join(os.tmpdir(), "graft-onnx-"));
  });
  afterAll(() => {
    model?.dispose();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("matches the folded TF.js graph within 1e-5 (pooled features and feature map)", async () => {
    const graph = foldModel(model);
    // The graph exercises every step kind.
    expect(new Set(graph.steps.map((s) => s.kind))).toEqual(new Set(["conv", "affine", "activation", "layer"]));
    const bytes = exportFoldedGraph(graph, [15, 15, 3], { featureMap: true });
    const session = await ort!.InferenceSession.create(bytes);
    expect(session.outputNames).toEqual(["features", "feature_map"]);
    for (const n of [1, 3]) {
      const x = randomInput(n, 15, 11 + n);
      const map = tf.tidy(() => runGraph(graph, x));
      const pooled = tf.tidy(() => tf.mean(map, [1, 2]));
      const out = await session.run({ input: new ort!.Tensor("float32", x.dataSync() as Float32Array, [n, 15, 15, 3]) });
      expect(out.feature_map?.dims).toEqual(map.shape);
      expect(out.features?.dims).toEqual(pooled.shape);
      expect(maxAbsDiff(out.feature_map?.data as Float32Array, map.dataSync())).toBeLessThan(1e-5);
      expect(maxAbsDiff(out.features?.data as Float32Array, pooled.dataSync())).toBeLessThan(1e-5);
      // And the folded graph is the model: a sanity check of the reference itself.
      const reference = model.predict(x) as tf.Tensor;
      expect(maxAbsDiff(reference.dataSync(), map.dataSync())).toBeLessThan(1e-4);
      tf.dispose([x, map, pooled, reference]);
    }
    await session.release();
    disposeGraph(graph);
  });

  it("exports the folder's test model (residual, lone BN after a pool) within 1e-5", async () => {
    const m = buildTestModel(3);
    const graph = foldModel(m);
    const session = await ort!.InferenceSession.create(exportFoldedGraph(graph, [12, 12, 3]));
    const x = testInput(4);
    const pooled = tf.tidy(() => tf.mean(runGraph(graph, x), [1, 2]));
    const out = await session.run({ input: new ort!.Tensor("float32", x.dataSync() as Float32Array, [2, 12, 12, 3]) });
    expect(maxAbsDiff(out.features?.data as Float32Array, pooled.dataSync())).toBeLessThan(1e-5);
    tf.dispose([x, pooled]);
    await session.release();
    disposeGraph(graph);
    m.dispose();
  });

  it("runs through createOnnxFeatureExtractor with the on-disk cache", async () => {
    const spec = testSpec(model, 15);
    const fx = createFeatureExtractor(model, spec, { weightsSha256: "test-weights" });
    const first = await createOnnxFeatureExtractor(fx, { cacheDir: tmp, featureMap: true });
    expect(first.engine).toMatch(/^onnxruntime-(cpu|cuda)$/);
    expect(first.model.hit).toBe(false);
    expect(first.model.path).not.toBeNull();
    expect(existsSync(first.model.path!)).toBe(true);
    const x = randomInput(2, 15, 21);
    const data = x.dataSync() as Float32Array;
    const expected = tf.tidy(() => fx.pooled(x).dataSync());
    expect(maxAbsDiff(await first.pooled(data, 2), expected)).toBeLessThan(1e-5);
    const map = tf.tidy(() => fx.featureMap(x).dataSync());
    expect(maxAbsDiff(await first.featureMap(data, 2), map)).toBeLessThan(1e-5);
    await expect(first.pooled(data.subarray(1), 2)).rejects.toThrow(/need 1350 values/);
    await first.dispose();

    // Second time: served from the cache, same bytes.
    const second = await createOnnxFeatureExtractor(fx, { cacheDir: tmp, featureMap: true });
    expect(second.model.hit).toBe(true);
    expect(second.model.sha256).toBe(first.model.sha256);
    expect(maxAbsDiff(await second.pooled(data, 2), expected)).toBeLessThan(1e-5);
    await second.dispose();

    // A corrupted file is exported again (and repaired on disk).
    const file = first.model.path!;
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0xff;
    writeFileSync(file, bytes);
    const third = await createOnnxFeatureExtractor(fx, { cacheDir: tmp, featureMap: true });
    expect(third.model.hit).toBe(false);
    expect(third.model.sha256).toBe(first.model.sha256);
    expect(maxAbsDiff(await third.pooled(data, 2), expected)).toBeLessThan(1e-5);
    await third.dispose();

    // Another graph id (other weights) or other outputs is another key.
    const parts = { graphId: fx.id, inputShape: [15, 15, 3] as const, featureMap: true };
    expect(onnxModelKey(parts)).not.toBe(onnxModelKey({ ...parts, graphId: "other" }));
    expect(onnxModelKey(parts)).not.toBe(onnxModelKey({ ...parts, featureMap: false }));
    expect(onnxModelKey(parts)).not.toBe(onnxModelKey({ ...parts, inputShape: [16, 16, 3] }));
    // Without a cache dir nothing is written.
    let calls = 0;
    const inMemory = cachedOnnxModel(null, parts, () => {
      calls++;
      return Uint8Array.of(1, 2, 3);
    });
    expect(inMemory).toMatchObject({ path: null, hit: false });
    expect(calls).toBe(1);
    x.dispose();
    fx.dispose();
  });

  it("names an unknown layer and its class, and the extractor falls back with the reason", async () => {
    const input = tf.input({ shape: [8, 8, 3] });
    let x = sym(tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: "same", name: "c" }).apply(input));
    x = sym(tf.layers.upSampling2d({ size: [2, 2], name: "up" }).apply(x));
    x = sym(tf.layers.conv2d({ filters: 4, kernelSize: 1, name: "after" }).apply(x));
    const m = tf.model({ inputs: input, outputs: x });
    const graph = foldModel(m);
    let error: unknown = null;
    try {
      exportFoldedGraph(graph, [8, 8, 3]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OnnxExportError);
    const e = error as OnnxExportError;
    expect(String(e)).toBe('OnnxExportError: layer "up" (class UpSampling2D) has no ONNX export; the frozen base runs on TF.js instead');
    expect(e.layer).toBe("up");
    expect(e.layerClass).toBe("UpSampling2D");
    expect(e.code).toBe("UNSUPPORTED");
    disposeGraph(graph);

    const fx = createFeatureExtractor(m, testSpec(m, 8));
    const tried = await tryCreateOnnxFeatureExtractor(fx);
    expect(tried.extractor).toBeNull();
    expect(tried.reason).toMatch(/layer "up" \(class UpSampling2D\)/);
    fx.dispose();
    m.dispose();
  });
});
