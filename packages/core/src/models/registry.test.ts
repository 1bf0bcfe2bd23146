import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BadInputError } from "../errors";
import { BASE_MODELS, getBaseModelSpec, isBaseModelName, listBaseModels } from "./registry";

describe("base model registry", () => {
  it("lists the four shared models and the three convert-only ones", () => {
    const names = listBaseModels().map((s) => s.name);
    expect(names).toEqual(["mobilenet_v1_0.25_224", "mobilenet_v1_0.75_224", "mobilenet_v2_0.35_224_no_top", "darknet_tiny_224", "vgg16", "resnet50", "efficientnet_b0"]);
    for (const spec of listBaseModels()) {
      if (spec.url === null) {
        expect(spec.sha256).toBeNull();
        expect(spec.convert).toMatch(/tensorflowjs_converter --input_format=keras/);
      } else {
        expect(spec.url).toMatch(/^https:\/\/.*model\.json$/);
        expect(spec.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
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
    const src = readFileSync(fileURLToPath(new URL("./registry.ts", import.meta.url)), "utf8");
    expect(src).not.toMatch(/@tensorflow/);
  });
});
