import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue.fixture.test";
import { runColumns } from "./run-columns";
import { EMPTY_VIEW, nextSort, parseViewState, serializeViewState, toRunFilter, toRunOrder, type RunsViewState } from "./runs-view-state";

const columns = runColumns(CATALOGUE);

describe("runs view state in the URL", () => {
  const view: RunsViewState = {
    sort: { field: "BEST_VAL_ACCURACY", direction: "DESC" },
    status: ["COMPLETED", "RUNNING"],
    baseModels: ["mobilenet_v1_0.25_224"],
    augmentations: ["flip,rotate"],
    search: "lr 1e-3",
    ranges: [{ field: "LEARNING_RATE", min: 0.0001, max: null }],
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
