import { describe, expect, it } from "vitest";
import type { RunRowFragment } from "../gql/graphql";
import { applyRunUpdate, matchesView } from "./run-patch";
import { EMPTY_VIEW } from "./runs-view-state";

function row(id: string, patch: Partial<RunRowFragment> = {}): RunRowFragment {
  return {
    id, name: `run-${id}`, status: "RUNNING", createdAt: "2025-01-01T00:00:00Z", epochCount: 1, bestValAccuracy: 0.5,
    hyperparameters: { baseModel: "m1", inputSize: 224, headUnits: [128], dropout: 0.2, augmentation: "none", optimizer: "adam",
      learningRate: 0.001, epochs: 3, fineTuneLayers: 0, fineTuneEpochs: 0, fineTuneLearningRate: 1e-5, batchSize: 32, seed: 0, validationSplit: 0.2 },
    ...patch,
  };
}

describe("applyRunUpdate", () => {
  const list = { rows: [row("a"), row("b")], total: 10 };
  it("replaces a known row in place", () => {
    const out = applyRunUpdate(list, row("b", { status: "COMPLETED" }), EMPTY_VIEW, true);
    expect(out.rows.map((r) => [r.id, r.status])).toEqual([["a", "RUNNING"], ["b", "COMPLETED"]]);
    expect(out.total).toBe(10);
  });
  it("adds a new run on top only when newest-first", () => {
    expect(applyRunUpdate(list, row("c"), EMPTY_VIEW, true).rows.map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(applyRunUpdate(list, row("c"), EMPTY_VIEW, false)).toBe(list);
  });
  it("drops a row that stops matching the filter", () => {
    const view = { ...EMPTY_VIEW, status: ["RUNNING" as const] };
    const out = applyRunUpdate(list, row("a", { status: "FAILED" }), view, true);
    expect(out.rows.map((r) => r.id)).toEqual(["b"]);
    expect(out.total).toBe(9);
  });
});

describe("matchesView", () => {
  it("checks ranges on known fields and treats missing metrics as not matching", () => {
    const view = { ...EMPTY_VIEW, ranges: [{ field: "BEST_VAL_ACCURACY" as const, min: 0.6, max: null }] };
    expect(matchesView(row("a", { bestValAccuracy: 0.7 }), view)).toBe(true);
    expect(matchesView(row("a", { bestValAccuracy: 0.55 }), view)).toBe(false);
    expect(matchesView(row("a", { bestValAccuracy: null }), view)).toBe(false);
    expect(matchesView(row("a"), { ...EMPTY_VIEW, search: "RUN-A" })).toBe(true);
  });
});
