import { describe, expect, it } from "vitest";
import type { RunRowFragment } from "../gql/graphql";
import { CATALOGUE, NEW_KNOB, valuesWith } from "./catalogue.fixture.test";
import { DEFAULT_COLUMN_KEYS, RUN_OWN_FIELDS, runColumns } from "./run-columns";

const run = (h: Record<string, unknown>): RunRowFragment => ({
  id: "r1",
  name: "run",
  status: "COMPLETED",
  experimentId: null,
  sweepId: null,
  backend: null,
  agentId: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  startedAt: null,
  finishedAt: null,
  durationMs: null,
  bestValAccuracy: null,
  bestEpoch: null,
  finalValAccuracy: null,
  finalValLoss: null,
  epochCount: 0,
  plannedEpochs: 5,
  error: null,
  stopReason: null,
  tags: [],
  hyperparameters: {
    baseModel: "mobilenet_v1_0.25_224",
    headUnits: [128],
    augmentation: "none",
    learningRate: 0.001,
    fineTuneLayers: 0,
    values: valuesWith({ epochs: 5, ...h }),
  },
});

const columns = runColumns(CATALOGUE);

describe("run columns", () => {
  it("offers the ReduceLROnPlateau settings as optional, sortable, range-filtered columns", () => {
    const cols = ["reduceLrPatience", "reduceLrFactor", "minLearningRate"].map((key) => columns.byKey(key));
    expect(cols.map((c) => c?.field)).toEqual(["REDUCE_LR_PATIENCE", "REDUCE_LR_FACTOR", "MIN_LEARNING_RATE"]);
    for (const c of cols) expect(c).toMatchObject({ filter: "range", numeric: true });
    expect(cols.map((c) => c && columns.isField(c.field))).toEqual([true, true, true]);
  });

  it("shows an off callback as off and the factor and floor as numbers", () => {
    const render = (key: string, r: RunRowFragment) => columns.byKey(key)?.render(r);
    expect(render("reduceLrPatience", run({}))).toBe("off");
    expect(render("reduceLrPatience", run({ reduceLrPatience: 3 }))).toBe("3");
    expect(render("reduceLrFactor", run({ reduceLrFactor: 0.2 }))).toBe("0.2");
    expect(render("minLearningRate", run({ minLearningRate: 1e-6 }))).toBe("1e-6");
    expect(render("minLearningRate", run({}))).toBe("0");
    expect(render("earlyStoppingPatience", run({}))).toBe("off");
    expect(render("earlyStoppingPatience", run({ earlyStoppingPatience: 4 }))).toBe("4");
    // A run whose values lack the knob (an older API) shows it off too.
    const bare = run({});
    expect(columns.byKey("earlyStoppingPatience")?.render({ ...bare, hyperparameters: { ...bare.hyperparameters, values: [] } })).toBe(
      "off",
    );
  });

  it("keeps every column key unique", () => {
    expect(new Set(columns.all.map((c) => c.key)).size).toBe(columns.all.length);
  });

  it("keeps today's keys, labels and filters for the existing knobs, and the default columns", () => {
    expect(DEFAULT_COLUMN_KEYS.every((k) => columns.byKey(k))).toBe(true);
    expect(columns.byKey("head")).toMatchObject({ field: "HEAD_UNITS", label: "Head", filter: "range", knob: "headUnits" });
    expect(columns.byKey("headUnits")).toBeUndefined();
    expect(columns.byKey("baseModel")).toMatchObject({ field: "BASE_MODEL", filter: "baseModel", numeric: false });
    expect(columns.byKey("augmentation")).toMatchObject({ field: "AUGMENTATION", filter: "augmentation", numeric: false });
    expect(columns.byKey("learningRate")).toMatchObject({ field: "LEARNING_RATE", label: "LR", filter: "range", numeric: true });
    expect(columns.byKey("status")?.field).toBe("STATUS");
    expect(columns.byKey("bestValAccuracy")?.field).toBe("BEST_VAL_ACCURACY");
    expect(columns.byKey("createdAt")?.filter).toBe("none");
    expect(columns.byKey("head")?.render(run({ headUnits: [256, 128] }))).toBe("256,128");
    expect(columns.byKey("head")?.render(run({ headUnits: [] }))).toBe("linear");
  });

  it("has a column for each sortable knob and none for the others", () => {
    const knobColumns = columns.all.filter((c) => c.knob).map((c) => c.knob);
    expect(knobColumns).toEqual(CATALOGUE.filter((k) => k.sortField).map((k) => k.name));
    expect(columns.byKey("optimizer")).toBeUndefined();
    expect(columns.fields).toEqual([...RUN_OWN_FIELDS, ...CATALOGUE.flatMap((k) => (k.sortField ? [k.sortField] : []))]);
  });

  it("shows label smoothing and the head's activation, knobs this file never names", () => {
    expect(columns.byKey("labelSmoothing")).toMatchObject({
      label: "Label smoothing",
      field: "LABEL_SMOOTHING",
      filter: "range",
      numeric: true,
    });
    expect(columns.byKey("labelSmoothing")?.render(run({ labelSmoothing: 0.1 }))).toBe("0.1");
    expect(columns.byKey("headActivation")).toMatchObject({ field: "HEAD_ACTIVATION", filter: "none", numeric: false });
    expect(columns.byKey("headActivation")?.render(run({ headActivation: "gelu" }))).toBe("gelu");
  });

  it("turns a knob added to the catalogue into a sortable, filterable column with no code change", () => {
    const grown = runColumns([...CATALOGUE, NEW_KNOB]);
    const col = grown.byKey("mixupAlpha");
    expect(col).toMatchObject({ label: "Mixup α", field: "MIXUP_ALPHA", filter: "range", numeric: true });
    expect(grown.isField("MIXUP_ALPHA")).toBe(true);
    expect(columns.isField("MIXUP_ALPHA")).toBe(false);
    const r = run({});
    expect(
      col?.render({ ...r, hyperparameters: { ...r.hyperparameters, values: valuesWith({ mixupAlpha: 0.4 }, [...CATALOGUE, NEW_KNOB]) } }),
    ).toBe("0.4");
  });
});
