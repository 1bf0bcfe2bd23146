import { describe, expect, it } from "vitest";
import { pearson, ranks, spearman } from "./importance";

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
