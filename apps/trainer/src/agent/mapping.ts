/**
 * Translations between the GraphQL contract and core's types: a run's `Hyperparameters` → the
 * `TrainConfig` core trains with (and back, for `graft train --api`), a run's base weights (not part
 * of TrainConfig: core takes them as `TrainOptions.weights`), core's `EpochRecord` → `EpochInput`,
 * and `EvaluationReport` → `EvaluationInput`.
 */
import type { EpochRecord, EvaluationReport, SkippedFile, TrainConfig } from "@graft/core/types";
import type { Engine } from "../core/engine";
import type { EpochInput, EvaluationInput, Hyperparameters, HyperparametersInput } from "../graphql/types";
import type { BaseWeights } from "./weights";

const OPTIMIZERS = new Set<TrainConfig["optimizer"]>(["adam", "sgd", "rmsprop"]);

/**
 * The TrainConfig fields a run's hyperparameters fix, exactly as stored (nothing re-defaulted):
 * core's `defaultTrainConfig` then validates them and fills only what the contract does not carry
 * (`headActivation`).
 */
export function hyperparametersToConfig(h: Hyperparameters, engine: Pick<Engine, "parseAugmentation">): Partial<TrainConfig> {
  const optimizer = h.optimizer.toLowerCase() as TrainConfig["optimizer"];
  if (!OPTIMIZERS.has(optimizer)) throw new TypeError(`Unsupported optimizer "${h.optimizer}": expected one of adam, sgd, rmsprop`);
  const augmentation = h.augmentation.trim() === "" || h.augmentation === "none" ? [] : engine.parseAugmentation(h.augmentation);
  return {
    baseModel: h.baseModel,
    headUnits: [...h.headUnits],
    dropout: h.dropout,
    optimizer,
    learningRate: h.learningRate,
    epochs: h.epochs,
    batchSize: h.batchSize,
    fineTuneLayers: h.fineTuneLayers,
    fineTuneEpochs: h.fineTuneEpochs,
    fineTuneLearningRate: h.fineTuneLearningRate,
    augmentation,
    seed: h.seed,
    validationSplit: h.validationSplit,
    earlyStoppingPatience: h.earlyStoppingPatience ?? null,
    reduceLrPatience: h.reduceLrPatience ?? null,
    reduceLrFactor: h.reduceLrFactor,
    minLearningRate: h.minLearningRate,
  };
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
  if (path === null) throw new TypeError(`The run has baseWeightsSha256 "${sha256}" but no baseWeights path: cannot tell which file to load`);
  if (sha256 === null) throw new TypeError(`The run has baseWeights "${path}" but no baseWeightsSha256: cannot check the file is the one it was queued with`);
  return { path, sha256 };
}

/**
 * The contract's `HyperparametersInput` for a config (for `createRun`). Every field but `inputSize`
 * (registry models know theirs) is required here although the input type defaults most of them, so
 * the run stores exactly the config the terminal trains with, never an API default. `weights` is
 * the `.h5` file the run trains from (hashed by the caller, so this stays pure), null for the base
 * model's own weights.
 */
export function configToHyperparameters(
  config: TrainConfig,
  engine: Pick<Engine, "formatAugmentation">,
  weights: BaseWeights | null,
): Required<Omit<HyperparametersInput, "inputSize">> {
  return {
    baseModel: config.baseModel,
    headUnits: [...config.headUnits],
    dropout: config.dropout,
    augmentation: config.augmentation.length === 0 ? "none" : engine.formatAugmentation(config.augmentation),
    optimizer: config.optimizer,
    learningRate: config.learningRate,
    epochs: config.epochs,
    fineTuneLayers: config.fineTuneLayers,
    fineTuneEpochs: config.fineTuneEpochs,
    fineTuneLearningRate: config.fineTuneLearningRate,
    batchSize: config.batchSize,
    seed: config.seed,
    validationSplit: config.validationSplit,
    earlyStoppingPatience: config.earlyStoppingPatience,
    reduceLrPatience: config.reduceLrPatience,
    reduceLrFactor: config.reduceLrFactor,
    minLearningRate: config.minLearningRate,
    baseWeights: weights?.path ?? null,
    baseWeightsSha256: weights?.sha256 ?? null,
  };
}

/**
 * JSON has no NaN/Infinity (a diverged loss): they would arrive as null and break the non-null
 * `Float!` fields, so required values fall back to the largest finite double and optional ones to null.
 */
function required(x: number): number {
  return Number.isFinite(x) ? x : Number.MAX_VALUE;
}
function optional(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** Core's epoch record as the API's `EpochInput`. */
export function epochToInput(record: EpochRecord): EpochInput {
  return {
    epoch: record.epoch,
    phase: record.phase === "fine_tune" ? "FINE_TUNE" : "HEAD",
    loss: required(record.loss),
    accuracy: required(record.accuracy),
    valLoss: optional(record.valLoss),
    valAccuracy: optional(record.valAccuracy),
    learningRate: required(record.learningRate),
    durationMs: required(record.durationMs),
    imagesPerSec: Number.isFinite(record.imagesPerSec) ? record.imagesPerSec : 0,
  };
}

/** The most skipped files a completeRun carries (the API's limit). */
export const SKIPPED_FILES_MAX = 5000;

/**
 * Core's evaluation as the API's `EvaluationInput` (only the contract's fields, counts as integers).
 * `run` adds which epoch's weights were evaluated (the delivered model) and the files it skipped.
 */
export function evaluationToInput(report: EvaluationReport, run?: { delivered: { epoch: number }; skipped: readonly SkippedFile[] }): EvaluationInput {
  return {
    ...(run === undefined ? {} : { evaluatedEpoch: run.delivered.epoch, skippedFiles: run.skipped.slice(0, SKIPPED_FILES_MAX).map(({ file, reason }) => ({ file, reason })) }),
    labels: [...report.labels],
    confusionMatrix: report.confusionMatrix.map((row) => row.map((n) => Math.round(n))),
    perClass: report.perClass.map(({ label, precision, recall, f1, support }) => ({
      label, precision: optional(precision) ?? 0, recall: optional(recall) ?? 0, f1: optional(f1) ?? 0, support: Math.round(support),
    })),
    accuracy: optional(report.accuracy) ?? 0,
    macroF1: optional(report.macroF1) ?? 0,
    weightedF1: optional(report.weightedF1) ?? 0,
    misclassified: report.misclassified.map(({ file, trueLabel, predictedLabel, confidence }) => ({ file, trueLabel, predictedLabel, confidence })),
  };
}
