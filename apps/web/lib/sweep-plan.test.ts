import { describe, expect, it } from "vitest";
import { gridSize, parseHeadSizes, parseNumberList, plannedRunCount, validateSweepForm, type SweepForm } from "./sweep-plan";

describe("parseHeadSizes", () => {
  it("splits heads on ; and layers on ,", () => {
    expect(parseHeadSizes("128; 256,128")).toEqual({ ok: true, value: [[128], [256, 128]] });
    expect(parseHeadSizes("linear; 64; 64")).toEqual({ ok: true, value: [[], [64]] });
  });
  it("quotes the bad entry", () => {
    const r = parseHeadSizes("128; 256,x");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('"x" in "256,x"');
    expect(parseHeadSizes("  ").ok).toBe(false);
  });
});

describe("parseNumberList", () => {
  it("parses, dedupes and range-checks", () => {
    expect(parseNumberList("1e-3, 0.001 3e-4", { label: "LR", min: 0 })).toEqual({ ok: true, value: [0.001, 0.0003] });
    const r = parseNumberList("0, 2.5", { label: "Depths", integer: true });
    expect(!r.ok && r.error).toBe('Depths: "2.5" must be a whole number');
    const neg = parseNumberList("-1", { label: "LR", min: 0 });
    expect(!neg.ok && neg.error).toContain('"-1" is below 0');
  });
});

describe("run counting", () => {
  it("multiplies the grid and caps it by max runs", () => {
    const g = gridSize({ baseModels: [1, 2], headUnits: [1, 2, 3], augmentations: [1], fineTuneLayers: [0, 2], learningRates: [1, 2] });
    expect(g).toBe(24);
    expect(plannedRunCount("GRID", g, null)).toBe(24);
    expect(plannedRunCount("GRID", g, 10)).toBe(10);
    expect(plannedRunCount("GRID", g, 100)).toBe(24);
    expect(plannedRunCount("RANDOM", g, 7)).toBe(7);
  });
});

const base: SweepForm = {
  name: " demo ", datasetId: "d1", experimentId: "e1", baseModels: ["m1", "m2"], headSizes: "128; 256,128",
  augmentations: ["none"], fineTuneLayers: "0, 2", learningRates: "0.001, 0.0003", epochs: "3", fineTuneEpochs: "1",
  strategy: "GRID", maxRuns: "", seed: "0", earlyTermination: "NONE", earlyStoppingPatience: "", reduceLrPatience: "", reduceLrFactor: "", minLearningRate: "",
};

describe("validateSweepForm", () => {
  it("builds the CreateSweepInput from a valid form", () => {
    const r = validateSweepForm(base);
    expect(r.errors).toEqual({});
    expect(r.planned).toBe(16);
    expect(r.input).toMatchObject({ name: "demo", maxRuns: null, epochs: 3, fineTuneEpochs: 1,
      searchSpace: { headUnits: [[128], [256, 128]], fineTuneLayers: [0, 2], learningRates: [0.001, 0.0003] } });
  });
  it("reports every bad field at once and gives no input", () => {
    const r = validateSweepForm({ ...base, datasetId: "", baseModels: [], epochs: "two", learningRates: "", strategy: "RANDOM" });
    expect(Object.keys(r.errors).sort()).toEqual(["baseModels", "datasetId", "epochs", "learningRates", "maxRuns"]);
    expect(r.errors.epochs).toContain('"two"');
    expect(r.input).toBeNull();
  });
  it("requires fine-tune epochs when a depth unfreezes layers", () => {
    const r = validateSweepForm({ ...base, fineTuneEpochs: "0" });
    expect(r.errors.fineTuneEpochs).toMatch(/at least 1 fine-tune epoch/);
    expect(validateSweepForm({ ...base, fineTuneLayers: "0", fineTuneEpochs: "0" }).input).not.toBeNull();
  });
});

describe("EarlyStopping setting of a sweep", () => {
  it("is left out when empty and sent when given", () => {
    expect(validateSweepForm(base).input).not.toHaveProperty("earlyStoppingPatience");
    const r = validateSweepForm({ ...base, earlyStoppingPatience: " 4 " });
    expect(r.errors).toEqual({});
    expect(r.input).toMatchObject({ earlyStoppingPatience: 4 });
  });

  it("rejects a patience that is not a whole number from 1 to 1000, quoting it", () => {
    for (const bad of ["0", "2.5", "many"]) {
      const r = validateSweepForm({ ...base, earlyStoppingPatience: bad });
      expect(r.errors.earlyStoppingPatience).toContain(`"${bad}"`);
      expect(r.input).toBeNull();
    }
  });
});

describe("ReduceLROnPlateau settings of a sweep", () => {
  it("leaves them out when empty, so the API keeps the callback off with its defaults", () => {
    const r = validateSweepForm(base);
    expect(r.input).not.toHaveProperty("reduceLrPatience");
    expect(r.input).not.toHaveProperty("reduceLrFactor");
    expect(r.input).not.toHaveProperty("minLearningRate");
  });

  it("sends the patience, factor and floor given", () => {
    const r = validateSweepForm({ ...base, reduceLrPatience: " 3 ", reduceLrFactor: "0.2", minLearningRate: "1e-6" });
    expect(r.errors).toEqual({});
    expect(r.input).toMatchObject({ reduceLrPatience: 3, reduceLrFactor: 0.2, minLearningRate: 1e-6 });
  });

  it("rejects a factor outside (0, 1) quoting it", () => {
    for (const factor of ["0", "1", "1.5", "-0.1"]) {
      const r = validateSweepForm({ ...base, reduceLrFactor: factor });
      expect(r.errors.reduceLrFactor).toBe(`LR factor: "${factor}" must be between 0 and 1, both excluded`);
      expect(r.input).toBeNull();
    }
    expect(validateSweepForm({ ...base, reduceLrFactor: "half" }).errors.reduceLrFactor).toBe('LR factor: "half" is not a number');
  });

  it("rejects a patience that is not a whole number from 1 to 1000", () => {
    expect(validateSweepForm({ ...base, reduceLrPatience: "0" }).errors.reduceLrPatience).toMatch(/^LR patience: "0" must be between 1 and 1000/);
    expect(validateSweepForm({ ...base, reduceLrPatience: "2.5" }).errors.reduceLrPatience).toMatch(/^LR patience: "2\.5" must be a whole number/);
  });

  it("rejects a negative floor or one not below every learning rate, naming the lowest", () => {
    expect(validateSweepForm({ ...base, minLearningRate: "-1e-6" }).errors.minLearningRate).toBe('Min LR: "-1e-6" is below 0');
    const r = validateSweepForm({ ...base, learningRates: "0.01, 0.0003", minLearningRate: "0.0003" });
    expect(r.errors.minLearningRate).toBe('Min LR: "0.0003" must be below every learning rate (the lowest is 0.0003)');
    expect(r.input).toBeNull();
    expect(validateSweepForm({ ...base, learningRates: "0.01, 0.0003", minLearningRate: "0.0001" }).errors).toEqual({});
  });
});
