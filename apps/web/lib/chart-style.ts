/**
 * What every chart builder shares: metric names as people read them, the text style and the
 * tooltip number format. Its own module so chart builders in other files (lib/band-chart.ts) use
 * them without importing lib/chart-spec.ts, which imports them.
 */
import type { EChartsOption } from "echarts";
import { BEST_VAL_ACCURACY } from "./run-data";

const METRIC_LABELS: Record<string, string> = {
  loss: "train loss",
  accuracy: "train acc",
  val_loss: "val loss",
  val_accuracy: "val acc",
  learning_rate: "learning rate",
  images_per_sec: "img/s",
  epoch_seconds: "epoch time (s)",
  [BEST_VAL_ACCURACY]: "val acc at best epoch",
};

/** Human label for a metric key. */
export function metricLabel(key: string): string {
  return METRIC_LABELS[key] ?? key;
}

/** The text style of legends and titles. */
export const CHART_TEXT = { color: "#3a3f47", fontSize: 12 } as const;

/** A tooltip number: four decimals, or four significant digits for the small ones (1e-5 learning rates). */
export function tooltipNumber(v: unknown): string {
  if (typeof v !== "number" || !Number.isFinite(v)) return "–";
  return v !== 0 && Math.abs(v) < 1e-3 ? v.toPrecision(4) : v.toFixed(4);
}

/** What a curves chart (runs' lines, seed groups' bands) says about its frame. */
export interface CurvesFrame {
  title?: string;
  yName?: string;
  /** "log" for values spanning decades (learning rates); default linear. */
  yScale?: "linear" | "log";
}

/** The title, legend, grid and axes of a curves chart: epochs along x, the metric up y. */
export function curvesFrame(spec: CurvesFrame): EChartsOption {
  return {
    title: spec.title ? { text: spec.title, textStyle: { ...CHART_TEXT, fontSize: 13 } } : undefined,
    animation: false,
    legend: { type: "scroll", bottom: 0, textStyle: CHART_TEXT },
    grid: { left: spec.yScale === "log" ? 56 : 48, right: 16, top: spec.title ? 36 : 16, bottom: 64 },
    xAxis: { type: "value", name: "epoch", nameLocation: "middle", nameGap: 22, minInterval: 1, min: 1 },
    yAxis:
      spec.yScale === "log"
        ? { type: "log", name: spec.yName, axisLabel: { formatter: (v: number) => v.toExponential(0) } }
        : { type: "value", name: spec.yName, scale: true },
  };
}

/** A dotted line before each step where fine-tuning starts (for several curves; one run's chart shades the phase instead). */
export function fineTuneMarkLine(starts: readonly number[]): Record<string, unknown> {
  return {
    silent: true,
    symbol: "none",
    lineStyle: { color: "#8a6d00", type: "dotted" },
    label: { formatter: "fine-tune", color: "#8a6d00" },
    data: [...new Set(starts)].map((s) => ({ xAxis: s - 0.5 })),
  };
}
