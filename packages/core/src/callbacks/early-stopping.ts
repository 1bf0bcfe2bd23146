/**
 * EarlyStopping with Keras 3 semantics (keras/src/callbacks/early_stopping.py).
 */
import type { EpochLogs } from "./callback";
import { assertNumber } from "./monitor";
import { MonitorCallback, type MonitorCallbackOptions } from "./monitor-callback";

/** Options of {@link EarlyStopping}; defaults are Keras'. */
export interface EarlyStoppingOptions extends Omit<MonitorCallbackOptions, "initialBest"> {
  /** Epochs without improvement after which training stops. */
  patience?: number;
  /** Training stops unless the model improves on this value within `patience` epochs. */
  baseline?: number | null;
  /** Put back the best epoch's weights when training ends. */
  restoreBestWeights?: boolean;
  /** Epochs (0-based count) to ignore before monitoring starts, a warm-up. */
  startFromEpoch?: number;
}

/**
 * Stops training when `monitor` has not improved for `patience` epochs.
 *
 * Each monitored epoch increments `wait`; an improvement (`current - minDelta` better than `best`,
 * with `minDelta` signed toward the better direction) records the best and resets `wait` to 0 only
 * if it also beats `baseline`. When `wait >= patience` (and it is not epoch 0) training stops.
 * With `restoreBestWeights`, the weights of the best epoch (or of the first monitored epoch, if
 * nothing ever improved) are restored in `onTrainEnd`.
 *
 * Unlike Keras, `best` is also reset by `onTrainBegin`, so one instance can serve several fits.
 */
export class EarlyStopping extends MonitorCallback {
  readonly patience: number;
  readonly baseline: number | null;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  /** Epochs counted since the last improvement. */
  wait = 0;
  /** 0-based epoch at which training was stopped; 0 when it was not (Keras' convention). */
  stoppedEpoch = 0;
  /** 0-based epoch of the best monitored value (or of the first weight snapshot). */
  bestEpoch = 0;
  /**
   * 0-based epoch whose weights `onTrainEnd` put back, or null when it put back nothing (not
   * asked to, nothing monitored, or the best epoch was the last one): which epoch the final
   * weights are from.
   */
  restoredEpoch: number | null = null;
  private bestWeights: unknown = null;
  private hasBestWeights = false;
  private lastEpoch = -1;
  private snapshotEpoch = -1;

  constructor(options: EarlyStoppingOptions = {}) {
    // The baseline is not where `best` starts (that is ModelCheckpoint's threshold): it is a
    // second bar an improvement must clear to restart the wait, so it stays out of the base.
    super("EarlyStopping", "Early stopping", { ...options, initialBest: null });
    this.patience = options.patience ?? 0;
    assertNumber("EarlyStopping patience", this.patience, (v) => Number.isInteger(v) && v >= 0, "a non-negative integer");
    this.baseline = options.baseline ?? null;
    if (this.baseline !== null) assertNumber("EarlyStopping baseline", this.baseline, Number.isFinite, "a finite number or null");
    this.restoreBestWeights = options.restoreBestWeights ?? false;
    this.startFromEpoch = options.startFromEpoch ?? 0;
    assertNumber("EarlyStopping startFromEpoch", this.startFromEpoch, (v) => Number.isInteger(v) && v >= 0, "a non-negative integer");
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.bestEpoch = 0;
    this.resetBest();
    this.lastEpoch = -1;
    this.restoredEpoch = null;
    this.releaseBestWeights();
  }

  override onEpochEnd(epoch: number, logs: EpochLogs): void {
    this.lastEpoch = epoch;
    const current = this.readMonitor(logs);
    if (current === null || epoch < this.startFromEpoch) return;
    if (this.restoreBestWeights && !this.hasBestWeights) {
      // Until something improves, the current weights are the best known.
      this.keepWeights(epoch);
      this.bestEpoch = epoch;
    }
    this.wait += 1;
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      // Keras snapshots twice on the first monitored epoch; one copy of the same weights suffices.
      if (this.restoreBestWeights && this.snapshotEpoch !== epoch) this.keepWeights(epoch);
      // Only restart the wait when the baseline is beaten too.
      if (this.baseline === null || this.isImprovement(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      this.ctx.stopTraining = true;
    }
  }

  override onTrainEnd(): void {
    if (this.restoreBestWeights && this.hasBestWeights) {
      // Restoring the last epoch's own weights would be a no-op: skip the copy.
      // setWeights must copy the values: the snapshot is disposed right after.
      if (this.bestEpoch !== this.lastEpoch) {
        this.ctx.setWeights(this.bestWeights);
        this.restoredEpoch = this.bestEpoch;
      }
      this.releaseBestWeights();
    }
  }

  private keepWeights(epoch: number): void {
    this.releaseBestWeights();
    this.bestWeights = this.ctx.getWeights();
    this.hasBestWeights = true;
    this.snapshotEpoch = epoch;
  }

  private releaseBestWeights(): void {
    if (this.hasBestWeights) this.ctx.disposeWeights?.(this.bestWeights);
    this.bestWeights = null;
    this.hasBestWeights = false;
    this.snapshotEpoch = -1;
  }
}
