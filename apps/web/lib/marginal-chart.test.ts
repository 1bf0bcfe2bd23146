import { describe, expect, it } from "vitest";
import { CATALOGUE, knob } from "./catalogue.fixture.test";
import {
  importanceBars,
  importanceRunCount,
  type ImportanceEntry,
  linearScale,
  MARGINAL_BOX,
  type MarginalEntry,
  marginalLayout,
  marginalValueLabel,
  niceTicks,
} from "./marginal-chart";

const m = (value: string, mean: number, sd = 0.01, trials = 2, numeric: number | null = null): MarginalEntry => ({
  value,
  numeric,
  mean,
  sd,
  trials,
});

const entry = (parameter: string, importance: number, importanceSd = 0.05): ImportanceEntry => ({
  parameter,
  importance,
  importanceSd,
  correlation: null,
  runCount: 12,
  marginal: [],
});

describe("importance bars", () => {
  it("orders by share, in percent with its ± sd, labelled from the catalogue, the whisker kept inside 0–100", () => {
    const bars = importanceBars([entry("learningRate", 0.2), entry("baseModel", 0.7, 0.1), entry("mystery", 0.98, 0.1)], CATALOGUE);
    expect(bars.map((b) => [b.parameter, b.label, b.text])).toEqual([
      ["mystery", "mystery", "98% ± 10"],
      ["baseModel", knob("baseModel").label, "70% ± 10"],
      ["learningRate", "LR", "20% ± 5"],
    ]);
    expect([bars[0]!.low, bars[0]!.high]).toEqual([88, 100]);
  });
  it("skips a non-finite importance and reads a missing sd as none", () => {
    const bars = importanceBars([entry("a", Number.NaN), { ...entry("b", 0.5), importanceSd: Number.NaN }], null);
    expect(bars.map((b) => [b.parameter, b.text, b.low, b.high])).toEqual([["b", "50%", 50, 50]]);
    expect(importanceRunCount([entry("a", 0.1)])).toBe(12);
    expect(importanceRunCount([])).toBe(0);
  });
});

describe("scales", () => {
  it("maps linearly, a flat domain to the middle", () => {
    expect(linearScale([0, 10], [100, 200])(5)).toBe(150);
    expect(linearScale([1, 1], [100, 200])(1)).toBe(150);
  });
  it("picks round ticks", () => {
    expect(niceTicks(0.81, 0.93, 3)).toEqual([0.85, 0.9]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(2, 2)).toEqual([2]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });
});

describe("marginal layout", () => {
  const lr = knob("learningRate");
  it("puts a log-scale knob's values on a log axis: equal ratios, equal steps", () => {
    const layout = marginalLayout([m("0.0001", 0.8, 0.01, 2, 1e-4), m("0.001", 0.9, 0.01, 2, 1e-3), m("0.01", 0.85, 0.01, 2, 1e-2)], lr)!;
    expect(layout.kind).toBe("numeric");
    expect(layout.log).toBe(true);
    const [a, b, c] = layout.marks.map((p) => p.x);
    expect(b! - a!).toBeCloseTo(c! - b!, 9);
    expect(layout.xTicks.map((t) => t.label)).toEqual(["1e-4", "0.001", "0.01"]);
    // Higher accuracy is higher on the plot (smaller y); whiskers straddle the mean.
    const [pa, pb] = layout.marks;
    expect(pb!.y).toBeLessThan(pa!.y);
    expect(pb!.yHigh).toBeLessThan(pb!.y);
    expect(pb!.yLow).toBeGreaterThan(pb!.y);
    for (const p of layout.marks) {
      expect(p.x).toBeGreaterThanOrEqual(MARGINAL_BOX.left);
      expect(p.x).toBeLessThanOrEqual(MARGINAL_BOX.width - MARGINAL_BOX.right);
    }
  });
  it("keeps a linear knob linear", () => {
    const layout = marginalLayout([m("0", 0.8, 0.01, 2, 0), m("2", 0.9, 0.01, 2, 2), m("8", 0.85, 0.01, 2, 8)], knob("fineTuneLayers"))!;
    expect(layout.log).toBe(false);
    const [a, b, c] = layout.marks.map((p) => p.x);
    expect((c! - b!) / (b! - a!)).toBeCloseTo(3, 9);
  });
  it("draws categorical values as labelled bands in the API's order, faded where no run had them", () => {
    const layout = marginalLayout([m("[128]", 0.8), m("[]", 0.82), m("[256,128]", 0.7, 0.02, 0)], knob("headUnits"))!;
    expect(layout.kind).toBe("categorical");
    expect(layout.xTicks.map((t) => t.label)).toEqual(["128", "linear", "256,128"]);
    expect(layout.marks.map((p) => p.faded)).toEqual([false, false, true]);
    const xs = layout.marks.map((p) => p.x);
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 9);
  });
  it("cleans values at the plot: a non-finite mean is skipped, a non-finite sd is no whisker, ≤ 0 has no place on a log axis", () => {
    const layout = marginalLayout(
      [m("0.001", Number.NaN, 0.01, 2, 1e-3), m("0.01", 0.9, Number.NaN, 2, 1e-2), m("0", 0.7, 0.01, 2, 0), m("0.1", 0.8, 0.01, 2, 0.1)],
      lr,
    )!;
    expect(layout.skipped).toBe(2);
    expect(layout.marks.map((p) => p.label)).toEqual(["0.01", "0.1"]);
    expect(layout.marks[0]!.yLow).toBe(layout.marks[0]!.y);
    expect(layout.yTicks.every((t) => Number.isFinite(t.y))).toBe(true);
    expect(marginalLayout([m("a", Number.NaN)], undefined)).toBeNull();
    expect(marginalLayout([], lr)).toBeNull();
  });
  it("labels values by the knob's own formatting, or their text without a catalogue", () => {
    expect(marginalValueLabel(m("flip,rotate", 0.8), knob("augmentation"))).toBe("flip,rotate");
    expect(marginalValueLabel(m("[64,32]", 0.8), undefined)).toBe("[64,32]");
    expect(marginalValueLabel(m("0.0003", 0.8, 0, 1, 3e-4), undefined)).toBe("3e-4");
  });
});
