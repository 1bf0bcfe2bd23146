import { describe, expect, it } from "vitest";
import { pearson, ranks, spearman } from "./importance";
import { type RunRow } from "../run/run.mapper";
import { MAX_IMPORTANCE_RUNS, sweepImportance } from "./sweep.importance";

describe("correlations", () => {
  it("pearson is 1 for a linear increase, -1 for a decrease, 0 for a constant", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
    expect(pearson([1, 1, 1], [3, 2, 1])).toBe(0);
  });

  it("ranks share ties", () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });

  it("spearman sees monotone non-linear relations as perfect", () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1);
    expect(pearson([1, 2, 3, 4], [1, 8, 27, 640])).toBeLessThan(0.9);
  });
});

describe("sweepImportance on a large sweep", () => {
  it("grows the forest on a seeded sample of MAX_IMPORTANCE_RUNS runs and says so in runCount", () => {
    const lrs = [0.0001, 0.001, 0.01];
    const rows = Array.from({ length: MAX_IMPORTANCE_RUNS + 500 }, (_, i) => {
      const learningRate = lrs[i % 3] as number;
      const knobs = {
        baseModel: "vgg16",
        headUnits: [8],
        augmentation: "none",
        fineTuneLayers: 0,
        fineTuneLearningRate: 0.00001,
        dropout: 0.2,
        labelSmoothing: 0,
      };
      return { ...knobs, learningRate, bestValAccuracy: 0.5 + 10 * learningRate + 0.001 * (i % 7) } as unknown as RunRow;
    });
    const sweep = { searchSpace: { baseModels: ["vgg16"], headUnits: [[8]], learningRates: lrs }, fixed: {}, seed: 3 };
    const [lr] = sweepImportance(sweep, rows);
    expect(lr?.parameter).toBe("learningRate");
    expect(lr?.runCount).toBe(MAX_IMPORTANCE_RUNS);
    expect(lr?.marginal.reduce((n, m) => n + m.trials, 0)).toBe(MAX_IMPORTANCE_RUNS);
    expect(sweepImportance(sweep, rows)).toEqual(sweepImportance(sweep, rows));
  });
});
