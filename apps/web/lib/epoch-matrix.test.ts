import { describe, expect, it } from "vitest";
import { atEpoch, matrixEpochs } from "./epoch-matrix";
import type { RunData } from "./run-data";

const run = (epochs: number[], labels = ["a", "b"]): RunData => ({
  runId: "r",
  runName: "r",
  color: "#000",
  metrics: {},
  gaps: {},
  params: {},
  confusion: {
    labels,
    matrix: [
      [9, 0],
      [0, 9],
    ],
  },
  epochMatrices: epochs.map((e) => ({
    epoch: e,
    matrix: [
      [e, 1],
      [2, 3],
    ],
  })),
  matrixLabels: labels,
});

describe("the epoch slider over confusion matrices", () => {
  it("offers every epoch any run reported, ascending", () => {
    expect(matrixEpochs([run([1, 2, 3]), run([1, 2, 5])])).toEqual([1, 2, 3, 5]);
    expect(matrixEpochs([run([])])).toEqual([]);
  });

  it("draws a run at an epoch: that epoch's matrix, re-indexed to the view's labels; null keeps the evaluation", () => {
    expect(atEpoch(run([1, 2]), 2, ["a", "b"]).confusion).toEqual({
      labels: ["a", "b"],
      matrix: [
        [2, 1],
        [2, 3],
      ],
    });
    // The view's label order (Compare's union) differs: rows and columns follow the names; a label the run lacks is 0.
    expect(atEpoch(run([1]), 1, ["b", "c", "a"]).confusion).toEqual({
      labels: ["b", "c", "a"],
      matrix: [
        [3, 0, 2],
        [0, 0, 0],
        [1, 0, 1],
      ],
    });
    expect(atEpoch(run([1]), null, ["a", "b"]).confusion?.matrix).toEqual([
      [9, 0],
      [0, 9],
    ]);
    // Stopped before that epoch: nothing to draw.
    expect(atEpoch(run([1]), 4, ["a", "b"]).confusion).toBeUndefined();
  });
});
