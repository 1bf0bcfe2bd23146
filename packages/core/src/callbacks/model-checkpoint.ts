/**
 * ModelCheckpoint (Keras `save_best_only` semantics), saving through the engine's context.
 */
import { BadInputError } from "../errors";
import { Callback, type EpochLogs } from "./callback";
import { readMonitor, resolveMode, type MonitorMode, type WarnFn } from "./monitor";

/** Options of {@link ModelCheckpoint}. */
export interface ModelCheckpointOptions {
  /** Directory the model is saved into (overwritten by each save). */
  dir: string;
  monitor?: string;
  mode?: MonitorMode;
  /** Save only when `monitor` improves; otherwise save after every epoch. */
  saveBestOnly?: boolean;
  warn?: WarnFn;
}

/**
 * Saves the model at the end of an epoch: every epoch, or with `saveBestOnly` only when the
 * monitored value is strictly better than the best so far (a missing value warns and skips).
 */
export class ModelCheckpoint extends Callback {
  readonly dir: string;
  readonly monitor: string;
  readonly mode: "min" | "max";
  readonly saveBestOnly: boolean;
  /** Best monitored value seen (±Infinity before the first). */
  best: number;
  /** 0-based epoch of the last save, or null before any. */
  lastSavedEpoch: number | null = null;
  private readonly warn: WarnFn;

  constructor(options: ModelCheckpointOptions) {
    super();
    if (typeof options?.dir !== "string" || options.dir.trim() === "") {
      throw new BadInputError(`ModelCheckpoint needs a directory, received ${JSON.stringify(options?.dir)}`);
    }
    this.dir = options.dir;
    this.monitor = options.monitor ?? "val_loss";
    this.mode = resolveMode(this.monitor, options.mode ?? "auto");
    this.saveBestOnly = options.saveBestOnly ?? false;
    this.warn = options.warn ?? ((message) => console.warn(message));
    this.best = this.mode === "min" ? Infinity : -Infinity;
  }

  override async onEpochEnd(epoch: number, logs: EpochLogs): Promise<void> {
    if (this.saveBestOnly) {
      const current = readMonitor(logs, this.monitor, "ModelCheckpoint", this.warn);
      if (current === null) return;
      const better = this.mode === "min" ? current < this.best : current > this.best;
      if (!better) return;
      this.best = current;
    } else {
      const current = logs[this.monitor];
      // Track the best for reporting even when saving every epoch.
      if (typeof current === "number" && (this.mode === "min" ? current < this.best : current > this.best)) this.best = current;
    }
    await this.ctx.save(this.dir);
    this.lastSavedEpoch = epoch;
  }
}
