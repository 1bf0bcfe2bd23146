import { HYPERPARAMETER_DEFAULTS as D, OPTIMIZERS, canonicalizeAugmentation, checkBound, checkHeadUnits } from "@graft/schema/hyperparameters";
import { badInput } from "../../errors";
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
