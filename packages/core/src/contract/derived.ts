/**
 * Facts derived from a run's settings and epochs, each computed by one rule here and nowhere else: the API's
 * run summary, `graft train`'s output and the agent's progress all call these. PURE: no TensorFlow.js, so the API and the trainer's CLI import it cheaply
 * (`@graft/core/contract`).
 */

/** The settings planned epochs depend on. */
export interface EpochPlan {
  epochs: number;
  fineTuneLayers: number;
  fineTuneEpochs: number;
}

/**
 * Epochs a run trains when nothing stops it early: the head phase, plus the fine-tuning phase only
 * when it unfreezes layers (fine-tune epochs of a depth-0 run are never trained).
 */
export function plannedEpochs(plan: EpochPlan): number {
  return plan.epochs + (plan.fineTuneLayers > 0 ? plan.fineTuneEpochs : 0);
}

/** The validation metrics of one epoch that the best-epoch rule reads (an epoch record has them). */
export interface EpochScore {
  /** 1-based epoch, numbered across phases. */
  epoch: number;
  valLoss: number | null;
  valAccuracy: number | null;
}

/** Whether `value` is a number the best-epoch rule can rank (not null, NaN or ±Infinity). */
function rankable(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * Whether `candidate` is a better epoch than `current` (null: none yet) under THE best-epoch rule,
 * the one `train()`'s result, `graft train`'s output and the API's run summary all follow:
 *
 *   the best epoch is the epoch with the LOWEST finite val_loss; on a tie, the EARLIER epoch.
 *   An epoch whose val_loss is null, NaN or infinite never wins.
 *
 * That is the epoch whose weights are the delivered model (`best/`): ModelCheckpoint
 * `save_best_only` on val_loss (one instance across both phases, no min_delta) saves only on a
 * strict improvement, so a later epoch that merely equals the lowest val_loss does not replace it.
 * Val accuracy is reported at that epoch; it plays no part in choosing it.
 *
 * The answer depends on the two epochs alone, never on the order they arrive in, so an incremental
 * summary fed batches in any order ends at the same epoch as {@link bestEpoch} over all of them.
 */
export function isBetterEpoch(candidate: EpochScore, current: EpochScore | null): boolean {
  if (!rankable(candidate.valLoss)) return false;
  if (current === null || !rankable(current.valLoss)) return true;
  return candidate.valLoss < current.valLoss || (candidate.valLoss === current.valLoss && candidate.epoch < current.epoch);
}

/**
 * The best epoch of `records` by the rule of {@link isBetterEpoch} (lowest finite val_loss, earlier on
 * a tie), or null when no epoch has a finite val_loss. Returns the record itself.
 */
export function bestEpoch<T extends EpochScore>(records: readonly T[]): T | null {
  let best: T | null = null;
  for (const r of records) if (isBetterEpoch(r, best)) best = r;
  return best;
}
