import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listBaseModels } from "../models/registry";
import { fineTuneDepthLimit, fineTuneDepthProblem, fineTunedLayers } from "./base-models";

describe("fineTuneDepthProblem", () => {
  it("names the value, the base and its layer count when the depth is too deep", () => {
    expect(fineTuneDepthProblem("mobilenet_v1_0.25_224", 500)).toBe(
      "fineTuneLayers must be at most 81, the layers of mobilenet_v1_0.25_224 up to its feature layer conv_pw_13_relu, received 500",
    );
    expect(fineTuneDepthProblem("mobilenet_v2_1.00_224_no_top", 155)).toMatch(
      /at most 154, .*mobilenet_v2_1\.00_224_no_top.*out_relu, received 155$/,
    );
    expect(fineTuneDepthProblem("resnet50", 175)).toMatch(/at most 174.*received 175/);
  });

  it("accepts every depth up to the base's layer count, and 0", () => {
    for (const spec of listBaseModels()) {
      expect(fineTuneDepthProblem(spec.name, 0)).toBeNull();
      if (spec.baseLayerCount === null) continue;
      expect(fineTuneDepthProblem(spec.name, 1)).toBeNull();
      expect(fineTuneDepthProblem(spec.name, spec.baseLayerCount)).toBeNull();
      expect(fineTuneDepthProblem(spec.name, spec.baseLayerCount + 1)).toContain(`at most ${spec.baseLayerCount}`);
    }
  });

  it("is the catalogue's message around fineTuneDepthLimit, the rule the depth breaks", () => {
    expect(fineTuneDepthLimit("mobilenet_v1_0.25_224", 500)).toBe(
      "at most 81, the layers of mobilenet_v1_0.25_224 up to its feature layer conv_pw_13_relu",
    );
    expect(fineTuneDepthProblem("mobilenet_v1_0.25_224", 500)).toBe(
      `fineTuneLayers must be ${fineTuneDepthLimit("mobilenet_v1_0.25_224", 500)}, received 500`,
    );
    expect(fineTuneDepthLimit("mobilenet_v1_0.25_224", 81)).toBeNull();
    expect(fineTuneDepthLimit("mobilenet_v1_0.25_224", 0)).toBeNull();
    expect(fineTuneDepthLimit("./my/model.json", 10_000)).toBeNull();
  });

  it("leaves model.json paths and bases of unknown structure to the loaded graph", () => {
    expect(fineTuneDepthProblem("./my/model.json", 10_000)).toBeNull();
    expect(fineTuneDepthProblem("efficientnet_b0", 10_000)).toBeNull();
  });

  it("refuses a depth that is not an integer ≥ 0, whatever the base", () => {
    expect(fineTuneDepthProblem("./my/model.json", -1)).toBe("fineTuneLayers must be an integer ≥ 0, received -1");
    expect(fineTuneDepthProblem("vgg16", 2.5)).toMatch(/received 2\.5$/);
  });
});

describe("fineTunedLayers", () => {
  it("rounds a requested depth up to the next block boundary", () => {
    // MobileNet v1: conv+BN+ReLU groups of 3.
    expect(fineTunedLayers("mobilenet_v1_0.25_224", 1)).toBe(3);
    expect(fineTunedLayers("mobilenet_v1_0.25_224", 12)).toBe(12);
    expect(fineTunedLayers("mobilenet_v1_0.25_224", 13)).toBe(15);
    // MobileNetV2: a block with a residual add is unfrozen whole (11 → 20).
    expect(fineTunedLayers("mobilenet_v2_0.35_224_no_top", 12)).toBe(20);
    expect(fineTunedLayers("mobilenet_v2_0.75_224_no_top", 4)).toBe(5);
    expect(fineTunedLayers("mobilenet_v2_0.50_224_no_top", 154)).toBe(154);
    expect(fineTunedLayers("resnet50", 2)).toBe(10);
    expect(fineTunedLayers("vgg16", 7)).toBe(7);
  });

  it("is 0 for depth 0 and null when unknown or impossible", () => {
    expect(fineTunedLayers("mobilenet_v1_0.25_224", 0)).toBe(0);
    expect(fineTunedLayers("./my/model.json", 0)).toBe(0);
    expect(fineTunedLayers("./my/model.json", 12)).toBeNull();
    expect(fineTunedLayers("efficientnet_b0", 12)).toBeNull();
    expect(fineTunedLayers("mobilenet_v1_0.25_224", 82)).toBeNull();
    expect(fineTunedLayers("mobilenet_v1_0.25_224", -3)).toBeNull();
  });

  it("never unfreezes fewer layers than asked, nor more than the base has", () => {
    for (const spec of listBaseModels()) {
      if (spec.baseLayerCount === null) continue;
      for (let d = 1; d <= spec.baseLayerCount; d++) {
        const got = fineTunedLayers(spec.name, d) as number;
        expect(got).toBeGreaterThanOrEqual(d);
        expect(got).toBeLessThanOrEqual(spec.baseLayerCount);
        expect(spec.fineTuneDepths).toContain(got);
      }
    }
  });
});

describe("the contract module", () => {
  it("does not import TensorFlow.js", () => {
    const src = readFileSync(fileURLToPath(new URL("./base-models.ts", import.meta.url)), "utf8");
    expect(src).not.toMatch(/@tensorflow|\.\.\/features|\.\.\/train/);
  });
});
