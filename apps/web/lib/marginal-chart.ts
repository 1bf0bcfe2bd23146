/**
 * "What matters most" on the sweep page, as numbers ready to draw: fANOVA importance bars (share of
 * variance, 0–100 %, ± its spread over the forest's trees) and each knob's marginal effect (best val
 * accuracy by value, ± sd whiskers) laid out in a small SVG: numeric knobs on a value axis (log10
 * where the catalogue says log scale), others as labelled bands. Values are cleaned here, at the
 * plot: a non-finite mean is skipped, a non-finite sd drawn as none, a value a log axis cannot place
 * (≤ 0) skipped. PURE: no React.
 */
import type { ParameterImportanceFieldsFragment } from "../gql/graphql";
import { type Catalogue, compactNumber, formatKnob, knobByName, type KnobInfo } from "./catalogue";

/** One knob's importance as the API serves it. */
export type ImportanceEntry = ParameterImportanceFieldsFragment;
/** One value's marginal effect as the API serves it. */
export type MarginalEntry = ImportanceEntry["marginal"][number];

function finite(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

/** An importance bar: the share in percent (0–100) and its ± sd in points, both clamped to the bar. */
export interface ImportanceBar {
  parameter: string;
  label: string;
  /** Share of variance in percent, 0–100. */
  percent: number;
  /** The sd in percentage points (0 when the API gave none). */
  sdPercent: number;
  /** The whisker's ends in percent, inside 0–100. */
  low: number;
  high: number;
  text: string;
}

/** The bars, most important first; entries without a finite importance are left out. */
export function importanceBars(entries: readonly ImportanceEntry[], catalogue: Catalogue | null): ImportanceBar[] {
  return entries
    .filter((e) => finite(e.importance))
    .map((e) => {
      const share = clamp01(e.importance);
      const sd = finite(e.importanceSd) ? Math.abs(e.importanceSd) : 0;
      const percent = share * 100;
      const sdPercent = sd * 100;
      return {
        parameter: e.parameter,
        label: (catalogue && knobByName(catalogue, e.parameter)?.label) || e.parameter,
        percent,
        sdPercent,
        low: clamp01(share - sd) * 100,
        high: clamp01(share + sd) * 100,
        text: `${Math.round(percent)}%${sdPercent >= 0.5 ? ` ± ${Math.round(sdPercent)}` : ""}`,
      };
    })
    .sort((a, b) => b.percent - a.percent);
}

/** The finished runs the figures rest on (every entry carries the same count). */
export function importanceRunCount(entries: readonly ImportanceEntry[]): number {
  return entries.reduce((n, e) => Math.max(n, finite(e.runCount) ? e.runCount : 0), 0);
}

/** A value as the chart labels it: the knob's own formatting of the wire value (`[64,32]` → "64,32", `[]` → "linear"). */
export function marginalValueLabel(entry: MarginalEntry, info: KnobInfo | undefined): string {
  if (finite(entry.numeric)) return info ? formatKnob(info, entry.numeric) : compactNumber(entry.numeric);
  let value: unknown = entry.value;
  if (/^[[{]/.test(entry.value) || entry.value === "null") {
    try {
      value = JSON.parse(entry.value) as unknown;
    } catch {
      value = entry.value;
    }
  }
  return info ? formatKnob(info, value) : String(entry.value);
}

/** A linear map of `domain` onto `range`. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (v) => (span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** Up to about `count` round ticks covering [lo, hi] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(lo: number, hi: number, count = 3): number[] {
  if (!finite(lo) || !finite(hi)) return [];
  if (lo === hi) return [lo];
  const [a, b] = lo < hi ? [lo, hi] : [hi, lo];
  const raw = (b - a) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag) as number;
  const out: number[] = [];
  for (let t = Math.ceil(a / step) * step; t <= b + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/** Where the plot sits inside the SVG. */
export interface PlotBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The default box of one small marginal plot. */
export const MARGINAL_BOX: PlotBox = { width: 260, height: 120, left: 40, right: 10, top: 8, bottom: 30 };

/** One drawn value: its position, whisker and label. */
export interface MarginalMark {
  label: string;
  x: number;
  y: number;
  /** Whisker ends (mean ± sd) in SVG coordinates: yHigh is the upper end (smaller y). */
  yLow: number;
  yHigh: number;
  mean: number;
  sd: number;
  trials: number;
  /** No run had this value: the forest extrapolates, so it is drawn faded with "0 runs". */
  faded: boolean;
}

/** A marginal plot laid out. */
export interface MarginalLayout {
  kind: "numeric" | "categorical";
  /** Numeric axis in log10 (the catalogue's log-scale knobs). */
  log: boolean;
  box: PlotBox;
  marks: MarginalMark[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  /** Entries the plot left out (no finite mean; a value a log axis cannot place). */
  skipped: number;
}

/**
 * Lays out one knob's marginal effect in `box`: numeric when every kept value has a number (on a
 * log10 axis when `info.scale` is "log" and every number is positive), else one band per value in
 * the API's order. The y axis spans the whiskers (mean ± sd) with a little room; its ticks are in
 * percent. Null when nothing is left to draw.
 */
export function marginalLayout(
  entries: readonly MarginalEntry[],
  info: KnobInfo | undefined,
  box: PlotBox = MARGINAL_BOX,
): MarginalLayout | null {
  const finiteMean = entries.filter((e) => finite(e.mean));
  const numeric = finiteMean.length > 0 && finiteMean.every((e) => finite(e.numeric));
  const log = numeric && info?.scale === "log";
  // A log axis cannot place a value ≤ 0 (none for today's log-scale knobs, whose minimum is exclusive 0).
  const used = log ? finiteMean.filter((e) => (e.numeric as number) > 0) : finiteMean;
  const skipped = entries.length - used.length;
  if (used.length === 0) return null;
  const sdOf = (e: MarginalEntry) => (finite(e.sd) ? Math.abs(e.sd) : 0);
  const lows = used.map((e) => e.mean - sdOf(e));
  const highs = used.map((e) => e.mean + sdOf(e));
  let y0 = Math.min(...lows);
  let y1 = Math.max(...highs);
  const pad = Math.max((y1 - y0) * 0.08, 0.005);
  y0 -= pad;
  y1 += pad;
  const plotLeft = box.left;
  const plotRight = box.width - box.right;
  const plotTop = box.top;
  const plotBottom = box.height - box.bottom;
  const yScale = linearScale([y0, y1], [plotBottom, plotTop]);
  const yTicks = niceTicks(y0, y1, 3)
    .filter((t) => t >= y0 && t <= y1)
    .map((t) => ({ y: yScale(t), label: `${Number((t * 100).toFixed(1))}%` }));

  let xOf: (e: MarginalEntry, i: number) => number;
  let xTicks: { x: number; label: string }[];
  if (numeric) {
    const axis = (e: MarginalEntry) => (log ? Math.log10(e.numeric as number) : (e.numeric as number));
    const xs = used.map(axis);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    // Room at both ends so the outermost whiskers are not on the frame.
    const inset = (plotRight - plotLeft) * 0.08;
    const xScale = linearScale([lo, hi], [plotLeft + inset, plotRight - inset]);
    xOf = (e) => xScale(axis(e));
    const every = Math.max(1, Math.ceil(used.length / 5));
    xTicks = [...used]
      .sort((a, b) => axis(a) - axis(b))
      .filter((_, i) => i % every === 0)
      .map((e) => ({ x: xScale(axis(e)), label: marginalValueLabel(e, info) }));
  } else {
    const band = (plotRight - plotLeft) / used.length;
    xOf = (_, i) => plotLeft + band * (i + 0.5);
    xTicks = used.map((e, i) => ({ x: plotLeft + band * (i + 0.5), label: marginalValueLabel(e, info) }));
  }
  const marks = used.map((e, i): MarginalMark => {
    const sd = sdOf(e);
    return {
      label: marginalValueLabel(e, info),
      x: xOf(e, i),
      y: yScale(e.mean),
      yLow: yScale(e.mean - sd),
      yHigh: yScale(e.mean + sd),
      mean: e.mean,
      sd,
      trials: finite(e.trials) ? e.trials : 0,
      faded: !finite(e.trials) || e.trials <= 0,
    };
  });
  return { kind: numeric ? "numeric" : "categorical", log, box, marks, xTicks, yTicks, skipped };
}
