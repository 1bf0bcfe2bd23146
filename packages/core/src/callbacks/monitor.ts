/**
 * What the monitoring callbacks share: which direction counts as better, and reading the value.
 */
import { BadInputError } from "../errors";
import type { EpochLogs } from "./callback";

/** `auto` infers the direction from the monitored name. */
export type MonitorMode = "auto" | "min" | "max";

/** Keras' rule for `auto`: names containing `acc` are maximised, everything else minimised. */
export function resolveMode(monitor: string, mode: MonitorMode): "min" | "max" {
  if (mode !== "auto" && mode !== "min" && mode !== "max") {
    throw new BadInputError(`mode must be "auto", "min" or "max", received "${String(mode)}"`);
  }
  if (mode !== "auto") return mode;
  return monitor.includes("acc") ? "max" : "min";
}

/** Where warnings go; tests replace it. Defaults to console.warn. */
export type WarnFn = (message: string) => void;

/**
 * The monitored value from `logs`, or null (with a warning naming the available keys) when it is
 * missing or null, as Keras does: a missing metric must not crash training.
 */
export function readMonitor(logs: EpochLogs | undefined, monitor: string, who: string, warn: WarnFn): number | null {
  const value = logs?.[monitor];
  if (value === undefined || value === null || Number.isNaN(value)) {
    warn(`${who} is conditioned on metric "${monitor}" which is not available. Available metrics are: ${Object.keys(logs ?? {}).join(",")}`);
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
