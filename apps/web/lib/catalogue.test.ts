import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLEnumType, type GraphQLInputObjectType, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import {
  appliesWhenText,
  checkKnob,
  compactNumber,
  fixedKnobSummary,
  formatKnob,
  formatKnobList,
  knobApplies,
  notApplicableNote,
  parseKnob,
  parseKnobList,
  showValue,
} from "./catalogue";
import { CATALOGUE, knob, valuesWith } from "./catalogue.fixture.test";
import { RUN_OWN_FIELDS } from "./run-columns";

describe("checkKnob: the one message, from the served rule and bounds", () => {
  it("takes a float at an inclusive bound and refuses one at an exclusive bound or past either", () => {
    const lr = knob("learningRate"); // (0, 1]
    expect(checkKnob(lr, 1)).toBeNull();
    expect(checkKnob(lr, 1e-9)).toBeNull();
    expect(checkKnob(lr, 0)).toBe("learningRate must be a number in (0, 1], received 0");
    expect(checkKnob(lr, 1.0001)).toBe("learningRate must be a number in (0, 1], received 1.0001");
    expect(checkKnob(lr, -0.5)).toBe("learningRate must be a number in (0, 1], received -0.5");
    expect(checkKnob(lr, Number.NaN)).toBe("learningRate must be a number in (0, 1], received NaN");
    expect(checkKnob(lr, "0.1")).toBe('learningRate must be a number in (0, 1], received "0.1"');
  });

  it("refuses both ends of an open interval and takes what is just inside", () => {
    const factor = knob("reduceLrFactor"); // (0, 1)
    expect([checkKnob(factor, 0.001), checkKnob(factor, 0.999)]).toEqual([null, null]);
    expect(checkKnob(factor, 0)).toBe("reduceLrFactor must be a number in (0, 1), received 0");
    expect(checkKnob(factor, 1)).toBe("reduceLrFactor must be a number in (0, 1), received 1");
    const smoothing = knob("labelSmoothing"); // [0, 1)
    expect(checkKnob(smoothing, 0)).toBeNull();
    expect(checkKnob(smoothing, -0.01)).toBe("labelSmoothing must be a number in [0, 1), received -0.01");
    expect(checkKnob(smoothing, 1)).toBe("labelSmoothing must be a number in [0, 1), received 1");
    const floor = knob("minLearningRate"); // [0, 1)
    expect(checkKnob(floor, 0)).toBeNull();
    expect(checkKnob(floor, -1e-6)).toBe("minLearningRate must be a number in [0, 1), received -0.000001");
  });

  it("takes an integer at both inclusive bounds and refuses one past them or a fraction", () => {
    const epochs = knob("epochs"); // [1, 1000]
    expect([checkKnob(epochs, 1), checkKnob(epochs, 1000)]).toEqual([null, null]);
    expect(checkKnob(epochs, 0)).toBe("epochs must be an integer in [1, 1000], received 0");
    expect(checkKnob(epochs, 1001)).toBe("epochs must be an integer in [1, 1000], received 1001");
    expect(checkKnob(epochs, 2.5)).toBe("epochs must be an integer in [1, 1000], received 2.5");
  });

  it("allows null exactly when the knob is nullable (off)", () => {
    const patience = knob("earlyStoppingPatience");
    expect(checkKnob(patience, null)).toBeNull();
    expect(checkKnob(patience, 1)).toBeNull();
    expect(checkKnob(patience, 0)).toBe("earlyStoppingPatience must be null (off) or an integer in [1, 1000], received 0");
    expect(checkKnob(knob("epochs"), null)).toBe("epochs must be an integer in [1, 1000], received null");
  });

  it("checks enum membership, op lists, layer lists and names", () => {
    expect(checkKnob(knob("headActivation"), "gelu")).toBeNull();
    expect(checkKnob(knob("headActivation"), "swish")).toBe('headActivation must be one of relu, gelu, tanh, elu, received "swish"');
    expect([
      checkKnob(knob("augmentation"), "flip,rotate"),
      checkKnob(knob("augmentation"), "none"),
      checkKnob(knob("augmentation"), "standard"),
    ]).toEqual([null, null, null]);
    expect(checkKnob(knob("augmentation"), "flip,blur")).toBe(
      'augmentation must be a list of flip, vflip, rotate, zoom, translate, brightness, contrast, received "flip,blur"',
    );
    const head = knob("headUnits");
    expect([checkKnob(head, []), checkKnob(head, [8192, 1])]).toEqual([null, null]);
    expect(checkKnob(head, [8193])).toBe("headUnits must be a list of at most 8 integers in [1, 8192], received [8193]");
    expect(checkKnob(head, [0])).toBe("headUnits must be a list of at most 8 integers in [1, 8192], received [0]");
    expect(
      checkKnob(
        head,
        Array.from({ length: 9 }, () => 8),
      ),
    ).toBe("headUnits must be a list of at most 8 integers in [1, 8192], received [8,8,8,8,8,8,8,8,8]");
    expect(checkKnob(knob("baseModel"), " ")).toBe('baseModel must be a non-empty name of at most 500 characters, received " "');
  });

  it("quotes values as the API does: strings and lists as JSON, numbers as written", () => {
    expect([showValue(3e-4), showValue("abc"), showValue([256, 128]), showValue(null)]).toEqual(["0.0003", '"abc"', "[256,128]", "null"]);
  });
});

describe("formatKnob", () => {
  it("shows off for a nullable knob that is off, layer lists comma-joined or linear, numbers compact", () => {
    expect(formatKnob(knob("reduceLrPatience"), null)).toBe("off");
    expect(formatKnob(knob("reduceLrPatience"), undefined)).toBe("off");
    expect(formatKnob(knob("epochs"), null)).toBe("–");
    expect(formatKnob(knob("headUnits"), [256, 128])).toBe("256,128");
    expect(formatKnob(knob("headUnits"), [])).toBe("linear");
    expect(formatKnob(knob("learningRate"), 0.0003)).toBe("3e-4");
    expect(formatKnob(knob("fineTuneLearningRate"), 0.000015)).toBe("1.5e-5");
    expect(formatKnob(knob("dropout"), 0.25)).toBe("0.25");
    expect(formatKnob(knob("reduceLrFactor"), 0.123456)).toBe("0.1235");
    expect(formatKnob(knob("seed"), 2147483647)).toBe("2147483647");
    expect(formatKnob(knob("augmentation"), "flip,rotate")).toBe("flip,rotate");
    expect([compactNumber(0), compactNumber(1e-6), compactNumber(12.5)]).toEqual(["0", "1e-6", "12.5"]);
  });
});

describe("parsing a text field", () => {
  it("reads numbers, empty as not given, off as off for a nullable knob only", () => {
    expect(parseKnob(knob("learningRate"), " 3e-4 ")).toEqual({ ok: true, value: 0.0003 });
    expect(parseKnob(knob("learningRate"), "")).toEqual({ ok: true, value: undefined });
    expect(parseKnob(knob("earlyStoppingPatience"), "off")).toEqual({ ok: true, value: null });
    expect(parseKnob(knob("earlyStoppingPatience"), "OFF")).toEqual({ ok: true, value: null });
    expect(parseKnob(knob("epochs"), "off")).toEqual({
      ok: false,
      error: 'epochs must be an integer in [1, 1000], received "off" ("off" is not a number)',
    });
    expect(parseKnob(knob("learningRate"), "abc")).toEqual({
      ok: false,
      error: 'learningRate must be a number in (0, 1], received "abc" ("abc" is not a number)',
    });
    expect(parseKnob(knob("learningRate"), "2")).toEqual({ ok: false, error: "learningRate must be a number in (0, 1], received 2" });
  });

  it("reads layer lists, enum names in any case and op lists", () => {
    expect(parseKnob(knob("headUnits"), "256, 128")).toEqual({ ok: true, value: [256, 128] });
    expect(parseKnob(knob("headUnits"), "linear")).toEqual({ ok: true, value: [] });
    const bad = parseKnob(knob("headUnits"), "256,x");
    expect(!bad.ok && bad.error).toContain('"x" in "256,x" is not a number');
    expect(parseKnob(knob("headActivation"), "GELU")).toEqual({ ok: true, value: "gelu" });
    expect(parseKnob(knob("augmentation"), "Flip, rotate")).toEqual({ ok: true, value: "flip,rotate" });
  });

  it("reads search lists: comma or space separated numbers, ';' between layer lists, duplicates dropped", () => {
    expect(parseKnobList(knob("learningRate"), "1e-3, 0.001 3e-4")).toEqual({ ok: true, value: [0.001, 0.0003] });
    expect(parseKnobList(knob("headUnits"), "128; 256,128; 128")).toEqual({ ok: true, value: [[128], [256, 128]] });
    expect(parseKnobList(knob("earlyStoppingPatience"), "off, 3")).toEqual({ ok: true, value: [null, 3] });
    expect(parseKnobList(knob("learningRate"), " ")).toEqual({ ok: false, error: 'LR: enter at least one value (got " ")' });
    const r = parseKnobList(knob("learningRate"), "0.001, abc");
    expect(!r.ok && r.error).toContain('"abc" is not a number');
    expect(formatKnobList(knob("headUnits"), [[128], [256, 128]])).toBe("128; 256,128");
    expect(formatKnobList(knob("fineTuneLearningRate"), [0.00001])).toBe("1e-5");
  });
});

describe("when a knob applies", () => {
  it("follows appliesWhen: positive for the fine-tuning knobs, set for the ReduceLROnPlateau ones", () => {
    const ftLr = knob("fineTuneLearningRate");
    expect(knobApplies(ftLr, valuesWith({ fineTuneLayers: 0 }))).toBe(false);
    expect(knobApplies(ftLr, valuesWith({ fineTuneLayers: 12 }))).toBe(true);
    expect(notApplicableNote(ftLr, CATALOGUE, valuesWith({ fineTuneLayers: 0 }))).toBe("n/a (FT depth is 0)");
    const factor = knob("reduceLrFactor");
    expect(knobApplies(factor, valuesWith())).toBe(false);
    expect(knobApplies(factor, valuesWith({ reduceLrPatience: 2 }))).toBe(true);
    expect(notApplicableNote(factor, CATALOGUE, valuesWith())).toBe("n/a (LR patience off)");
    expect(knobApplies(knob("learningRate"), valuesWith())).toBe(true);
    expect(appliesWhenText(ftLr, CATALOGUE)).toBe("applies when FT depth > 0");
    expect(appliesWhenText(factor, CATALOGUE)).toBe("applies when LR patience is set");
  });
});

describe("the test catalogue", () => {
  // The fixture stands for what the API serves; the contract the dashboard is typed against says
  // which knobs exist (Hyperparameters' fields), which lists a sweep searches and which RunFields sort.
  const schema = buildSchema(readFileSync(new URL("../../api/schema.graphql", import.meta.url), "utf8"));
  const fieldsOf = (name: string) => Object.keys((schema.getType(name) as GraphQLObjectType | GraphQLInputObjectType).getFields());

  it("has every knob of the contract, with its search list, fixed sweep input and RunField", () => {
    const knobs = fieldsOf("Hyperparameters").filter((f) => !["values", "baseWeights", "baseWeightsSha256"].includes(f));
    expect(CATALOGUE.map((k) => k.name).sort()).toEqual(knobs.sort());
    expect(CATALOGUE.flatMap((k) => (k.searchField ? [k.searchField] : [])).sort()).toEqual(fieldsOf("SearchSpaceInput").sort());
    const sweepInput = fieldsOf("CreateSweepInput");
    for (const k of CATALOGUE.filter((x) => x.sweep === "fixed")) expect(sweepInput).toContain(k.name);
    const runFields = (schema.getType("RunField") as GraphQLEnumType).getValues().map((v) => v.name);
    expect([...RUN_OWN_FIELDS, ...CATALOGUE.flatMap((k) => (k.sortField ? [k.sortField] : []))].sort()).toEqual(runFields.sort());
  });
});

describe("fixedKnobSummary (the sweep page's fixed settings)", () => {
  const label = (name: string) => knob(name).label;
  it("lists each fixed knob with its label and value, leaving out those whose fixed condition does not hold", () => {
    const fixed = [
      { name: "epochs", value: 3 },
      { name: "fineTuneEpochs", value: 1 },
      { name: "batchSize", value: 32 },
      { name: "earlyStoppingPatience", value: null },
      { name: "reduceLrPatience", value: null },
      { name: "reduceLrFactor", value: 0.5 },
      { name: "minLearningRate", value: 0 },
    ];
    expect(fixedKnobSummary(CATALOGUE, fixed).map((k) => k.text)).toEqual([
      `${label("epochs")} 3`,
      // Its condition is on the searched depths: it applies to some runs.
      `${label("fineTuneEpochs")} 1`,
      `${label("batchSize")} 32`,
      `${label("earlyStoppingPatience")} off`,
      `${label("reduceLrPatience")} off`,
    ]);
    const reducing = fixed.map((k) => (k.name === "reduceLrPatience" ? { ...k, value: 2 } : k));
    expect(fixedKnobSummary(CATALOGUE, reducing).map((k) => k.name)).toContain("reduceLrFactor");
    expect(fixedKnobSummary(CATALOGUE, [{ name: "gone", value: 1 }])).toEqual([]);
  });
});
