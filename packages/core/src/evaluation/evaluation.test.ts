import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { alignConfusionMatrix, classificationReport, confusionMatrix, evaluatePredictions } from "./index";

// Worked example (checked by hand; sklearn gives the same):
// true  0 0 0 0 1 1 1 2 2 2
// pred  0 0 1 2 1 1 0 2 2 1
const yTrue = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
const yPred = [0, 0, 1, 2, 1, 1, 0, 2, 2, 1];

describe("confusionMatrix", () => {
  it("puts true labels on rows and predictions on columns", () => {
    expect(confusionMatrix(yTrue, yPred, 3)).toEqual([
      [2, 1, 1],
      [1, 2, 0],
      [0, 1, 2],
    ]);
  });

  it("rejects mismatched lengths and out-of-range labels, quoting them", () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(/same length, received 2 and 1/);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/yTrue\[1\].*received 3/);
    expect(() => confusionMatrix([0], [0.5], 3)).toThrow(/yPred\[0\].*received 0.5/);
  });
});

describe("classificationReport", () => {
  it("matches precision/recall/F1 computed by hand", () => {
    const report = classificationReport(confusionMatrix(yTrue, yPred, 3), ["a", "b", "c"]);
    const rows = report.perClass.map((m) => [m.label, m.precision, m.recall, m.f1, m.support]);
    const expected = [
      ["a", 2 / 3, 2 / 4, 4 / 7, 4],
      ["b", 2 / 4, 2 / 3, 4 / 7, 3],
      ["c", 2 / 3, 2 / 3, 2 / 3, 3],
    ];
    rows.forEach((row, i) => {
      expect(row[0]).toBe(expected[i]?.[0]);
      for (let j = 1; j < 5; j++) expect(row[j]).toBeCloseTo(expected[i]?.[j] as number, 12);
    });
    expect(report.accuracy).toBeCloseTo(0.6, 12);
    expect(report.macroF1).toBeCloseTo(38 / 63, 12);
    expect(report.weightedF1).toBeCloseTo(0.6, 12);
  });

  it("scores 0/0 as 0 (zero_division=0): a never-predicted class and an absent class", () => {
    // Class 1 is never predicted; class 2 has no support and is never predicted.
    const report = classificationReport(
      [
        [3, 0, 0],
        [2, 0, 0],
        [0, 0, 0],
      ],
      ["x", "y", "z"],
    );
    const expected = [3 / 5, 1, 0.75, 0, 0, 0, 0, 0, 0];
    report.perClass.flatMap((m) => [m.precision, m.recall, m.f1]).forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 12));
    expect(report.macroF1).toBeCloseTo(0.25, 12);
    expect(report.weightedF1).toBeCloseTo((0.75 * 3) / 5, 12);
    expect(report.accuracy).toBeCloseTo(0.6, 12);
  });

  it("rejects a matrix that does not fit the labels", () => {
    expect(() => classificationReport([[1, 2]], ["a", "b"])).toThrow(/must be 2×2/);
  });
});

describe("evaluatePredictions", () => {
  it("takes the argmax, and lists mistakes most confident first", () => {
    const report = evaluatePredictions({
      labels: ["cat", "dog"],
      yTrue: [0, 0, 1, 1, 1],
      probabilities: [
        [0.9, 0.1],
        [0.3, 0.7],
        [0.2, 0.8],
        [0.95, 0.05],
        [0.5, 0.5], // tie → first index (cat), like numpy
      ],
      files: ["c1.jpg", "c2.jpg", "d1.jpg", "d2.jpg", "d3.jpg"],
    });
    expect(report.confusionMatrix).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(report.accuracy).toBeCloseTo(0.4, 12);
    expect(report.misclassified).toEqual([
      { file: "d2.jpg", trueLabel: "dog", predictedLabel: "cat", confidence: 0.95 },
      { file: "c2.jpg", trueLabel: "cat", predictedLabel: "dog", confidence: 0.7 },
      { file: "d3.jpg", trueLabel: "dog", predictedLabel: "cat", confidence: 0.5 },
    ]);
    expect(report.labels).toEqual(["cat", "dog"]);
    // Every image kept, in order, with its float32 probabilities row-major.
    expect(report.predictions?.files).toEqual(["c1.jpg", "c2.jpg", "d1.jpg", "d2.jpg", "d3.jpg"]);
    expect(report.predictions?.yTrue).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(report.predictions?.probabilities ?? [])).toEqual(
      Array.from(Float32Array.from([0.9, 0.1, 0.3, 0.7, 0.2, 0.8, 0.95, 0.05, 0.5, 0.5])),
    );
  });

  it("rejects rows of the wrong width and misaligned arrays", () => {
    const base = { labels: ["a", "b"], yTrue: [0], probabilities: [[1, 0]], files: ["f"] };
    expect(() => evaluatePredictions({ ...base, probabilities: [[1, 0, 0]] })).toThrow(/probabilities\[0\] must have 2 values.*received 3/);
    expect(() => evaluatePredictions({ ...base, files: [] })).toThrow(/received 1, 1 and 0/);
  });
});

describe("alignConfusionMatrix", () => {
  it("re-indexes into the union order with zero rows/columns for missing labels", () => {
    const m = [
      [5, 1],
      [2, 7],
    ];
    expect(alignConfusionMatrix(["dog", "cat"], m, ["bird", "cat", "dog"])).toEqual([
      [0, 0, 0],
      [0, 7, 2],
      [0, 1, 5],
    ]);
  });

  it("refuses to drop a label that the union lacks, and a non-square matrix", () => {
    expect(() =>
      alignConfusionMatrix(
        ["a", "b"],
        [
          [1, 0],
          [0, 1],
        ],
        ["a"],
      ),
    ).toThrow(/lacks label\(s\) "b"/);
    expect(() => alignConfusionMatrix(["a", "b"], [[1, 0]], ["a", "b"])).toThrow(/must be 2×2/);
  });
});

describe("module boundary", () => {
  it("imports no TensorFlow.js (the API loads it as @graft/core/metrics)", () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    for (const file of ["index.ts", "confusion.ts", "report.ts", "evaluate.ts"]) {
      expect(readFileSync(path.join(dir, file), "utf8")).not.toMatch(/@tensorflow/);
    }
  });
});
