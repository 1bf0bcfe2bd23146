import { describe, expect, it } from "vitest";
import type { CompareRunsQuery } from "../gql/graphql";
import { CATALOGUE, valuesWith } from "./catalogue.fixture.test";
import { comparisonRuns, differenceCells, parallelAxes, parameterLabel, parseCompareIds, sharedScaleMax } from "./compare";

describe("parseCompareIds", () => {
  it("dedupes and trims", () => {
    expect(parseCompareIds(" a, b,a ,,c")).toEqual({ ids: ["a", "b", "c"], error: null });
  });
  it("rejects fewer than 2 or more than 20 with the received value", () => {
    expect(parseCompareIds("a").error).toBe('Compare needs 2 to 20 run ids in ?ids=a,b,… (got 1: "a")');
    expect(parseCompareIds(undefined).error).toContain('got 0: ""');
    expect(parseCompareIds(Array.from({ length: 21 }, (_, i) => `r${i}`).join(",")).error).toContain("got 21");
  });
});

const hp = {
  baseModel: "m",
  headUnits: [64],
  augmentation: "none",
  learningRate: 0.001,
  fineTuneLayers: 0,
  values: valuesWith({ baseModel: "m", headUnits: [64], epochs: 2, seed: 0 }),
};
const epoch = {
  epoch: 1,
  phase: "HEAD" as const,
  loss: 1,
  accuracy: 0.5,
  valLoss: 1,
  valAccuracy: 0.4,
  learningRate: 0.001,
  durationMs: 10,
  imagesPerSec: 5,
  createdAt: "2025-01-01T00:00:00Z",
};

describe("comparisonRuns", () => {
  const comparison: CompareRunsQuery["compareRuns"] = {
    labels: ["a", "b", "c"],
    differences: [],
    groups: [],
    runs: [
      {
        id: "r2",
        name: "two",
        status: "COMPLETED",
        createdAt: "x",
        epochCount: 1,
        plannedEpochs: 1,
        tags: [],
        hyperparameters: hp,
        testSetEvaluations: [],
        evaluation: null,
      },
      {
        id: "r1",
        name: "one",
        status: "COMPLETED",
        createdAt: "x",
        epochCount: 1,
        plannedEpochs: 1,
        tags: [],
        hyperparameters: hp,
        testSetEvaluations: [],
        evaluation: null,
      },
    ],
    curves: [
      { runId: "r1", epochs: [epoch] },
      { runId: "r2", epochs: [] },
    ],
    confusionMatrices: [
      {
        runId: "r1",
        matrix: [
          [2, 0, 0],
          [1, 9, 0],
          [0, 0, 0],
        ],
      },
      { runId: "r2", matrix: null },
    ],
  };
  it("keeps the URL's order, colours by position and aligns matrices to the shared labels", () => {
    const runs = comparisonRuns(comparison, ["r1", "r2"]);
    expect(runs.map((r) => r.runId)).toEqual(["r1", "r2"]);
    expect(runs[0]!.color).not.toBe(runs[1]!.color);
    expect(runs[0]!.confusion?.labels).toEqual(["a", "b", "c"]);
    expect(runs[1]!.confusion).toBeUndefined();
    expect(runs[0]!.metrics.val_accuracy).toEqual([{ step: 1, value: 0.4, phase: "HEAD" }]);
    expect(sharedScaleMax(runs)).toBe(9);
  });
  it("writes the differences table's cells as the run page does: through the catalogue, the weights by name", () => {
    const runs = [
      { ...comparison.runs[0]!, hyperparameters: { ...hp, values: valuesWith({ headUnits: [64], fineTuneLearningRate: 0.00001 }) } },
      { ...comparison.runs[1]!, hyperparameters: { ...hp, values: valuesWith({ headUnits: [256, 128], earlyStoppingPatience: 3 }) } },
    ];
    const row = (name: string, values: (string | null)[]) => ({ name, values, differs: true });
    expect(differenceCells(CATALOGUE, runs, row("headUnits", ["[64]", "[256, 128]"]))).toEqual(["64", "256,128"]);
    expect(differenceCells(CATALOGUE, runs, row("earlyStoppingPatience", [null, "3"]))).toEqual(["off", "3"]);
    expect(differenceCells(CATALOGUE, runs, row("fineTuneLearningRate", ["0.00001", "0.00001"]))).toEqual(["1e-5", "1e-5"]);
    expect(differenceCells(CATALOGUE, runs, row("baseWeights", [null, null]))).toEqual([
      "ImageNet (the model's own)",
      "ImageNet (the model's own)",
    ]);
    // Before the catalogue has loaded, and for what it does not list: the API's text.
    expect(differenceCells(null, runs, row("headUnits", ["[64]", null]))).toEqual(["[64]", "–"]);
    expect(differenceCells(CATALOGUE, runs, row("baseWeightsSha256", [null, "ab"]))).toEqual(["–", "ab"]);
  });

  it("gives the charts every knob by name when the catalogue is given", () => {
    const [run] = comparisonRuns(comparison, ["r1", "r2"], CATALOGUE);
    expect(run!.params).toMatchObject({ baseModel: "m", headUnits: "64", learningRate: 0.001, reduceLrPatience: "off", labelSmoothing: 0 });
  });
});

describe("labels and axes from the catalogue", () => {
  it("labels a difference by the knob's label, and what the catalogue lacks by its name", () => {
    expect(parameterLabel(CATALOGUE, "reduceLrFactor")).toBe("LR factor");
    expect(parameterLabel(CATALOGUE, "baseWeightsSha256")).toBe("baseWeightsSha256");
    expect(parameterLabel(null, "learningRate")).toBe("learningRate");
  });
  it("takes the parallel axes' labels and scales from the catalogue (log for learning rates)", () => {
    expect(parallelAxes(CATALOGUE, ["learningRate", "fineTuneLayers", "headUnits"])).toEqual({
      learningRate: { label: "LR", scale: "log" },
      fineTuneLayers: { label: "FT depth", scale: "linear" },
      headUnits: { label: "Head", scale: null },
    });
  });
});
