/**
 * Hyperband (Li et al. 2018) in its stopping, asynchronous form, as Optuna's HyperbandPruner and
 * Ray's AsyncHyperBand run it: every run of a sweep trains at once; each run belongs to a bracket
 * (from a hash of its id), and at each of its bracket's rungs a run continues only if it ranks in
 * the top 1/eta of the runs of its bracket that reached that rung. Brackets differ in how early the
 * first rung comes, hedging between stopping early (cheap) and judging late (safe). PURE.
 */

/** Hyperband's settings, in epochs. */
export interface HyperbandOptions {
  /** Reduction factor: a rung keeps the top 1/eta of the runs that reached it. */
  eta: number;
  /** The first rung of the most aggressive bracket (Optuna's min_resource). */
  minEpoch: number;
  /** The most epochs a run of the sweep trains (Optuna's max_resource). */
  maxEpochs: number;
}

/** Optuna's and Ray's defaults: keep a third at each rung, first rung after one epoch. */
export const DEFAULT_HYPERBAND: Omit<HyperbandOptions, "maxEpochs"> = { eta: 3, minEpoch: 1 };

/** A run's verdict at a rung of its bracket. */
export interface HyperbandDecision {
  /** Whether the run should stop now. */
  stop: boolean;
  /** The run's bracket (0 = most aggressive). */
  bracket: number;
  /** The rung's index within the bracket (0 = its first rung). */
  rung: number;
  /** The run's rank among the `of` runs at the rung (1 = best; equals share a rank). */
  rank: number;
  /** Runs recorded at the rung, the run itself included. */
  of: number;
  /** How many runs the rung lets continue (all of them while too few reached it to judge). */
  keep: number;
  /** A sentence for the run's page saying why it stopped or continued. */
  reason: string;
}

function validate(o: HyperbandOptions): void {
  // eta ≤ 1 would never reduce, and the rung loops below would never end.
  if (!(o.eta > 1)) throw new RangeError(`hyperband: eta must be > 1, got ${o.eta}`);
  if (!(o.minEpoch > 0)) throw new RangeError(`hyperband: minEpoch must be > 0, got ${o.minEpoch}`);
}

/**
 * The number of brackets, floor(log_eta(maxEpochs / minEpoch)) + 1 and at least 1 (Optuna's
 * n_brackets). Counted by multiplying rather than by logarithms, which land a hair under whole
 * numbers (log(243) / log(3) = 4.999…).
 */
export function hyperbandBracketCount(o: HyperbandOptions): number {
  validate(o);
  let count = 1;
  for (let r = o.minEpoch * o.eta; r <= o.maxEpochs; r *= o.eta) count++;
  return count;
}

/**
 * The epochs at which a bracket's runs are judged: minEpoch·eta^(bracket+k) for k = 0, 1, … while
 * below maxEpochs (a rung at or past the last epoch would stop nothing). Bracket 0 is the most
 * aggressive (first rung at minEpoch); the last bracket has no rung, and trains fully, when
 * maxEpochs is minEpoch·eta^k (9 or 27 epochs with the defaults); otherwise its one rung sits at
 * minEpoch·eta^(count − 1) < maxEpochs, as in Optuna and Ray.
 */
export function hyperbandRungs(bracket: number, o: HyperbandOptions): number[] {
  validate(o);
  const rungs: number[] = [];
  for (let r = o.minEpoch * o.eta ** bracket; r < o.maxEpochs; r *= o.eta) rungs.push(r);
  return rungs;
}

/**
 * Each bracket's share of the runs, Optuna's trial allocation budget: bracket b, with
 * s = count − 1 − b rungs to climb before the full budget, gets ⌈count · eta^s / (s + 1)⌉, the
 * number of configurations Hyperband starts in that bracket, so the aggressive brackets (which stop
 * most of their runs early) get the most runs.
 */
function bracketBudgets(o: HyperbandOptions): number[] {
  const count = hyperbandBracketCount(o);
  return Array.from({ length: count }, (_, b) => {
    const s = count - 1 - b;
    return Math.ceil((count * o.eta ** s) / (s + 1));
  });
}

/** 32-bit FNV-1a over the key's UTF-8 bytes: stable across runtimes and restarts, unlike any seeded state. */
function fnv1a(key: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The bracket of a run from a stable key (its id), as Optuna assigns trials: with budgets B_b from
 * {@link bracketBudgets} and T = Σ B_b, n = FNV-1a(key) mod T falls in bracket b when
 * B_0 + … + B_(b−1) ≤ n < B_0 + … + B_b, so bracket b gets about B_b / T of the runs.
 */
export function hyperbandBracketOf(key: string, o: HyperbandOptions): number {
  const budgets = bracketBudgets(o);
  let n = fnv1a(key) % budgets.reduce((a, b) => a + b, 0);
  for (let b = 0; b < budgets.length; b++) {
    n -= budgets[b] as number;
    if (n < 0) return b;
  }
  return budgets.length - 1;
}

/**
 * Whether a run stops at `epoch`: null unless `epoch` is a rung of its bracket and `own` (its best
 * val accuracy up to `epoch`) is known. `peers` are the best val accuracies up to `epoch` of the
 * other runs of the sweep in the same bracket that reached it. With n = peers + 1 runs at the rung,
 * fewer than eta is too few to judge (it continues); otherwise the top max(1, ⌊n / eta⌋) continue,
 * ranked by value with equals sharing a rank (rank = 1 + peers strictly better), and the rest stop.
 */
export function hyperbandDecision(
  own: number | null,
  peers: readonly number[],
  epoch: number,
  bracket: number,
  o: HyperbandOptions,
): HyperbandDecision | null {
  const rung = hyperbandRungs(bracket, o).indexOf(epoch);
  if (rung < 0 || own === null) return null;
  const of = peers.length + 1;
  const rank = 1 + peers.filter((p) => p > own).length;
  const where = `HYPERBAND bracket ${bracket} rung epoch ${epoch}: best val accuracy ${own.toFixed(4)} ranks ${rank} of ${of}`;
  if (of < o.eta) {
    return { stop: false, bracket, rung, rank, of, keep: of, reason: `${where}; too few runs to judge (fewer than ${o.eta}), continues` };
  }
  const keep = Math.max(1, Math.floor(of / o.eta));
  const stop = rank > keep;
  const verdict = stop ? `only the top ${keep} continue` : `promoted with the top ${keep}`;
  return { stop, bracket, rung, rank, of, keep, reason: `${where}; ${verdict}` };
}
