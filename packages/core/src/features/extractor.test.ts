import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select";
import { loadBaseModel } from "../models/load";
import { sharedModelsDir } from "../models/shared-dir";
import { createRng } from "../util/random";
import { createFeatureExtractor } from "./extractor";
import { layerCount, runGraph } from "./graph";
import { splitGraph } from "./split";

const modelsDir = sharedModelsDir();
if (modelsDir === null) console.warn("shared models absent: skipping feature extractor tests");

/** A smooth random image batch in the base's input range (not constant: BN folding must matter). */
function randomBatch(n: number, seed: number, lo: number, hi: number): tf.Tensor4D {
  const rng = createRng(seed);
  const data = Float32Array.from({ length: n * 224 * 224 * 3 }, () => lo + (hi - lo) * rng());
  return tf.tidy(() => tf.avgPool(tf.tensor4d(data, [n, 224, 224, 3]), 5, 1, "same"));
}

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number);
}

const names = ["mobilenet_v1_0.25_224", "mobilenet_v1_0.75_224", "mobilenet_v2_0.35_224_no_top", "darknet_tiny_224"];

describe.skipIf(modelsDir === null)("folded feature extractor", () => {
  beforeAll(async () => {
    await selectBackend("wasm");
  });

  for (const name of names) {
    it(`${name}: folded graph matches the layer graph within 1e-4`, async () => {
      const { model, spec, weightsSha256 } = await loadBaseModel(name, { modelsDir });
      const folded = createFeatureExtractor(model, spec, { weightsSha256 });
      const reference = createFeatureExtractor(model, spec, { fold: false, weightsSha256 });
      const x = randomBatch(2, 7, spec.preprocessing === "unit" ? 0 : -1, 1);
      const a = folded.featureMap(x);
      const b = reference.featureMap(x);
      expect(a.shape).toEqual(b.shape);
      // Relative to the feature scale: relu6 maps are in [0, 6], darknet's leaky maps larger.
      const scale = tf.tidy(() => tf.max(tf.abs(b)).dataSync()[0] as number);
      expect(scale).toBeGreaterThan(0.1);
      expect(maxAbsDiff(a, b) / Math.max(1, scale)).toBeLessThan(1e-4);
      // Folding really happened: no BatchNormalization runs as a layer.
      const asLayers = folded.graph!.steps.filter((s) => s.kind === "layer").map((s) => s.layer.getClassName());
      expect(asLayers).not.toContain("BatchNormalization");
      const pooled = folded.pooled(x);
      expect(pooled.shape).toEqual([2, spec.featureDim]);
      tf.dispose([x, a, b, pooled]);
      folded.dispose();
      model.dispose();
    });
  }

  it("does not leak tensors per call", async () => {
    const { model, spec } = await loadBaseModel("mobilenet_v1_0.25_224", { modelsDir });
    const fx = createFeatureExtractor(model, spec);
    const x = randomBatch(1, 3, -1, 1);
    fx.pooled(x).dispose();
    const before = tf.memory().numTensors;
    fx.pooled(x).dispose();
    fx.featureMap(x).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    fx.dispose();
    model.dispose();
  });

  it("splits at a single-tensor boundary and bottom∘top equals the whole graph", async () => {
    for (const name of ["mobilenet_v1_0.25_224", "mobilenet_v2_0.35_224_no_top"]) {
      const { model, spec } = await loadBaseModel(name, { modelsDir });
      const fx = createFeatureExtractor(model, spec);
      const graph = fx.graph!;
      const split = splitGraph(graph, 10);
      expect(split.topLayers).toBeGreaterThanOrEqual(10);
      expect(layerCount(split.bottom) + layerCount(split.top)).toBe(layerCount(graph));
      const x = randomBatch(1, 11, -1, 1);
      const whole = fx.featureMap(x);
      const composed = tf.tidy(() => runGraph(split.top, runGraph(split.bottom, x)));
      expect(maxAbsDiff(whole, composed)).toBeLessThan(1e-5);
      expect(() => splitGraph(graph, layerCount(graph) + 1)).toThrow(/received \d+/);
      tf.dispose([x, whole, composed]);
      fx.dispose();
      model.dispose();
    }
  });
});
