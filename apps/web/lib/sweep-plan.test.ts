import { describe, expect, it } from "vitest";
import { type KnobInfo, parseKnobList } from "./catalogue";
import { CATALOGUE, knob, NEW_KNOB } from "./catalogue.fixture.test";
import { distinctGridSize, formKnobs, gridSize, initialSweepForm, plannedRunCount, validateSweepForm, type SweepForm } from "./sweep-plan";

describe("parseHeadSizes (head layer lists)", () => {
  const head = knob("headUnits");
  it("splits heads on ; and layers on ,", () => {
    expect(parseKnobList(head, "128; 256,128")).toEqual({ ok: true, value: [[128], [256, 128]] });
    expect(parseKnobList(head, "linear; 64; 64")).toEqual({ ok: true, value: [[], [64]] });
  });
  it("quotes the bad entry", () => {
    const r = parseKnobList(head, "128; 256,x");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('"x" in "256,x"');
    expect(parseKnobList(head, "  ").ok).toBe(false);
  });
});

describe("parseNumberList (search lists)", () => {
  it("parses, dedupes and range-checks", () => {
    expect(parseKnobList(knob("learningRate"), "1e-3, 0.001 3e-4")).toEqual({ ok: true, value: [0.001, 0.0003] });
    const r = parseKnobList(knob("fineTuneLayers"), "0, 2.5");
    expect(!r.ok && r.error).toBe("fineTuneLayers must be an integer in [0, 1000], received 2.5");
    const neg = parseKnobList(knob("learningRate"), "-1");
    expect(!neg.ok && neg.error).toContain("received -1");
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
    // Each configuration once per training seed.
    expect(plannedRunCount("GRID", g, 10, 3)).toBe(30);
    expect(plannedRunCount("RANDOM", g, 7, 2)).toBe(14);
  });
  it("plans TPE's budget: max runs × repeats, whatever the grid", () => {
    expect(plannedRunCount("TPE", 4, 20)).toBe(20);
    expect(plannedRunCount("TPE", 4, 20, 3)).toBe(60);
    expect(plannedRunCount("TPE", 4, null, 3)).toBe(0);
  });
});

describe("distinct configurations of a grid (a knob that does not apply is one value)", () => {
  const lists = (l: Record<string, unknown[]>) => new Map(Object.entries(l));
  it("counts fineTuneLayers [0, 2] × fineTuneLearningRates [1e-4, 1e-5] as 3: the rate is moot at depth 0", () => {
    expect(distinctGridSize(CATALOGUE, lists({ fineTuneLayers: [0, 2], fineTuneLearningRate: [1e-4, 1e-5] }))).toBe(3);
    // Other knobs multiply the distinct count.
    expect(
      distinctGridSize(
        CATALOGUE,
        lists({ baseModel: ["a", "b"], learningRate: [1e-3, 3e-4, 1e-4], fineTuneLayers: [0, 2, 4], fineTuneLearningRate: [1e-4, 1e-5] }),
      ),
    ).toBe(2 * 3 * (1 + 2 * 2));
  });
  it("is the plain product when every depth fine-tunes, or one rate is searched", () => {
    expect(distinctGridSize(CATALOGUE, lists({ fineTuneLayers: [2, 4], fineTuneLearningRate: [1e-4, 1e-5] }))).toBe(4);
    expect(distinctGridSize(CATALOGUE, lists({ fineTuneLayers: [0, 2], fineTuneLearningRate: [1e-4] }))).toBe(2);
    expect(distinctGridSize(CATALOGUE, lists({ fineTuneLearningRate: [1e-4, 1e-5] }))).toBe(1); // depth defaults to 0
  });
  it("is 0 when a list is empty", () => {
    expect(distinctGridSize(CATALOGUE, lists({ learningRate: [], fineTuneLayers: [0, 2] }))).toBe(0);
  });
  it("reads a condition on a knob the sweep fixes from the fixed value (not given: null, as the API stores it)", () => {
    const onFixed: KnobInfo = { ...NEW_KNOB, appliesWhen: { parameter: "reduceLrPatience", rule: "set" } };
    const grown = [...CATALOGUE, onFixed];
    const alphas = lists({ mixupAlpha: [0, 0.2, 0.4] });
    expect(distinctGridSize(grown, alphas)).toBe(1);
    expect(distinctGridSize(grown, alphas, new Map([["reduceLrPatience", 3]]))).toBe(3);
  });
});

describe("planned runs of the form", () => {
  const form = (patch: Partial<SweepForm>, text: Record<string, string> = {}): SweepForm =>
    typed(
      {
        ...initialSweepForm(CATALOGUE),
        datasetId: "d",
        experimentId: "e",
        picks: { baseModels: ["m"], augmentations: ["none"] },
        ...patch,
      },
      { fineTuneEpochs: "1", ...text },
    );
  it("counts a GRID's distinct configurations and says how many combinations the lists make", () => {
    const r = validateSweepForm(form({}, { fineTuneLayers: "0, 2", fineTuneLearningRates: "1e-4, 1e-5" }), CATALOGUE);
    expect(r.errors).toEqual({});
    expect(r.planned).toBe(3);
    expect(r.configurations).toEqual({ product: 4, distinct: 3 });
    expect(r.plannedAtMost).toBe(false);
    expect(
      validateSweepForm(form({ repeats: "2" }, { fineTuneLayers: "0, 2", fineTuneLearningRates: "1e-4, 1e-5" }), CATALOGUE).planned,
    ).toBe(6);
  });
  it("gives an upper bound when max runs samples a grid whose points collapse", () => {
    const r = validateSweepForm(form({ maxRuns: "3" }, { fineTuneLayers: "0, 2, 4", fineTuneLearningRates: "1e-4, 1e-5" }), CATALOGUE);
    expect(r.planned).toBe(3);
    expect(r.plannedAtMost).toBe(true);
    // Nothing collapses: max runs is exact.
    expect(validateSweepForm(form({ maxRuns: "3" }, { learningRates: "0.1, 0.01, 0.001, 0.0001" }), CATALOGUE).plannedAtMost).toBe(false);
  });
  it("plans TPE as max runs × repeats and requires max runs", () => {
    const tpe = validateSweepForm(form({ strategy: "TPE", maxRuns: "20", repeats: "2" }, { learningRates: "0.1, 0.01" }), CATALOGUE);
    expect(tpe.errors).toEqual({});
    expect(tpe.planned).toBe(40);
    expect(tpe.input).toMatchObject({ strategy: "TPE", maxRuns: 20, repeats: 2 });
    const missing = validateSweepForm(form({ strategy: "TPE" }), CATALOGUE);
    expect(missing.errors.maxRuns).toBe("Max runs: TPE needs the number of configurations it may try");
    expect(missing.input).toBeNull();
  });
  it("sends HYPERBAND early termination as chosen", () => {
    expect(validateSweepForm(form({ earlyTermination: "HYPERBAND" }), CATALOGUE).input).toMatchObject({ earlyTermination: "HYPERBAND" });
  });
});

/** `form` with some typed fields changed (keys are the CreateSweepInput fields the knobs fill). */
function typed(form: SweepForm, text: Record<string, string>): SweepForm {
  return { ...form, text: { ...form.text, ...text } };
}

const base: SweepForm = typed(
  {
    ...initialSweepForm(CATALOGUE),
    name: " demo ",
    datasetId: "d1",
    experimentId: "e1",
    picks: { baseModels: ["m1", "m2"], augmentations: ["none"] },
  },
  { headUnits: "128; 256,128", fineTuneLayers: "0, 2", learningRates: "0.001, 0.0003", epochs: "3", fineTuneEpochs: "1" },
);

describe("the form's fields, from the catalogue", () => {
  it("has a list per searchable knob and a value per fixed knob, keyed by the sweep input field they fill", () => {
    const knobs = formKnobs(CATALOGUE);
    expect(knobs.filter((k) => k.role === "search").map((k) => [k.key, k.widget])).toEqual([
      ["baseModels", "picks"],
      ["headUnits", "list"],
      ["augmentations", "picks"],
      ["fineTuneLayers", "list"],
      ["learningRates", "list"],
      ["fineTuneLearningRates", "list"],
      ["dropouts", "list"],
      ["labelSmoothings", "list"],
    ]);
    expect(knobs.filter((k) => k.role === "fixed").map((k) => k.key)).toEqual([
      "epochs",
      "fineTuneEpochs",
      "batchSize",
      "validationSplit",
      "earlyStoppingPatience",
      "reduceLrPatience",
      "reduceLrFactor",
      "minLearningRate",
    ]);
    // The browser tests fill the main section's fields; callbacks, batch, split and smoothing sit under "More settings".
    expect(knobs.filter((k) => k.advanced).map((k) => k.info.name)).toEqual([
      "batchSize",
      "validationSplit",
      "earlyStoppingPatience",
      "reduceLrPatience",
      "reduceLrFactor",
      "minLearningRate",
      "labelSmoothing",
    ]);
  });

  it("starts with each search list at its default and each fixed value empty (the API's default)", () => {
    const form = initialSweepForm(CATALOGUE);
    expect(form.text).toMatchObject({
      headUnits: "128",
      learningRates: "0.001",
      fineTuneLearningRates: "1e-5",
      dropouts: "0.2",
      labelSmoothings: "0",
      epochs: "",
      reduceLrFactor: "",
    });
    expect(form.picks).toEqual({ baseModels: [], augmentations: ["none"] });
    const r = validateSweepForm({ ...form, datasetId: "d", experimentId: "e", picks: { ...form.picks, baseModels: ["m"] } }, CATALOGUE);
    expect(r.errors).toEqual({});
    expect(r.planned).toBe(1);
  });

  it("multiplies the planned count by a searchable knob the catalogue adds, and sends its list", () => {
    const grown = [...CATALOGUE, NEW_KNOB];
    const form = typed({ ...base, text: { ...initialSweepForm(grown).text, ...base.text } }, { mixupAlphas: "0, 0.2, 0.4" });
    const r = validateSweepForm(form, grown);
    expect(r.errors).toEqual({});
    expect(r.planned).toBe(48);
    expect(r.input?.searchSpace).toMatchObject({ mixupAlphas: [0, 0.2, 0.4] });
    expect(validateSweepForm(typed(form, { mixupAlphas: "0, 2" }), grown).errors).toEqual({
      mixupAlphas: "mixupAlpha must be a number in [0, 1], received 2",
    });
  });

  it("checks a cross rule the catalogue serves for a new knob, with no change to the form's code", () => {
    const ruled: KnobInfo = {
      ...NEW_KNOB,
      crossRules: [{ relation: "below", other: "learningRate", min: null, appliesWhen: null, qualifier: "while mixing" }],
    };
    const grown = [...CATALOGUE, ruled];
    const form = typed({ ...base, text: { ...initialSweepForm(grown).text, ...base.text } }, { learningRates: "0.01, 0.3" });
    expect(validateSweepForm(typed(form, { mixupAlphas: "0, 0.005" }), grown).errors).toEqual({});
    // Below the lowest learning rate searched (0.01): 0.2 is not, and the message names the rule's words.
    expect(validateSweepForm(typed(form, { mixupAlphas: "0.005, 0.2" }), grown).errors).toEqual({
      mixupAlphas: "mixupAlpha must be below learningRate (0.01) while mixing, received 0.2",
    });
  });

  it("multiplies by label smoothing and sends the values", () => {
    const r = validateSweepForm(typed(base, { labelSmoothings: "0, 0.1" }), CATALOGUE);
    expect(r.planned).toBe(32);
    expect(r.input?.searchSpace).toMatchObject({ labelSmoothings: [0, 0.1] });
    expect(validateSweepForm(typed(base, { labelSmoothings: "0.1, 1" }), CATALOGUE).errors.labelSmoothings).toBe(
      "labelSmoothing must be a number in [0, 1), received 1",
    );
  });

  it("leaves an emptied optional search list to the API's default, and requires the required ones", () => {
    const r = validateSweepForm(typed(base, { dropouts: "" }), CATALOGUE);
    expect(r.errors).toEqual({});
    expect(r.input?.searchSpace).not.toHaveProperty("dropouts");
    expect(validateSweepForm(typed(base, { headUnits: "" }), CATALOGUE).errors.headUnits).toBe('Head: enter at least one value (got "")');
  });
});

describe("repeats (training seeds per configuration)", () => {
  const form = (repeats: string) => ({
    ...initialSweepForm(CATALOGUE),
    datasetId: "d",
    experimentId: "e",
    repeats,
    picks: { baseModels: ["m"], augmentations: ["none"] },
  });
  it("multiplies the planned runs and sends repeats only when above 1", () => {
    const one = validateSweepForm(form("1"), CATALOGUE);
    expect(one.input).not.toHaveProperty("repeats");
    const three = validateSweepForm(form("3"), CATALOGUE);
    expect(three.planned).toBe(one.planned * 3);
    expect(three.input).toMatchObject({ repeats: 3 });
  });
  it("refuses repeats outside 1..100, quoting them", () => {
    expect(validateSweepForm(form("0"), CATALOGUE).errors.repeats).toBe('Repeats: "0" must be between 1 and 100');
    expect(validateSweepForm(form("two"), CATALOGUE).errors.repeats).toBe('Repeats: "two" must be a whole number');
  });
});

describe("validateSweepForm", () => {
  it("builds the CreateSweepInput from a valid form", () => {
    const r = validateSweepForm(base, CATALOGUE);
    expect(r.errors).toEqual({});
    expect(r.planned).toBe(16);
    expect(r.input).toMatchObject({
      name: "demo",
      maxRuns: null,
      epochs: 3,
      fineTuneEpochs: 1,
      searchSpace: { headUnits: [[128], [256, 128]], fineTuneLayers: [0, 2], learningRates: [0.001, 0.0003] },
    });
  });
  it("reports every bad field at once and gives no input", () => {
    const r = validateSweepForm(
      { ...typed(base, { epochs: "two", learningRates: "" }), datasetId: "", picks: { ...base.picks, baseModels: [] }, strategy: "RANDOM" },
      CATALOGUE,
    );
    expect(Object.keys(r.errors).sort()).toEqual(["baseModels", "datasetId", "epochs", "learningRates", "maxRuns"]);
    expect(r.errors.epochs).toContain('"two"');
    expect(r.input).toBeNull();
  });
  it("requires fine-tune epochs when a depth unfreezes layers", () => {
    const r = validateSweepForm(typed(base, { fineTuneEpochs: "0" }), CATALOGUE);
    expect(r.errors.fineTuneEpochs).toBe("fineTuneEpochs must be ≥ 1 when fineTuneLayers > 0, received 0");
    // Left empty, the default (0) is what the API would train with: the same rule holds.
    expect(validateSweepForm(typed(base, { fineTuneEpochs: "" }), CATALOGUE).errors.fineTuneEpochs).toBe(
      "fineTuneEpochs must be ≥ 1 when fineTuneLayers > 0, received 0",
    );
    expect(validateSweepForm(typed(base, { fineTuneLayers: "0", fineTuneEpochs: "0" }), CATALOGUE).input).not.toBeNull();
  });
});

describe("EarlyStopping setting of a sweep", () => {
  it("is left out when empty and sent when given", () => {
    expect(validateSweepForm(base, CATALOGUE).input).not.toHaveProperty("earlyStoppingPatience");
    const r = validateSweepForm(typed(base, { earlyStoppingPatience: " 4 " }), CATALOGUE);
    expect(r.errors).toEqual({});
    expect(r.input).toMatchObject({ earlyStoppingPatience: 4 });
    expect(validateSweepForm(typed(base, { earlyStoppingPatience: "off" }), CATALOGUE).input).toMatchObject({
      earlyStoppingPatience: null,
    });
  });

  it("rejects a patience that is not a whole number from 1 to 1000, quoting it", () => {
    const rule = "null (off) or an integer in [1, 1000]";
    const expected: Record<string, string> = {
      "0": `earlyStoppingPatience must be ${rule}, received 0`,
      "2.5": `earlyStoppingPatience must be ${rule}, received 2.5`,
      many: `earlyStoppingPatience must be ${rule}, received "many" ("many" is not a number)`,
    };
    for (const [bad, message] of Object.entries(expected)) {
      const r = validateSweepForm(typed(base, { earlyStoppingPatience: bad }), CATALOGUE);
      expect(r.errors.earlyStoppingPatience).toBe(message);
      expect(r.input).toBeNull();
    }
  });
});

describe("ReduceLROnPlateau settings of a sweep", () => {
  it("leaves them out when empty, so the API keeps the callback off with its defaults", () => {
    const r = validateSweepForm(base, CATALOGUE);
    expect(r.input).not.toHaveProperty("reduceLrPatience");
    expect(r.input).not.toHaveProperty("reduceLrFactor");
    expect(r.input).not.toHaveProperty("minLearningRate");
  });

  it("sends the patience, factor and floor given", () => {
    const r = validateSweepForm(typed(base, { reduceLrPatience: " 3 ", reduceLrFactor: "0.2", minLearningRate: "1e-6" }), CATALOGUE);
    expect(r.errors).toEqual({});
    expect(r.input).toMatchObject({ reduceLrPatience: 3, reduceLrFactor: 0.2, minLearningRate: 1e-6 });
  });

  it("rejects a factor outside (0, 1) quoting it", () => {
    for (const factor of ["0", "1", "1.5", "-0.1"]) {
      const r = validateSweepForm(typed(base, { reduceLrFactor: factor }), CATALOGUE);
      expect(r.errors.reduceLrFactor).toBe(`reduceLrFactor must be a number in (0, 1), received ${Number(factor)}`);
      expect(r.input).toBeNull();
    }
    expect(validateSweepForm(typed(base, { reduceLrFactor: "half" }), CATALOGUE).errors.reduceLrFactor).toBe(
      'reduceLrFactor must be a number in (0, 1), received "half" ("half" is not a number)',
    );
  });

  it("rejects a patience that is not a whole number from 1 to 1000", () => {
    expect(validateSweepForm(typed(base, { reduceLrPatience: "0" }), CATALOGUE).errors.reduceLrPatience).toBe(
      "reduceLrPatience must be null (off) or an integer in [1, 1000], received 0",
    );
    expect(validateSweepForm(typed(base, { reduceLrPatience: "2.5" }), CATALOGUE).errors.reduceLrPatience).toBe(
      "reduceLrPatience must be null (off) or an integer in [1, 1000], received 2.5",
    );
  });

  it("rejects a negative floor or one not below every learning rate, naming the lowest", () => {
    expect(validateSweepForm(typed(base, { minLearningRate: "-1e-6" }), CATALOGUE).errors.minLearningRate).toBe(
      "minLearningRate must be a number in [0, 1), received -0.000001",
    );
    const r = validateSweepForm(typed(base, { learningRates: "0.01, 0.0003", minLearningRate: "0.0003" }), CATALOGUE);
    expect(r.errors.minLearningRate).toBe("minLearningRate must be below learningRate (0.0003), received 0.0003");
    expect(r.input).toBeNull();
    expect(
      validateSweepForm(typed(base, { learningRates: "0.01, 0.0003", minLearningRate: "0.0001" }), CATALOGUE).errors.minLearningRate,
    ).toBe("minLearningRate must be below fineTuneLearningRate (0.00001) when fine-tuning, received 0.0001");
    expect(validateSweepForm(typed(base, { learningRates: "0.01, 0.0003", minLearningRate: "0.000001" }), CATALOGUE).errors).toEqual({});
  });
});
