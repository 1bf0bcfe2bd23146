/**
 * Translations between the GraphQL contract and core's types: a run's `Hyperparameters` → the
 * `TrainConfig` core trains with (and back, for `graft train --api`), a run's base weights (not part
 * of TrainConfig: core takes them as `TrainOptions.weights`), core's `EpochRecord` → `EpochInput`,
 * and `EvaluationReport` → `EvaluationInput`.
 */
import { HYPERPARAMETER_ENTRIES, checkHyperparameter, fromWire, specOf, toWire } from "@graft/core/contract";
import type { EpochRecord, EvaluationReport, SkippedFile, TrainConfig } from "@graft/core/types";
import type { EpochInput, EvaluationInput, Hyperparameters, HyperparametersInput } from "../graphql/types";
import type { BaseWeights } from "./weights";

/** Fields of a run's hyperparameters that are not knobs: its weights' identity, the list form, GraphQL's typename. */
const NOT_KNOBS = new Set(["baseWeights", "baseWeightsSha256", "values", "__typename"]);

/** A run's knobs by name from the `values` list the API serves (`[{ name, value }]`). */
export function knobsOf(values: readonly { name: string; value?: unknown }[]): Record<string, unknown> {
  return Object.fromEntries(values.map(({ name, value }) => [name, value ?? null]));
}

/**
 * The TrainConfig fields a run's hyperparameters fix, exactly as stored (nothing re-defaulted), read
 * through the catalogue (augmentation text → ops): core's `defaultTrainConfig` then validates them
 * with the catalogue's rules. A knob this trainer does not know (an API newer than it) is refused
 * rather than silently trained without.
 */
export function hyperparametersToConfig(h: Readonly<Record<string, unknown>>): Partial<TrainConfig> {
  const config: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(h)) {
    if (NOT_KNOBS.has(name)) continue;
    const spec = specOf(name);
    if (spec === undefined)
      throw new TypeError(`The run has hyperparameter "${name}", which this graft trainer does not know: upgrade it to train this run`);
    if (spec.apiOnly) continue;
    config[name] = value === null || value === undefined ? null : fromWire(name, value);
    // The catalogue's check (core's), so a value the API should never have stored fails the run at
    // once, named, as a BAD_INPUT like core's own refusals.
    try {
      checkHyperparameter(name, config[name]);
    } catch (e) {
      throw Object.assign(new Error((e as Error).message), { name: "BadInputError", code: "BAD_INPUT" });
    }
  }
  // A callback the API sent nothing for is off, as an absent patience always meant.
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) if (spec.nullable && !(name in config)) config[name] = null;
  return config as Partial<TrainConfig>;
}

/**
 * The weights file a run starts from, or null for the base model's own weights. The API stores the
 * path and its sha256 together or not at all; a run carrying only one of them cannot be checked, so
 * it is refused here (TypeError naming the field) rather than trained on unverified weights.
 */
export function baseWeightsOf(h: Pick<Hyperparameters, "baseWeights" | "baseWeightsSha256">): BaseWeights | null {
  const path = h.baseWeights ?? null;
  const sha256 = h.baseWeightsSha256 ?? null;
  if (path === null && sha256 === null) return null;
  if (path === null)
    throw new TypeError(`The run has baseWeightsSha256 "${sha256}" but no baseWeights path: cannot tell which file to load`);
  if (sha256 === null)
    throw new TypeError(`The run has baseWeights "${path}" but no baseWeightsSha256: cannot check the file is the one it was queued with`);
  return { path, sha256 };
}

/**
 * The contract's `HyperparametersInput` for a config (for `createRun`): every knob core trains with,
 * in its wire form, although the input type defaults most of them, so the run stores exactly the
 * config the terminal trains with, never an API default. `inputSize` is left to the API (registry
 * models know theirs). `weights` is the `.h5` file the run trains from (hashed by the caller, so
 * this stays pure), null for the base model's own weights.
 */
export function configToHyperparameters(config: TrainConfig, weights: BaseWeights | null): HyperparametersInput {
  const input: Record<string, unknown> = {};
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) if (!spec.apiOnly) input[name] = toWire(name, config[name as keyof TrainConfig]);
  return { ...(input as HyperparametersInput), baseWeights: weights?.path ?? null, baseWeightsSha256: weights?.sha256 ?? null };
}

/**
 * JSON has no NaN/Infinity (a diverged loss): a non-finite metric travels as null, which the
 * contract stores and serves as such, so the dashboard cleans it at the plot rather than drawing a
 * sentinel. Timings only feed the throughput chart: a non-finite one reads 0.
 */
function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}
function finiteOrZero(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

/**
 * Core's epoch record as the API's `EpochInput`: the same names (core's record uses the wire names),
 * the phase as the GraphQL enum, non-finite metrics as null. The learning rate passes as is: core
 * only trains with a finite, positive one.
 */
export function epochToInput(record: EpochRecord): EpochInput {
  return {
    epoch: record.epoch,
    phase: record.phase === "fine_tune" ? "FINE_TUNE" : "HEAD",
    loss: finiteOrNull(record.loss),
    accuracy: finiteOrNull(record.accuracy),
    valLoss: finiteOrNull(record.valLoss),
    valAccuracy: finiteOrNull(record.valAccuracy),
    learningRate: record.learningRate,
    durationMs: finiteOrZero(record.durationMs),
    imagesPerSec: finiteOrZero(record.imagesPerSec),
    ...(record.confusionMatrix && record.confusionMatrix.length <= EPOCH_MATRIX_MAX_CLASSES
      ? { confusionMatrix: record.confusionMatrix.map((row) => row.map((n) => Math.round(n))) }
      : {}),
  };
}

/**
 * Most classes whose per-epoch confusion matrix an epoch carries: k² counts each, and a journal
 * replay sends up to 50 epochs in one request, which must stay far below the API's body limit (5 MiB
 * by default). Above it the epoch goes without its matrix; the delivered model's still travels with
 * the evaluation.
 */
export const EPOCH_MATRIX_MAX_CLASSES = 32;

/**
 * Most bytes the per-image predictions may add to a completeRun (base64 probabilities and file
 * names): well under the API's default body limit of 5 MiB, so a large validation set or many
 * classes can never make the completion itself undeliverable. Above it the run completes without
 * them (and without a paired verdict).
 */
export const PREDICTIONS_BUDGET_BYTES = 2 * 1024 * 1024;

/** The most skipped files a completeRun carries (the API's limit). */
export const SKIPPED_FILES_MAX = 5000;

/**
 * Core's evaluation as the API's `EvaluationInput` (only the contract's fields, counts as integers).
 * `run` adds which epoch's weights were evaluated (the delivered model) and the files it skipped.
 */
export function evaluationToInput(
  report: EvaluationReport,
  run?: { delivered: { epoch: number }; skipped: readonly SkippedFile[] },
): EvaluationInput {
  return {
    ...(run === undefined
      ? {}
      : {
          evaluatedEpoch: run.delivered.epoch,
          skippedFiles: run.skipped.slice(0, SKIPPED_FILES_MAX).map(({ file, reason }) => ({ file, reason })),
        }),
    labels: [...report.labels],
    confusionMatrix: report.confusionMatrix.map((row) => row.map((n) => Math.round(n))),
    perClass: report.perClass.map(({ label, precision, recall, f1, support }) => ({
      label,
      precision: finiteOrNull(precision) ?? 0,
      recall: finiteOrNull(recall) ?? 0,
      f1: finiteOrNull(f1) ?? 0,
      support: Math.round(support),
    })),
    accuracy: finiteOrNull(report.accuracy) ?? 0,
    macroF1: finiteOrNull(report.macroF1) ?? 0,
    weightedF1: finiteOrNull(report.weightedF1) ?? 0,
    misclassified: report.misclassified.map(({ file, trueLabel, predictedLabel, confidence }) => ({
      file,
      trueLabel,
      predictedLabel,
      confidence,
    })),
    ...(report.predictions === undefined || predictionsBytes(report.predictions) > PREDICTIONS_BUDGET_BYTES
      ? {}
      : {
          predictions: {
            files: [...report.predictions.files],
            yTrue: [...report.predictions.yTrue],
            // float32 as the model computed them, little-endian (every platform Node runs on), as base64.
            probabilitiesBase64: Buffer.from(
              report.predictions.probabilities.buffer,
              report.predictions.probabilities.byteOffset,
              report.predictions.probabilities.byteLength,
            ).toString("base64"),
          },
        }),
  };
}

/** The bytes predictions add to a request: base64 of the float32 probabilities, plus the file names and classes as JSON. */
export function predictionsBytes(p: NonNullable<EvaluationReport["predictions"]>): number {
  const base64 = Math.ceil(p.probabilities.byteLength / 3) * 4;
  return base64 + p.files.reduce((sum, f) => sum + Buffer.byteLength(f) + 3, 0) + p.yTrue.length * 4;
}
