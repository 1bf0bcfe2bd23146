import { describe, expect, it } from "vitest";
import { cellChangeQuality, matrixDifference, shortLabels, toEchartsOption, tooltipNumber } from "./chart-spec";
import { normaliseRun, type RunData } from "./run-data";

function makeRun(id: string, color: string, lr: number, model: string, fineTune: boolean, matrix?: number[][]): RunData {
  const epochs = [
    { epoch: 1, phase: "HEAD" as const, loss: 1, accuracy: 0.5, valLoss: 1.1, valAccuracy: 0.45 },
    { epoch: 2, phase: "HEAD" as const, loss: 0.7, accuracy: 0.7, valLoss: 0.8, valAccuracy: 0.6 },
  ];
  if (fineTune) epochs.push({ epoch: 1, phase: "FINE_TUNE" as never, loss: 0.4, accuracy: 0.85, valLoss: 0.5, valAccuracy: 0.8 });
  return normaliseRun(
    {
      id,
      name: `run ${id}`,
      hyperparameters: { baseModel: model, headUnits: [128], augmentation: "none", learningRate: lr, fineTuneLayers: fineTune ? 2 : 0 },
      bestValAccuracy: fineTune ? 0.8 : 0.6,
      evaluation: matrix
        ? {
            labels: ["x___cat", "y___dog"],
            confusionMatrix: matrix,
            perClass: [
              { label: "x___cat", f1: 0.7 },
              { label: "y___dog", f1: 0.9 },
            ],
          }
        : null,
    },
    epochs,
    color,
  );
}

type AnyRecord = Record<string, unknown>;
const seriesOf = (o: AnyRecord) => o.series as AnyRecord[];

describe("line spec", () => {
  it("draws one series per run × metric in the run's colour, val dashed", () => {
    const runs = [makeRun("a", "#aaa", 0.001, "m1", false), makeRun("b", "#bbb", 0.01, "m2", true)];
    const opt = toEchartsOption({ type: "line", metricKeys: ["accuracy", "val_accuracy"] }, runs) as AnyRecord;
    const series = seriesOf(opt);
    expect(series).toHaveLength(4);
    expect(series.map((s) => (s.lineStyle as AnyRecord).color)).toEqual(["#aaa", "#aaa", "#bbb", "#bbb"]);
    expect(series.map((s) => (s.lineStyle as AnyRecord).type)).toEqual(["solid", "dashed", "solid", "dashed"]);
    expect(series[2]!.data).toEqual([
      [1, 0.5],
      [2, 0.7],
      [3, 0.85],
    ]);
    // Several runs: fine-tune start is a line at step 3 (between 2 and 3).
    expect((series[0]!.markLine as AnyRecord).data).toEqual([{ xAxis: 2.5 }]);
  });
  it("shades the fine-tune phase of a single run", () => {
    const opt = toEchartsOption({ type: "line", metricKeys: ["loss"] }, [makeRun("b", "#bbb", 0.01, "m", true)]) as AnyRecord;
    expect((seriesOf(opt)[0]!.markArea as AnyRecord).data).toEqual([[{ xAxis: 2.5 }, { xAxis: 3.5 }]]);
    const none = toEchartsOption({ type: "line", metricKeys: ["loss"] }, [makeRun("a", "#aaa", 0.01, "m", false)]) as AnyRecord;
    expect(seriesOf(none)[0]!.markArea).toBeUndefined();
  });
  it("rejects an empty metric list", () => {
    expect(() => toEchartsOption({ type: "line", metricKeys: [] }, [])).toThrow(/metricKeys/);
  });
});

describe("parallel spec", () => {
  it("uses category axes for strings, a log axis for decades-wide numbers, and the metric last", () => {
    const runs = [makeRun("a", "#aaa", 0.0001, "m1", false), makeRun("b", "#bbb", 0.01, "m2", true)];
    const opt = toEchartsOption(
      { type: "parallel", params: ["baseModel", "learningRate"], metric: "best_val_accuracy" },
      runs,
    ) as AnyRecord;
    const axes = opt.parallelAxis as AnyRecord[];
    expect(axes.map((a) => a.type)).toEqual(["category", "log", "value"]);
    expect(axes[0]!.data).toEqual(["m1", "m2"]);
    expect(seriesOf(opt).map((s) => s.data)).toEqual([[["m1", 0.0001, 0.6]], [["m2", 0.01, 0.8]]]);
  });
  it("names axes and spaces them as the catalogue says when given", () => {
    const runs = [makeRun("a", "#aaa", 0.001, "m1", false), makeRun("b", "#bbb", 0.003, "m2", true)];
    const spec = {
      type: "parallel" as const,
      params: ["baseModel", "learningRate"],
      metric: "best_val_accuracy",
      axes: { learningRate: { label: "LR", scale: "log" } },
    };
    const axes = (toEchartsOption(spec, runs) as AnyRecord).parallelAxis as AnyRecord[];
    expect(axes.map((a) => [a.name, a.type])).toEqual([
      ["baseModel", "category"],
      ["LR", "log"],
      ["val acc at best epoch", "value"],
    ]);
    // Without the catalogue's scale a 3× spread stays linear.
    const plain = (toEchartsOption({ ...spec, axes: undefined }, runs) as AnyRecord).parallelAxis as AnyRecord[];
    expect(plain[1]!.type).toBe("value");
  });
});

describe("heatmap spec", () => {
  const a = makeRun("a", "#aaa", 0.001, "m", false, [
    [5, 3],
    [2, 6],
  ]);
  const b = makeRun("b", "#bbb", 0.001, "m", false, [
    [7, 1],
    [4, 4],
  ]);
  it("puts predicted on x and true on y, with a shared scale max", () => {
    const opt = toEchartsOption({ type: "heatmap", runId: "a", scaleMax: 20 }, [a, b]) as AnyRecord;
    expect(seriesOf(opt)[0]!.data).toContainEqual([1, 0, 3, 3]); // row 0 (true x) predicted col 1
    expect((opt.visualMap as AnyRecord).max).toBe(20);
    expect((opt.xAxis as AnyRecord).data).toEqual(["cat", "dog"]);
  });
  it("signs differences by quality: diagonal up and off-diagonal down are better", () => {
    const opt = toEchartsOption({ type: "heatmap", runId: "a", compareToRunId: "b" }, [a, b]) as AnyRecord;
    const data = seriesOf(opt)[0]!.data as number[][];
    // [x, y, signedQuality, rawDelta]
    expect(data).toEqual([
      [0, 0, 2, 2],
      [1, 0, 2, -2],
      [0, 1, -2, 2],
      [1, 1, -2, -2],
    ]);
  });
  it("names the run when a matrix is missing", () => {
    expect(() => toEchartsOption({ type: "heatmap", runId: "zz" }, [a])).toThrow(/"zz"/);
  });
});

describe("bar spec", () => {
  it("draws per-class values per run and checks label counts", () => {
    const a = makeRun("a", "#aaa", 0.001, "m", false, [
      [1, 0],
      [0, 1],
    ]);
    const opt = toEchartsOption({ type: "bar", metricKeys: ["f1/x___cat", "f1/y___dog"], categoryLabels: ["cat", "dog"] }, [
      a,
    ]) as AnyRecord;
    expect(seriesOf(opt)[0]!.data).toEqual([0.7, 0.9]);
    expect(() => toEchartsOption({ type: "bar", metricKeys: ["f1/a"], categoryLabels: [] }, [a])).toThrow(/0 category labels for 1/);
  });
});

describe("helpers", () => {
  it("matrixDifference subtracts and rejects shape mismatches", () => {
    expect(matrixDifference([[1, 2]], [[4, 0]])).toEqual([[3, -2]]);
    expect(() => matrixDifference([[1]], [[1], [2]])).toThrow(/1 rows vs 2 rows/);
  });
  it("cellChangeQuality", () => {
    expect([cellChangeQuality(0, 0, 1), cellChangeQuality(0, 1, 1), cellChangeQuality(1, 0, -1), cellChangeQuality(1, 1, 0)]).toEqual([
      1, -1, 1, 0,
    ]);
  });
  it("shortLabels keeps clashing tails apart with their prefix", () => {
    expect(shortLabels(["Apple___Apple_scab", "Apple___healthy", "Strawberry___healthy"])).toEqual([
      "Apple_scab",
      "Apple healthy",
      "Strawberry he…",
    ]);
    expect(shortLabels(["cat", "dog"])).toEqual(["cat", "dog"]);
    // Truncation that would make two labels equal is dropped for the whole set.
    expect(shortLabels(["a___abcdefghijklmnopX", "a___abcdefghijklmnopY"])).toEqual(["abcdefghijklmnopX", "abcdefghijklmnopY"]);
  });
});

describe("a diverged run and the learning-rate chart", () => {
  const epochs = [
    { epoch: 1, phase: "HEAD" as const, loss: 1.1, accuracy: 0.5, valLoss: 1.0, valAccuracy: 0.5, learningRate: 1e-3 },
    { epoch: 2, phase: "HEAD" as const, loss: 40, accuracy: 0.3, valLoss: 55, valAccuracy: 0.2, learningRate: 1e-3 },
    { epoch: 3, phase: "HEAD" as const, loss: null, accuracy: null, valLoss: null, valAccuracy: null, learningRate: 2e-4 },
    {
      epoch: 4,
      phase: "HEAD" as const,
      loss: Number.POSITIVE_INFINITY,
      accuracy: 0.2,
      valLoss: null,
      valAccuracy: 0.2,
      learningRate: 2e-4,
    },
  ];
  const hyperparameters = { baseModel: "m", headUnits: [], augmentation: "none", learningRate: 1e-3, fineTuneLayers: 0 };
  const diverged = normaliseRun({ id: "n", name: "nan", hyperparameters }, epochs, "#c00");

  it("a NaN loss run charts without breaking the axes: finite values, a break (null) at each diverged epoch", () => {
    const opt = toEchartsOption({ type: "line", metricKeys: ["loss", "val_loss"] }, [
      diverged,
      makeRun("a", "#aaa", 0.001, "m1", false),
    ]) as AnyRecord;
    const [loss, valLoss] = seriesOf(opt);
    expect(loss!.data).toEqual([
      [1, 1.1],
      [2, 40],
      [3, null],
      [4, null],
    ]);
    expect(valLoss!.data).toEqual([
      [1, 1.0],
      [2, 55],
      [3, null],
      [4, null],
    ]);
    expect(loss!.connectNulls).toBe(false);
    // Every y any series hands echarts is a finite number or an explicit gap: no NaN, no 1.8e308.
    const ys = seriesOf(opt).flatMap((s) => (s.data as [number, number | null][]).map((p) => p[1]));
    expect(ys.every((y) => y === null || (Number.isFinite(y) && Math.abs(y) < 1e6))).toBe(true);
    const y = opt.yAxis as AnyRecord;
    expect(y.type).toBe("value");
    expect(y.min).toBeUndefined();
    expect(y.max).toBeUndefined();
    expect(JSON.stringify(opt)).not.toMatch(/NaN|Infinity|e\+30/);
  });
  it("draws the learning rate on a log axis as steps, so a ReduceLROnPlateau cut is a visible drop", () => {
    const opt = toEchartsOption({ type: "line", metricKeys: ["learning_rate"], yScale: "log", stepped: true }, [diverged]) as AnyRecord;
    const [lr] = seriesOf(opt);
    expect(lr!.step).toBe("end");
    expect(lr!.data).toEqual([
      [1, 1e-3],
      [2, 1e-3],
      [3, 2e-4],
      [4, 2e-4],
    ]);
    expect((opt.yAxis as AnyRecord).type).toBe("log");
    expect(lr!.name).toBe("learning rate");
  });
  it("formats tooltip numbers small enough for learning rates", () => {
    expect(tooltipNumber(2e-5)).toBe("0.00002000");
    expect(tooltipNumber(0.91234)).toBe("0.9123");
    expect(tooltipNumber(Number.NaN)).toBe("–");
    expect(tooltipNumber(null)).toBe("–");
  });
});
