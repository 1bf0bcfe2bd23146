/**
 * Is the difference between two classifiers real? Statistics over per-image correctness, for two
 * runs evaluated on the same images (paired) or on different ones (unpaired). Pure TypeScript:
 * the API computes `pairedComparison` with it.
 */
import { BadInputError } from "../errors";
import { createRng } from "../util/random";

/** Resamples of the bootstrap intervals: enough for a stable 2.5/97.5 percentile at this size. */
export const BOOTSTRAP_RESAMPLES = 2000;

/** A two-sided 95% interval. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The exact (binomial) McNemar test on the discordant pairs: `b` images only the first run got
 * right, `c` only the second. Two-sided: twice the smaller tail of Binomial(b + c, ½), capped at 1;
 * 1 when there are no discordant pairs (nothing tells the runs apart).
 */
export function mcnemarExactP(b: number, c: number): number {
  for (const [name, v] of [
    ["b", b],
    ["c", c],
  ] as const) {
    if (!Number.isInteger(v) || v < 0) throw new BadInputError(`mcnemarExactP: ${name} must be a whole number ≥ 0, received ${v}`);
  }
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  // P(X ≤ k) for X ~ Binomial(n, ½), summed in log space so large n neither overflows nor underflows.
  let logTerm = -n * Math.LN2; // log C(n, 0) / 2^n
  let tail = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logTerm);
  }
  return Math.min(1, 2 * tail);
}

/** The q-quantile (0..1) of sorted values, linearly interpolated (numpy's default). */
function quantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

function percentileInterval(stats: Float64Array): Interval {
  stats.sort();
  return { low: quantile(stats, 0.025), high: quantile(stats, 0.975) };
}

/**
 * The seeded paired-bootstrap 95% percentile interval of accuracy(B) − accuracy(A): images are drawn
 * with replacement, each keeping both runs' outcomes, so what the two runs share cancels out.
 * `a[i]` and `b[i]` say whether each run got image i right. The same seed gives the same interval.
 */
export function pairedBootstrapInterval(
  a: readonly boolean[],
  b: readonly boolean[],
  seed: number,
  resamples = BOOTSTRAP_RESAMPLES,
): Interval {
  if (a.length !== b.length)
    throw new BadInputError(`pairedBootstrapInterval: a and b must have one entry per image, received ${a.length} and ${b.length}`);
  const n = a.length;
  if (n === 0) throw new BadInputError("pairedBootstrapInterval needs at least one image, received 0");
  const diff = Int8Array.from(a, (ok, i) => Number(b[i]) - Number(ok));
  const rng = createRng(seed);
  const stats = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += diff[Math.floor(rng() * n)] as number;
    stats[r] = sum / n;
  }
  return percentileInterval(stats);
}

/**
 * The seeded unpaired-bootstrap 95% interval of accuracy(B) − accuracy(A) for runs evaluated on
 * different images: each run's images are resampled on their own.
 */
export function unpairedBootstrapInterval(
  a: readonly boolean[],
  b: readonly boolean[],
  seed: number,
  resamples = BOOTSTRAP_RESAMPLES,
): Interval {
  if (a.length === 0 || b.length === 0) {
    throw new BadInputError(`unpairedBootstrapInterval needs images in both runs, received ${a.length} and ${b.length}`);
  }
  const rng = createRng(seed);
  const mean = (xs: readonly boolean[]) => {
    let sum = 0;
    for (let i = 0; i < xs.length; i++) sum += Number(xs[Math.floor(rng() * xs.length)]);
    return sum / xs.length;
  };
  const stats = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) stats[r] = mean(b) - mean(a);
  return percentileInterval(stats);
}

/**
 * The seeded two-level bootstrap 95% interval of mean accuracy(group B) − mean accuracy(group A) for
 * groups of runs (repeats with other training seeds) evaluated on the same images: each resample
 * draws each group's runs with replacement (what another seed would do) and the images with
 * replacement (which images the validation set happened to hold). `a[r][i]`: run r of group A got
 * image i right.
 */
export function groupBootstrapInterval(
  a: readonly (readonly boolean[])[],
  b: readonly (readonly boolean[])[],
  seed: number,
  resamples = BOOTSTRAP_RESAMPLES,
): Interval {
  if (a.length === 0 || b.length === 0)
    throw new BadInputError(`groupBootstrapInterval needs runs in both groups, received ${a.length} and ${b.length}`);
  const n = a[0]?.length ?? 0;
  if (n === 0) throw new BadInputError("groupBootstrapInterval needs at least one image, received 0");
  for (const run of [...a, ...b]) {
    if (run.length !== n)
      throw new BadInputError(`groupBootstrapInterval: every run must have one entry per image (${n}), received ${run.length}`);
  }
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T[] => Array.from({ length: xs.length }, () => xs[Math.floor(rng() * xs.length)] as T);
  const stats = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const ra = pick(a);
    const rb = pick(b);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const i = Math.floor(rng() * n);
      let hitsA = 0;
      for (const run of ra) hitsA += Number(run[i]);
      let hitsB = 0;
      for (const run of rb) hitsB += Number(run[i]);
      sum += hitsB / rb.length - hitsA / ra.length;
    }
    stats[r] = sum / n;
  }
  return percentileInterval(stats);
}
