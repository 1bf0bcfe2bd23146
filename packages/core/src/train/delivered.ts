/**
 * Which epochs' weights a run hands over: the delivered model (what ModelCheckpoint kept, best
 * val_loss) and the final weights (the last epoch's, or those EarlyStopping restored). Kept apart
 * from `train()` so the rule is tested with plain records, and so both folders are described from
 * the same records the user sees in the epoch table.
 */
import type { CallbackList } from "../callbacks/callback";
import { EarlyStopping } from "../callbacks/early-stopping";
import type { EpochRecord, EpochWeights, WeightsChoice } from "../types";

/** Describes the weights of 1-based `epoch` from its record. */
export function epochWeights(records: readonly EpochRecord[], epoch: number, choice: WeightsChoice, dir: string | null): EpochWeights {
  const record = records.find((r) => r.epoch === epoch);
  if (record === undefined) throw new Error(`no epoch record ${epoch} (records ${records.map((r) => r.epoch).join(", ")})`);
  return { epoch, phase: record.phase, choice, valLoss: record.valLoss, valAccuracy: record.valAccuracy, dir };
}

/**
 * The 1-based epoch whose weights EarlyStopping put back when the phase run by `callbacks` ended,
 * or null when it restored nothing. Callback epochs are 0-based over the whole run.
 */
export function restoredEpoch(callbacks: CallbackList): number | null {
  const es = callbacks.callbacks.find((c): c is EarlyStopping => c instanceof EarlyStopping);
  if (es === undefined || es.restoredEpoch === null) return null;
  return es.restoredEpoch + 1;
}

/**
 * The final weights (after the last phase) and the delivered ones. `savedEpoch` is the 0-based
 * epoch ModelCheckpoint last saved (null when no epoch had a finite val_loss: then the final
 * weights are delivered, from `finalDir`).
 */
export function handedOver(
  records: readonly EpochRecord[],
  restored: number | null,
  savedEpoch: number | null,
  dirs: { best: string | null; final: string | null },
): { final: EpochWeights; delivered: EpochWeights } {
  const last = records.at(-1);
  if (last === undefined) throw new Error("a run without epochs hands over no weights");
  const final =
    restored === null
      ? epochWeights(records, last.epoch, "last_epoch", dirs.final)
      : epochWeights(records, restored, "restored_best", dirs.final);
  const delivered = savedEpoch === null ? { ...final } : epochWeights(records, savedEpoch + 1, "best_val_loss", dirs.best);
  return { final, delivered };
}
