import { describe, expect, it } from "vitest";
import { HyperparameterError, SHA256_HEX, canonicalizeAugmentation, checkBound, checkHeadUnits } from "./hyperparameters";

describe("canonicalizeAugmentation", () => {
  it("expands presets to their ops in canonical order", () => {
    expect(canonicalizeAugmentation("none")).toBe("none");
    expect(canonicalizeAugmentation("light")).toBe("flip");
    expect(canonicalizeAugmentation("standard")).toBe("flip,rotate,zoom");
    expect(canonicalizeAugmentation("heavy")).toBe("flip,vflip,rotate,zoom,translate,brightness,contrast");
  });

  it("sorts and deduplicates op lists regardless of case and spacing", () => {
    expect(canonicalizeAugmentation("Zoom, flip ,zoom")).toBe("flip,zoom");
    expect(canonicalizeAugmentation("contrast+vflip")).toBe("vflip,contrast");
    expect(canonicalizeAugmentation("")).toBe("none");
  });

  it("rejects unknown ops, quoting the input", () => {
    expect(() => canonicalizeAugmentation("flip,warp")).toThrow(/"warp" in "flip,warp"/);
  });
});

describe("bounds", () => {
  it("rejects a zero or too large learning rate and accepts 1", () => {
    expect(() => checkBound("learningRate", 0)).toThrow(HyperparameterError);
    expect(() => checkBound("learningRate", 1.5)).toThrow(/Invalid learningRate: 1.5/);
    expect(() => checkBound("learningRate", Number.NaN)).toThrow(HyperparameterError);
    expect(() => checkBound("learningRate", 1)).not.toThrow();
  });

  it("keeps reduceLrFactor strictly inside (0, 1) and minLearningRate in [0, 1), quoting the value", () => {
    for (const factor of [0, 1, 1.5, -0.1]) expect(() => checkBound("reduceLrFactor", factor)).toThrow(`Invalid reduceLrFactor: ${factor} (must be in (0, 1))`);
    expect(() => checkBound("reduceLrFactor", 0.5)).not.toThrow();
    expect(() => checkBound("minLearningRate", -1e-6)).toThrow(/Invalid minLearningRate: -0\.000001 \(must be in \[0, 1\)\)/);
    expect(() => checkBound("minLearningRate", 1)).toThrow(HyperparameterError);
    expect(() => checkBound("minLearningRate", 0)).not.toThrow();
    expect(() => checkBound("reduceLrPatience", 0)).toThrow(/Invalid reduceLrPatience: 0 \(must be in \[1, 1000\]\)/);
  });

  it("checks head layer sizes", () => {
    expect(() => checkHeadUnits([256, 128])).not.toThrow();
    expect(() => checkHeadUnits([])).not.toThrow();
    expect(() => checkHeadUnits([0])).toThrow(/\[0\]/);
    expect(() => checkHeadUnits([1.5])).toThrow(HyperparameterError);
  });
});

describe("SHA256_HEX", () => {
  it("takes exactly 64 lowercase hex characters, the form digest(\"hex\") and sha256sum print", () => {
    const sha = "0123456789abcdef".repeat(4);
    expect(SHA256_HEX.test(sha)).toBe(true);
    for (const bad of ["", sha.toUpperCase(), sha.slice(1), `${sha}0`, ` ${sha}`, `${sha.slice(0, 63)}g`]) expect(SHA256_HEX.test(bad), bad).toBe(false);
  });
});
