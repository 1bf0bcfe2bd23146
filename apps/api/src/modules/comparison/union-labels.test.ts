import { alignConfusionMatrix } from "@graft/core/metrics";
import { describe, expect, it } from "vitest";
import { unionLabels } from "./union-labels";

describe("unionLabels", () => {
  it("unions labels keeping first-seen order", () => {
    expect(
      unionLabels([
        ["b", "a"],
        ["a", "c"],
      ]),
    ).toEqual(["b", "a", "c"]);
    expect(unionLabels([])).toEqual([]);
  });

  it("gives an order core's alignConfusionMatrix accepts for every run (unseen labels padded with zeros)", () => {
    const a = {
      labels: ["a", "c"],
      matrix: [
        [5, 1],
        [2, 7],
      ],
    };
    const b = {
      labels: ["c", "b"],
      matrix: [
        [3, 0],
        [1, 4],
      ],
    };
    const union = unionLabels([a.labels, b.labels]);
    expect(union).toEqual(["a", "c", "b"]);
    expect(alignConfusionMatrix(a.labels, a.matrix, union)).toEqual([
      [5, 1, 0],
      [2, 7, 0],
      [0, 0, 0],
    ]);
    expect(alignConfusionMatrix(b.labels, b.matrix, union)).toEqual([
      [0, 0, 0],
      [0, 3, 0],
      [0, 1, 4],
    ]);
  });
});
