/**
 * "What matters most" for a sweep: fANOVA over every searched knob (`@graft/core/search`), with
 * each knob's marginal effect, plus rank and linear correlation for the numeric ones.
 */
import { createRng, shuffled } from "@graft/core/random";
import { fanovaImportance } from "@graft/core/search";
import { type SearchSpaceJson } from "@graft/schema/db";
import { type ParameterImportance } from "@graft/schema/graphql";
import { type RunRow } from "../run/run.mapper";
import { pearson, spearman } from "./importance";
import { runPoint, searchDimensions } from "./sweep.conditional";
import { withDefaultLists } from "./sweep.space";

/** Fewest finished runs the figures are computed from: below it a forest says nothing. */
export const MIN_IMPORTANCE_RUNS = 3;

/**
 * Most runs the forest is grown on: a seeded sample of this many when a sweep has more. Growing it
 * takes ~200 ms at 2,000 runs and ~600 ms at 10,000, on the API's event loop.
 */
export const MAX_IMPORTANCE_RUNS = 2_000;

/** A value as the sweep lists it, as text (`[64,32]` for a head). */
function label(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Importance of each searched knob that varies among `finished` (runs with a best val
 * accuracy), most important first. The forest is seeded with the sweep's seed, so the figures are
 * the same on every read of the same runs. Past {@link MAX_IMPORTANCE_RUNS} runs it rests on a
 * seeded sample of them, and `runCount` says so.
 */
export function sweepImportance(
  sweep: { searchSpace: SearchSpaceJson; fixed: Readonly<Record<string, unknown>>; seed: number },
  finished: readonly RunRow[],
): ParameterImportance[] {
  if (finished.length < MIN_IMPORTANCE_RUNS) return [];
  const rows = finished.length > MAX_IMPORTANCE_RUNS ? shuffled(finished, createRng(sweep.seed)).slice(0, MAX_IMPORTANCE_RUNS) : finished;
  const dims = searchDimensions(withDefaultLists(sweep.searchSpace));
  const trials = rows.map((row) => ({ point: runPoint(row, sweep.fixed), value: row.bestValAccuracy as number }));
  const ys = trials.map((t) => t.value);
  return fanovaImportance(dims, trials, { seed: sweep.seed }).map((effect) => {
    const dim = dims.find((d) => d.name === effect.parameter);
    const numeric = dim?.kind === "numeric";
    const xs = numeric ? trials.map((t) => (dim.log ? Math.log10(t.point[dim.name] as number) : (t.point[dim.name] as number))) : null;
    return {
      parameter: effect.parameter,
      importance: effect.importance,
      importanceSd: effect.importanceSd,
      marginal: effect.marginal.map((m) => ({
        value: label(m.value),
        numeric: numeric && typeof m.value === "number" ? m.value : null,
        mean: m.mean,
        sd: m.sd,
        trials: m.trials,
      })),
      correlation: xs ? spearman(xs, ys) : null,
      pearson: xs ? pearson(xs, ys) : null,
      runCount: rows.length,
    };
  });
}
