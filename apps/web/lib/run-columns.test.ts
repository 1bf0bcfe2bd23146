import { describe, expect, it } from "vitest";
import type { RunRowFragment } from "../gql/graphql";
import { columnByKey, isRunField, offOr, RUN_COLUMNS } from "./run-columns";

const run = (h: Partial<RunRowFragment["hyperparameters"]>): RunRowFragment => ({
  id: "r1", name: "run", status: "COMPLETED", experimentId: null, sweepId: null, backend: null, agentId: null,
  createdAt: "2026-01-01T00:00:00.000Z", startedAt: null, finishedAt: null, durationMs: null,
  bestValAccuracy: null, bestEpoch: null, finalValAccuracy: null, finalValLoss: null, epochCount: 0, plannedEpochs: 5, error: null, stopReason: null,
  hyperparameters: {
    baseModel: "mobilenet_v1_0.25_224", inputSize: 224, headUnits: [128], dropout: 0.2, augmentation: "none", optimizer: "adam",
    learningRate: 0.001, epochs: 5, fineTuneLayers: 0, fineTuneEpochs: 0, fineTuneLearningRate: 1e-5, batchSize: 32, seed: 42,
    validationSplit: 0.2, earlyStoppingPatience: null, reduceLrPatience: null, reduceLrFactor: 0.5, minLearningRate: 0, ...h,
  },
});

describe("run columns", () => {
  it("offers the ReduceLROnPlateau settings as optional, sortable, range-filtered columns", () => {
    const cols = ["reduceLrPatience", "reduceLrFactor", "minLearningRate"].map((key) => columnByKey(key));
    expect(cols.map((c) => c?.field)).toEqual(["REDUCE_LR_PATIENCE", "REDUCE_LR_FACTOR", "MIN_LEARNING_RATE"]);
    for (const c of cols) expect(c).toMatchObject({ filter: "range", numeric: true });
    expect(cols.map((c) => c && isRunField(c.field))).toEqual([true, true, true]);
  });

  it("shows an off callback as off and the factor and floor as numbers", () => {
    const render = (key: string, r: RunRowFragment) => columnByKey(key)?.render(r);
    expect(render("reduceLrPatience", run({}))).toBe("off");
    expect(render("reduceLrPatience", run({ reduceLrPatience: 3 }))).toBe("3");
    expect(render("reduceLrFactor", run({ reduceLrFactor: 0.2 }))).toBe("0.2");
    expect(render("minLearningRate", run({ minLearningRate: 1e-6 }))).toBe("1e-6");
    expect(render("minLearningRate", run({}))).toBe("0");
    expect(render("earlyStoppingPatience", run({}))).toBe("off");
    expect(render("earlyStoppingPatience", run({ earlyStoppingPatience: 4 }))).toBe("4");
    expect(offOr(undefined)).toBe("off");
  });

  it("keeps every column key unique", () => {
    expect(new Set(RUN_COLUMNS.map((c) => c.key)).size).toBe(RUN_COLUMNS.length);
  });
});
