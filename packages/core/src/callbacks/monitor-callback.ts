/**
 * The base of the callbacks that watch one logged value (Keras 3
 * keras/src/callbacks/monitor_callback.py): EarlyStopping, ReduceLROnPlateau, ModelCheckpoint.
 */
import { BadInputError } from "../errors";
import { Callback, type EpochLogs } from "./callback";
import { assertNumber, readMonitor, resolveMode, type MonitorDirection, type MonitorMode, type WarnFn } from "./monitor";

/** What {@link MonitorCallback} takes from a subclass's options. */
export interface MonitorCallbackOptions {
  /** Key of the epoch logs to watch; default `val_loss`. */
  monitor?: string;
  /** Default `auto`, which only accepts metrics of known direction. */
  mode?: MonitorMode;
  /** Smallest change that counts as an improvement; its sign is ignored (Keras takes `abs`). */
  minDelta?: number;
  /**
   * Value `best` starts from (Keras' MonitorCallback `baseline`, ModelCheckpoint's
   * `initial_value_threshold`); null starts from the worst value, ±Infinity.
   */
  initialBest?: number | null;
  /** Receives the "metric not available" warning; default console.warn. */
  warn?: WarnFn;
}

/**
 * Holds what a monitoring callback needs to judge an epoch: the monitored key, the direction
 * (resolved once, in the constructor, so a bad `mode` fails before training rather than after
 * the first epoch), `minDelta` and the best value so far. Subclasses decide what an improvement
 * triggers and whether `best` survives a new fit ({@link resetBest}).
 * @throws BadInputError for an unknown mode, `auto` on a metric of unknown direction, an empty
 * monitor, or a non-finite `minDelta` or `initialBest`, quoting the value.
 */
export abstract class MonitorCallback extends Callback {
  readonly monitor: string;
  /** The direction in force: `auto` is already resolved here. */
  readonly mode: MonitorDirection;
  /** Size of the smallest improvement, never negative; {@link isImprovement} applies its sign. */
  readonly minDelta: number;
  /** Best monitored value so far (`initialBest`, else ±Infinity, before the first one). */
  best: number;
  /** Where `best` starts, and returns to on {@link resetBest}. */
  readonly initialBest: number;
  /** `minDelta` signed toward the better direction, as Keras stores `min_delta` once resolved. */
  private readonly signedMinDelta: number;
  private readonly warn: WarnFn;
  private readonly activity: string;

  /**
   * @param name the class name, which prefixes option names in error messages ("EarlyStopping
   * minDelta must be...").
   * @param activity what the "metric not available" warning says is conditioned on the metric
   * ("Early stopping", "Learning rate reduction"), as Keras words it.
   */
  protected constructor(name: string, activity: string, options: MonitorCallbackOptions) {
    super();
    this.activity = activity;
    const monitor: unknown = options.monitor ?? "val_loss";
    if (typeof monitor !== "string" || monitor.trim() === "") {
      throw new BadInputError(`${name} monitor must be a non-empty string, received ${JSON.stringify(monitor) ?? String(monitor)}`);
    }
    this.monitor = monitor;
    this.mode = resolveMode(this.monitor, options.mode ?? "auto", name);
    const minDelta = options.minDelta ?? 0;
    assertNumber(`${name} minDelta`, minDelta, Number.isFinite, "a finite number");
    this.minDelta = Math.abs(minDelta);
    // Keras: min_delta *= -1 for `less`, so `current - min_delta` always moves toward worse.
    this.signedMinDelta = this.mode === "min" ? -this.minDelta : this.minDelta;
    const initialBest = options.initialBest ?? null;
    if (initialBest !== null) assertNumber(`${name} initialBest`, initialBest, Number.isFinite, "a finite number or null");
    this.initialBest = initialBest ?? (this.mode === "min" ? Infinity : -Infinity);
    this.best = this.initialBest;
    this.warn = options.warn ?? ((message) => console.warn(message));
  }

  /**
   * Whether `current` beats `reference` by more than `minDelta` in the monitored direction
   * (Keras' `monitor_op(current - min_delta, reference)`): strict, so an equal value is no
   * improvement, and false for NaN.
   */
  isImprovement(current: number, reference: number): boolean {
    const shifted = current - this.signedMinDelta;
    return this.mode === "min" ? shifted < reference : shifted > reference;
  }

  /** Forgets the best value, for callbacks whose instances may serve several fits. */
  protected resetBest(): void {
    this.best = this.initialBest;
  }

  /**
   * The monitored value of this epoch, or null after a warning when it is missing, null or NaN:
   * as in Keras, a metric that is not logged must not crash training.
   */
  protected readMonitor(logs: EpochLogs | undefined): number | null {
    return readMonitor(logs, this.monitor, this.activity, this.warn);
  }
}
