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
}

/**
 * Validates and normalises one hyperparameter set into row columns. class-validator has already
 * checked GraphQL inputs; this repeats the bounds because sweeps build sets without it, and it
 * does what decorators cannot: the base model against the registry and the canonical augmentation.
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
  return cols;
}
