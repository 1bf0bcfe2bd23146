/**
 * Compare-page data shaping: parsing ?ids=, turning compareRuns into normalised runs on the
 * shared label order, and the shared colour-scale maximum.
 */
import type { CompareRunsQuery } from "../gql/graphql";
import { type Catalogue, formatKnob, knobByName, knobValue } from "./catalogue";
import { baseWeightsDisplay } from "./format";
import type { ParallelAxis } from "./chart-spec";
import { normaliseRun, runColor, type RunData } from "./run-data";

/** Compare limits from the issue. */
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 20;

/** Parses "a,b,c" into unique ids; errors quote what was received. */
export function parseCompareIds(raw: string | string[] | undefined): { ids: string[]; error: string | null } {
  const text = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  const ids = [
    ...new Set(
      text
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
  ];
  if (ids.length < MIN_COMPARE || ids.length > MAX_COMPARE) {
    return { ids, error: `Compare needs ${MIN_COMPARE} to ${MAX_COMPARE} run ids in ?ids=a,b,… (got ${ids.length}: "${text}")` };
  }
  return { ids, error: null };
}

type Comparison = CompareRunsQuery["compareRuns"];

/**
 * Normalised runs in the order of `ids`, each with its matrix aligned to comparison.labels (and,
 * with the catalogue, every knob among its params).
 */
export function comparisonRuns(comparison: Comparison, ids: readonly string[], catalogue?: Catalogue): RunData[] {
  const order = new Map(ids.map((id, i) => [id, i]));
  const runs = [...comparison.runs].sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
  return runs.map((run, i) => {
    const curve = comparison.curves.find((c) => c.runId === run.id);
    const m = comparison.confusionMatrices.find((c) => c.runId === run.id)?.matrix;
    return normaliseRun(run, curve?.epochs ?? [], runColor(i), m ? { labels: comparison.labels, matrix: m } : null, catalogue);
  });
}

/** The largest cell over all runs' matrices: one colour scale for side-by-side matrices. */
export function sharedScaleMax(runs: readonly RunData[]): number {
  let max = 1;
  for (const r of runs) for (const row of r.confusion?.matrix ?? []) for (const v of row) max = Math.max(max, v);
  return max;
}

/**
 * A row label of the differences table: the knob's catalogue label, or the API's name for what the
 * catalogue does not list (the base weights).
 */
export function parameterLabel(catalogue: Catalogue | null | undefined, name: string): string {
  return (catalogue && knobByName(catalogue, name)?.label) || name;
}

/**
 * The cells of one row of the differences table, written as the run page writes them: a knob's
 * value through the catalogue (`off` for an off callback, `1e-5`, head `64`), the weights as the
 * file name or "ImageNet (the model's own)"; the API's text for anything else (or before the
 * catalogue has loaded).
 */
export function differenceCells(
  catalogue: Catalogue | null | undefined,
  runs: Comparison["runs"],
  row: Comparison["differences"][number],
): string[] {
  const info = catalogue ? knobByName(catalogue, row.name) : undefined;
  return runs.map((run, i) => {
    if (info) return formatKnob(info, knobValue(run.hyperparameters.values, row.name));
    if (row.name === "baseWeights") return baseWeightsDisplay(run.hyperparameters.baseWeights, null).text;
    return row.values[i] ?? "–";
  });
}

/** Parallel-coordinate axes for `params` (knob names): each knob's label and scale (log for learning rates). */
export function parallelAxes(catalogue: Catalogue | null | undefined, params: readonly string[]): Record<string, ParallelAxis> {
  const axes: Record<string, ParallelAxis> = {};
  for (const name of params) {
    const info = catalogue ? knobByName(catalogue, name) : undefined;
    axes[name] = { label: info?.label ?? name, scale: info?.scale ?? null };
  }
  return axes;
}
