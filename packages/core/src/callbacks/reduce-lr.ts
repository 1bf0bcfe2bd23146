/**
 * ReduceLROnPlateau with Keras 3 semantics (keras/src/callbacks/reduce_lr_on_plateau.py).
 */
import { Callback, type EpochLogs } from "./callback";
import { assertNumber, readMonitor, resolveMode, type MonitorMode, type WarnFn } from "./monitor";

/** Options of {@link ReduceLROnPlateau}; defaults are Keras'. */
export interface ReduceLROnPlateauOptions {
  monitor?: string;
  /** `new_lr = lr * factor`; must be < 1. */
  factor?: number;
  /** Epochs without improvement before a reduction. */
  patience?: number;
  mode?: MonitorMode;
  /** Threshold for a new optimum (`current < best - minDelta` in min mode). */
  minDelta?: number;
  /** Epochs after a reduction during which no waiting is counted. */
  cooldown?: number;
  /** Lower bound of the learning rate. */
  minLr?: number;
  warn?: WarnFn;
}

/**
 * Multiplies the learning rate by `factor` when `monitor` has not improved for `patience` epochs,
 * never going below `minLr` and only when the rate is still above `minLr`. After a reduction,
 * `cooldown` epochs pass with the wait counter held at 0. Every `onEpochEnd` writes the rate in
 * force during that epoch into `logs.learning_rate`, as Keras does.
 * @throws BadInputError for `factor >= 1` and other invalid options, quoting the value.
 */
export class ReduceLROnPlateau extends Callback {
  readonly monitor: string;
  readonly mode: "min" | "max";
  readonly factor: number;
  readonly patience: number;
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  wait = 0;
  cooldownCounter = 0;
  best: number;
  private readonly warn: WarnFn;

  constructor(options: ReduceLROnPlateauOptions = {}) {
    super();
    this.monitor = options.monitor ?? "val_loss";
    this.mode = resolveMode(this.monitor, options.mode ?? "auto");
    this.factor = options.factor ?? 0.1;
    assertNumber("ReduceLROnPlateau factor", this.factor, (v) => v < 1 && v >= 0, "in [0, 1) (it does not support a factor >= 1.0)");
    this.patience = options.patience ?? 10;
    assertNumber("ReduceLROnPlateau patience", this.patience, (v) => Number.isInteger(v) && v >= 0, "a non-negative integer");
    this.minDelta = options.minDelta ?? 1e-4;
    assertNumber("ReduceLROnPlateau minDelta", this.minDelta, Number.isFinite, "a finite number");
    this.cooldown = options.cooldown ?? 0;
    assertNumber("ReduceLROnPlateau cooldown", this.cooldown, (v) => Number.isInteger(v) && v >= 0, "a non-negative integer");
    this.minLr = options.minLr ?? 0;
    assertNumber("ReduceLROnPlateau minLr", this.minLr, (v) => v >= 0 && Number.isFinite(v), "a non-negative number");
    this.warn = options.warn ?? ((message) => console.warn(message));
    this.best = this.initialBest();
  }

  private initialBest(): number {
    return this.mode === "min" ? Infinity : -Infinity;
  }

  private isImprovement(current: number): boolean {
    return this.mode === "min" ? current < this.best - this.minDelta : current > this.best + this.minDelta;
  }

  /** True while reductions are paused after the last one. */
  inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  override onTrainBegin(): void {
    this.best = this.initialBest();
    this.cooldownCounter = 0;
    this.wait = 0;
  }

  override onEpochEnd(_epoch: number, logs: EpochLogs): void {
    logs.learning_rate = this.ctx.getLearningRate();
    const current = readMonitor(logs, this.monitor, "Learning rate reduction", this.warn);
    if (current === null) return;
    if (this.inCooldown()) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    if (this.isImprovement(current)) {
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
