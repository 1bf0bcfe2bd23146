/**
 * Seed groups: the runs of a sweep that differ only in their training seed (its `repeats`), with
 * mean ± standard deviation (and n) of each summary metric.
 */
import { type GroupMetric, type Run, type RunGroup } from "@graft/schema/graphql";
import { groupBy } from "../batch-loader";

/** The Run fields a group summarises. */
export const GROUP_METRICS = ["bestValAccuracy", "finalValAccuracy", "bestValLoss", "durationMs"] as const;

/** Every knob of the run but its training seed, as a stable key. */
export function configKey(run: Run): string {
  return JSON.stringify(run.hyperparameters.values.filter((v) => v.name !== "seed").map((v) => [v.name, v.value ?? null]));
}

/** Mean and sample standard deviation (n − 1) of the finite values. */
export function meanStd(values: readonly (number | null | undefined)[]): Omit<GroupMetric, "name"> {
  const xs = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: null, std: null, n };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const std = n < 2 ? null : Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  return { mean, std, n };
}

/** The runs grouped by configuration, groups in the order of their first run. */
export function groupRuns(runs: readonly Run[]): RunGroup[] {
  return [...groupBy(runs, configKey)].map(([key, members]) => ({
    key,
    runIds: members.map((r) => r.id),
    n: members.length,
    metrics: GROUP_METRICS.map((name) => ({ name, ...meanStd(members.map((r) => r[name])) })),
  }));
}
