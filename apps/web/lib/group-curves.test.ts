import { describe, expect, it } from "vitest";
import { curveGroups, groupCurve, hasRepeats, meanSd } from "./group-curves";
import { normaliseRun, type RunData } from "./run-data";

/** A run whose only metric is `val_accuracy`, given step by step; `null` = logged but diverged. */
function run(id: string, values: (number | null | undefined)[], name = `cfg-${id}`): RunData {
  const metrics: RunData["metrics"] = { val_accuracy: [] };
  const gaps: RunData["gaps"] = {};
  values.forEach((value, i) => {
    if (value === undefined) return;
    if (value === null) (gaps.val_accuracy ??= []).push(i + 1);
    else metrics.val_accuracy!.push({ step: i + 1, value, phase: "HEAD" });
  });
  return { runId: id, runName: name, color: "#000", metrics, gaps, params: {}, epochMatrices: [] };
}

describe("meanSd", () => {
  it("is the mean and the sample (n − 1) standard deviation, like the API's group metrics", () => {
    const r = meanSd([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(r.mean).toBe(5);
    expect(r.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(r.n).toBe(8);
  });
  it("drops NaN and ±Infinity, has no sd below two values and no mean without any", () => {
    expect(meanSd([0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toEqual({ mean: 0.5, sd: null, n: 1 });
    expect(meanSd([])).toEqual({ mean: null, sd: null, n: 0 });
  });
});

describe("groupCurve", () => {
  it("averages each epoch over the runs that have it, saying how many did", () => {
    // Run c stopped after epoch 2; run b skipped epoch 2 (not logged at all).
    const points = groupCurve([run("a", [0.5, 0.6, 0.7]), run("b", [0.7, undefined, 0.9]), run("c", [0.6, 0.8])], "val_accuracy");
    expect(points.map((p) => [p.step, p.n])).toEqual([
      [1, 3],
      [2, 2],
      [3, 2],
    ]);
    expect(points[0]!.mean).toBeCloseTo(0.6, 12);
    expect(points[0]!.sd).toBeCloseTo(0.1, 12);
    expect(points[1]!.mean).toBeCloseTo(0.7, 12);
    expect(points[1]!.sd).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(points[2]!.mean).toBeCloseTo(0.8, 12);
    expect(points[2]!.sd).toBeCloseTo(Math.sqrt(0.02), 12);
  });
  it("leaves out a diverged run's epoch, and breaks the line where every run diverged", () => {
    const points = groupCurve([run("a", [0.5, null, null]), run("b", [0.7, 0.8, null])], "val_accuracy");
    expect(points).toEqual([
      { step: 1, mean: expect.closeTo(0.6, 12) as number, sd: expect.closeTo(Math.sqrt(0.02), 12) as number, n: 2 },
      { step: 2, mean: 0.8, sd: null, n: 1 },
      { step: 3, mean: null, sd: null, n: 0 },
    ]);
  });
  it("drops non-finite values even when they reach the metrics", () => {
    const bad = run("a", [0.5, 0.5]);
    bad.metrics.val_accuracy!.push(
      { step: 1, value: Number.NaN, phase: "HEAD" },
      { step: 2, value: Number.POSITIVE_INFINITY, phase: "HEAD" },
    );
    const points = groupCurve([bad, run("b", [0.7, 0.9])], "val_accuracy");
    expect(points.map((p) => [p.step, p.n])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(points[1]!.mean).toBeCloseTo(0.7, 12);
    expect(JSON.stringify(points)).not.toMatch(/NaN|Infinity/);
  });
  it("gives a single-run group its own values and no sd", () => {
    expect(groupCurve([run("a", [0.5, 0.6])], "val_accuracy")).toEqual([
      { step: 1, mean: 0.5, sd: null, n: 1 },
      { step: 2, mean: 0.6, sd: null, n: 1 },
    ]);
  });
  it("reads runs as normalised from the API (a diverged loss arrives as null, Infinity is not finite)", () => {
    const hp = { baseModel: "m", headUnits: [], augmentation: "none", learningRate: 1e-3, fineTuneLayers: 0 };
    const a = normaliseRun(
      { id: "a", name: "a", hyperparameters: hp },
      [
        { epoch: 1, phase: "HEAD", loss: 1 },
        { epoch: 2, phase: "HEAD", loss: Number.POSITIVE_INFINITY },
      ],
      "#000",
    );
    const b = normaliseRun(
      { id: "b", name: "b", hyperparameters: hp },
      [
        { epoch: 1, phase: "HEAD", loss: 3 },
        { epoch: 2, phase: "HEAD", loss: 2 },
      ],
      "#000",
    );
    expect(groupCurve([a, b], "loss")).toEqual([
      { step: 1, mean: 2, sd: Math.SQRT2, n: 2 },
      { step: 2, mean: 2, sd: null, n: 1 },
    ]);
    expect(groupCurve([a, b], "unknown")).toEqual([]);
  });
});

describe("curveGroups", () => {
  const runs = [run("r1", [], "sweep-03-s1"), run("r2", [], "sweep-03-s2"), run("r3", [], "solo"), run("r4", [], "sweep-04-s1")];
  it("keeps the groups' order and their drawn runs, labelled with the name and n", () => {
    const groups = [
      { key: "k4", runIds: ["r4", "gone"] },
      { key: "k3", runIds: ["r1", "r2"] },
      { key: "empty", runIds: ["gone"] },
    ];
    expect(curveGroups(groups, runs)).toEqual([
      { key: "k4", label: "sweep-04 (n=1)", runIds: ["r4"] },
      { key: "k3", label: "sweep-03 (n=2)", runIds: ["r1", "r2"] },
      // A drawn run no group lists is drawn as a group of its own.
      { key: "r3", label: "solo (n=1)", runIds: ["r3"] },
    ]);
  });
  it("says whether any group has repeats", () => {
    expect(hasRepeats([{ runIds: ["a"] }, { runIds: ["b", "c"] }])).toBe(true);
    expect(hasRepeats([{ runIds: ["a"] }, { runIds: ["b"] }])).toBe(false);
  });
});
