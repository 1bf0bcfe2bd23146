/**
 * fANOVA-style parameter importance (Hutter, Hoos & Leyton-Brown 2014; Optuna's
 * FanovaImportanceEvaluator): fit a random forest to the trials, then split the variance of its
 * predictions over the search space into each knob's main effect. PURE (no TF.js, no Node modules).
 *
 * The space is discrete (the product of the dimensions' value lists), so the main effects are taken
 * exactly over its points (or a seeded sample of them when the space is large) rather than by
 * Hutter's tree-partition integrals over continuous ranges.
 */
import { createRng, shuffled } from "../util/random";
import { fitForest, type ForestFeature, type RegressionTree } from "./forest";
import { type SearchDimension, type SearchPoint } from "./space";

/** Settings of {@link fanovaImportance}. */
export interface FanovaOptions {
  /** Seeds the forest's bootstrap and the space sample: one seed, one answer. */
  seed: number;
  /** Trees in the forest (default 32). */
  trees?: number;
  /** Deepest split level (default 16). */
  maxDepth?: number;
  /** Fewest trials (bootstrap draws) a leaf may hold (default 2). */
  minSamplesLeaf?: number;
  /**
   * Most points of the space to average over (default 2000); a larger space is sampled. The
   * sample's total variance carries chance cross-terms between knobs (a few % at 2000 points), so
   * importances from small samples are rougher and need not sum to at most 1.
   */
  gridSample?: number;
}

/** One knob's share of the objective's variation and its marginal effect. */
export interface ParameterEffect {
  parameter: string;
  /** Fraction of the variance of the forest's predictions over the space explained by this parameter alone (main effect), 0..1; averaged over trees. */
  importance: number;
  /** Spread of the importance across trees (sd). */
  importanceSd: number;
  /** The marginal effect: for each listed value, the forest's mean prediction with this parameter fixed to it and the others averaged over the space; sd across trees; how many trials had that value. */
  marginal: { value: unknown; mean: number; sd: number; trials: number }[];
}

/** A knob as the forest sees it: how a value encodes, and the space's values with their codes. */
interface Encoded {
  dim: SearchDimension;
  /** The feature value of a raw value; NaN when it cannot be placed (a non-number on a numeric knob). */
  encode: (value: unknown) => number;
  feature: ForestFeature;
  space: { value: unknown; key: string; x: number }[];
}

const key = (value: unknown): string => JSON.stringify(value) ?? "undefined";

/**
 * Importance of each knob that varies among the trials, most important first.
 *
 * Trials whose value is not finite are ignored, as are trials whose value on a varying numeric knob
 * is not a usable number. Knobs with fewer than two distinct values among the trials are left out
 * (nothing can be learnt about them); fewer than 3 trials or no varying knob gives [].
 */
export function fanovaImportance(
  dims: readonly SearchDimension[],
  trials: readonly { point: SearchPoint; value: number }[],
  options: FanovaOptions,
): ParameterEffect[] {
  const trees = Math.max(1, Math.floor(options.trees ?? 32));
  const maxDepth = Math.max(0, Math.floor(options.maxDepth ?? 16));
  const minSamplesLeaf = Math.max(1, Math.floor(options.minSamplesLeaf ?? 2));
  const gridSample = Math.max(1, Math.floor(options.gridSample ?? 2000));

  const scored = trials.filter((t) => Number.isFinite(t.value));
  const all = dims.map((dim) => encodeDimension(dim, scored));
  // Dropping trials a varying knob cannot place may stop another knob varying; drop that knob too
  // (which can only readmit trials) and recheck. Knobs only ever leave, so this ends.
  let active = all;
  let kept = scored;
  for (;;) {
    kept = scored.filter((t) => active.every((e) => !Number.isNaN(e.encode(t.point[e.dim.name]))));
    const next = active.filter(
      (e) => new Set(kept.filter((t) => !Number.isNaN(e.encode(t.point[e.dim.name]))).map((t) => key(t.point[e.dim.name]))).size >= 2,
    );
    if (next.length === active.length && next.every((e, i) => e === active[i])) break;
    active = next;
  }
  if (kept.length < 3 || active.length === 0) return [];
  for (const e of active) if (e.space.length === 0) e.space = distinctTrialValues(e, kept);

  const x = active.map((e) => Float64Array.from(kept, (t) => e.encode(t.point[e.dim.name])));
  const y = Float64Array.from(kept, (t) => t.value);
  const forest = fitForest(
    active.map((e) => e.feature),
    x,
    y,
    { trees, maxDepth, minSamplesLeaf, rng: createRng(options.seed) },
  );

  // The same points for every tree, so trees differ only by what they learnt.
  const grid = spaceGrid(
    active.map((e) => e.space.length),
    gridSample,
    options.seed,
  );
  const perTree = forest.map((tree) => mainEffects(tree, active, grid));

  const effects = active.map((e, i): ParameterEffect => {
    const counts = new Map<string, number>();
    for (const t of kept) counts.set(key(t.point[e.dim.name]), (counts.get(key(t.point[e.dim.name])) ?? 0) + 1);
    const imp = meanSd(perTree.map((p) => p.importance[i]!));
    return {
      parameter: e.dim.name,
      importance: imp.mean,
      importanceSd: imp.sd,
      marginal: e.space.map((s, v) => ({
        value: s.value,
        ...meanSd(perTree.map((p) => p.marginal[i]![v]!)),
        trials: counts.get(s.key) ?? 0,
      })),
    };
  });
  return effects.sort((a, b) => b.importance - a.importance);
}

/** How a dimension encodes: numbers (log10 when `log`) on a line, categories by index in `values`. */
function encodeDimension(dim: SearchDimension, trials: readonly { point: SearchPoint }[]): Encoded {
  const seen = new Set<string>();
  const listed = dim.values.filter((v) => !seen.has(key(v)) && seen.add(key(v)));
  if (dim.kind === "numeric") {
    const encode = (v: unknown): number =>
      typeof v === "number" && Number.isFinite(v) && (!dim.log || v > 0) ? (dim.log ? Math.log10(v) : v) : Number.NaN;
    const space = listed.map((value) => ({ value, key: key(value), x: encode(value) })).filter((s) => !Number.isNaN(s.x));
    return { dim, encode, feature: { kind: "numeric" }, space };
  }
  // Trial values the list lacks still get a category (after the listed ones), so such trials train
  // the forest; only listed values make up the space.
  const index = new Map(listed.map((v, i) => [key(v), i]));
  for (const t of trials) {
    const k = key(t.point[dim.name]);
    if (!index.has(k)) index.set(k, index.size);
  }
  const space = listed.map((value, i) => ({ value, key: key(value), x: i }));
  return { dim, encode: (v) => index.get(key(v)) ?? Number.NaN, feature: { kind: "categorical", categories: index.size }, space };
}

/** The space of a knob whose list has no usable value: the values its trials had, in order. */
function distinctTrialValues(e: Encoded, trials: readonly { point: SearchPoint }[]): Encoded["space"] {
  const byKey = new Map<string, Encoded["space"][number]>();
  for (const t of trials) {
    const value = t.point[e.dim.name];
    if (!byKey.has(key(value))) byKey.set(key(value), { value, key: key(value), x: e.encode(value) });
  }
  return [...byKey.values()].sort((a, b) => (e.feature.kind === "numeric" ? a.x - b.x : 0));
}

/** Points of the space as value indices per knob (`codes[d][s]`), and whether they are all of it. */
interface Grid {
  codes: Int32Array[];
  size: number;
  full: boolean;
}

/**
 * Every point of the space when it has at most `limit`, else `limit` points whose columns are each
 * a shuffled, balanced cycle of the knob's values: every value appears equally often (each knob's
 * marginal is uniform, as over the full space), and shuffling the columns independently decorrelates
 * the knobs, like a Latin-hypercube sample.
 */
function spaceGrid(sizes: readonly number[], limit: number, seed: number): Grid {
  const total = sizes.reduce((p, s) => p * s, 1);
  if (total <= limit) {
    const codes = sizes.map(() => new Int32Array(total));
    for (let s = 0; s < total; s++) {
      let rest = s;
      sizes.forEach((k, d) => {
        codes[d]![s] = rest % k;
        rest = Math.floor(rest / k);
      });
    }
    return { codes, size: total, full: true };
  }
  const rng = createRng(seed ^ 0x5bd1e995);
  const base = Array.from({ length: limit }, (_, s) => s);
  const codes = sizes.map((k) => Int32Array.from(shuffled(base, rng), (s) => s % k));
  return { codes, size: limit, full: false };
}

/** One tree's main effects: importance per knob, and its marginal mean per space value. */
function mainEffects(tree: RegressionTree, active: readonly Encoded[], grid: Grid): { importance: number[]; marginal: number[][] } {
  const dims = active.length;
  const row = new Float64Array(dims);
  const f = new Float64Array(grid.size);
  const sums = active.map((e) => new Float64Array(e.space.length));
  for (let s = 0; s < grid.size; s++) {
    for (let d = 0; d < dims; d++) row[d] = active[d]!.space[grid.codes[d]![s]!]!.x;
    f[s] = tree.predict(row);
    if (grid.full) {
      // On the full product the points with knob d = v already average over all the others.
      for (let d = 0; d < dims; d++) sums[d]![grid.codes[d]![s]!]! += f[s]!;
      continue;
    }
    // On a sample, fix knob d to each value at every sampled point, so every value is averaged over
    // the same settings of the others (no chance imbalance between values).
    for (let d = 0; d < dims; d++) {
      const saved = row[d]!;
      const space = active[d]!.space;
      for (let v = 0; v < space.length; v++) {
        row[d] = space[v]!.x;
        sums[d]![v]! += tree.predict(row);
      }
      row[d] = saved;
    }
  }
  const total = meanSd(f).sd ** 2;
  const marginal = sums.map((acc, d) =>
    Array.from(acc, (sum) => (grid.full ? (sum * active[d]!.space.length) / grid.size : sum / grid.size)),
  );
  // A sample's V_i can edge past its V by chance; a fraction above 1 means nothing, so clamp.
  const importance = marginal.map((m) => (total > 0 ? Math.min(1, meanSd(m).sd ** 2 / total) : 0));
  return { importance, marginal };
}

/** Mean and population sd (so a single tree has sd 0 rather than undefined). */
function meanSd(values: ArrayLike<number>): { mean: number; sd: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, sd: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (values[i]! - mean) ** 2;
  return { mean, sd: Math.sqrt(sq / n) };
}
