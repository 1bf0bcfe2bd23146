import { describe, expect, it } from "vitest";
import { comparePredictions } from "./paired-comparison";
import { type StoredPredictions } from "./prediction.codec";

/** Two images of two classes; `right[i]` says whether image i is predicted right. */
function predictions(right: boolean[]): StoredPredictions {
  const probabilities = new Float32Array(right.length * 2);
  right.forEach((ok, i) => {
    const truth = i % 2;
    probabilities[i * 2 + (ok ? truth : 1 - truth)] = 0.9;
    probabilities[i * 2 + (ok ? 1 - truth : truth)] = 0.1;
  });
  return { labels: ["a", "b"], files: right.map((_, i) => `x/${i}.png`), yTrue: right.map((_, i) => i % 2), probabilities };
}

describe("comparePredictions", () => {
  const a = predictions([true, true, false, false]);
  const b = predictions([true, false, true, true]);

  it("pairs two runs of one dataset on the same files, image by image", () => {
    const r = comparePredictions({ runId: "A", datasetId: "d", predictions: a }, { runId: "B", datasetId: "d", predictions: b }, 0);
    expect(r).toMatchObject({ sameValidationSet: true, method: "paired", onlyARight: 1, onlyBRight: 2 });
    // Ordered by true class (x/2 is an "a"), then file.
    expect(r.flips.map((f) => [f.file, f.rightRunId])).toEqual([
      ["x/2.png", "B"],
      ["x/1.png", "A"],
      ["x/3.png", "B"],
    ]);
  });

  it("does not pair runs of two datasets even when their relative paths and labels match", () => {
    const r = comparePredictions({ runId: "A", datasetId: "lab", predictions: a }, { runId: "B", datasetId: "field", predictions: b }, 0);
    expect(r).toMatchObject({ sameValidationSet: false, method: "unpaired", mcnemarPValue: null, flips: [] });
  });
});
