import { describe, expect, it } from "vitest";
import { normaliseRun } from "../../lib/run-data";
import { divergedNote } from "./diverged-note";

const hyperparameters = { baseModel: "m", headUnits: [], augmentation: "none", learningRate: 1e-3, fineTuneLayers: 0 };
const epoch = (n: number, loss: number | null) => ({
  epoch: n,
  phase: "HEAD" as const,
  loss,
  accuracy: 0.5,
  valLoss: null,
  valAccuracy: null,
});

describe("divergedNote", () => {
  it("is null for a run whose values were all finite", () => {
    expect(divergedNote(normaliseRun({ id: "a", name: "a", hyperparameters }, [epoch(1, 1), epoch(2, 0.5)], "#000"))).toBeNull();
  });
  it("names the metric and the epochs, and shortens a long list", () => {
    const run = normaliseRun(
      { id: "b", name: "b", hyperparameters },
      [epoch(1, 1), ...[2, 3, 4, 5, 6, 7, 8].map((n) => epoch(n, null))],
      "#000",
    );
    expect(divergedNote(run)).toBe(
      "Not finite (NaN or Infinity: the training diverged): train loss at epochs 2, 3, 4, 5, 6 … (7 in all). Those points are left out of the charts; a lower learning rate usually helps.",
    );
  });
});
