import { describe, expect, it } from "vitest";
import type { RunRowFragment } from "../gql/graphql";
import { CATALOGUE, NEW_KNOB, valuesWith } from "./catalogue.fixture.test";
import { applyRunUpdate, matchesView } from "./run-patch";
import { EMPTY_VIEW } from "./runs-view-state";

function row(id: string, patch: Partial<RunRowFragment> = {}): RunRowFragment {
  return {
    id,
    name: `run-${id}`,
    status: "RUNNING",
    createdAt: "2025-01-01T00:00:00Z",
    epochCount: 1,
    plannedEpochs: 3,
    bestValAccuracy: 0.5,
    tags: [],
    hyperparameters: {
      baseModel: "m1",
      headUnits: [128],
      augmentation: "none",
      learningRate: 0.001,
      fineTuneLayers: 0,
      values: valuesWith({ baseModel: "m1", epochs: 3, seed: 0 }),
    },
    ...patch,
  };
}

/** `row(id)` with some knob values changed. */
function tuned(id: string, values: Record<string, unknown>): RunRowFragment {
  const r = row(id);
  return { ...r, hyperparameters: { ...r.hyperparameters, values: valuesWith({ baseModel: "m1", epochs: 3, seed: 0, ...values }) } };
}

describe("applyRunUpdate", () => {
  const list = { rows: [row("a"), row("b")], total: 10 };
  it("replaces a known row in place", () => {
    const out = applyRunUpdate(list, row("b", { status: "COMPLETED" }), EMPTY_VIEW, true, CATALOGUE);
    expect(out.rows.map((r) => [r.id, r.status])).toEqual([
      ["a", "RUNNING"],
      ["b", "COMPLETED"],
    ]);
    expect(out.total).toBe(10);
  });
  it("adds a new run on top only when newest-first", () => {
    expect(applyRunUpdate(list, row("c"), EMPTY_VIEW, true, CATALOGUE).rows.map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(applyRunUpdate(list, row("c"), EMPTY_VIEW, false, CATALOGUE)).toBe(list);
  });
  it("drops a row that stops matching the filter", () => {
    const view = { ...EMPTY_VIEW, status: ["RUNNING" as const] };
    const out = applyRunUpdate(list, row("a", { status: "FAILED" }), view, true, CATALOGUE);
    expect(out.rows.map((r) => r.id)).toEqual(["b"]);
    expect(out.total).toBe(9);
  });
});

describe("matchesView", () => {
  it("keeps only runs carrying every tag of the view", () => {
    const view = { ...EMPTY_VIEW, tags: ["baseline", "keep"] };
    expect(matchesView(row("a", { tags: ["keep", "baseline", "x"] }), view, CATALOGUE)).toBe(true);
    expect(matchesView(row("b", { tags: ["keep"] }), view, CATALOGUE)).toBe(false);
    expect(matchesView(row("c"), EMPTY_VIEW, CATALOGUE)).toBe(true);
  });
  it("checks ranges on the ReduceLROnPlateau settings, an off callback matching no patience range (as in SQL)", () => {
    const tunedRun = tuned("a", { reduceLrPatience: 3, reduceLrFactor: 0.2, minLearningRate: 1e-6 });
    const patience = { ...EMPTY_VIEW, ranges: [{ field: "REDUCE_LR_PATIENCE" as const, min: 1, max: null }] };
    expect(matchesView(tunedRun, patience, CATALOGUE)).toBe(true);
    expect(matchesView(row("a"), patience, CATALOGUE)).toBe(false);
    const factor = { ...EMPTY_VIEW, ranges: [{ field: "REDUCE_LR_FACTOR" as const, min: null, max: 0.3 }] };
    expect([matchesView(tunedRun, factor, CATALOGUE), matchesView(row("a"), factor, CATALOGUE)]).toEqual([true, false]);
    const floor = { ...EMPTY_VIEW, ranges: [{ field: "MIN_LEARNING_RATE" as const, min: 1e-7, max: null }] };
    expect([matchesView(tunedRun, floor, CATALOGUE), matchesView(row("a"), floor, CATALOGUE)]).toEqual([true, false]);
  });

  it("checks ranges on known fields and treats missing metrics as not matching", () => {
    const view = { ...EMPTY_VIEW, ranges: [{ field: "BEST_VAL_ACCURACY" as const, min: 0.6, max: null }] };
    expect(matchesView(row("a", { bestValAccuracy: 0.7 }), view, CATALOGUE)).toBe(true);
    expect(matchesView(row("a", { bestValAccuracy: 0.55 }), view, CATALOGUE)).toBe(false);
    expect(matchesView(row("a", { bestValAccuracy: null }), view, CATALOGUE)).toBe(false);
    expect(matchesView(row("a"), { ...EMPTY_VIEW, search: "RUN-A" }, CATALOGUE)).toBe(true);
  });

  it("reads any knob's range from the run's values by the catalogue's sortField, head units by their total", () => {
    const smoothing = { ...EMPTY_VIEW, ranges: [{ field: "LABEL_SMOOTHING" as const, min: 0.05, max: null }] };
    expect([matchesView(tuned("a", { labelSmoothing: 0.1 }), smoothing, CATALOGUE), matchesView(row("a"), smoothing, CATALOGUE)]).toEqual([
      true,
      false,
    ]);
    const head = { ...EMPTY_VIEW, ranges: [{ field: "HEAD_UNITS" as const, min: 300, max: null }] };
    expect([matchesView(tuned("a", { headUnits: [256, 128] }), head, CATALOGUE), matchesView(row("a"), head, CATALOGUE)]).toEqual([
      true,
      false,
    ]);
    // A knob the catalogue adds is checked the same way; one it does not know is left to the server.
    const grown = [...CATALOGUE, NEW_KNOB];
    const mixup = { ...EMPTY_VIEW, ranges: [{ field: "MIXUP_ALPHA" as never, min: 0.2, max: null }] };
    const withMixup = (v: number): RunRowFragment => ({
      ...row("a"),
      hyperparameters: { ...row("a").hyperparameters, values: valuesWith({ mixupAlpha: v }, grown) },
    });
    expect([matchesView(withMixup(0.4), mixup, grown), matchesView(withMixup(0), mixup, grown)]).toEqual([true, false]);
    expect(matchesView(withMixup(0), mixup, CATALOGUE)).toBe(true);
  });
});
