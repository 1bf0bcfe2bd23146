/**
 * ReduceLROnPlateau with Keras 3 semantics (keras/src/callbacks/reduce_lr_on_plateau.py).
 */
import type { EpochLogs } from "./callback";
import { assertNumber } from "./monitor";
import { MonitorCallback, type MonitorCallbackOptions } from "./monitor-callback";

/**
 * Options of {@link ReduceLROnPlateau}; defaults are Keras', so `minDelta` defaults to 1e-4 here
 * (a new optimum needs `current < best - 1e-4` in min mode), not to the other callbacks' 0.
 */
export interface ReduceLROnPlateauOptions extends Omit<MonitorCallbackOptions, "initialBest"> {
  /** `new_lr = lr * factor`; must be < 1. */
  factor?: number;
  /** Epochs without improvement before a reduction. */
  patience?: number;
  /** Epochs after a reduction during which no waiting is counted. */
  cooldown?: number;
  /** Lower bound of the learning rate. */
  minLr?: number;
}

/**
 * Multiplies the learning rate by `factor` when `monitor` has not improved for `patience` epochs,
 * never going below `minLr` and only when the rate is still above `minLr`. After a reduction,
 * `cooldown` epochs pass with the wait counter held at 0. Every `onEpochEnd` writes the rate in
 * force during that epoch into `logs.learning_rate`, as Keras does.
 * @throws BadInputError for `factor >= 1` and other invalid options, quoting the value.
 */
export class ReduceLROnPlateau extends MonitorCallback {
  readonly factor: number;
  readonly patience: number;
  readonly cooldown: number;
  readonly minLr: number;
  wait = 0;
  cooldownCounter = 0;

  constructor(options: ReduceLROnPlateauOptions = {}) {
    super("ReduceLROnPlateau", "Learning rate reduction", { ...options, minDelta: options.minDelta ?? 1e-4, initialBest: null });
    this.factor = options.factor ?? 0.1;
    assertNumber("ReduceLROnPlateau factor", this.factor, (v) => v < 1 && v >= 0, "in [0, 1) (it does not support a factor >= 1.0)");
    this.patience = options.patience ?? 10;
    assertNumber("ReduceLROnPlateau patience", this.patience, (v) => Number.isInteger(v) && v >= 0, "a non-negative integer");
    this.cooldown = options.cooldown ?? 0;
    assertNumber("ReduceLROnPlateau cooldown", this.cooldown, (v) => Number.isInteger(v) && v >= 0, "a non-negative integer");
    this.minLr = options.minLr ?? 0;
    assertNumber("ReduceLROnPlateau minLr", this.minLr, (v) => v >= 0 && Number.isFinite(v), "a non-negative number");
  }

  /** True while reductions are paused after the last one. */
  inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  override onTrainBegin(): void {
    this.resetBest();
    this.cooldownCounter = 0;
    this.wait = 0;
  }

  override onEpochEnd(_epoch: number, logs: EpochLogs): void {
    logs.learning_rate = this.ctx.getLearningRate();
    const current = this.readMonitor(logs);
    if (current === null) return;
    if (this.inCooldown()) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.wait = 0;
      return;
    }
    if (this.inCooldown()) return;
    this.wait += 1;
    if (this.wait < this.patience) return;
    const oldLr = this.ctx.getLearningRate();
    // Keras compares float32 values (optimizers hold float32 rates): a rate already clamped to
    // min_lr must not count as "above" it through rounding, whether the engine returns the float32
    // or the double.
    if (Math.fround(oldLr) > Math.fround(this.minLr)) {
      this.ctx.setLearningRate(Math.max(oldLr * this.factor, this.minLr));
      this.cooldownCounter = this.cooldown;
      this.wait = 0;
    }
  }
}
