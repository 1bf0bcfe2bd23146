import { describe, expect, it } from "vitest";
import type { RunRowFragment } from "../gql/graphql";
import { applyRunUpdate, matchesView } from "./run-patch";
import { EMPTY_VIEW } from "./runs-view-state";

function row(id: string, patch: Partial<RunRowFragment> = {}): RunRowFragment {
  return {
    id, name: `run-${id}`, status: "RUNNING", createdAt: "2025-01-01T00:00:00Z", epochCount: 1, plannedEpochs: 3, bestValAccuracy: 0.5,
    hyperparameters: { baseModel: "m1", inputSize: 224, headUnits: [128], dropout: 0.2, augmentation: "none", optimizer: "adam",
      learningRate: 0.001, epochs: 3, fineTuneLayers: 0, fineTuneEpochs: 0, fineTuneLearningRate: 1e-5, batchSize: 32, seed: 0, validationSplit: 0.2,
      reduceLrPatience: null, reduceLrFactor: 0.5, minLearningRate: 0 },
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
  it("checks ranges on the ReduceLROnPlateau settings, an off callback matching no patience range (as in SQL)", () => {
    const h = row("a").hyperparameters;
    const tuned = row("a", { hyperparameters: { ...h, reduceLrPatience: 3, reduceLrFactor: 0.2, minLearningRate: 1e-6 } });
    const patience = { ...EMPTY_VIEW, ranges: [{ field: "REDUCE_LR_PATIENCE" as const, min: 1, max: null }] };
    expect(matchesView(tuned, patience)).toBe(true);
    expect(matchesView(row("a"), patience)).toBe(false);
    const factor = { ...EMPTY_VIEW, ranges: [{ field: "REDUCE_LR_FACTOR" as const, min: null, max: 0.3 }] };
    expect([matchesView(tuned, factor), matchesView(row("a"), factor)]).toEqual([true, false]);
    const floor = { ...EMPTY_VIEW, ranges: [{ field: "MIN_LEARNING_RATE" as const, min: 1e-7, max: null }] };
    expect([matchesView(tuned, floor), matchesView(row("a"), floor)]).toEqual([true, false]);
  });

  it("checks ranges on known fields and treats missing metrics as not matching", () => {
    const view = { ...EMPTY_VIEW, ranges: [{ field: "BEST_VAL_ACCURACY" as const, min: 0.6, max: null }] };
    expect(matchesView(row("a", { bestValAccuracy: 0.7 }), view)).toBe(true);
    expect(matchesView(row("a", { bestValAccuracy: 0.55 }), view)).toBe(false);
    expect(matchesView(row("a", { bestValAccuracy: null }), view)).toBe(false);
    expect(matchesView(row("a"), { ...EMPTY_VIEW, search: "RUN-A" })).toBe(true);
  });
});
