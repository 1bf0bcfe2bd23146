/**
 * The rules the monitoring callbacks share, as plain functions: which direction counts as better
 * for a monitored name, reading the value from an epoch's logs, and checking numeric options.
 * {@link MonitorCallback} applies them; they are exported apart so the rules are tested alone.
 */
import { BadInputError } from "../errors";
import type { EpochLogs } from "./callback";

/** `auto` takes the direction from {@link KNOWN_METRIC_DIRECTIONS}; unknown names are refused. */
export type MonitorMode = "auto" | "min" | "max";

/** Whether a lower (`min`) or a higher (`max`) monitored value is better. */
export type MonitorDirection = "min" | "max";

/**
 * The better direction of each metric the engine's loop logs, by its training name (the `val_`
 * form shares it); `lr` and `learning_rate` have none. Keras 3 resolves `auto` from the compiled
 * metrics' own direction and raises when it has none; Graft's loop logs a fixed set, so the
 * table is that set. Add an entry when the loop logs a new
 * metric, rather than inferring a direction from part of a name: "val_acc_drop" contains "acc"
 * but is better low, and a wrong direction trains silently toward the worst model.
 */
export const KNOWN_METRIC_DIRECTIONS: Readonly<Record<string, MonitorDirection>> = Object.freeze({
  loss: "min",
  accuracy: "max",
  acc: "max",
});

/**
 * The known direction of `monitor` (`val_loss` → `min`, `val_accuracy` → `max`), or null when the
 * name is not in {@link KNOWN_METRIC_DIRECTIONS}. Only one `val_` prefix is removed, as in Keras.
 */
export function knownDirection(monitor: string): MonitorDirection | null {
  const name = monitor.startsWith("val_") ? monitor.slice("val_".length) : monitor;
  return Object.hasOwn(KNOWN_METRIC_DIRECTIONS, name) ? (KNOWN_METRIC_DIRECTIONS[name] ?? null) : null;
}

/**
 * The direction a callback monitoring `monitor` in `mode` uses: `min` and `max` as given, `auto`
 * from the metric's known direction.
 * @param who names the callback in error messages.
 * @throws BadInputError for a mode other than "auto", "min" or "max", and for `auto` on a metric
 * whose direction is not known; both messages quote what was received.
 */
export function resolveMode(monitor: string, mode: MonitorMode, who = "Monitoring callback"): MonitorDirection {
  // Typed callers cannot pass another mode, but options also arrive from JSON and JavaScript.
  const received: unknown = mode;
  if (received !== "auto" && received !== "min" && received !== "max") {
    throw new BadInputError(
      `${who} mode must be "auto", "min" or "max", received ${typeof received === "string" ? `"${received}"` : String(received)}`,
    );
  }
  if (mode !== "auto") return mode;
  const direction = knownDirection(monitor);
  if (direction === null) {
    const known = Object.keys(KNOWN_METRIC_DIRECTIONS).join(", ");
    throw new BadInputError(
      `${who} cannot tell whether monitor "${monitor}" should be minimised or maximised (mode "auto" knows ${known} and their val_ forms): pass mode "min" or "max"`,
    );
  }
  return direction;
}

/** Where warnings go; tests replace it. Defaults to console.warn. */
export type WarnFn = (message: string) => void;

/**
 * The monitored value from `logs`, or null (with a warning naming the available keys) when it is
 * missing, null or NaN, as Keras does: a missing metric must not crash training.
 */
export function readMonitor(logs: EpochLogs | undefined, monitor: string, who: string, warn: WarnFn): number | null {
  const value = logs?.[monitor];
  if (value === undefined || value === null || Number.isNaN(value)) {
    warn(
      `${who} is conditioned on metric "${monitor}" which is not available. Available metrics are: ${Object.keys(logs ?? {}).join(",")}`,
    );
    return null;
  }
  return value;
}

/** Checks a numeric option, quoting the received value. */
export function assertNumber(name: string, value: number, check: (v: number) => boolean, expectation: string): void {
  if (typeof value !== "number" || Number.isNaN(value) || !check(value)) {
    throw new BadInputError(`${name} must be ${expectation}, received ${String(value)}`);
  }
}
