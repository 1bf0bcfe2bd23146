import { describe, expect, it } from "vitest";
import {
  HYPERPARAMETERS,
  HYPERPARAMETER_ENTRIES,
  HyperparameterError,
  checkHyperparameter,
  defaultHyperparameters,
  formatHyperparameter,
  fromWire,
  parseHyperparameter,
  parseOps,
  ruleOf,
  toWire,
  validateHyperparameters,
  withDefaults,
} from "./index";

const ops = HYPERPARAMETERS.augmentation;

describe("the hyperparameter catalogue", () => {
  it("has a valid default for every knob, and the defaults pass the rules across knobs", () => {
    for (const [name, spec] of HYPERPARAMETER_ENTRIES) expect(() => checkHyperparameter(name, spec.default), name).not.toThrow();
    expect(() => validateHyperparameters(defaultHyperparameters())).not.toThrow();
  });

  it("names a flag, a label and a description for every knob, each flag once", () => {
    const flags = HYPERPARAMETER_ENTRIES.map(([, s]) => s.flag);
    expect(new Set(flags).size).toBe(flags.length);
    for (const [name, spec] of HYPERPARAMETER_ENTRIES) {
      expect(spec.label, name).not.toBe("");
      expect(spec.description.length, name).toBeGreaterThan(10);
      if (spec.sweep === "search") expect(spec.searchField, name).toBeDefined();
      if (spec.appliesWhen) expect(Object.keys(HYPERPARAMETERS), name).toContain(spec.appliesWhen.parameter);
    }
  });

  it("refuses with one message: the name, the rule, the value received", () => {
    expect(() => checkHyperparameter("learningRate", 1.5)).toThrow("learningRate must be a number in (0, 1], received 1.5");
    expect(() => checkHyperparameter("learningRate", 0)).toThrow(HyperparameterError);
    expect(() => checkHyperparameter("learningRate", Number.NaN)).toThrow(/received NaN$/);
    expect(() => checkHyperparameter("learningRate", 1)).not.toThrow();
    for (const factor of [0, 1, 1.5, -0.1])
      expect(() => checkHyperparameter("reduceLrFactor", factor)).toThrow(`reduceLrFactor must be a number in (0, 1), received ${factor}`);
    expect(() => checkHyperparameter("minLearningRate", -1e-6)).toThrow("minLearningRate must be a number in [0, 1), received -0.000001");
    expect(() => checkHyperparameter("reduceLrPatience", 0)).toThrow(
      "reduceLrPatience must be null (off) or an integer in [1, 1000], received 0",
    );
    expect(() => checkHyperparameter("reduceLrPatience", null)).not.toThrow();
    expect(() => checkHyperparameter("headUnits", [0])).toThrow(
      "headUnits must be a list of at most 8 integers in [1, 8192], received [0]",
    );
    expect(() => checkHyperparameter("headUnits", [])).not.toThrow();
    expect(() => checkHyperparameter("optimizer", "lion")).toThrow('optimizer must be one of adam, sgd, rmsprop, received "lion"');
    expect(() => checkHyperparameter("nope", 1)).toThrow(/Unknown hyperparameter "nope"/);
    expect(ruleOf(HYPERPARAMETERS.labelSmoothing)).toBe("a number in [0, 1)");
  });

  it("checks the rules across knobs after each knob on its own", () => {
    const v = (p: Record<string, unknown>) => () => validateHyperparameters(withDefaults(p));
    expect(v({ learningRate: 0.01, minLearningRate: 0.01 })).toThrow("minLearningRate must be below learningRate (0.01), received 0.01");
    expect(v({ fineTuneLayers: 2, fineTuneEpochs: 0 })).toThrow("fineTuneEpochs must be ≥ 1 when fineTuneLayers > 0, received 0");
    expect(v({ minLearningRate: 1e-4 })).not.toThrow();
    expect(v({ minLearningRate: 1e-4, fineTuneLayers: 2, fineTuneEpochs: 1 })).toThrow(
      /below fineTuneLearningRate \(0\.00001\) when fine-tuning, received 0\.0001$/,
    );
    expect(() => validateHyperparameters(withDefaults({ fineTuneLayers: 90, fineTuneEpochs: 1 }), () => "at most 85")).toThrow(
      "fineTuneLayers must be at most 85, received 90",
    );
  });

  it("fills defaults, keeps null for a knob that is off, and refuses unknown names", () => {
    const v = withDefaults({ learningRate: 0.01, reduceLrPatience: null, dropout: null });
    expect([v.learningRate, v.reduceLrPatience, v.dropout, v.labelSmoothing]).toEqual([0.01, null, 0.2, 0]);
    expect(() => withDefaults({ learningrate: 0.1 })).toThrow(/"learningrate"/);
  });

  it("expands augmentation presets into ops in canonical order, and refuses unknown ops quoting the input", () => {
    expect(parseOps(ops, "augmentation", "standard")).toEqual(["flip", "rotate", "zoom"]);
    expect(parseOps(ops, "augmentation", "Zoom, flip ,zoom")).toEqual(["flip", "zoom"]);
    expect(parseOps(ops, "augmentation", "contrast+vflip")).toEqual(["vflip", "contrast"]);
    expect(parseOps(ops, "augmentation", "standard,contrast")).toEqual(["flip", "rotate", "zoom", "contrast"]);
    expect(parseOps(ops, "augmentation", "")).toEqual([]);
    expect(() => parseOps(ops, "augmentation", "flip,warp")).toThrow(/"warp" in "flip,warp"/);
    expect(toWire("augmentation", ["zoom", "flip"])).toBe("flip,zoom");
    expect(toWire("augmentation", [])).toBe("none");
    expect(fromWire("augmentation", "heavy")).toEqual(["flip", "vflip", "rotate", "zoom", "translate", "brightness", "contrast"]);
  });

  it("parses and formats each knob's text form", () => {
    expect(parseHyperparameter("learningRate", "3e-4")).toBe(3e-4);
    expect(parseHyperparameter("earlyStoppingPatience", "0")).toBeNull();
    expect(parseHyperparameter("earlyStoppingPatience", "5")).toBe(5);
    expect(parseHyperparameter("headUnits", "256,128")).toEqual([256, 128]);
    expect(parseHyperparameter("headUnits", "none")).toEqual([]);
    expect(parseHyperparameter("optimizer", "SGD")).toBe("sgd");
    expect(() => parseHyperparameter("epochs", "2.5")).toThrow('epochs must be an integer, received "2.5"');
    expect(() => parseHyperparameter("labelSmoothing", "1")).toThrow("labelSmoothing must be a number in [0, 1), received 1");
    expect(formatHyperparameter("reduceLrPatience", null)).toBe("off");
    expect(formatHyperparameter("headUnits", [])).toBe("linear");
    expect(formatHyperparameter("augmentation", ["zoom", "flip"])).toBe("flip,zoom");
  });
});
