/**
 * Seed-group curves as a chart: for each group and metric, the per-epoch mean as a line inside a
 * shaded band from mean − sd to mean + sd (lib/group-curves.ts computes them). PURE, like
 * lib/chart-spec.ts, whose ChartSpec union this spec belongs to.
 */
import type { EChartsOption } from "echarts";
import type { LineSpec } from "./chart-spec";
import { curvesFrame, fineTuneMarkLine, metricLabel, tooltipNumber } from "./chart-style";
import { groupCurve, type CurveGroup, type GroupCurvePoint } from "./group-curves";
import { fineTuneStart, runColor, type RunData } from "./run-data";

/** Curves of seed groups: per group (one colour each) and metric, a mean line in a ± 1 sd band (val dashed). */
export interface BandSpec {
  type: "band";
  metricKeys: string[];
  /** The groups to draw, in colour order; every run id must be among the drawn runs. */
  groups: CurveGroup[];
  title?: string;
  yName?: string;
  /** Mark where fine-tuning starts. Default true. */
  markFineTune?: boolean;
  /** "log" for values spanning decades (learning rates); default linear. */
  yScale?: "linear" | "log";
  /** Draw as steps (a value that holds for the whole epoch). */
  stepped?: boolean;
}

/** The same chart as `line`, drawn for `groups` instead of run by run. */
export function bandSpecFor(line: LineSpec, groups: readonly CurveGroup[]): BandSpec {
  return { ...line, type: "band", groups: [...groups] };
}

/** A mean-line point as handed to echarts: sd and n ride along for the tooltip. */
interface MeanDatum {
  value: [number, number | null];
  sd: number | null;
  n: number;
}

/** Series ids of mean lines start with this; the tooltip lists only those. */
const MEAN_ID = "mean:";

/**
 * The band as two stacked series: the lower edge (mean − sd) and the band's width (2 sd) on top of
 * it, which echarts shades between. Null (no band) where the sd is unknown (fewer than two runs)
 * or, on a log axis, where the lower edge is not positive.
 */
export function bandPoints(
  points: readonly GroupCurvePoint[],
  log: boolean,
): { lower: [number, number | null][]; width: [number, number | null][] } {
  const lower: [number, number | null][] = [];
  const width: [number, number | null][] = [];
  for (const p of points) {
    const low = p.mean !== null && p.sd !== null ? p.mean - p.sd : null;
    const ok = low !== null && p.sd !== null && Number.isFinite(low) && (!log || low > 0);
    lower.push([p.step, ok ? low : null]);
    width.push([p.step, ok ? 2 * (p.sd as number) : null]);
  }
  return { lower, width };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The axis tooltip: each mean line's value at the epoch as `mean ± sd (n=k)`; the band series are left out. */
function bandTooltip(params: unknown): string {
  const list = (Array.isArray(params) ? params : [params]) as {
    seriesId?: string;
    seriesName?: string;
    marker?: string;
    data?: unknown;
    axisValue?: unknown;
  }[];
  const rows = list.flatMap((p) => {
    const d = p.data as MeanDatum | undefined;
    if (!p.seriesId?.startsWith(MEAN_ID) || !d || d.value[1] === null) return [];
    const spread = d.sd === null ? "" : ` ± ${tooltipNumber(d.sd)}`;
    return [`${p.marker ?? ""}${escapeHtml(p.seriesName ?? "")}: <b>${tooltipNumber(d.value[1])}</b>${spread} (n=${d.n})`];
  });
  return [`epoch ${escapeHtml(String(list[0]?.axisValue ?? ""))}`, ...rows].join("<br/>");
}

/** Builds the echarts option of a band spec. Throws naming the group and run when a group lists a run not drawn. */
export function bandOption(spec: BandSpec, runs: readonly RunData[]): EChartsOption {
  if (spec.metricKeys.length === 0) throw new Error("band chart: metricKeys is empty");
  const byId = new Map(runs.map((r) => [r.runId, r]));
  const series: Record<string, unknown>[] = [];
  const starts: number[] = [];
  spec.groups.forEach((group, g) => {
    const members = group.runIds.map((id) => {
      const run = byId.get(id);
      if (!run) throw new Error(`band chart: group ${JSON.stringify(group.label)} lists run ${JSON.stringify(id)}, which is not drawn`);
      return run;
    });
    starts.push(...members.map(fineTuneStart).filter((s): s is number => s !== undefined));
    const color = runColor(g);
    for (const key of spec.metricKeys) {
      const name = `${group.label} · ${metricLabel(key)}`;
      const points = groupCurve(members, key);
      const shared = { type: "line", name, connectNulls: false, ...(spec.stepped ? { step: "end" } : {}) };
      const data: MeanDatum[] = points.map((p) => ({ value: [p.step, p.mean], sd: p.sd, n: p.n }));
      series.push({
        ...shared,
        id: `${MEAN_ID}${g}:${key}`,
        data,
        showSymbol: points.length < 30,
        symbolSize: 5,
        lineStyle: { color, width: 2, type: key.startsWith("val_") ? "dashed" : "solid" },
        itemStyle: { color },
        emphasis: { focus: "series" },
      });
      const band = bandPoints(points, spec.yScale === "log");
      if (!band.width.some((p) => p[1] !== null)) continue;
      // Same name as the mean line: one legend entry shows and hides the line with its band. Stacked
      // on every sign ("all"): a lower edge below zero still carries the width on top of it.
      const stack = `band:${g}:${key}`;
      const edge = {
        ...shared,
        stack,
        stackStrategy: "all",
        symbol: "none",
        silent: true,
        lineStyle: { opacity: 0 },
        emphasis: { disabled: true },
      };
      series.push({ ...edge, id: `band-low:${g}:${key}`, data: band.lower });
      series.push({ ...edge, id: `band-width:${g}:${key}`, data: band.width, areaStyle: { color, opacity: 0.18 } });
    }
  });
  const first = series[0];
  if (first && starts.length > 0 && spec.markFineTune !== false) first.markLine = fineTuneMarkLine(starts);
  return { ...curvesFrame(spec), tooltip: { trigger: "axis", formatter: bandTooltip }, series } as EChartsOption;
}
