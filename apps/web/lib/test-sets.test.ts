import { describe, expect, it } from "vitest";
import { accuracyBySet, evaluableDatasets } from "./test-sets";

describe("evaluation sets", () => {
  it("lists validation, then every other set in order of appearance, each run's accuracy or null", () => {
    const rows = accuracyBySet([
      {
        evaluation: { accuracy: 0.99 },
        testSetEvaluations: [
          { status: "COMPLETED", accuracy: 0.31, dataset: { id: "f", name: "field" } },
          { status: "QUEUED", accuracy: null, dataset: { id: "g", name: "garden" } },
        ],
      },
      { evaluation: null, testSetEvaluations: [{ status: "COMPLETED", accuracy: 0.4, dataset: { id: "g", name: "garden" } }] },
      {
        evaluation: { accuracy: 0.9 },
        testSetEvaluations: [{ status: "COMPLETED", accuracy: Number.NaN, dataset: { id: "f", name: "field" } }],
      },
    ]);
    expect(rows).toEqual([
      { key: "validation", label: "validation", accuracies: [0.99, null, 0.9] },
      { key: "f", label: "field", accuracies: [0.31, null, null] },
      { key: "g", label: "garden", accuracies: [null, 0.4, null] },
    ]);
  });

  it("offers only other datasets whose classes the model knows", () => {
    const ds = [
      { id: "own", classes: [{ name: "a" }] },
      { id: "ok", classes: [{ name: "a" }, { name: "b" }] },
      { id: "alien", classes: [{ name: "a" }, { name: "z" }] },
      { id: "empty", classes: [] },
    ];
    expect(evaluableDatasets(ds, "own", ["a", "b", "c"]).map((d) => d.id)).toEqual(["ok"]);
  });
});
