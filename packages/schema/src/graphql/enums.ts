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
}
registerEnumType(SweepStrategy, { name: "SweepStrategy" });

/** The policy that stops a sweep's weak runs before their last epoch. */
export enum EarlyTermination {
  NONE = "NONE",
  MEDIAN = "MEDIAN",
  ASHA = "ASHA",
}
registerEnumType(EarlyTermination, {
  name: "EarlyTermination",
  valuesConfig: {
    MEDIAN: { description: "Median stopping rule: stop a run whose best val accuracy trails the median of its peers at the same epoch." },
    ASHA: { description: "Asynchronous successive halving: rungs at epochs 1, 3, 9, ... keep the top third." },
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

/** Every column of a run that can be sorted on or range-filtered. */
export enum RunField {
  CREATED_AT = "CREATED_AT",
  STARTED_AT = "STARTED_AT",
  FINISHED_AT = "FINISHED_AT",
  DURATION_MS = "DURATION_MS",
  STATUS = "STATUS",
  NAME = "NAME",
  BASE_MODEL = "BASE_MODEL",
  INPUT_SIZE = "INPUT_SIZE",
  HEAD_UNITS = "HEAD_UNITS",
  DROPOUT = "DROPOUT",
  AUGMENTATION = "AUGMENTATION",
  LEARNING_RATE = "LEARNING_RATE",
  FINE_TUNE_LAYERS = "FINE_TUNE_LAYERS",
  FINE_TUNE_LEARNING_RATE = "FINE_TUNE_LEARNING_RATE",
  EPOCHS = "EPOCHS",
  FINE_TUNE_EPOCHS = "FINE_TUNE_EPOCHS",
  BATCH_SIZE = "BATCH_SIZE",
  SEED = "SEED",
  VALIDATION_SPLIT = "VALIDATION_SPLIT",
  EARLY_STOPPING_PATIENCE = "EARLY_STOPPING_PATIENCE",
  REDUCE_LR_PATIENCE = "REDUCE_LR_PATIENCE",
  REDUCE_LR_FACTOR = "REDUCE_LR_FACTOR",
  MIN_LEARNING_RATE = "MIN_LEARNING_RATE",
  BEST_VAL_ACCURACY = "BEST_VAL_ACCURACY",
  BEST_EPOCH = "BEST_EPOCH",
  FINAL_VAL_ACCURACY = "FINAL_VAL_ACCURACY",
  FINAL_VAL_LOSS = "FINAL_VAL_LOSS",
  EPOCH_COUNT = "EPOCH_COUNT",
}
registerEnumType(RunField, {
  name: "RunField",
  description: "Every column of a run that can be sorted on or range-filtered.",
  valuesConfig: { HEAD_UNITS: { description: "Sorted and range-filtered by the head's total dense units." } },
});
