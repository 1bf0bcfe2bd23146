import { describe, expect, it } from "vitest";
import { AUGMENTATION_PRESETS, HYPERPARAMETERS } from "./hyperparameters";
import { formatOps, parseOps } from "./hyperparameter-text";

// The augmentation knob's ops, parsed and written by the catalogue's one parser.
const parseAugmentation = (input: string | readonly string[]) => parseOps(HYPERPARAMETERS.augmentation, "augmentation", input);
const formatAugmentation = (ops: readonly string[]) => formatOps(HYPERPARAMETERS.augmentation, ops);

describe("parseAugmentation", () => {
  it("returns ops in canonical order without duplicates, case- and space-insensitive", () => {
    expect(parseAugmentation("rotate, flip,FLIP")).toEqual(["flip", "rotate"]);
    expect(parseAugmentation(["contrast", "Zoom,vflip"])).toEqual(["vflip", "zoom", "contrast"]);
  });

  it("reads none, empty and presets", () => {
    expect(parseAugmentation("none")).toEqual([]);
    expect(parseAugmentation("")).toEqual([]);
    expect(parseAugmentation([])).toEqual([]);
    expect(parseAugmentation("standard,contrast")).toEqual(["flip", "rotate", "zoom", "contrast"]);
    expect(parseAugmentation("heavy")).toEqual(["flip", "vflip", "rotate", "zoom", "translate", "brightness", "contrast"]);
  });

  it("rejects an unknown op, quoting it and listing the valid ones", () => {
    expect(() => parseAugmentation("flip,blur")).toThrow(
      /Unknown augmentation "blur" in "flip,blur"; valid ops are flip, vflip, rotate, zoom, translate, brightness, contrast/,
    );
    expect(() => parseAugmentation("toString")).toThrow(/"tostring"/);
  });
});

describe("formatAugmentation and presets", () => {
  it("writes canonical text and round-trips", () => {
    expect(formatAugmentation([])).toBe("none");
    expect(formatAugmentation(["rotate", "flip", "rotate"])).toBe("flip,rotate");
    for (const ops of Object.values(AUGMENTATION_PRESETS)) expect(parseAugmentation(formatAugmentation(ops))).toEqual(ops);
  });

  it("has the agreed presets", () => {
    expect(AUGMENTATION_PRESETS).toEqual({
      none: [],
      light: ["flip"],
      standard: ["flip", "rotate", "zoom"],
      heavy: ["flip", "vflip", "rotate", "zoom", "translate", "brightness", "contrast"],
    });
  });
});
