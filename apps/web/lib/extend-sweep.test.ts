import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue.fixture.test";
import { currentValuesText, emptyExtendForm, extendableKnobs, type ExtendTarget, validateExtendForm } from "./extend-sweep";

const grid: ExtendTarget = {
  id: "s1",
  strategy: "GRID",
  maxRuns: null,
  searchSpace: { baseModels: ["m1"], headUnits: [[128]], augmentations: ["none"], fineTuneLayers: [0], learningRates: [0.001, 0.003] },
};
const form = (text: Record<string, string>, maxRuns = "") => ({ ...emptyExtendForm(), text, maxRuns });

describe("the extend form", () => {
  it("offers a list per searchable knob and writes the sweep's current values as the launch form does", () => {
    const knobs = extendableKnobs(CATALOGUE);
    expect(knobs.map((k) => k.key)).toContain("learningRates");
    const lr = knobs.find((k) => k.key === "learningRates")!;
    expect(currentValuesText(lr, grid)).toBe("0.001, 0.003");
    expect(
      currentValuesText(
        knobs.find((k) => k.key === "headUnits")!,
        grid,
      ),
    ).toBe("128");
  });

  it("parses comma lists (heads by ';') into the additions, dropping values already searched", () => {
    const r = validateExtendForm(form({ learningRates: "0.003, 1e-4 0.0001", headUnits: "128; 256,128" }), CATALOGUE, grid);
    expect(r.errors).toEqual({});
    expect(r.added).toEqual({ learningRates: [0.0001], headUnits: [[256, 128]] });
    expect(r.already).toEqual({ learningRates: [0.003], headUnits: [[128]] });
    expect(r.input).toEqual({ sweepId: "s1", add: { learningRates: [0.0001], headUnits: [[256, 128]] } });
  });

  it("reports a bad value with the catalogue's one message, as the launch form does", () => {
    const r = validateExtendForm(form({ learningRates: "0.01, abc", fineTuneLayers: "2.5" }), CATALOGUE, grid);
    expect(r.errors.learningRates).toContain('"abc" is not a number');
    expect(r.errors.fineTuneLayers).toBe("fineTuneLayers must be an integer in [0, 1000], received 2.5");
    expect(r.input).toBeNull();
  });

  it("takes a new max runs alone, and checks it is a whole number", () => {
    const random: ExtendTarget = { ...grid, strategy: "RANDOM", maxRuns: 10 };
    expect(validateExtendForm(form({}, " 20 "), CATALOGUE, random).input).toEqual({ sweepId: "s1", maxRuns: 20 });
    expect(validateExtendForm(form({}, "2.5"), CATALOGUE, random).errors.maxRuns).toBe('Max runs: "2.5" must be a whole number');
    expect(validateExtendForm(form({}, "0"), CATALOGUE, random).errors.maxRuns).toBe('Max runs: "0" must be between 1 and 100000');
  });

  it("refuses to send nothing: no new value and the same (or no) max runs", () => {
    expect(validateExtendForm(form({}), CATALOGUE, grid).errors.form).toBe("Nothing to extend: give values to add, or a larger max runs");
    expect(validateExtendForm(form({ learningRates: "0.001" }), CATALOGUE, grid).errors.form).toContain("searches those values already");
    expect(validateExtendForm(form({}, "10"), CATALOGUE, { ...grid, maxRuns: 10 }).input).toBeNull();
  });

  it("notes that RANDOM and TPE use new values only within their budget unless max runs grows", () => {
    const tpe: ExtendTarget = { ...grid, strategy: "TPE", maxRuns: 12 };
    const r = validateExtendForm(form({ learningRates: "0.01" }), CATALOGUE, tpe);
    expect(r.input).toEqual({ sweepId: "s1", add: { learningRates: [0.01] } });
    expect(r.notes).toEqual([
      "TPE tries at most 12 configurations: without a larger max runs, only those not yet started can use the new values",
    ]);
    expect(validateExtendForm(form({ learningRates: "0.01" }, "20"), CATALOGUE, tpe).notes).toEqual([]);
  });
});
