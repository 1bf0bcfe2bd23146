import { type Catalogue, HYPERPARAMETER_ENTRIES, type SnakeCase, snakeCase } from "@graft/core/contract";
import { registerEnumType } from "type-graphql";

/** Lifecycle of a run. Terminal: COMPLETED, FAILED, CANCELED, STOPPED_EARLY. */
export enum RunStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
  FAILED = "FAILED",
  CANCELED = "CANCELED",
  STOPPED_EARLY = "STOPPED_EARLY",
}
registerEnumType(RunStatus, { name: "RunStatus" });

/** Statuses a run never leaves. */
export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = [
  RunStatus.COMPLETED,
  RunStatus.FAILED,
  RunStatus.CANCELED,
  RunStatus.STOPPED_EARLY,
];

/** Lifecycle of a sweep: RUNNING until its last run ends, or CANCELED. */
export enum SweepStatus {
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
  CANCELED = "CANCELED",
}
registerEnumType(SweepStatus, { name: "SweepStatus" });

/** How a sweep expands its search space into runs. */
export enum SweepStrategy {
  GRID = "GRID",
  RANDOM = "RANDOM",
  TPE = "TPE",
}
registerEnumType(SweepStrategy, {
  name: "SweepStrategy",
  valuesConfig: {
    GRID: { description: "Every combination of the lists (a seeded sample of maxRuns of them when there are more)." },
    RANDOM: { description: "maxRuns distinct combinations drawn uniformly with the sweep's seed." },
    TPE: {
      description:
        "Tree-structured Parzen Estimator (as Optuna): 10 seeded random configurations, then each next one sampled where good results are dense, from every result reported so far; runs still going count as bad (constant liar) so parallel agents spread out. maxRuns configurations.",
    },
  },
});

/** The policy that stops a sweep's weak runs before their last epoch. */
export enum EarlyTermination {
  NONE = "NONE",
  MEDIAN = "MEDIAN",
  ASHA = "ASHA",
  HYPERBAND = "HYPERBAND",
}
registerEnumType(EarlyTermination, {
  name: "EarlyTermination",
  valuesConfig: {
    MEDIAN: { description: "Median stopping rule: stop a run whose best val accuracy trails the median of its peers at the same epoch." },
    ASHA: { description: "Asynchronous successive halving: rungs at epochs 1, 3, 9, ... keep the top third." },
    HYPERBAND: {
      description:
        "Hyperband (asynchronous, as Optuna's HyperbandPruner): each run falls in a bracket; bracket s has rungs at epochs 3^s, 3^(s+1), ... below the run's planned epochs, where only the top third of the bracket's runs at that rung continue. The last bracket trains every run to the end.",
    },
  },
});

/** Training phase of an epoch. */
export enum Phase {
  HEAD = "HEAD",
  FINE_TUNE = "FINE_TUNE",
}
registerEnumType(Phase, { name: "Phase" });

/** Sort direction. */
export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, { name: "SortDirection" });

/** Whether an agent heartbeated within three lease periods. */
export enum AgentStatus {
  ALIVE = "ALIVE",
  DEAD = "DEAD",
}
registerEnumType(AgentStatus, { name: "AgentStatus" });

/** Sortable knobs of the catalogue, as `RunField` names (`fineTuneLayers` → `FINE_TUNE_LAYERS`). */
type SortableKnob = { [K in keyof Catalogue]: Catalogue[K] extends { sortable: true } ? K : never }[keyof Catalogue];
type KnobField = Uppercase<SnakeCase<SortableKnob>>;

/** The `RunField` name of a knob. */
export function runFieldOf<K extends string>(name: K): Uppercase<SnakeCase<K>> {
  return snakeCase(name).toUpperCase() as Uppercase<SnakeCase<K>>;
}

const LIFECYCLE_FIELDS = ["CREATED_AT", "STARTED_AT", "FINISHED_AT", "DURATION_MS", "STATUS", "NAME"] as const;
const SUMMARY_FIELDS = ["BEST_VAL_ACCURACY", "BEST_VAL_LOSS", "BEST_EPOCH", "FINAL_VAL_ACCURACY", "FINAL_VAL_LOSS", "EPOCH_COUNT"] as const;
type FieldName = (typeof LIFECYCLE_FIELDS)[number] | KnobField | (typeof SUMMARY_FIELDS)[number];

/**
 * Every column of a run that can be sorted on or range-filtered: its lifecycle, every sortable
 * knob of the catalogue, and the summary metrics. An object rather than a TS enum because the
 * knobs' members are derived from the catalogue.
 */
export const RunField = Object.freeze(
  Object.fromEntries(
    [
      ...LIFECYCLE_FIELDS,
      ...HYPERPARAMETER_ENTRIES.filter(([, spec]) => spec.sortable).map(([name]) => runFieldOf(name)),
      ...SUMMARY_FIELDS,
    ].map((f) => [f, f]),
  ),
) as { readonly [F in FieldName]: F };
/** One sortable column of a run. */
export type RunField = FieldName;
registerEnumType(RunField, {
  name: "RunField",
  description: "Every column of a run that can be sorted on or range-filtered.",
  valuesConfig: { HEAD_UNITS: { description: "Sorted and range-filtered by the head's total dense units." } },
});
