import { describe, expect, it } from "vitest";
import { bandPoints, bandSpecFor } from "./band-chart";
import { toEchartsOption } from "./chart-spec";
import { normaliseRun, type EpochInput, type RunData } from "./run-data";

const hp = { baseModel: "m", headUnits: [], augmentation: "none", learningRate: 1e-3, fineTuneLayers: 0 };
function makeRun(id: string, valAccuracy: (number | null)[], fineTuneFrom?: number): RunData {
  const epochs: EpochInput[] = valAccuracy.map((v, i) => ({
    epoch: i + 1,
    phase: fineTuneFrom !== undefined && i + 1 >= fineTuneFrom ? "FINE_TUNE" : "HEAD",
    valAccuracy: v,
    accuracy: 0.5,
  }));
  return normaliseRun({ id, name: `cfg-${id}`, hyperparameters: hp }, epochs, "#000");
}

type AnyRecord = Record<string, unknown>;
const seriesOf = (o: AnyRecord) => o.series as AnyRecord[];
const groups = [
  { key: "g1", label: "cfg (n=3)", runIds: ["a", "b", "c"] },
  { key: "g2", label: "solo (n=1)", runIds: ["d"] },
];
const runs = [makeRun("a", [0.5, 0.6]), makeRun("b", [0.7, null]), makeRun("c", [0.6, 0.8]), makeRun("d", [0.4, 0.45])];

describe("band spec", () => {
  const opt = toEchartsOption({ type: "band", metricKeys: ["val_accuracy"], groups }, runs) as AnyRecord;
  const series = seriesOf(opt);

  it("draws a group's mean line with sd and n per point, in a stacked ± 1 sd band", () => {
    expect(series.map((s) => s.id)).toEqual([
      "mean:0:val_accuracy",
      "band-low:0:val_accuracy",
      "band-width:0:val_accuracy",
      "mean:1:val_accuracy",
    ]);
    const [mean, low, width] = series as [AnyRecord, AnyRecord, AnyRecord];
    const data = mean.data as { value: [number, number | null]; sd: number | null; n: number }[];
    expect(data.map((d) => [d.value[0], d.n])).toEqual([
      [1, 3],
      [2, 2],
    ]);
    expect(data[0]!.value[1]).toBeCloseTo(0.6, 12);
    expect(data[0]!.sd).toBeCloseTo(0.1, 12);
    expect(data[1]!.value[1]).toBeCloseTo(0.7, 12);
    expect((low.data as number[][])[0]![1]).toBeCloseTo(0.5, 12);
    expect((width.data as number[][])[0]![1]).toBeCloseTo(0.2, 12);
    expect(low.stack).toBe(width.stack);
    expect(low.areaStyle).toBeUndefined();
    expect(width.areaStyle).toMatchObject({ opacity: 0.18 });
    // One legend entry per group and metric: the band shares the mean line's name.
    expect(new Set([mean.name, low.name, width.name])).toEqual(new Set(["cfg (n=3) · val acc"]));
    expect((mean.lineStyle as AnyRecord).type).toBe("dashed");
  });
  it("draws no band for a single-run group, and colours groups apart", () => {
    const solo = series[3]!;
    expect((solo.data as { sd: number | null }[]).every((d) => d.sd === null)).toBe(true);
    expect((solo.lineStyle as AnyRecord).color).not.toBe((series[0]!.lineStyle as AnyRecord).color);
  });
  it("lists only the mean lines in the tooltip, as mean ± sd (n)", () => {
    const formatter = (opt.tooltip as { formatter: (p: unknown) => string }).formatter;
    const params = series.map((s) => ({ seriesId: s.id, seriesName: s.name, marker: "", data: (s.data as unknown[])[0], axisValue: 1 }));
    expect(formatter(params)).toBe(
      "epoch 1<br/>cfg (n=3) · val acc: <b>0.6000</b> ± 0.1000 (n=3)<br/>solo (n=1) · val acc: <b>0.4000</b> (n=1)",
    );
  });
  it("hands echarts no NaN or Infinity", () => {
    const bad = makeRun("e", [Number.NaN, Number.POSITIVE_INFINITY]);
    const o = toEchartsOption({ type: "band", metricKeys: ["val_accuracy"], groups: [{ key: "g", label: "g", runIds: ["a", "e"] }] }, [
      ...runs,
      bad,
    ]);
    expect(JSON.stringify(o)).not.toMatch(/NaN|Infinity/);
  });
  it("marks where fine-tuning starts and keeps the line spec's axes", () => {
    const ft = [makeRun("a", [0.5, 0.6, 0.7], 3), makeRun("b", [0.6, 0.7, 0.8], 3)];
    const spec = bandSpecFor({ type: "line", metricKeys: ["val_accuracy"], yScale: "log", stepped: true }, [
      { key: "g", label: "g (n=2)", runIds: ["a", "b"] },
    ]);
    expect(spec.type).toBe("band");
    const o = toEchartsOption(spec, ft) as AnyRecord;
    expect((seriesOf(o)[0]!.markLine as AnyRecord).data).toEqual([{ xAxis: 2.5 }]);
    expect(seriesOf(o).every((s) => s.step === "end")).toBe(true);
    expect((o.yAxis as AnyRecord).type).toBe("log");
  });
  it("names a group's run that is not drawn, and rejects an empty metric list", () => {
    expect(() => toEchartsOption({ type: "band", metricKeys: ["loss"], groups: [{ key: "g", label: "g", runIds: ["zz"] }] }, runs)).toThrow(
      /"zz"/,
    );
    expect(() => toEchartsOption({ type: "band", metricKeys: [], groups }, runs)).toThrow(/metricKeys/);
  });
});

describe("bandPoints", () => {
  it("leaves no band where the sd is unknown, or below zero on a log axis", () => {
    const points = [
      { step: 1, mean: 1e-3, sd: 2e-3, n: 2 },
      { step: 2, mean: 1e-3, sd: 1e-4, n: 2 },
      { step: 3, mean: 1e-3, sd: null, n: 1 },
      { step: 4, mean: null, sd: null, n: 0 },
    ];
    const log = bandPoints(points, true);
    expect(log.lower.map((p) => p[1] === null)).toEqual([true, false, true, true]);
    expect(log.width[1]![1]).toBeCloseTo(2e-4, 15);
    // On a linear axis a band may go below zero.
    expect(bandPoints(points, false).lower[0]![1]).toBeCloseTo(-1e-3, 15);
  });
});
