import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BadInputError } from "../errors";
import { BASE_MODELS, getBaseModelSpec, isBaseModelName, listBaseModels } from "./registry";

describe("base model registry", () => {
  it("lists the four shared models, the rest of the MobileNetV2 family and the three convert-only ones", () => {
    const names = listBaseModels().map((s) => s.name);
    expect(names).toEqual([
      "mobilenet_v1_0.25_224",
      "mobilenet_v1_0.75_224",
      "mobilenet_v2_0.35_224_no_top",
      "mobilenet_v2_0.50_224_no_top",
      "mobilenet_v2_0.75_224_no_top",
      "mobilenet_v2_1.00_224_no_top",
      "darknet_tiny_224",
      "vgg16",
      "resnet50",
      "efficientnet_b0",
    ]);
    for (const spec of listBaseModels()) {
      if (spec.url === null) {
        expect(spec.sha256).toBeNull();
        expect(spec.checksum).toBe("none");
        expect(spec.convert).toMatch(/tensorflowjs_converter --input_format=keras/);
      } else {
        expect(spec.url).toMatch(/^https:\/\/.*model\.json$/);
        // Pinned exactly when the sha256 is known; otherwise recorded on first download.
        if (spec.sha256 === null) expect(spec.checksum).toBe("recorded");
        else {
          expect(spec.sha256).toMatch(/^[0-9a-f]{64}$/);
          expect(spec.checksum).toBe("pinned");
        }
      }
    }
  });

  it("has the whole Teachable Machine MobileNetV2 family at the URLs its library builds (alpha.toFixed(2))", () => {
    for (const alpha of ["0.35", "0.50", "0.75", "1.00"]) {
      const spec = getBaseModelSpec(`mobilenet_v2_${alpha}_224_no_top`);
      expect(spec.url).toBe(
        `https://storage.googleapis.com/teachable-machine-models/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_${alpha}_224_no_top/model.json`,
      );
      expect(spec).toMatchObject({
        architecture: "mobilenet_v2",
        inputSize: 224,
        preprocessing: "mobilenet",
        featureLayer: "out_relu",
        featureDim: 1280,
      });
      // Only the 0.35 base has a copy here whose hashes are known.
      expect(spec.checksum).toBe(alpha === "0.35" ? "pinned" : "recorded");
    }
  });

  it("returns a spec by name and rejects unknown names, quoting them", () => {
    expect(getBaseModelSpec("darknet_tiny_224").preprocessing).toBe("unit");
    expect(isBaseModelName("vgg16")).toBe(true);
    expect(isBaseModelName("toString")).toBe(false);
    expect(() => getBaseModelSpec("mobilenet_v3")).toThrow(BadInputError);
    expect(() => getBaseModelSpec("mobilenet_v3")).toThrow(/"mobilenet_v3".*mobilenet_v1_0\.25_224/);
  });

  it("is frozen pure data that does not import tfjs", () => {
    expect(Object.isFrozen(BASE_MODELS)).toBe(true);
    expect(Object.isFrozen(BASE_MODELS["mobilenet_v2_1.00_224_no_top"]?.fineTuneDepths)).toBe(true);
    const src = readFileSync(fileURLToPath(new URL("./registry.ts", import.meta.url)), "utf8");
    expect(src).not.toMatch(/@tensorflow/);
  });
});
