import {
  BASE_WEIGHTS_PATH_MAX_LENGTH,
  HYPERPARAMETER_DEFAULTS as D,
  OPTIMIZERS,
  SHA256_HEX,
  canonicalizeAugmentation,
  checkBound,
  checkHeadUnits,
} from "@graft/schema/hyperparameters";
import { badInput, quote } from "../../errors";
import { type CatalogService } from "../catalog/catalog.service";
import { type RunRow } from "./run.mapper";

/** The hyperparameter columns of a runs row, picked from the table's own row type. */
export type HyperparameterColumns = Pick<
  RunRow,
  | "baseModel"
  | "inputSize"
  | "headUnits"
  | "headUnitsTotal"
  | "dropout"
  | "augmentation"
  | "optimizer"
  | "learningRate"
  | "epochs"
  | "fineTuneLayers"
  | "fineTuneEpochs"
  | "fineTuneLearningRate"
  | "batchSize"
  | "seed"
  | "validationSplit"
  | "earlyStoppingPatience"
  | "reduceLrPatience"
  | "reduceLrFactor"
  | "minLearningRate"
  | "baseWeights"
  | "baseWeightsSha256"
>;

/** Hyperparameters as callers give them (GraphQL input or sweep expansion); missing ones take defaults. */
export interface HyperparameterValues {
  baseModel: string;
  inputSize?: number | null;
  headUnits: number[];
  dropout?: number | null;
  augmentation?: string | null;
  optimizer?: string | null;
  learningRate?: number | null;
  epochs?: number | null;
  fineTuneLayers?: number | null;
  fineTuneEpochs?: number | null;
  fineTuneLearningRate?: number | null;
  batchSize?: number | null;
  seed?: number | null;
  validationSplit?: number | null;
  earlyStoppingPatience?: number | null;
  reduceLrPatience?: number | null;
  reduceLrFactor?: number | null;
  minLearningRate?: number | null;
  /** Path of a Keras `.h5` weights file on the creating machine; only createRun sets it (not sweeps). */
  baseWeights?: string | null;
  baseWeightsSha256?: string | null;
}

/**
 * Validates and normalises one hyperparameter set into row columns. class-validator has already
 * checked GraphQL inputs; this repeats the bounds because sweeps build sets without it, and it
 * does what decorators cannot: the base model against the registry, the canonical augmentation
 * and the rules across fields (see {@link checkMinLearningRate}).
 */
export function resolveHyperparameters(v: HyperparameterValues, catalog: CatalogService): HyperparameterColumns {
  const inputSize = catalog.inputSizeOf(v.baseModel, v.inputSize);
  checkHeadUnits(v.headUnits);
  const optimizer = (v.optimizer ?? D.optimizer).toLowerCase();
  if (!(OPTIMIZERS as readonly string[]).includes(optimizer)) {
    throw badInput(`Unknown optimizer ${JSON.stringify(v.optimizer)}; use one of ${OPTIMIZERS.join(", ")}`, "optimizer", v.optimizer);
  }
  const cols: HyperparameterColumns = {
    baseModel: v.baseModel,
    inputSize,
    headUnits: [...v.headUnits],
    headUnitsTotal: v.headUnits.reduce((a, b) => a + b, 0),
    dropout: v.dropout ?? D.dropout,
    augmentation: canonicalizeAugmentation(v.augmentation ?? D.augmentation),
    optimizer,
    learningRate: v.learningRate ?? D.learningRate,
    epochs: v.epochs ?? D.epochs,
    fineTuneLayers: v.fineTuneLayers ?? D.fineTuneLayers,
    fineTuneEpochs: v.fineTuneEpochs ?? D.fineTuneEpochs,
    fineTuneLearningRate: v.fineTuneLearningRate ?? D.fineTuneLearningRate,
    batchSize: v.batchSize ?? D.batchSize,
    seed: v.seed ?? D.seed,
    validationSplit: v.validationSplit ?? D.validationSplit,
    earlyStoppingPatience: v.earlyStoppingPatience ?? null,
    reduceLrPatience: v.reduceLrPatience ?? null,
    reduceLrFactor: v.reduceLrFactor ?? D.reduceLrFactor,
    minLearningRate: v.minLearningRate ?? D.minLearningRate,
    ...resolveBaseWeights(v.baseWeights ?? null, v.baseWeightsSha256 ?? null),
  };
  checkBound("learningRate", cols.learningRate);
  checkBound("fineTuneLearningRate", cols.fineTuneLearningRate);
  checkBound("dropout", cols.dropout);
  checkBound("validationSplit", cols.validationSplit);
  checkBound("epochs", cols.epochs);
  checkBound("fineTuneEpochs", cols.fineTuneEpochs);
  checkBound("fineTuneLayers", cols.fineTuneLayers);
  checkBound("batchSize", cols.batchSize);
  if (!Number.isInteger(cols.seed)) throw badInput(`Invalid seed: ${cols.seed} (must be an integer)`, "seed", cols.seed);
  if (cols.earlyStoppingPatience !== null) checkBound("earlyStoppingPatience", cols.earlyStoppingPatience);
  if (cols.reduceLrPatience !== null) checkBound("reduceLrPatience", cols.reduceLrPatience);
  checkBound("reduceLrFactor", cols.reduceLrFactor);
  checkBound("minLearningRate", cols.minLearningRate);
  checkMinLearningRate(cols);
  return cols;
}

/**
 * ReduceLROnPlateau never reduces a rate that is not above its floor, and the trainer runs the same
 * callback settings in the head phase (from `learningRate`) and the fine-tuning phase (from
 * `fineTuneLearningRate`). A floor at or above a phase's starting rate would silently turn the
 * callback off in that phase, so it must be below `learningRate` always, and below
 * `fineTuneLearningRate` when `fineTuneLayers > 0` (a head-only run never uses that rate). Checked
 * whether or not the callback is on, so a stored run never carries a floor it could not honour, and
 * the same as core's `validateTrainConfig` so the API never queues a run the trainer would refuse.
 */
function checkMinLearningRate(cols: HyperparameterColumns): void {
  const min = cols.minLearningRate;
  if (min >= cols.learningRate) {
    throw badInput(`Invalid minLearningRate: ${min} (must be below learningRate ${cols.learningRate})`, "minLearningRate", min);
  }
  if (cols.fineTuneLayers > 0 && min >= cols.fineTuneLearningRate) {
    throw badInput(
      `Invalid minLearningRate: ${min} (must be below fineTuneLearningRate ${cols.fineTuneLearningRate} when fineTuneLayers > 0, as both phases use the same ReduceLROnPlateau settings)`,
      "minLearningRate",
      min,
    );
  }
}

/**
 * The weights a run starts from: both the file's path and its sha256, or neither (the base model's
 * own ImageNet weights). The sha256 is what lets an agent on another machine refuse a different file
 * at the same path, so a path alone is refused, and a sha256 alone names no file. The path is the
 * creating machine's: the API records it and never opens it.
 */
function resolveBaseWeights(path: string | null, sha256: string | null): Pick<HyperparameterColumns, "baseWeights" | "baseWeightsSha256"> {
  if (path === null && sha256 === null) return { baseWeights: null, baseWeightsSha256: null };
  if (sha256 === null) {
    throw badInput(
      `Missing baseWeightsSha256: baseWeights ${quote(path)} was given without the file's sha256 (give both, or neither for the base model's own weights)`,
      "baseWeightsSha256",
      null,
    );
  }
  if (path === null) {
    throw badInput(
      `Missing baseWeights: baseWeightsSha256 ${quote(sha256)} was given without the path of its weights file (give both, or neither for the base model's own weights)`,
      "baseWeights",
      null,
    );
  }
  if (path.length === 0 || path.length > BASE_WEIGHTS_PATH_MAX_LENGTH) {
    throw badInput(`Invalid baseWeights: ${quote(path)} (must be 1 to ${BASE_WEIGHTS_PATH_MAX_LENGTH} characters)`, "baseWeights", path);
  }
  if (!SHA256_HEX.test(sha256)) {
    throw badInput(`Invalid baseWeightsSha256: ${quote(sha256)} (must be 64 lowercase hex characters, a sha256)`, "baseWeightsSha256", sha256);
  }
  return { baseWeights: path, baseWeightsSha256: sha256 };
}
