/**
 * The one normalised run shape (MLflow-style) every chart reads: metrics as ordered
 * `{step, value, phase}` series keyed by name, hyperparameters flattened to scalars.
 * Normalising once here means chart code never touches GraphQL result types.
 */
import { type Catalogue, chartValue, type KnobValues } from "./catalogue";

/** Training phase of an epoch: the frozen-base head phase or the fine-tuning phase. */
export type PhaseName = "HEAD" | "FINE_TUNE";

/** One value of a metric at a global step (1-based epoch counted across both phases). */
export interface MetricPoint {
  step: number;
  value: number;
  phase: PhaseName;
}

/** A run's confusion matrix on an explicit label order. */
export interface ConfusionData {
  labels: string[];
  matrix: number[][];
}

/** The normalised run every chart consumes. */
export interface RunData {
  runId: string;
  runName: string;
  color: string;
  metrics: Record<string, MetricPoint[]>;
  /**
   * Steps where a metric was logged but not finite (a diverged loss arrives as null): left out of
   * `metrics` so no axis ever sees them, and drawn as a break in the line.
   */
  gaps: Record<string, number[]>;
  params: Record<string, string | number>;
  /** Present when the run has been evaluated. */
  confusion?: ConfusionData;
  /**
   * The validation confusion matrix of each epoch that reported one, in epoch order, in the run's
   * own label order (its evaluation's labels).
   */
  epochMatrices: { epoch: number; matrix: number[][] }[];
  /** The label order of `epochMatrices` (the run's evaluation labels); undefined before evaluation. */
  matrixLabels?: string[];
}

/** The numeric fields of an epoch, each drawn as one metric. */
type EpochNumberField = "loss" | "accuracy" | "valLoss" | "valAccuracy" | "learningRate" | "durationMs" | "imagesPerSec";

/**
 * Where each epoch metric comes from: the GraphQL field (the same name from core's loop to here)
 * and a unit change. One table, so adding a drawn metric is one line.
 */
const EPOCH_METRIC_SOURCES = {
  loss: { field: "loss" },
  accuracy: { field: "accuracy" },
  val_loss: { field: "valLoss" },
  val_accuracy: { field: "valAccuracy" },
  learning_rate: { field: "learningRate" },
  images_per_sec: { field: "imagesPerSec" },
  epoch_seconds: { field: "durationMs", scale: 1e-3 },
} as const satisfies Record<string, { field: EpochNumberField; scale?: number }>;

/** A metric key produced from epochs. */
export type EpochMetric = keyof typeof EPOCH_METRIC_SOURCES;

/** Metric keys produced from epochs, in the source table's order. */
export const EPOCH_METRICS = Object.keys(EPOCH_METRIC_SOURCES) as EpochMetric[];

/** Summary metric key: the validation accuracy at the run's best (lowest val loss) epoch, one point there. */
export const BEST_VAL_ACCURACY = "best_val_accuracy";

/** Per-class F1 metric key for a label. */
export function f1Key(label: string): string {
  return `f1/${label}`;
}

/**
 * Twenty distinguishable colours (Tableau 20 reordered so the first ten are the saturated set),
 * enough for the 20-run compare limit without repeats.
 */
export const RUN_COLORS = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
] as const;

/** Colour for the run at `index` in a comparison (wraps after 20). */
export function runColor(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`runColor: index must be a non-negative integer, got ${String(index)}`);
  return RUN_COLORS[index % RUN_COLORS.length] as string;
}

/** The epoch fields normalisation reads (a subset of the GraphQL Epoch type). */
export interface EpochInput {
  epoch: number;
  phase: PhaseName;
  /** Null when it was not finite (a diverged run). */
  loss?: number | null;
  accuracy?: number | null;
  valLoss?: number | null;
  valAccuracy?: number | null;
  learningRate?: number | null;
  /** This epoch's validation confusion matrix, when reported. */
  confusionMatrix?: number[][] | null;
  durationMs?: number | null;
  imagesPerSec?: number | null;
}

/**
 * The hyperparameter fields normalisation reads: every knob's `values` (read through the catalogue
 * when one is given), or the few typed fields charts have always had.
 */
export interface HyperparametersInput {
  values?: KnobValues;
  baseModel: string;
  headUnits: number[];
  augmentation: string;
  learningRate: number;
  fineTuneLayers: number;
  dropout?: number;
  epochs?: number;
  fineTuneEpochs?: number;
  fineTuneLearningRate?: number;
  batchSize?: number;
  seed?: number;
}

/** The run fields normalisation reads. */
export interface RunInput {
  id: string;
  name: string;
  hyperparameters: HyperparametersInput;
  bestValAccuracy?: number | null;
  bestEpoch?: number | null;
  evaluation?: { labels: string[]; confusionMatrix?: number[][]; perClass?: { label: string; f1: number }[] } | null;
}

const PHASE_ORDER: Record<PhaseName, number> = { HEAD: 0, FINE_TUNE: 1 };

/**
 * Orders epochs as trained (head phase first, then fine-tuning) and numbers them 1..n, because
 * agents may restart the epoch counter for the fine-tuning phase.
 */
export function orderEpochs<E extends EpochInput>(epochs: readonly E[]): { step: number; epoch: E }[] {
  return [...epochs]
    .sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || a.epoch - b.epoch)
    .map((epoch, i) => ({ step: i + 1, epoch }));
}

/**
 * Flattens hyperparameters to chartable scalars. With the catalogue: every knob by its name, numbers
 * numeric, the rest as formatKnob writes them ("256,128", "off"). Without: the typed fields, head
 * units as "256,128" under `head` (a category).
 */
export function paramsOf(h: HyperparametersInput, catalogue?: Catalogue): Record<string, string | number> {
  if (catalogue && h.values) {
    const params: Record<string, string | number> = {};
    for (const info of catalogue) {
      const entry = h.values.find((v) => v.name === info.name);
      if (entry) params[info.name] = chartValue(info, entry.value ?? null);
    }
    return params;
  }
  const out: Record<string, string | number> = {
    baseModel: h.baseModel,
    head: h.headUnits.length > 0 ? h.headUnits.join(",") : "linear",
    augmentation: h.augmentation,
    learningRate: h.learningRate,
    fineTuneLayers: h.fineTuneLayers,
  };
  const optional = ["dropout", "epochs", "fineTuneEpochs", "fineTuneLearningRate", "batchSize", "seed"] as const;
  for (const key of optional) {
    const v = h[key];
    if (typeof v === "number") out[key] = v;
  }
  return out;
}

/**
 * Builds the normalised shape from a run, its epochs and (optionally) a confusion matrix aligned
 * to a shared label order (compare view); otherwise the run's own evaluation matrix is used. With
 * the catalogue, `params` holds every knob (see paramsOf).
 */
export function normaliseRun(
  run: RunInput,
  epochs: readonly EpochInput[],
  color: string,
  aligned?: ConfusionData | null,
  catalogue?: Catalogue,
): RunData {
  const metrics: Record<string, MetricPoint[]> = Object.fromEntries(EPOCH_METRICS.map((k) => [k, []]));
  const gaps: Record<string, number[]> = {};
  const ordered = orderEpochs(epochs);
  for (const { step, epoch } of ordered) {
    for (const key of EPOCH_METRICS) {
      const source: { field: EpochNumberField; scale?: number } = EPOCH_METRIC_SOURCES[key];
      const { field, scale = 1 } = source;
      const raw = epoch[field];
      // Absent = not asked for; null or non-finite = logged but diverged.
      if (raw === undefined) continue;
      if (typeof raw === "number" && Number.isFinite(raw)) metrics[key]!.push({ step, value: raw * scale, phase: epoch.phase });
      else (gaps[key] ??= []).push(step);
    }
  }
  // A run without a validation split has null val metrics throughout: nothing diverged there.
  for (const key of Object.keys(gaps)) if (metrics[key]!.length === 0 && key.startsWith("val_")) delete gaps[key];
  if (typeof run.bestValAccuracy === "number") {
    const step = run.bestEpoch ?? metrics.val_accuracy!.at(-1)?.step ?? 0;
    const phase = metrics.val_accuracy!.find((p) => p.step === step)?.phase ?? "HEAD";
    metrics[BEST_VAL_ACCURACY] = [{ step, value: run.bestValAccuracy, phase }];
  }
  const lastStep = ordered.at(-1)?.step ?? 0;
  const lastPhase = ordered.at(-1)?.epoch.phase ?? "HEAD";
  for (const c of run.evaluation?.perClass ?? []) {
    metrics[f1Key(c.label)] = [{ step: lastStep, value: c.f1, phase: lastPhase }];
  }
  const epochMatrices = ordered.flatMap(({ epoch }) =>
    epoch.confusionMatrix ? [{ epoch: epoch.epoch, matrix: epoch.confusionMatrix }] : [],
  );
  const out: RunData = {
    runId: run.id,
    runName: run.name,
    color,
    metrics,
    gaps,
    params: paramsOf(run.hyperparameters, catalogue),
    epochMatrices,
  };
  if (run.evaluation?.labels) out.matrixLabels = run.evaluation.labels;
  if (aligned) out.confusion = aligned;
  else if (run.evaluation?.confusionMatrix) out.confusion = { labels: run.evaluation.labels, matrix: run.evaluation.confusionMatrix };
  return out;
}

/** Last value of a metric, or undefined when the run never logged it. */
export function lastValue(run: RunData, key: string): number | undefined {
  return run.metrics[key]?.at(-1)?.value;
}

/** The first step logged in the fine-tuning phase, or undefined when the run never fine-tuned. */
export function fineTuneStart(run: RunData): number | undefined {
  for (const points of Object.values(run.metrics)) {
    const p = points.find((x) => x.phase === "FINE_TUNE");
    if (p && points.length > 1) return p.step;
  }
  return undefined;
}

/** The median of a metric over the run's epochs (epoch time, img/s), or undefined when never logged. */
export function medianValue(run: RunData, key: string): number | undefined {
  const values = (run.metrics[key] ?? []).map((p) => p.value).sort((a, b) => a - b);
  if (values.length === 0) return undefined;
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}
