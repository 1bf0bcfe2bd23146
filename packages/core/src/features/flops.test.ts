import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select";
import { loadBaseModel } from "../models/load";
import { sharedModelsDir } from "../models/shared-dir";
import { modelFlops } from "./flops";

const modelsDir = sharedModelsDir();
if (modelsDir === null) console.warn("shared models absent (../shared or GRAFT_SHARED_DIR): skipping FLOPs of the real bases");

describe("modelFlops", () => {
  beforeAll(async () => {
    await selectBackend("cpu");
  });

  it("counts 2 per multiply-add and 1 per bias for conv, depthwise and dense layers, by hand", () => {
    const input = tf.input({ shape: [8, 8, 3] });
    const conv = tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: "same", name: "conv" }).apply(input) as tf.SymbolicTensor;
    const bn = tf.layers.batchNormalization({ name: "bn" }).apply(conv) as tf.SymbolicTensor;
    const dw = tf.layers
      .depthwiseConv2d({ kernelSize: 3, strides: 2, padding: "same", useBias: false, name: "dw" })
      .apply(bn) as tf.SymbolicTensor;
    const gap = tf.layers.globalAveragePooling2d({ name: "gap" }).apply(dw) as tf.SymbolicTensor;
    const dense = tf.layers.dense({ units: 2, name: "dense" }).apply(gap) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: dense });
    const all = modelFlops(model);
    // conv 2·8·8·(3·3·3)·4 + 8·8·4 bias; dw 2·4·4·(3·3)·4, no bias; dense 2·4·2 + 2.
    expect(all.layers.map((l) => [l.name, l.flops])).toEqual([
      ["conv", 13_824 + 256],
      ["dw", 1_152],
      ["dense", 18],
    ]);
    expect(all.perImage).toBe(15_250);
    // Up to a layer: only its ancestors.
    expect(modelFlops(model, "bn").perImage).toBe(14_080);
    expect(() => modelFlops(model, "nope")).toThrow(/"nope" is not in the model/);
    model.dispose();
  });

  // Published mult-adds of the full ImageNet models (MobileNet v1/v2 papers, Darknet's model zoo).
  const published: [string, number, number][] = [
    ["mobilenet_v1_0.25_224", 41e6, 0.02],
    ["mobilenet_v1_0.75_224", 325e6, 0.01],
    ["darknet_tiny_224", 980e6 / 2, 0.02],
  ];
  for (const [name, multAdds, tolerance] of published) {
    it.skipIf(modelsDir === null)(
      `${name}: the whole graph matches the published ${multAdds / 1e6}M mult-adds within ${tolerance * 100}%`,
      async () => {
        const { model } = await loadBaseModel(name, { modelsDir });
        const counted = modelFlops(model).perImage / 2;
        expect(Math.abs(counted / multAdds - 1)).toBeLessThan(tolerance);
        model.dispose();
      },
    );
  }

  it.skipIf(modelsDir === null)("charges a feature extractor only up to its feature layer (v1 0.25: not the 1000-class top)", async () => {
    const { model, spec } = await loadBaseModel("mobilenet_v1_0.25_224", { modelsDir });
    const features = modelFlops(model, spec.featureLayer);
    expect(modelFlops(model).perImage - features.perImage).toBe(2 * 256 * 1000 + 1000);
    expect(features.layers.at(-1)?.name).toBe("conv_pw_13");
    model.dispose();
  });
});
