/**
 * Early-termination rules for sweeps, as pure functions over "best val accuracy up to epoch e".
 *
 * MEDIAN (median stopping rule, as in Google Vizier): at epoch e ≥ `grace`, stop a run whose best
 * val accuracy so far is strictly below the median of the other runs' best val accuracy up to the
 * same epoch, counting only runs that reached e, and only when at least `minPeers` did.
 *
 * ASHA (asynchronous successive halving, stopping variant): rungs at epochs minEpoch·ηᵏ
 * (1, 3, 9, 27 with η = 3). When a run reaches a rung with at least η runs recorded there
 * (itself included), it continues only if it ranks in the top ⌊n/η⌋ (at least one) by best val
 * accuracy up to that rung; otherwise it is stopped. Runs that reach a rung early see fewer peers
 * and are judged more leniently, which is ASHA's asynchronous trade-off.
 */

/** Tunables of the rules, with the documented defaults. */
export interface EarlyTerminationOptions {
  /** MEDIAN: first epoch at which a run may be stopped. */
  grace: number;
  /** MEDIAN: other runs that must have reached the epoch. */
  minPeers: number;
  /** ASHA: reduction factor η. */
  eta: number;
  /** ASHA: epoch of the first rung. */
  minEpoch: number;
}

/** Defaults: grace 3 epochs, 3 peers, η = 3, first rung at epoch 1. */
export const DEFAULT_EARLY_TERMINATION: EarlyTerminationOptions = { grace: 3, minPeers: 3, eta: 3, minEpoch: 1 };

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** MEDIAN rule: true when the run should stop at `epoch`. */
export function medianShouldStop(
  own: number | null,
  peers: readonly number[],
  epoch: number,
  o: EarlyTerminationOptions = DEFAULT_EARLY_TERMINATION,
): boolean {
  if (own === null || epoch < o.grace || peers.length < o.minPeers) return false;
  return own < median(peers);
}

/** True when `epoch` is an ASHA rung (minEpoch·ηᵏ). */
export function isAshaRung(epoch: number, o: EarlyTerminationOptions = DEFAULT_EARLY_TERMINATION): boolean {
  for (let r = o.minEpoch; r <= epoch; r *= o.eta) if (r === epoch) return true;
  return false;
}

/** ASHA rule: true when the run should stop at rung `epoch`, given the other runs' values there. */
export function ashaShouldStop(
  own: number | null,
  peers: readonly number[],
  epoch: number,
  o: EarlyTerminationOptions = DEFAULT_EARLY_TERMINATION,
): boolean {
  if (own === null || !isAshaRung(epoch, o)) return false;
  const n = peers.length + 1;
  if (n < o.eta) return false;
  const keep = Math.max(1, Math.floor(n / o.eta));
  const better = peers.filter((p) => p > own).length;
  return better >= keep;
}
