import { describe, expect, it } from "vitest";
import { flipsForCell, groupVerdictText, type Paired, pValueText, verdictText } from "./verdict";

const base: Paired = {
  a: "a",
  b: "b",
  sameValidationSet: true,
  method: "paired",
  imagesA: 144,
  imagesB: 144,
  accuracyA: 0.9,
  accuracyB: 0.921,
  accuracyDifference: 0.021,
  ci95Low: 0.007,
  ci95High: 0.035,
  mcnemarPValue: 0.031,
  onlyARight: 1,
  onlyBRight: 4,
  perClass: [],
  flips: [],
};

describe("verdictText", () => {
  it("says which run is better, by how much, with the interval and McNemar's p", () => {
    expect(verdictText(base, "A", "B")).toBe("B is better than A by 2.1 points, 95% CI 0.7 to 3.5, McNemar p = 0.03.");
    expect(verdictText({ ...base, accuracyDifference: -0.021, ci95Low: -0.035, ci95High: -0.007, mcnemarPValue: 0.0004 }, "A", "B")).toBe(
      "B is worse than A by 2.1 points, 95% CI -3.5 to -0.7, McNemar p < 0.001.",
    );
  });

  it("says when the interval includes 0, and when the comparison is unpaired", () => {
    expect(verdictText({ ...base, ci95Low: -0.007, mcnemarPValue: 0.4 }, "A", "B")).toBe(
      "No clear difference: B is better than A by 2.1 points, but the 95% CI -0.7 to 3.5 includes 0, McNemar p = 0.40.",
    );
    expect(verdictText({ ...base, sameValidationSet: false, method: "unpaired", imagesB: 120, mcnemarPValue: null }, "A", "B")).toBe(
      "B is better than A by 2.1 points, 95% CI 0.7 to 3.5 (unpaired: the runs were evaluated on different images, 144 and 120).",
    );
    expect(verdictText({ ...base, accuracyDifference: 0, ci95Low: 0, ci95High: 0, mcnemarPValue: 1 }, "A", "B")).toBe(
      "A and B are right on exactly the same images.",
    );
  });

  it("says when two runs have the same accuracy but differ on some images", () => {
    expect(verdictText({ ...base, accuracyDifference: 0, ci95Low: -0.02, ci95High: 0.02, mcnemarPValue: 1 }, "A", "B")).toBe(
      "No clear difference: B and A have the same accuracy, 95% CI -2.0 to 2.0, McNemar p = 1.00.",
    );
  });

  it("writes p-values as people do", () => {
    expect([0.0004, 0.004, 0.031, 0.625, 1].map(pValueText)).toEqual(["p < 0.001", "p = 0.004", "p = 0.03", "p = 0.63", "p = 1.00"]);
  });
});

describe("flipsForCell", () => {
  const flip = (file: string, trueLabel: string, predictedA: string, predictedB: string) => ({
    file,
    trueLabel,
    rightRunId: predictedA === trueLabel ? "a" : "b",
    predictedA,
    confidenceA: 0.7,
    predictedB,
    confidenceB: 0.8,
  });
  const flips = [flip("1", "scab", "rust", "scab"), flip("2", "scab", "scab", "healthy"), flip("3", "rust", "scab", "rust")];
  it("gives a class's flips on the diagonal and those with the cell's predicted label off it", () => {
    expect(flipsForCell(flips, "scab", "scab").map((f) => f.file)).toEqual(["1", "2"]);
    expect(flipsForCell(flips, "scab", "healthy").map((f) => f.file)).toEqual(["2"]);
    expect(flipsForCell(flips, "rust", "healthy")).toEqual([]);
  });
});

describe("groupVerdictText", () => {
  const r = {
    images: 144,
    accuracyA: 0.822,
    accuracyB: 0.891,
    stdA: 0.024,
    stdB: 0.021,
    accuracyDifference: 0.069,
    ci95Low: 0.007,
    ci95High: 0.132,
    bootstrapResamples: 2000,
  };
  it("names both configurations with their seeds, the difference and the interval", () => {
    expect(groupVerdictText(r, "seeds-1", 3, "seeds-2", 3)).toBe(
      "seeds-2 (n=3) is better than seeds-1 (n=3) by 6.9 points, 95% CI 0.7 to 13.2 over seeds and images.",
    );
    expect(groupVerdictText({ ...r, ci95Low: -0.01 }, "seeds-1", 3, "seeds-2", 2)).toBe(
      "No clear difference: seeds-2 (n=2) is better than seeds-1 (n=3) by 6.9 points, but the 95% CI -1.0 to 13.2 over seeds and images includes 0.",
    );
    expect(groupVerdictText({ ...r, accuracyDifference: 0, ci95Low: -0.3, ci95High: 0.3 }, "a", 2, "b", 2)).toBe(
      "No clear difference: b (n=2) and a (n=2) have the same mean accuracy, 95% CI -30.0 to 30.0 over seeds and images.",
    );
  });
});
