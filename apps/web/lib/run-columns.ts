/**
 * The runs table's columns: how each is shown, which RunField sorts it and how it filters
 * (enum list, numeric range or name search) through the contract's RunFilter / RunOrder.
 */
import type { RunField, RunRowFragment } from "../gql/graphql";
import { duration, num, pct } from "./format";

/** How a column filters server-side. */
export type ColumnFilterKind = "status" | "baseModel" | "augmentation" | "search" | "range" | "none";

/** One column of the runs table. */
export interface RunColumn {
  key: string;
  label: string;
  field: RunField;
  filter: ColumnFilterKind;
  /** Grid width in px. */
  width: number;
  numeric: boolean;
  render: (run: RunRowFragment) => string;
}

/** A callback's patience as shown: "off" when the run does not use the callback. */
export function offOr(patience: number | null | undefined): string {
  return patience == null ? "off" : String(patience);
}

/** Every column the chooser offers, in display order. */
export const RUN_COLUMNS: readonly RunColumn[] = [
  { key: "status", label: "Status", field: "STATUS", filter: "status", width: 116, numeric: false, render: (r) => r.status },
  { key: "name", label: "Name", field: "NAME", filter: "search", width: 200, numeric: false, render: (r) => r.name },
  { key: "baseModel", label: "Base model", field: "BASE_MODEL", filter: "baseModel", width: 190, numeric: false, render: (r) => r.hyperparameters.baseModel },
  { key: "head", label: "Head", field: "HEAD_UNITS", filter: "range", width: 90, numeric: false, render: (r) => r.hyperparameters.headUnits.join(",") || "linear" },
  { key: "augmentation", label: "Augmentation", field: "AUGMENTATION", filter: "augmentation", width: 130, numeric: false, render: (r) => r.hyperparameters.augmentation },
  { key: "fineTuneLayers", label: "FT depth", field: "FINE_TUNE_LAYERS", filter: "range", width: 84, numeric: true, render: (r) => String(r.hyperparameters.fineTuneLayers) },
  { key: "learningRate", label: "LR", field: "LEARNING_RATE", filter: "range", width: 80, numeric: true, render: (r) => num(r.hyperparameters.learningRate) },
  { key: "bestValAccuracy", label: "Best val acc", field: "BEST_VAL_ACCURACY", filter: "range", width: 104, numeric: true, render: (r) => pct(r.bestValAccuracy) },
  { key: "duration", label: "Duration", field: "DURATION_MS", filter: "range", width: 92, numeric: true, render: (r) => duration(r.durationMs) },
  { key: "finalValAccuracy", label: "Final val acc", field: "FINAL_VAL_ACCURACY", filter: "range", width: 104, numeric: true, render: (r) => pct(r.finalValAccuracy) },
  { key: "finalValLoss", label: "Final val loss", field: "FINAL_VAL_LOSS", filter: "range", width: 104, numeric: true, render: (r) => num(r.finalValLoss) },
  { key: "epochCount", label: "Epochs done", field: "EPOCH_COUNT", filter: "range", width: 96, numeric: true, render: (r) => String(r.epochCount) },
  { key: "bestEpoch", label: "Best epoch", field: "BEST_EPOCH", filter: "range", width: 90, numeric: true, render: (r) => (r.bestEpoch == null ? "–" : String(r.bestEpoch)) },
  { key: "dropout", label: "Dropout", field: "DROPOUT", filter: "range", width: 80, numeric: true, render: (r) => num(r.hyperparameters.dropout) },
  { key: "epochs", label: "Epochs", field: "EPOCHS", filter: "range", width: 72, numeric: true, render: (r) => String(r.hyperparameters.epochs) },
  { key: "fineTuneEpochs", label: "FT epochs", field: "FINE_TUNE_EPOCHS", filter: "range", width: 84, numeric: true, render: (r) => String(r.hyperparameters.fineTuneEpochs) },
  { key: "fineTuneLearningRate", label: "FT LR", field: "FINE_TUNE_LEARNING_RATE", filter: "range", width: 80, numeric: true, render: (r) => num(r.hyperparameters.fineTuneLearningRate) },
  { key: "batchSize", label: "Batch", field: "BATCH_SIZE", filter: "range", width: 70, numeric: true, render: (r) => String(r.hyperparameters.batchSize) },
  { key: "seed", label: "Seed", field: "SEED", filter: "range", width: 70, numeric: true, render: (r) => String(r.hyperparameters.seed) },
  { key: "inputSize", label: "Input", field: "INPUT_SIZE", filter: "range", width: 70, numeric: true, render: (r) => String(r.hyperparameters.inputSize) },
  { key: "earlyStoppingPatience", label: "Stop patience", field: "EARLY_STOPPING_PATIENCE", filter: "range", width: 104, numeric: true, render: (r) => offOr(r.hyperparameters.earlyStoppingPatience) },
  { key: "reduceLrPatience", label: "LR patience", field: "REDUCE_LR_PATIENCE", filter: "range", width: 96, numeric: true, render: (r) => offOr(r.hyperparameters.reduceLrPatience) },
  { key: "reduceLrFactor", label: "LR factor", field: "REDUCE_LR_FACTOR", filter: "range", width: 84, numeric: true, render: (r) => num(r.hyperparameters.reduceLrFactor) },
  { key: "minLearningRate", label: "Min LR", field: "MIN_LEARNING_RATE", filter: "range", width: 80, numeric: true, render: (r) => num(r.hyperparameters.minLearningRate) },
  { key: "createdAt", label: "Created", field: "CREATED_AT", filter: "none", width: 150, numeric: false, render: (r) => r.createdAt.replace("T", " ").slice(0, 19) },
];

/** Columns shown when the URL names none (the list). */
export const DEFAULT_COLUMN_KEYS: readonly string[] = [
  "status", "name", "baseModel", "head", "augmentation", "fineTuneLayers", "learningRate", "bestValAccuracy", "duration",
];

/** Looks a column up by key. */
export function columnByKey(key: string): RunColumn | undefined {
  return RUN_COLUMNS.find((c) => c.key === key);
}

/** Every RunField value; `satisfies` keeps it in step with the generated union. */
export const RUN_FIELDS = [
  "CREATED_AT", "STARTED_AT", "FINISHED_AT", "DURATION_MS", "STATUS", "NAME", "BASE_MODEL", "INPUT_SIZE", "HEAD_UNITS",
  "DROPOUT", "AUGMENTATION", "LEARNING_RATE", "FINE_TUNE_LAYERS", "FINE_TUNE_LEARNING_RATE", "EPOCHS", "FINE_TUNE_EPOCHS",
  "BATCH_SIZE", "SEED", "VALIDATION_SPLIT", "EARLY_STOPPING_PATIENCE", "REDUCE_LR_PATIENCE", "REDUCE_LR_FACTOR", "MIN_LEARNING_RATE",
  "BEST_VAL_ACCURACY", "BEST_EPOCH", "FINAL_VAL_ACCURACY", "FINAL_VAL_LOSS", "EPOCH_COUNT",
] as const satisfies readonly RunField[];

// Compile-time check that RUN_FIELDS names every RunField (fails to build if the contract grows).
type MissingField = Exclude<RunField, (typeof RUN_FIELDS)[number]>;
const _allFieldsListed: MissingField extends never ? true : never = true;
void _allFieldsListed;

/** Narrows a string to a RunField. */
export function isRunField(s: string): s is RunField {
  return (RUN_FIELDS as readonly string[]).includes(s);
}
