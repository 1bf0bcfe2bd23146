/**
 * A small random-forest regressor for fANOVA (`./fanova`): bootstrap per tree, every feature tried
 * at every node, variance-reduction splits. PURE (no TF.js, no Node modules) and seeded.
 *
 * Features come in two kinds. `numeric` columns hold the (already log-scaled) number and split on a
 * threshold; `categorical` columns hold a category index and split on a subset of categories.
 */
import { type Rng } from "../util/random";

/** How a feature column is read: a number on a line, or a category index in `[0, categories)`. */
export type ForestFeature = { kind: "numeric" } | { kind: "categorical"; categories: number };

/** Forest settings; `rng` drives the bootstrap, so one seed gives one forest. */
export interface ForestOptions {
  trees: number;
  maxDepth: number;
  minSamplesLeaf: number;
  rng: Rng;
}

/**
 * One fitted regression tree, stored flat (typed arrays, node 0 the root) because fANOVA walks it
 * millions of times and object-per-node trees are several times slower to traverse.
 */
export class RegressionTree {
  /** @internal Built by {@link fitForest}; `feature[n] < 0` marks a leaf. */
  constructor(
    private readonly feature: Int32Array,
    private readonly threshold: Float64Array,
    private readonly left: Int32Array,
    private readonly right: Int32Array,
    private readonly value: Float64Array,
    private readonly masks: readonly (Uint8Array | undefined)[],
  ) {}

  /** The tree's prediction for one row (a value per feature, encoded as in training). */
  predict(row: ArrayLike<number>): number {
    let n = 0;
    for (;;) {
      const f = this.feature[n]!;
      if (f < 0) return this.value[n]!;
      const x = row[f]!;
      const mask = this.masks[n];
      const goLeft = mask ? mask[x] === 1 : x <= this.threshold[n]!;
      n = goLeft ? this.left[n]! : this.right[n]!;
    }
  }
}

/** Growable node storage, frozen into a {@link RegressionTree} when the tree is done. */
interface Nodes {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
  masks: (Uint8Array | undefined)[];
}

/** The best split found at a node: which feature and which of its bins go left. */
interface Split {
  feature: number;
  score: number;
  leftBins: Uint8Array;
  threshold: number;
  mask: Uint8Array | undefined;
}

/**
 * Fits `options.trees` trees on columns `x` (one array per feature, a row per sample) and targets `y`.
 *
 * Every feature is tried at every node (sklearn's regressor default, which Optuna's fANOVA uses):
 * with the handful of knobs a sweep has, a random feature subset would force splits on irrelevant
 * knobs and leak importance onto them. Trees differ through their bootstrap samples only.
 */
export function fitForest(
  features: readonly ForestFeature[],
  x: readonly Float64Array[],
  y: Float64Array,
  options: ForestOptions,
): RegressionTree[] {
  const n = y.length;
  // Splits only ever compare bins, so each column is binned once: numeric columns by their sorted
  // distinct values, categorical ones by category. Node scans are then O(rows + bins), no sorting.
  const bins: Int32Array[] = [];
  const binValues: number[][] = [];
  features.forEach((feature, f) => {
    const column = x[f]!;
    if (feature.kind === "categorical") {
      bins.push(Int32Array.from(column));
      binValues.push(Array.from({ length: feature.categories }, (_, i) => i));
    } else {
      const distinct = [...new Set(column)].sort((a, b) => a - b);
      const index = new Map(distinct.map((v, i) => [v, i]));
      bins.push(Int32Array.from(column, (v) => index.get(v)!));
      binValues.push(distinct);
    }
  });
  // Centring keeps the sums of squares in the split score well conditioned.
  const mean = y.reduce((s, v) => s + v, 0) / Math.max(1, n);
  const yc = Float64Array.from(y, (v) => v - mean);

  const trees: RegressionTree[] = [];
  for (let t = 0; t < options.trees; t++) {
    const sample = new Int32Array(n);
    for (let i = 0; i < n; i++) sample[i] = Math.floor(options.rng() * n);
    const nodes: Nodes = { feature: [], threshold: [], left: [], right: [], value: [], masks: [] };
    grow(nodes, sample, 0);
    trees.push(
      new RegressionTree(
        Int32Array.from(nodes.feature),
        Float64Array.from(nodes.threshold),
        Int32Array.from(nodes.left),
        Int32Array.from(nodes.right),
        Float64Array.from(nodes.value),
        nodes.masks,
      ),
    );
  }
  return trees;

  function grow(nodes: Nodes, rows: Int32Array, depth: number): number {
    const id = nodes.feature.length;
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      const v = yc[r]!;
      sum += v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    nodes.feature.push(-1);
    nodes.threshold.push(0);
    nodes.left.push(-1);
    nodes.right.push(-1);
    nodes.value.push(mean + sum / rows.length);
    nodes.masks.push(undefined);
    const pure = hi - lo <= 1e-12 * Math.max(1, Math.abs(hi), Math.abs(lo));
    if (pure || depth >= options.maxDepth || rows.length < 2 * options.minSamplesLeaf) return id;

    const split = bestSplit(rows, sum);
    if (!split) return id;
    const leftRows: number[] = [];
    const rightRows: number[] = [];
    const column = bins[split.feature]!;
    for (const r of rows) (split.leftBins[column[r]!] === 1 ? leftRows : rightRows).push(r);
    nodes.feature[id] = split.feature;
    nodes.threshold[id] = split.threshold;
    nodes.masks[id] = split.mask;
    nodes.left[id] = grow(nodes, Int32Array.from(leftRows), depth + 1);
    nodes.right[id] = grow(nodes, Int32Array.from(rightRows), depth + 1);
    return id;
  }

  function bestSplit(rows: Int32Array, sum: number): Split | undefined {
    const total = rows.length;
    const parentScore = (sum * sum) / total;
    let best: Split | undefined;
    features.forEach((feature, f) => {
      const column = bins[f]!;
      const k = binValues[f]!.length;
      const count = new Float64Array(k);
      const sums = new Float64Array(k);
      for (const r of rows) {
        const b = column[r]!;
        count[b]!++;
        sums[b]! += yc[r]!;
      }
      const present: number[] = [];
      for (let b = 0; b < k; b++) if (count[b]! > 0) present.push(b);
      if (present.length < 2) return;
      // Numeric bins are already in value order; for categories, ordering by mean target makes the
      // best prefix of that order the best subset split (Fisher 1958; Breiman et al.'s CART).
      if (feature.kind === "categorical") present.sort((a, b) => sums[a]! / count[a]! - sums[b]! / count[b]!);
      let nLeft = 0;
      let sLeft = 0;
      for (let i = 0; i < present.length - 1; i++) {
        const b = present[i]!;
        nLeft += count[b]!;
        sLeft += sums[b]!;
        const nRight = total - nLeft;
        if (nLeft < options.minSamplesLeaf || nRight < options.minSamplesLeaf) continue;
        const sRight = sum - sLeft;
        const score = (sLeft * sLeft) / nLeft + (sRight * sRight) / nRight;
        // The score gain is the SSE reduction; a tiny tolerance keeps float noise from splitting.
        if (score - parentScore <= 1e-12 * Math.max(1, parentScore) || (best && score <= best.score)) continue;
        const leftBins = new Uint8Array(k);
        for (let j = 0; j <= i; j++) leftBins[present[j]!] = 1;
        best = { feature: f, score, leftBins, threshold: 0, mask: undefined };
        if (feature.kind === "numeric") {
          const values = binValues[f]!;
          best.threshold = (values[b]! + values[present[i + 1]!]!) / 2;
        } else {
          // Categories no row here has (listed values no trial tried, or lost to the bootstrap)
          // follow the larger child: the likelier guess, and the same rule gradient-boosting
          // libraries use for unseen values.
          const mask = leftBins.slice();
          if (nLeft >= nRight) for (let c = 0; c < k; c++) if (count[c] === 0) mask[c] = 1;
          best.mask = mask;
        }
      }
    });
    return best;
  }
}
