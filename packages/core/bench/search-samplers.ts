/**
 * TPE against random search on a measured grid: how many runs each needs before one comes within
 * `tolerance` of the grid's best. A run's objective is looked up in the grid's table: training a
 * config is deterministic (fixed seeds), so running it again would give the same value. PURE.
 */
import { pointKey, suggestTpe, type SearchDimension, type SearchPoint, type Trial } from "../src/search";
import { createRng, shuffled } from "../src/util/random";

/** Random start-up trials before TPE models the results (Optuna's default, the API's `TPE_STARTUP_TRIALS`). */
export const TPE_STARTUP_TRIALS = 10;

/** The objective of each config of the grid, by `pointKey`. */
export type ObjectiveTable = ReadonlyMap<string, number | null>;

function valueOf(table: ObjectiveTable, point: SearchPoint): number | null {
  const key = pointKey(point);
  if (!table.has(key)) throw new Error(`search bench: TPE proposed ${key}, which is not in the grid`);
  return table.get(key) ?? null;
}

/** Runs TPE asks for (one at a time, each run finished before the next ask) until one reaches `target`; the grid's size if none does. */
export function tpeRunsToReach(dims: readonly SearchDimension[], table: ObjectiveTable, target: number, seed: number): number {
  const trials: Trial[] = [];
  for (;;) {
    const point = suggestTpe(dims, trials, { seed, startupTrials: TPE_STARTUP_TRIALS });
    if (point === null) return trials.length;
    const value = valueOf(table, point);
    trials.push({ point, value });
    if (value !== null && value >= target) return trials.length;
  }
}

/** Runs of a seeded uniform random order without replacement over the grid until one reaches `target`. */
export function randomRunsToReach(points: readonly SearchPoint[], table: ObjectiveTable, target: number, seed: number): number {
  // Another stream than TPE's start-up draws (which derive from seed·1000003 + trials), so the two are independent.
  const order = shuffled(points, createRng((seed ^ 0x5eed) >>> 0));
  const i = order.findIndex((p) => {
    const v = valueOf(table, p);
    return v !== null && v >= target;
  });
  return i < 0 ? points.length : i + 1;
}

/** Median of an odd or even list. */
export function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
