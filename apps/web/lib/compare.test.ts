import { describe, expect, it } from "vitest";
import type { CompareRunsQuery } from "../gql/graphql";
import { comparisonRuns, parseCompareIds, sharedScaleMax } from "./compare";

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

const hp = { baseModel: "m", inputSize: 224, headUnits: [64], dropout: 0.2, augmentation: "none", optimizer: "adam", learningRate: 0.001,
  epochs: 2, fineTuneLayers: 0, fineTuneEpochs: 0, fineTuneLearningRate: 1e-5, batchSize: 32, seed: 0, validationSplit: 0.2,
  reduceLrPatience: null, reduceLrFactor: 0.5, minLearningRate: 0 };
const epoch = { epoch: 1, phase: "HEAD" as const, loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy: 0.4, learningRate: 0.001, durationMs: 10, imagesPerSec: 5, createdAt: "2025-01-01T00:00:00Z" };

describe("comparisonRuns", () => {
  const comparison: CompareRunsQuery["compareRuns"] = {
    labels: ["a", "b", "c"],
    differences: [],
    runs: [
      { id: "r2", name: "two", status: "COMPLETED", createdAt: "x", epochCount: 1, plannedEpochs: 1, hyperparameters: hp, evaluation: null },
      { id: "r1", name: "one", status: "COMPLETED", createdAt: "x", epochCount: 1, plannedEpochs: 1, hyperparameters: hp, evaluation: null },
    ],
    curves: [{ runId: "r1", epochs: [epoch] }, { runId: "r2", epochs: [] }],
    confusionMatrices: [{ runId: "r1", matrix: [[2, 0, 0], [1, 9, 0], [0, 0, 0]] }, { runId: "r2", matrix: null }],
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
});
