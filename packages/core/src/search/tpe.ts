/**
 * The Tree-structured Parzen Estimator sampler (Bergstra et al. 2011) as Optuna's TPESampler
 * defines it, on a DISCRETE space: each knob takes one of the values its sweep lists. Completed
 * trials split into a good and a bad group by Optuna's gamma; a Parzen estimator per knob models
 * each group (l(x) good, g(x) bad) and the sampler proposes the candidate drawn from l with the best
 * log l(x) − log g(x). PURE and seeded: the same sweep state always proposes the same point.
 */
import { createRng, type Rng } from "../util/random";
import { pointKey, type SearchDimension, type SearchPoint, type Trial } from "./space";

/** How {@link suggestTpe} samples. */
export interface TpeOptions {
  /** Seed of the sweep; the suggestion for the n-th trial must be deterministic given (seed, trials). */
  seed: number;
  /** Random start-up suggestions before TPE takes over (Optuna's n_startup_trials, default 10). */
  startupTrials?: number;
  /** Candidates drawn from l(x) per suggestion (Optuna's n_ei_candidates, default 24). */
  candidates?: number;
  /** Canonical form of a point before duplicate checks (the API sets knobs that do not apply to their defaults). Default identity. */
  canonical?: (p: SearchPoint) => SearchPoint;
}

const DEFAULT_STARTUP_TRIALS = 10;
const DEFAULT_CANDIDATES = 24;
/** Optuna's prior_weight: the prior kernel counts as one observation. */
const PRIOR_WEIGHT = 1;
/** Draws of candidates, in multiples of `candidates`, before giving up on l(x) finding an untried point. */
const REDRAW_FACTOR = 20;
/** Spaces up to this many points are enumerated when sampling alone finds no untried point. */
const ENUMERATION_LIMIT = 100_000;
/** Uniform draws tried before enumerating (or, in a larger space, before calling it exhausted). */
const RANDOM_TRIES = 1000;

/** One knob's density over its listed values: the log probability of each entry of `values`. */
interface Density {
  logP: Float64Array;
  /** Cumulative probabilities, for sampling an entry. */
  cdf: Float64Array;
}

/**
 * The next point to try, or null when every point of the (finite) space has been tried or is pending.
 *
 * While fewer than `startupTrials` trials are complete it returns a seeded uniform-random untried
 * point. Then it is TPE with INDEPENDENT (per-knob) Parzen estimators, as Optuna's default
 * `multivariate=False`, except that candidates are whole points scored by the sum over knobs of
 * log l(x) − log g(x), so the next-best candidate is at hand when the best was already tried.
 * Pending trials count as the worst results in g(x) (Optuna's constant liar), so parallel agents
 * asking in turn spread out; tried and pending points (compared by `pointKey(canonical(p))`) are
 * never returned. When every candidate is a duplicate it draws more (up to 20× `candidates`), then
 * takes the best-scoring untried point of the enumerated space (≤ 100,000 points) or, in a larger
 * space, a random untried one.
 *
 * The random stream derives from the seed and the number of trials, so a sweep's n-th suggestion is
 * reproducible.
 */
export function suggestTpe(dims: readonly SearchDimension[], trials: readonly Trial[], options: TpeOptions): SearchPoint | null {
  const canonical = options.canonical ?? ((p: SearchPoint) => p);
  const keyOf = (p: SearchPoint): string => pointKey(canonical(p));
  const tried = new Set(trials.map((t) => keyOf(t.point)));
  const rng = createRng((Math.imul(options.seed | 0, 1000003) + trials.length) >>> 0);
  // Draws from l(x) repeat often late in a small space: remember each entry tuple's verdict.
  const known = new Map<string, SearchPoint | null>();
  const isUntried = (indices: readonly number[]): SearchPoint | null => {
    const id = indices.join(",");
    let p = known.get(id);
    if (p === undefined) {
      p = pointAt(dims, indices);
      if (tried.has(keyOf(p))) p = null;
      known.set(id, p);
    }
    return p;
  };
  if (dims.some((d) => d.values.length === 0)) return null;

  const completed = trials.filter((t) => !t.pending && t.value !== null && Number.isFinite(t.value));
  if (completed.length < (options.startupTrials ?? DEFAULT_STARTUP_TRIALS)) return randomUntried(dims, rng, isUntried);

  const { good, bad } = splitTrials(trials, completed);
  const l = dims.map((d) => density(d, good));
  const g = dims.map((d) => density(d, bad));
  const gain = dims.map((_, i) => logRatio(l[i] as Density, g[i] as Density));
  const score = (indices: readonly number[]): number => indices.reduce((s, j, i) => s + (gain[i]?.[j] ?? 0), 0);

  const batch = Math.max(1, options.candidates ?? DEFAULT_CANDIDATES);
  for (let drawn = 0; drawn < batch * REDRAW_FACTOR; drawn += batch) {
    let best: { point: SearchPoint; score: number } | null = null;
    for (let c = 0; c < batch; c++) {
      const indices = l.map((dl) => sampleIndex(dl, rng));
      const s = score(indices);
      // Scores first: keying a point (canonical + JSON) costs more than scoring it.
      if (best !== null && s <= best.score) continue;
      const p = isUntried(indices);
      if (p !== null) best = { point: p, score: s };
    }
    if (best !== null) return best.point;
  }
  return bestUntried(dims, score, isUntried) ?? randomUntried(dims, rng, isUntried);
}

/**
 * Optuna's split: the top gamma(n) = min(⌈0.1·n⌉, 25) completed trials (higher value is better,
 * earlier first among equals) are good; the other completed trials and every pending one (the
 * constant liar's worst value) are bad. Both keep trial order, which the observation weights use.
 */
function splitTrials(trials: readonly Trial[], completed: readonly Trial[]): { good: Trial[]; bad: Trial[] } {
  const nGood = Math.min(Math.ceil(0.1 * completed.length), 25);
  const ranked = completed.map((t, i) => ({ t, i })).sort((a, b) => (b.t.value as number) - (a.t.value as number) || a.i - b.i);
  const goodSet = new Set(ranked.slice(0, nGood).map((r) => r.t));
  const completedSet = new Set(completed);
  const good: Trial[] = [];
  const bad: Trial[] = [];
  for (const t of trials) {
    if (goodSet.has(t)) good.push(t);
    else if (t.pending || completedSet.has(t)) bad.push(t);
  }
  return { good, bad };
}

/**
 * Optuna's default_weights: equal weights up to 25 observations; beyond, the older ones ramp
 * linearly from 1/n up to 1 so the newest 25 weigh fully. Then the prior kernel joins and all are
 * normalised.
 */
function mixtureWeights(n: number): number[] {
  const w: number[] = [];
  const ramp = Math.max(0, n - 25);
  for (let i = 0; i < ramp; i++) w.push(ramp === 1 ? 1 / n : 1 / n + (i * (1 - 1 / n)) / (ramp - 1));
  while (w.length < n) w.push(1);
  w.push(PRIOR_WEIGHT);
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
}

/** The Parzen estimator of one knob from the given trials' values of it. */
function density(dim: SearchDimension, trials: readonly Trial[]): Density {
  const m = dim.values.length;
  const observed = trials.map((t) => t.point[dim.name]).filter((v) => v !== undefined);
  const p = m === 1 ? [1] : dim.kind === "numeric" ? numericMixture(dim, observed) : categoricalMixture(dim, observed);
  const logP = new Float64Array(m);
  const cdf = new Float64Array(m);
  let acc = 0;
  for (let j = 0; j < m; j++) {
    const pj = p[j] ?? 0;
    logP[j] = Math.log(Math.max(pj, Number.MIN_VALUE));
    acc += pj;
    cdf[j] = acc;
  }
  return { logP, cdf };
}

/** A listed or observed numeric value's place on the knob's line (log10 when `log`), or null if it has none. */
function positionOf(dim: SearchDimension, v: unknown): number | null {
  if (typeof v !== "number" || !Number.isFinite(v)) return null;
  if (!dim.log) return v;
  return v > 0 ? Math.log10(v) : null;
}

/**
 * Optuna's numerical Parzen estimator, discretised: one Gaussian kernel per observation, its
 * bandwidth the larger distance to its neighbours (the prior's centre and the range's ends, widened
 * by half a grid step, included; the outermost kernels use their inner neighbour only), clipped to
 * [range / min(100, 1 + kernels), range] (the magic clip), plus a prior kernel at the centre as wide as
 * the range. Each kernel is evaluated at the listed values and renormalised over them, so it becomes a
 * distribution over the list (as Optuna's discrete truncated normals are over a stepped range); the
 * grid step is the mean spacing of the list.
 */
function numericMixture(dim: SearchDimension, observed: readonly unknown[]): number[] {
  const xs = dim.values.map((v) => {
    const x = positionOf(dim, v);
    if (x === null) throw new Error(`search: ${dim.name} lists ${JSON.stringify(v)}, not a ${dim.log ? "positive " : ""}number`);
    return x;
  });
  const low = Math.min(...xs);
  const high = Math.max(...xs);
  // All listed values at one place: no line to model, every entry equally likely.
  if (high === low) return xs.map(() => 1 / xs.length);
  const step = (high - low) / (xs.length - 1);
  const span = high - low + step;
  const mus = observed.map((v) => positionOf(dim, v)).filter((x): x is number => x !== null);
  const priorMu = (low + high) / 2;
  const sigmas = bandwidths(mus, priorMu, low - step / 2, high + step / 2);
  const minSigma = span / Math.min(100, 1 + mus.length + 1);
  const kernels = mus.map((mu, k) => ({ mu, sigma: Math.min(span, Math.max(minSigma, sigmas[k] as number)) }));
  kernels.push({ mu: priorMu, sigma: span });
  const weights = mixtureWeights(mus.length);
  const p = xs.map(() => 0);
  kernels.forEach(({ mu, sigma }, k) => {
    const log = xs.map((x) => -0.5 * ((x - mu) / sigma) ** 2);
    const top = Math.max(...log);
    const e = log.map((v) => Math.exp(v - top));
    const z = e.reduce((a, b) => a + b, 0);
    e.forEach((v, j) => (p[j] = (p[j] as number) + ((weights[k] as number) * v) / z));
  });
  return p;
}

/**
 * Optuna's neighbour bandwidths: sort the observations with the prior's centre, bracket them with
 * the range's ends, and give each the larger gap to a neighbour; the first and last use only their
 * inner gap (Optuna's consider_endpoints=False). Returned in the observations' order.
 */
function bandwidths(mus: readonly number[], priorMu: number, lowEnd: number, highEnd: number): number[] {
  const withPrior = [...mus, priorMu];
  const order = withPrior.map((_, i) => i).sort((a, b) => (withPrior[a] as number) - (withPrior[b] as number) || a - b);
  const sorted = [lowEnd, ...order.map((i) => withPrior[i] as number), highEnd];
  const n = withPrior.length;
  const sortedSigma: number[] = [];
  for (let i = 1; i <= n; i++) {
    sortedSigma.push(Math.max((sorted[i] as number) - (sorted[i - 1] as number), (sorted[i + 1] as number) - (sorted[i] as number)));
  }
  if (n >= 2) {
    sortedSigma[0] = (sorted[2] as number) - (sorted[1] as number);
    sortedSigma[n - 1] = (sorted[n] as number) - (sorted[n - 1] as number);
  }
  const sigmas = new Array<number>(n);
  order.forEach((i, rank) => (sigmas[i] = sortedSigma[rank] as number));
  return sigmas.slice(0, mus.length);
}

/**
 * Optuna's categorical Parzen estimator: each observation's kernel puts 1 on its value plus
 * prior_weight / kernels on every value, normalised; the prior kernel is uniform; the kernels mix by
 * the observation weights. Values compare by JSON (head shapes are arrays); unlisted ones are ignored.
 */
function categoricalMixture(dim: SearchDimension, observed: readonly unknown[]): number[] {
  const m = dim.values.length;
  const index = new Map<string, number>();
  dim.values.forEach((v, j) => {
    const key = JSON.stringify(v);
    if (!index.has(key)) index.set(key, j);
  });
  const hits = observed.map((v) => index.get(JSON.stringify(v))).filter((j): j is number => j !== undefined);
  const weights = mixtureWeights(hits.length);
  const spread = PRIOR_WEIGHT / (hits.length + 1);
  const p = new Array<number>(m).fill((weights[hits.length] as number) / m);
  hits.forEach((j, k) => {
    const w = weights[k] as number;
    const z = 1 + spread * m;
    for (let i = 0; i < m; i++) p[i] = (p[i] as number) + (w * (spread + (i === j ? 1 : 0))) / z;
  });
  return p;
}

/** log l(x) − log g(x) for each listed value of one knob. */
function logRatio(l: Density, g: Density): Float64Array {
  return l.logP.map((v, j) => v - (g.logP[j] as number));
}

/** An entry of the list drawn from the density. */
function sampleIndex(d: Density, rng: Rng): number {
  const u = rng() * (d.cdf[d.cdf.length - 1] as number);
  for (let j = 0; j < d.cdf.length; j++) if (u < (d.cdf[j] as number)) return j;
  return d.cdf.length - 1;
}

/** The point picking entry `indices[i]` of each knob. */
function pointAt(dims: readonly SearchDimension[], indices: readonly number[]): SearchPoint {
  const p: SearchPoint = {};
  dims.forEach((d, i) => (p[d.name] = d.values[indices[i] as number]));
  return p;
}

/** Points in the space (a float: it may be astronomically large). */
function spaceSize(dims: readonly SearchDimension[]): number {
  return dims.reduce((n, d) => n * d.values.length, 1);
}

/** Entry indices of the point numbered `n` in the space's mixed-radix order. */
function indicesOf(dims: readonly SearchDimension[], n: number): number[] {
  const out: number[] = [];
  for (let i = dims.length - 1; i >= 0; i--) {
    const m = (dims[i] as SearchDimension).values.length;
    out[i] = n % m;
    n = Math.floor(n / m);
  }
  return out;
}

/**
 * A uniform-random untried point: rejection sampling first (cheap while most of the space is
 * free), then a seeded shuffle of the enumerated space when it is small; null when none is left (or,
 * in a space too large to enumerate, when rejection sampling found none).
 */
function randomUntried(
  dims: readonly SearchDimension[],
  rng: Rng,
  isUntried: (indices: readonly number[]) => SearchPoint | null,
): SearchPoint | null {
  for (let t = 0; t < RANDOM_TRIES; t++) {
    const p = isUntried(dims.map((d) => Math.floor(rng() * d.values.length)));
    if (p !== null) return p;
  }
  const size = spaceSize(dims);
  if (size > ENUMERATION_LIMIT) return null;
  const order = Array.from({ length: size }, (_, i) => i);
  for (let i = size - 1; i >= 0; i--) {
    // Lazy Fisher–Yates: position i gets its element only when the scan reaches it.
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
    const p = isUntried(indicesOf(dims, order[i] as number));
    if (p !== null) return p;
  }
  return null;
}

/** The best-scoring untried point of a space small enough to enumerate (earlier points win ties), or null. */
function bestUntried(
  dims: readonly SearchDimension[],
  score: (indices: readonly number[]) => number,
  isUntried: (indices: readonly number[]) => SearchPoint | null,
): SearchPoint | null {
  const size = spaceSize(dims);
  if (size > ENUMERATION_LIMIT) return null;
  const scores = Array.from({ length: size }, (_, n) => score(indicesOf(dims, n)));
  const order = Array.from({ length: size }, (_, n) => n).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  for (const n of order) {
    const p = isUntried(indicesOf(dims, n));
    if (p !== null) return p;
  }
  return null;
}
