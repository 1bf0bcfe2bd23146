/**
 * The run page's words for the run's best epoch. It is the epoch with the lowest val loss (the
 * earlier one on a tie): the one rule of `@graft/core/contract` the API's Run.bestEpoch follows,
 * the epoch whose weights the delivered model holds and the one `graft train` reports. Its val
 * accuracy is the one AT that epoch, so it is never labelled the run's "best val acc" alone.
 */
import { num, pct } from "../../lib/format";

/** The label of the run's best epoch, saying which rule picks it. */
export const BEST_EPOCH_LABEL = "best epoch (lowest val loss)";

/** The run fields these labels read. */
export interface BestEpochInput {
  bestEpoch?: number | null;
  bestValLoss?: number | null;
  bestValAccuracy?: number | null;
}

/** "epoch 6 · val acc 91.0% · val loss 0.251", or "–" while no epoch has a val loss. */
export function bestEpochSummary(run: BestEpochInput): string {
  if (run.bestEpoch == null) return "–";
  return `epoch ${run.bestEpoch} · val acc ${pct(run.bestValAccuracy)} · val loss ${num(run.bestValLoss)}`;
}
