import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue.fixture.test";
import { runColumns } from "./run-columns";
import {
  EMPTY_VIEW,
  nextSort,
  parseViewState,
  serializeViewState,
  tagSuggestions,
  toRunFilter,
  toRunOrder,
  type RunsViewState,
} from "./runs-view-state";

const columns = runColumns(CATALOGUE);

describe("runs view state in the URL", () => {
  const view: RunsViewState = {
    sort: { field: "BEST_VAL_ACCURACY", direction: "DESC" },
    status: ["COMPLETED", "RUNNING"],
    baseModels: ["mobilenet_v1_0.25_224"],
    augmentations: ["flip,rotate"],
    search: "lr 1e-3",
    ranges: [{ field: "LEARNING_RATE", min: 0.0001, max: null }],
    tags: ["baseline", "keep, maybe"],
    columns: ["status", "name", "bestValAccuracy"],
    selected: ["r1", "r2"],
  };

  it("round-trips through URLSearchParams, including augmentations with commas", () => {
    const qs = serializeViewState(view).toString();
    expect(qs).toContain("aug=flip%2Crotate");
    const { state, warnings } = parseViewState(new URLSearchParams(qs), columns);
    expect(warnings).toEqual([]);
    expect(state).toEqual(view);
  });

  it("drops bad values with warnings that quote them", () => {
    const { state, warnings } = parseViewState(
      new URLSearchParams("sort=BOGUS.up&status=DONE&range=LEARNING_RATE:x:1&cols=name,nope"),
      columns,
    );
    expect(state.sort).toBeNull();
    expect(state.status).toEqual([]);
    expect(state.ranges).toEqual([]);
    expect(state.columns).toEqual(["name"]);
    expect(warnings).toEqual([
      'Ignored sort "BOGUS.up": expected FIELD.asc or FIELD.desc',
      'Ignored status "DONE"',
      'Ignored range "LEARNING_RATE:x:1": expected FIELD:min:max',
      'Ignored unknown columns "nope"',
    ]);
  });

  it("takes the columns and fields of knobs the catalogue serves, keeping the old head key", () => {
    const { state, warnings } = parseViewState(
      new URLSearchParams("sort=LABEL_SMOOTHING.asc&range=HEAD_UNITS:64:&cols=name,head,labelSmoothing"),
      columns,
    );
    expect(warnings).toEqual([]);
    expect(state.sort).toEqual({ field: "LABEL_SMOOTHING", direction: "ASC" });
    expect(state.ranges).toEqual([{ field: "HEAD_UNITS", min: 64, max: null }]);
    expect(state.columns).toEqual(["name", "head", "labelSmoothing"]);
  });

  it("omits defaults when serialising", () => {
    expect(serializeViewState(EMPTY_VIEW).toString()).toBe("");
  });
});

describe("contract translation", () => {
  it("builds RunFilter with only the set parts and an open range bound left out", () => {
    const { state } = parseViewState(new URLSearchParams("status=FAILED&range=BEST_VAL_ACCURACY:0.8:&q=%20abc%20"), columns);
    expect(toRunFilter(state, { experimentId: "e1" })).toEqual({
      experimentId: "e1",
      status: ["FAILED"],
      search: "abc",
      ranges: [{ field: "BEST_VAL_ACCURACY", min: 0.8 }],
    });
  });
  it("filters by tags (runs carrying every one), kept in the URL as repeated tag params", () => {
    const { state } = parseViewState(new URLSearchParams("tag=baseline&tag=%20keep%20&tag=&tag=baseline"), columns);
    expect(state.tags).toEqual(["baseline", "keep"]);
    expect(serializeViewState(state).toString()).toBe("tag=baseline&tag=keep");
    expect(toRunFilter(state, { sweepId: "s1" })).toEqual({ sweepId: "s1", tags: ["baseline", "keep"] });
    expect(toRunFilter(EMPTY_VIEW, { sweepId: "s1" })).toEqual({ sweepId: "s1" });
  });
  it("suggests the loaded runs' tags not yet filtered by, most common first", () => {
    const runs = [{ tags: ["b", "a"] }, { tags: ["a"] }, { tags: ["c", "a", "b"] }, { tags: [] }];
    expect(tagSuggestions(runs, [])).toEqual(["a", "b", "c"]);
    expect(tagSuggestions(runs, ["a"])).toEqual(["b", "c"]);
    expect(tagSuggestions(runs, [], 1)).toEqual(["a"]);
  });
  it("orders newest first by default", () => {
    expect(toRunOrder(EMPTY_VIEW)).toEqual({ field: "CREATED_AT", direction: "DESC" });
  });
  it("cycles sort DESC → ASC → default", () => {
    const a = nextSort(null, "LEARNING_RATE");
    const b = nextSort(a, "LEARNING_RATE");
    expect([a, b, nextSort(b, "LEARNING_RATE"), nextSort(b, "NAME")]).toEqual([
      { field: "LEARNING_RATE", direction: "DESC" },
      { field: "LEARNING_RATE", direction: "ASC" },
      null,
      { field: "NAME", direction: "DESC" },
    ]);
  });
});
