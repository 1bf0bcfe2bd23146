/**
 * ModelCheckpoint (Keras `save_best_only` semantics), saving through the engine's context.
 */
import { BadInputError } from "../errors";
import type { EpochLogs } from "./callback";
import { MonitorCallback, type MonitorCallbackOptions } from "./monitor-callback";

/** Options of {@link ModelCheckpoint}. */
export interface ModelCheckpointOptions extends Omit<MonitorCallbackOptions, "minDelta" | "initialBest"> {
  /** Directory the model is saved into (overwritten by each save). */
  dir: string;
  /** Save only when `monitor` improves; otherwise save after every epoch. */
  saveBestOnly?: boolean;
  /**
   * With `saveBestOnly`, the value the first save must beat (Keras' `initial_value_threshold`),
   * so a model already saved is only replaced by a better one; null (default) saves the first
   * monitored epoch.
   */
  initialValueThreshold?: number | null;
}

/**
 * Saves the model at the end of an epoch: every epoch, or with `saveBestOnly` only when the
 * monitored value is strictly better than the best so far (a missing value warns and skips).
 *
 * `best` is not reset by `onTrainBegin`: `train()` passes one instance to both phases, so the
 * fine-tuning phase only overwrites the head phase's save when it does better.
 */
export class ModelCheckpoint extends MonitorCallback {
  readonly dir: string;
  readonly saveBestOnly: boolean;
  /** 0-based epoch of the last save, or null before any. */
  lastSavedEpoch: number | null = null;

  constructor(options: ModelCheckpointOptions) {
    // Checked before the base reads the other options, so a missing options object is a
    // BadInputError about the directory rather than a TypeError.
    if (typeof options?.dir !== "string" || options.dir.trim() === "") {
      throw new BadInputError(`ModelCheckpoint needs a directory, received ${JSON.stringify(options?.dir)}`);
    }
    // Keras' ModelCheckpoint has no min_delta: any strict improvement is saved.
    super("ModelCheckpoint", "ModelCheckpoint", { ...options, minDelta: 0, initialBest: options.initialValueThreshold ?? null });
    this.dir = options.dir;
    this.saveBestOnly = options.saveBestOnly ?? false;
  }

  override async onEpochEnd(epoch: number, logs: EpochLogs): Promise<void> {
    if (this.saveBestOnly) {
      const current = this.readMonitor(logs);
      if (current === null || !this.isImprovement(current, this.best)) return;
      this.best = current;
    } else {
      const current = logs[this.monitor];
      // Track the best for reporting even when saving every epoch; no warning, nothing depends on it.
      if (typeof current === "number" && this.isImprovement(current, this.best)) this.best = current;
    }
    await this.ctx.save(this.dir);
    this.lastSavedEpoch = epoch;
  }
}
