/**
 * The Keras-style callbacks a training phase runs with, built from the run's config. Kept apart
 * from `train()` (which loads TensorFlow.js) so the wiring is unit-tested with plain numbers.
 */
import type { Callback } from "../callbacks/callback";
import { EarlyStopping } from "../callbacks/early-stopping";
import { ReduceLROnPlateau } from "../callbacks/reduce-lr";
import type { TrainConfig } from "../types";

/** The config fields {@link phaseCallbacks} reads. */
export type PhaseCallbackConfig = Pick<TrainConfig, "earlyStoppingPatience" | "reduceLrPatience" | "reduceLrFactor" | "minLearningRate">;

/**
 * Fresh callbacks for one phase (head or fine-tuning), all on val_loss: EarlyStopping restoring the
 * best weights, ReduceLROnPlateau with the config's factor and minimum rate, then `checkpoint`.
 * Both phases call it with the same config, so a plateau is handled alike in each; new instances
 * per phase keep one phase's wait counters and best value out of the other.
 */
export function phaseCallbacks(config: PhaseCallbackConfig, checkpoint: Callback | null): Callback[] {
  const list: Callback[] = [];
  if (config.earlyStoppingPatience !== null)
    list.push(new EarlyStopping({ monitor: "val_loss", patience: config.earlyStoppingPatience, restoreBestWeights: true }));
  if (config.reduceLrPatience !== null) {
    list.push(
      new ReduceLROnPlateau({
        monitor: "val_loss",
        patience: config.reduceLrPatience,
        factor: config.reduceLrFactor,
        minLr: config.minLearningRate,
      }),
    );
  }
  if (checkpoint !== null) list.push(checkpoint);
  return list;
}
