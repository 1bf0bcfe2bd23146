/** The TF.js-free contract other packages derive from (`@graft/core/contract`). */
export { bestEpoch, type EpochPlan, type EpochScore, isBetterEpoch, plannedEpochs } from "./derived";
export * from "./hyperparameter-spec";
export { AUGMENTATION_OPS, AUGMENTATION_PRESETS, HYPERPARAMETERS, HYPERPARAMETER_ENTRIES, specOf } from "./hyperparameters";
export type { Catalogue, HyperparameterName, HyperparameterValues, TrainKnob, WireHyperparameters } from "./hyperparameters";
export {
  HyperparameterError,
  appliesTo,
  checkHyperparameter,
  defaultHyperparameters,
  hyperparameterError,
  isValidValue,
  ruleOf,
  showValue,
  validateHyperparameters,
  withDefaults,
} from "./hyperparameter-rules";
export { formatHyperparameter, formatOps, fromWire, parseHyperparameter, parseOps, toWire } from "./hyperparameter-text";
export { fineTuneDepthLimit, fineTuneDepthProblem, fineTunedLayers } from "./base-models";
export { CHECKPOINT_FILES, type CheckpointFileName } from "./checkpoint-files";
export {
  COMPUTE_ENGINES,
  FROM_CACHE,
  ONNXRUNTIME_ALIASES,
  ONNXRUNTIME_ENGINES,
  RUN_ENGINE_PARTS,
  TFJS_ENGINES,
  enginesFor,
  isEngineFor,
  isOnnxRuntimeRequest,
  type ComputeEngine,
  type RunEnginePart,
} from "./engines";
