/**
 * Chart specs: a discriminated union describing WHAT to draw from normalised runs, and pure
 * functions turning a spec + runs into an echarts option. Pure so they are unit-tested without
 * a browser; <RunChart> only hands the result to echarts.
 */
import type { EChartsOption } from "echarts";
import { bandOption, type BandSpec } from "./band-chart";
import { CHART_TEXT as TEXT, curvesFrame, fineTuneMarkLine, metricLabel, tooltipNumber } from "./chart-style";
import { fineTuneStart, lastValue, type RunData } from "./run-data";

export { metricLabel, tooltipNumber } from "./chart-style";
export type { BandSpec } from "./band-chart";

/** Curves of one or more metrics over steps, one colour per run (val dashed). */
export interface LineSpec {
  type: "line";
  metricKeys: string[];
  title?: string;
  yName?: string;
  /** Shade (one run) or mark (several runs) where fine-tuning starts. Default true. */
  markFineTune?: boolean;
  /** "log" for values spanning decades (learning rates); default linear. */
  yScale?: "linear" | "log";
  /** Draw as steps (a value that holds for the whole epoch, e.g. a ReduceLROnPlateau cut). */
  stepped?: boolean;
}

/** How one parallel-coordinates axis is named and spaced (from the hyperparameter catalogue). */
export interface ParallelAxis {
  label?: string;
  /** "log" or "linear" from the catalogue; null or absent = decide from the values' spread. */
  scale?: string | null;
}

/** Parallel coordinates: one axis per hyperparameter, then the metric. */
export interface ParallelSpec {
  type: "parallel";
  params: string[];
  metric: string;
  title?: string;
  /** Axis names and scales by param; a param without one is named by its key. */
  axes?: Record<string, ParallelAxis>;
}

/**
 * Confusion matrix of one run; with `compareToRunId`, the cell-wise difference
 * (compare − base) coloured good/bad: diagonal up is good, off-diagonal down is good.
 */
export interface HeatmapSpec {
  type: "heatmap";
  runId: string;
  compareToRunId?: string;
  /** Upper bound of the colour scale, shared across side-by-side matrices. */
  scaleMax?: number;
  title?: string;
  /** Short axis labels (long class names crowd the axes). */
  shortLabels?: boolean;
}

/** Grouped bars: categories are metric keys (e.g. per-class F1), one series per run. */
export interface BarSpec {
  type: "bar";
  metricKeys: string[];
  /** Display names of the categories, same order as metricKeys. */
  categoryLabels?: string[];
  title?: string;
  yMax?: number;
}

/** Every chart the dashboard draws. */
export type ChartSpec = LineSpec | BandSpec | ParallelSpec | HeatmapSpec | BarSpec;

/**
 * A metric's line points with its gaps (steps where it was not finite) as nulls, in step order:
 * echarts breaks the line at a null instead of joining across it, and no axis ever sees a NaN or
 * a sentinel.
 */
export function linePoints(run: RunData, key: string): [number, number | null][] {
  const points: [number, number | null][] = (run.metrics[key] ?? []).map((p) => [p.step, p.value]);
  for (const step of run.gaps[key] ?? []) points.push([step, null]);
  return points.sort((a, b) => a[0] - b[0]);
}

function truncate(text: string): string {
  return text.length > 14 ? `${text.slice(0, 13)}…` : text;
}

/**
 * Shortens a label set for axes ("Apple___Apple_scab" → "Apple_scab"), keeping the labels distinguishable: PlantVillage-style names
 * share tails ("Apple___healthy", "Strawberry___healthy"), so a clashing tail keeps its prefix, and a
 * set that still clashes after truncation is shown in full.
 */
export function shortLabels(labels: readonly string[]): string[] {
  const tails = labels.map((l) => l.split("___").at(-1) ?? l);
  const clashes = (names: string[]) => names.map((n) => names.indexOf(n) !== names.lastIndexOf(n));
  const tailClash = clashes(tails);
  const readable = labels.map((l, i) => (tailClash[i] ? l.replace("___", " ") : (tails[i] as string)));
  const short = readable.map(truncate);
  return clashes(short).some(Boolean) ? readable : short;
}

/** Builds the echarts option for any spec. Throws with the offending value on bad input. */
export function toEchartsOption(spec: ChartSpec, runs: readonly RunData[]): EChartsOption {
  switch (spec.type) {
    case "line":
      return lineOption(spec, runs);
    case "band":
      return bandOption(spec, runs);
    case "parallel":
      return parallelOption(spec, runs);
    case "heatmap":
      return heatmapOption(spec, runs);
    case "bar":
      return barOption(spec, runs);
    default: {
      const never: never = spec;
      throw new Error(`toEchartsOption: unknown chart spec ${JSON.stringify(never)}`);
    }
  }
}

function lineOption(spec: LineSpec, runs: readonly RunData[]): EChartsOption {
  if (spec.metricKeys.length === 0) throw new Error("line chart: metricKeys is empty");
  const series: NonNullable<EChartsOption["series"]> = [];
  const many = runs.length > 1;
  for (const run of runs) {
    for (const key of spec.metricKeys) {
      const points = linePoints(run, key);
      series.push({
        type: "line",
        name: many ? `${run.runName} · ${metricLabel(key)}` : metricLabel(key),
        data: points,
        connectNulls: false,
        ...(spec.stepped ? { step: "end" as const } : {}),
        showSymbol: points.length < 30,
        symbolSize: 5,
        lineStyle: { color: run.color, width: 2, type: key.startsWith("val_") ? "dashed" : "solid" },
        itemStyle: { color: run.color },
        emphasis: { focus: "series" },
      });
    }
  }
  // The fine-tune marker rides on the first series so it is drawn once.
  const first = series[0] as Record<string, unknown> | undefined;
  if (first && spec.markFineTune !== false) {
    const starts = runs.map(fineTuneStart).filter((s): s is number => s !== undefined);
    const maxStep = Math.max(0, ...runs.flatMap((r) => spec.metricKeys.map((k) => r.metrics[k]?.at(-1)?.step ?? 0)));
    if (runs.length === 1 && starts[0] !== undefined) {
      first.markArea = {
        silent: true,
        itemStyle: { color: "rgba(237, 201, 72, 0.15)" },
        label: { show: true, position: "insideTop", color: "#8a6d00", formatter: "fine-tune" },
        data: [[{ xAxis: starts[0] - 0.5 }, { xAxis: maxStep + 0.5 }]],
      };
    } else if (starts.length > 0) {
      first.markLine = fineTuneMarkLine(starts);
    }
  }
  // Without a chosen palette echarts would recolour the legend; colours come from runs instead.
  return { ...curvesFrame(spec), tooltip: { trigger: "axis", valueFormatter: tooltipNumber }, series };
}

function parallelOption(spec: ParallelSpec, runs: readonly RunData[]): EChartsOption {
  if (spec.params.length === 0) throw new Error("parallel chart: params is empty");
  const axes = spec.params.map((param, dim) => {
    const values = runs.map((r) => r.params[param]).filter((v) => v !== undefined);
    const numeric = values.length > 0 && values.every((v) => typeof v === "number");
    const axis = spec.axes?.[param];
    const name = axis?.label ?? param;
    if (numeric) {
      const nums = values as number[];
      const positive = nums.every((n) => n > 0);
      const spread = positive ? Math.max(...nums) / Math.min(...nums) : 0;
      // Learning rates span decades: a log axis keeps 1e-4 and 1e-2 apart. The catalogue's scale
      // decides when given (a log axis needs positive values); otherwise the spread does.
      const log = axis?.scale === "log" ? positive : axis?.scale === "linear" ? false : spread >= 20;
      return { dim, name, type: log ? ("log" as const) : ("value" as const), scale: true };
    }
    const cats = [...new Set(values.map(String))].sort();
    return {
      dim,
      name,
      type: "category" as const,
      data: cats,
      axisLabel: { formatter: (v: string) => (v.length > 12 ? `${v.slice(0, 11)}…` : v) },
    };
  });
  axes.push({ dim: spec.params.length, name: metricLabel(spec.metric), type: "value", scale: true });
  const series = runs.map((run) => ({
    type: "parallel" as const,
    name: run.runName,
    lineStyle: { color: run.color, width: 2, opacity: 0.85 },
    data: [[...spec.params.map((p) => run.params[p] ?? null), lastValue(run, spec.metric) ?? null]],
  }));
  return {
    title: spec.title ? { text: spec.title, textStyle: { ...TEXT, fontSize: 13 } } : undefined,
    animation: false,
    tooltip: { trigger: "item" },
    legend: { type: "scroll", bottom: 0, textStyle: TEXT },
    parallel: { left: 60, right: 90, top: spec.title ? 48 : 28, bottom: 48 },
    parallelAxis: axes,
    series,
  } as EChartsOption;
}

/** Cell-wise difference b − a of two matrices of the same shape. */
export function matrixDifference(a: number[][], b: number[][]): number[][] {
  if (a.length !== b.length) throw new Error(`matrixDifference: ${a.length} rows vs ${b.length} rows`);
  return a.map((row, i) => {
    const other = b[i]!;
    if (row.length !== other.length) throw new Error(`matrixDifference: row ${i} has ${row.length} vs ${other.length} cells`);
    return row.map((v, j) => other[j]! - v);
  });
}

/**
 * Whether a change of `delta` in cell (i, j) is an improvement: more correct predictions on the
 * diagonal, fewer confusions off it. Returns 1 (better), -1 (worse) or 0.
 */
export function cellChangeQuality(i: number, j: number, delta: number): 1 | -1 | 0 {
  if (delta === 0) return 0;
  const good = i === j ? delta > 0 : delta < 0;
  return good ? 1 : -1;
}

/** Heatmap plot area insets in px (exported so browser tests can aim at a cell). */
export const HEATMAP_GRID = { left: 100, right: 12, top: 12, bottom: 100 } as const;

function heatmapOption(spec: HeatmapSpec, runs: readonly RunData[]): EChartsOption {
  const base = runs.find((r) => r.runId === spec.runId);
  if (!base?.confusion) throw new Error(`heatmap: run ${JSON.stringify(spec.runId)} has no confusion matrix`);
  const { labels } = base.confusion;
  let matrix = base.confusion.matrix;
  let diff = false;
  if (spec.compareToRunId !== undefined) {
    const other = runs.find((r) => r.runId === spec.compareToRunId);
    if (!other?.confusion) throw new Error(`heatmap: run ${JSON.stringify(spec.compareToRunId)} has no confusion matrix`);
    matrix = matrixDifference(base.confusion.matrix, other.confusion.matrix);
    diff = true;
  }
  const names = spec.shortLabels === false ? labels : shortLabels(labels);
  // echarts heatmap data is [x, y, value]: x = predicted (column), y = true (row).
  const data: [number, number, number, number][] = [];
  matrix.forEach((row, i) => row.forEach((v, j) => data.push([j, i, diff ? cellChangeQuality(i, j, v) * Math.abs(v) : v, v])));
  const maxAbs = Math.max(1, ...data.map((d) => Math.abs(d[3])));
  const visualMap = diff
    ? {
        min: -maxAbs,
        max: maxAbs,
        dimension: 2,
        calculable: false,
        orient: "horizontal" as const,
        left: "center",
        bottom: 0,
        text: ["better", "worse"],
        inRange: { color: ["#c0392b", "#f7f7f7", "#1e8449"] },
      }
    : {
        min: 0,
        max: spec.scaleMax ?? Math.max(1, ...data.map((d) => d[2])),
        dimension: 2,
        calculable: false,
        orient: "horizontal" as const,
        left: "center",
        bottom: 0,
        inRange: { color: ["#f7fbff", "#6baed6", "#08306b"] },
      };
  return {
    title: spec.title ? { text: spec.title, textStyle: { ...TEXT, fontSize: 13 } } : undefined,
    animation: false,
    tooltip: {
      position: "top",
      formatter: (p: unknown) => {
        const d = (p as { data: [number, number, number, number] }).data;
        const value = diff ? `${d[3] > 0 ? "+" : ""}${d[3]}` : String(d[3]);
        return `true ${labels[d[1]] ?? "?"}<br/>predicted ${labels[d[0]] ?? "?"}<br/><b>${value}</b>`;
      },
    },
    grid: { left: HEATMAP_GRID.left, right: HEATMAP_GRID.right, top: spec.title ? 36 : HEATMAP_GRID.top, bottom: HEATMAP_GRID.bottom },
    xAxis: {
      type: "category",
      data: names,
      name: "predicted",
      nameLocation: "middle",
      nameGap: 52,
      axisLabel: { rotate: 30, fontSize: 10, interval: 0 },
      splitArea: { show: true },
    },
    yAxis: {
      type: "category",
      data: names,
      name: "true",
      nameLocation: "middle",
      nameGap: 84,
      nameRotate: 90,
      inverse: true,
      axisLabel: { fontSize: 10, interval: 0 },
      splitArea: { show: true },
    },
    visualMap,
    series: [
      {
        type: "heatmap",
        name: base.runName,
        data,
        label: {
          show: true,
          fontSize: 11,
          formatter: (p: unknown) => {
            const d = (p as { data: [number, number, number, number] }).data;
            return diff && d[3] > 0 ? `+${d[3]}` : String(d[3]);
          },
        },
        emphasis: { itemStyle: { borderColor: "#222", borderWidth: 1 } },
      },
    ],
  } as EChartsOption;
}

function barOption(spec: BarSpec, runs: readonly RunData[]): EChartsOption {
  if (spec.categoryLabels && spec.categoryLabels.length !== spec.metricKeys.length) {
    throw new Error(`bar chart: ${spec.categoryLabels.length} category labels for ${spec.metricKeys.length} metric keys`);
  }
  const categories = spec.categoryLabels ?? spec.metricKeys.map(metricLabel);
  return {
    title: spec.title ? { text: spec.title, textStyle: { ...TEXT, fontSize: 13 } } : undefined,
    animation: false,
    tooltip: { trigger: "axis", valueFormatter: (v) => (typeof v === "number" ? v.toFixed(3) : String(v)) },
    legend: { type: "scroll", bottom: 0, textStyle: TEXT },
    grid: { left: 44, right: 12, top: spec.title ? 36 : 16, bottom: 72 },
    xAxis: { type: "category", data: categories, axisLabel: { rotate: categories.length > 4 ? 25 : 0, fontSize: 10, interval: 0 } },
    yAxis: { type: "value", max: spec.yMax, min: 0 },
    series: runs.map((run) => ({
      type: "bar" as const,
      name: run.runName,
      itemStyle: { color: run.color },
      data: spec.metricKeys.map((k) => lastValue(run, k) ?? null),
    })),
  };
}
