/**
 * The registry's static fine-tune structure (`baseLayerCount`, `fineTuneDepths`) must be what core
 * computes on the real graph: the API refuses depths with it before any model is loaded, and the run
 * page shows the depth it says is unfrozen. Offline models are loaded from the shared folder (skipped
 * when absent); VGG16 and ResNet50, which have no TF.js copy, are rebuilt here layer for layer as
 * Keras applications defines them (same names and wiring; channel counts shrunk, which changes no
 * layer), and folded the same way.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select";
import { disposeGraph, foldModel, layerCount } from "../features/graph";
import { fineTuneDepths, splitGraph } from "../features/split";
import { MOBILENET_V2_STRUCTURE } from "./bases/mobilenet-v2-structure";
import { loadBaseModel } from "./load";
import { getBaseModelSpec, listBaseModels } from "./registry";
import { sharedModelsDir } from "./shared-dir";

const modelsDir = sharedModelsDir();
if (modelsDir === null)
  console.warn("shared models absent (../shared or GRAFT_SHARED_DIR): skipping the fine-tune structure checks on real weights");

/** What core computes on a model: layers up to the feature layer, and every depth it can cut at. */
function measure(model: tf.LayersModel, featureLayer: string): { baseLayerCount: number; fineTuneDepths: number[] } {
  const graph = foldModel(model, featureLayer);
  try {
    const depths = fineTuneDepths(graph);
    // splitGraph's rounding is exactly "the first of these not smaller than asked".
    for (let d = 1; d <= layerCount(graph); d++) expect(splitGraph(graph, d).topLayers).toBe(depths.find((x) => x >= d));
    return { baseLayerCount: layerCount(graph), fineTuneDepths: depths };
  } finally {
    disposeGraph(graph);
  }
}

const L = tf.layers;
type T = tf.SymbolicTensor;
const apply = (layer: tf.layers.Layer, x: T | T[]): T => layer.apply(x) as T;

/** keras.applications.VGG16(include_top=False), 1/16 of the channels. */
function kerasVgg16(): tf.LayersModel {
  const input = tf.input({ shape: [32, 32, 3], name: "input_1" });
  let x: T = input;
  const convs = [2, 2, 3, 3, 3];
  const filters = [4, 8, 16, 32, 32];
  convs.forEach((n, b) => {
    for (let i = 1; i <= n; i++)
      x = apply(
        L.conv2d({ filters: filters[b] as number, kernelSize: 3, activation: "relu", padding: "same", name: `block${b + 1}_conv${i}` }),
        x,
      );
    x = apply(L.maxPooling2d({ poolSize: 2, strides: 2, name: `block${b + 1}_pool` }), x);
  });
  return tf.model({ inputs: input, outputs: x, name: "vgg16" });
}

/** keras.applications.ResNet50(include_top=False) (resnet.py's stack1/block1), 1/16 of the channels. */
function kerasResnet50(): tf.LayersModel {
  const input = tf.input({ shape: [64, 64, 3], name: "input_1" });
  let x = apply(
    L.zeroPadding2d({
      padding: [
        [3, 3],
        [3, 3],
      ],
      name: "conv1_pad",
    }),
    input,
  );
  x = apply(L.conv2d({ filters: 4, kernelSize: 7, strides: 2, name: "conv1_conv" }), x);
  x = apply(L.batchNormalization({ axis: 3, epsilon: 1.001e-5, name: "conv1_bn" }), x);
  x = apply(L.activation({ activation: "relu", name: "conv1_relu" }), x);
  x = apply(
    L.zeroPadding2d({
      padding: [
        [1, 1],
        [1, 1],
      ],
      name: "pool1_pad",
    }),
    x,
  );
  x = apply(L.maxPooling2d({ poolSize: 3, strides: 2, name: "pool1_pool" }), x);
  const block = (x: T, filters: number, stride: number, convShortcut: boolean, name: string): T => {
    let shortcut = x;
    if (convShortcut) {
      shortcut = apply(L.conv2d({ filters: 4 * filters, kernelSize: 1, strides: stride, name: `${name}_0_conv` }), x);
      shortcut = apply(L.batchNormalization({ axis: 3, epsilon: 1.001e-5, name: `${name}_0_bn` }), shortcut);
    }
    let y = apply(L.conv2d({ filters, kernelSize: 1, strides: stride, name: `${name}_1_conv` }), x);
    y = apply(L.batchNormalization({ axis: 3, epsilon: 1.001e-5, name: `${name}_1_bn` }), y);
    y = apply(L.activation({ activation: "relu", name: `${name}_1_relu` }), y);
    y = apply(L.conv2d({ filters, kernelSize: 3, padding: "same", name: `${name}_2_conv` }), y);
    y = apply(L.batchNormalization({ axis: 3, epsilon: 1.001e-5, name: `${name}_2_bn` }), y);
    y = apply(L.activation({ activation: "relu", name: `${name}_2_relu` }), y);
    y = apply(L.conv2d({ filters: 4 * filters, kernelSize: 1, name: `${name}_3_conv` }), y);
    y = apply(L.batchNormalization({ axis: 3, epsilon: 1.001e-5, name: `${name}_3_bn` }), y);
    y = apply(L.add({ name: `${name}_add` }), [shortcut, y]);
    return apply(L.activation({ activation: "relu", name: `${name}_out` }), y);
  };
  const stacks: [string, number, number, number][] = [
    ["conv2", 4, 3, 1],
    ["conv3", 8, 4, 2],
    ["conv4", 16, 6, 2],
    ["conv5", 32, 3, 2],
  ];
  for (const [name, filters, blocks, stride] of stacks) {
    x = block(x, filters, stride, true, `${name}_block1`);
    for (let i = 2; i <= blocks; i++) x = block(x, filters, 1, false, `${name}_block${i}`);
  }
  return tf.model({ inputs: input, outputs: x, name: "resnet50" });
}

describe("registry fine-tune structure", () => {
  beforeAll(async () => {
    await selectBackend("cpu");
  });

  it("is recorded for every base but EfficientNetB0, ascending and ending at the layer count", () => {
    for (const spec of listBaseModels()) {
      if (spec.name === "efficientnet_b0") {
        expect(spec.baseLayerCount).toBeNull();
        expect(spec.fineTuneDepths).toBeNull();
        continue;
      }
      const depths = spec.fineTuneDepths as readonly number[];
      expect(depths.length, spec.name).toBeGreaterThan(0);
      expect(
        [...depths].sort((a, b) => a - b),
        spec.name,
      ).toEqual([...depths]);
      expect(new Set(depths).size, spec.name).toBe(depths.length);
      expect(depths.at(-1), spec.name).toBe(spec.baseLayerCount);
    }
  });

  it("is the same for the whole MobileNetV2 family, whose layers do not depend on the width", () => {
    const family = listBaseModels().filter((s) => s.architecture === "mobilenet_v2");
    expect(family.map((s) => s.name)).toEqual([
      "mobilenet_v2_0.35_224_no_top",
      "mobilenet_v2_0.50_224_no_top",
      "mobilenet_v2_0.75_224_no_top",
      "mobilenet_v2_1.00_224_no_top",
    ]);
    for (const spec of family) {
      expect({
        baseLayerCount: spec.baseLayerCount,
        fineTuneDepths: spec.fineTuneDepths,
        featureLayer: spec.featureLayer,
        featureDim: spec.featureDim,
      }).toEqual({
        ...MOBILENET_V2_STRUCTURE,
        featureLayer: "out_relu",
        featureDim: 1280,
      });
    }
  });

  for (const name of ["vgg16", "resnet50"]) {
    it(`${name}: matches the Keras application's graph, folded as core folds it`, () => {
      const spec = getBaseModelSpec(name);
      const model = name === "vgg16" ? kerasVgg16() : kerasResnet50();
      expect(model.layers.length).toBe(name === "vgg16" ? 19 : 175);
      try {
        expect(measure(model, spec.featureLayer)).toEqual({ baseLayerCount: spec.baseLayerCount, fineTuneDepths: spec.fineTuneDepths });
      } finally {
        model.dispose();
      }
    });
  }

  describe.skipIf(modelsDir === null)("on the real weights of the shared models", () => {
    for (const name of ["mobilenet_v1_0.25_224", "mobilenet_v1_0.75_224", "mobilenet_v2_0.35_224_no_top", "darknet_tiny_224"]) {
      it(`${name}: matches the loaded graph`, async () => {
        const loaded = await loadBaseModel(name, { modelsDir, cacheDir: "/nonexistent-cache" });
        try {
          const spec = getBaseModelSpec(name);
          expect(measure(loaded.model, spec.featureLayer)).toEqual({
            baseLayerCount: spec.baseLayerCount,
            fineTuneDepths: spec.fineTuneDepths,
          });
        } finally {
          loaded.model.dispose();
        }
      });
    }
  });
});
