/**
 * Seed groups: the runs of a sweep that differ only in their training seed (its `repeats`), with
 * mean ± standard deviation (and n) of each summary metric.
 */
import { meanStd } from "@graft/core/metrics";
import { type Run, type RunGroup } from "@graft/schema/graphql";
import { groupBy } from "../batch-loader";

/** The Run fields a group summarises. */
export const GROUP_METRICS = ["bestValAccuracy", "finalValAccuracy", "bestValLoss", "durationMs"] as const;

/**
 * What makes runs repeats of one configuration, as a stable key: the dataset, the base's weights,
 * every knob but the training seed, and the split the run was evaluated on (its split seed, which
 * is the run's own seed when unset, so such runs only group with themselves).
 */
export function configKey(run: Run): string {
  const value = (name: string) => run.hyperparameters.values.find((v) => v.name === name)?.value ?? null;
  const knobs = run.hyperparameters.values.filter((v) => v.name !== "seed" && v.name !== "splitSeed").map((v) => [v.name, v.value ?? null]);
  return JSON.stringify([
    run.datasetId,
    run.hyperparameters.baseWeightsSha256 ?? run.hyperparameters.baseWeights ?? null,
    value("splitSeed") ?? value("seed"),
    knobs,
  ]);
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
