import { describe, expect, it } from "vitest";
import { alignConfusionMatrix, unionLabels } from "./align";

describe("confusion matrix alignment", () => {
  it("unions labels keeping first-seen order", () => {
    expect(unionLabels([["b", "a"], ["a", "c"]])).toEqual(["b", "a", "c"]);
  });

  it("moves cells to the target order and pads unseen labels with zeros", () => {
    const m = [
      [5, 1],
      [2, 7],
    ];
    expect(alignConfusionMatrix(m, ["a", "c"], ["c", "b", "a"])).toEqual([
      [7, 0, 2],
      [0, 0, 0],
      [1, 0, 5],
    ]);
  });

  it("rejects a target order that lacks one of the labels", () => {
    expect(() => alignConfusionMatrix([[1]], ["x"], ["y"])).toThrow(/"x"/);
  });
});
