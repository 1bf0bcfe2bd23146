/**
 * TrainConfig defaults and validation. Every impossible hyperparameter is a BadInputError that
 * quotes the value received, so `graft train` and the API can show it as is.
 */
import { BadInputError } from "../errors";
import type { AugmentationOp, TrainConfig } from "../types";

const HEAD_ACTIVATIONS: readonly TrainConfig["headActivation"][] = ["relu", "gelu", "tanh", "elu"];
const OPTIMIZERS: readonly TrainConfig["optimizer"][] = ["adam", "sgd", "rmsprop"];
const AUGMENTATION_OPS: readonly AugmentationOp[] = ["flip", "vflip", "rotate", "zoom", "translate", "brightness", "contrast"];

/** The defaults: a fast, sensible head-only run on the smallest base. */
export const DEFAULT_TRAIN_CONFIG: Readonly<TrainConfig> = Object.freeze({
  baseModel: "mobilenet_v1_0.25_224",
  headUnits: [128],
  headActivation: "relu",
  dropout: 0.2,
  optimizer: "adam",
  learningRate: 1e-3,
  epochs: 10,
  batchSize: 32,
  fineTuneLayers: 0,
  fineTuneEpochs: 0,
  fineTuneLearningRate: 1e-5,
  augmentation: [],
  seed: 42,
  validationSplit: 0.2,
  earlyStoppingPatience: null,
  reduceLrPatience: null,
  // Halving on a plateau was the engine's fixed behaviour before the factor was configurable.
  reduceLrFactor: 0.5,
  minLearningRate: 0,
});

const show = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? JSON.stringify(v) : String(v));

function bad(field: string, value: unknown, expectation: string): never {
  throw new BadInputError(`${field} must be ${expectation}, received ${show(value)}`);
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Checks every field of a complete config. `baseLayerCount`, when known (after loading the base),
 * bounds `fineTuneLayers`.
 * @throws BadInputError naming the field and quoting the value.
 */
export function validateTrainConfig(config: TrainConfig, baseLayerCount?: number): TrainConfig {
  const c = config;
  if (typeof c.baseModel !== "string" || c.baseModel.trim() === "") bad("baseModel", c.baseModel, "a registry name or a model.json path");
  if (!Array.isArray(c.headUnits) || c.headUnits.some((u) => !isInt(u) || u < 1)) bad("headUnits", c.headUnits, "a list of positive integers (e.g. [128])");
  if (!HEAD_ACTIVATIONS.includes(c.headActivation)) bad("headActivation", c.headActivation, `one of ${HEAD_ACTIVATIONS.join(", ")}`);
  if (!isNum(c.dropout) || c.dropout < 0 || c.dropout >= 1) bad("dropout", c.dropout, "a number in [0, 1)");
  if (!OPTIMIZERS.includes(c.optimizer)) bad("optimizer", c.optimizer, `one of ${OPTIMIZERS.join(", ")}`);
  if (!isNum(c.learningRate) || c.learningRate <= 0 || c.learningRate > 1) bad("learningRate", c.learningRate, "a number in (0, 1]");
  if (!isInt(c.epochs) || c.epochs < 1) bad("epochs", c.epochs, "an integer ≥ 1");
  if (!isInt(c.batchSize) || c.batchSize < 1) bad("batchSize", c.batchSize, "an integer ≥ 1");
  if (!isInt(c.fineTuneLayers) || c.fineTuneLayers < 0) bad("fineTuneLayers", c.fineTuneLayers, "an integer ≥ 0");
  if (baseLayerCount !== undefined && c.fineTuneLayers > baseLayerCount) {
    bad("fineTuneLayers", c.fineTuneLayers, `at most ${baseLayerCount}, the layers of ${c.baseModel} up to its feature layer`);
  }
  if (!isInt(c.fineTuneEpochs) || c.fineTuneEpochs < 0) bad("fineTuneEpochs", c.fineTuneEpochs, "an integer ≥ 0");
  if (c.fineTuneLayers > 0 && c.fineTuneEpochs < 1) bad("fineTuneEpochs", c.fineTuneEpochs, "≥ 1 when fineTuneLayers > 0");
  if (!isNum(c.fineTuneLearningRate) || c.fineTuneLearningRate <= 0 || c.fineTuneLearningRate > 1) bad("fineTuneLearningRate", c.fineTuneLearningRate, "a number in (0, 1]");
  if (!Array.isArray(c.augmentation) || c.augmentation.some((op) => !AUGMENTATION_OPS.includes(op))) bad("augmentation", c.augmentation, `a list of ${AUGMENTATION_OPS.join(", ")}`);
  if (!isInt(c.seed)) bad("seed", c.seed, "an integer");
  if (!isNum(c.validationSplit) || c.validationSplit <= 0 || c.validationSplit >= 1) bad("validationSplit", c.validationSplit, "a number in (0, 1)");
  for (const field of ["earlyStoppingPatience", "reduceLrPatience"] as const) {
    const v = c[field];
    if (v !== null && (!isInt(v) || v < 0)) bad(field, v, "null or an integer ≥ 0");
  }
  // Keras raises for factor >= 1 (it would never reduce); 0 would drop the rate straight to the minimum.
  if (!isNum(c.reduceLrFactor) || c.reduceLrFactor <= 0 || c.reduceLrFactor >= 1) bad("reduceLrFactor", c.reduceLrFactor, "a number in (0, 1)");
  if (!isNum(c.minLearningRate) || c.minLearningRate < 0) bad("minLearningRate", c.minLearningRate, "a number ≥ 0");
  // ReduceLROnPlateau only reduces a rate above min_lr, so a minimum at or above the rate a phase
  // starts from would silently turn the callback off there. Both phases use the same settings, so
  // the fine-tuning rate bounds it too, but only when there is a fine-tuning phase.
  if (c.minLearningRate >= c.learningRate) bad("minLearningRate", c.minLearningRate, `below learningRate (${show(c.learningRate)})`);
  if (c.fineTuneLayers > 0 && c.minLearningRate >= c.fineTuneLearningRate) {
    bad("minLearningRate", c.minLearningRate, `below fineTuneLearningRate (${show(c.fineTuneLearningRate)}) when fine-tuning`);
  }
  return c;
}

/**
 * A complete, validated config: `partial` over {@link DEFAULT_TRAIN_CONFIG}. Unknown keys are
 * rejected (a typo would otherwise silently train with a default).
 */
export function defaultTrainConfig(partial: Partial<TrainConfig> = {}): TrainConfig {
  if (partial === null || typeof partial !== "object") bad("config", partial, "an object");
  for (const key of Object.keys(partial)) {
    if (!(key in DEFAULT_TRAIN_CONFIG)) throw new BadInputError(`Unknown TrainConfig field ${JSON.stringify(key)}; known fields: ${Object.keys(DEFAULT_TRAIN_CONFIG).join(", ")}`);
  }
  const merged: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, headUnits: [...DEFAULT_TRAIN_CONFIG.headUnits], augmentation: [], ...partial };
  return validateTrainConfig(merged);
}
