/**
 * @graft/core: the transfer-learning engine. `train()` runs one experiment; the rest is exposed for
 * the trainer CLI, the agent and tests. `@graft/core/registry` (pure data) and
 * `@graft/core/metrics` (no tfjs) are separate entry points for callers that must not load tfjs.
 */
export * from "./types";
export { GraftError, BadInputError, isBadInput, type GraftErrorCode } from "./errors";
export { createRng, shuffled, uniform, type Rng } from "./util/random";

export { train, defaultTrainConfig, validateTrainConfig, DEFAULT_TRAIN_CONFIG, type TrainOptions } from "./train/index";
export {
  selectBackend,
  currentBackend,
  registerWasmGradientKernels,
  BACKEND_NAMES,
  WASM_GRADIENT_KERNELS,
  FrozenEngine,
  frozenRequest,
  isOnnxRuntimeRequest,
  ONNXRUNTIME_ALIASES,
  type BackendName,
  type FrozenCompute,
  type FrozenRequest,
} from "./backend/index";
export { COMPUTE_ENGINES, FROM_CACHE, RUN_ENGINE_PARTS, type ComputeEngine, type RunEnginePart } from "./contract/engines";
export {
  BASE_MODELS,
  listBaseModels,
  getBaseModelSpec,
  isBaseModelName,
  loadBaseModel,
  looksLikePath,
  downloadModel,
  fileLoadHandler,
  fileSaveHandler,
  loadLayersModelFromFile,
  readModelArtifacts,
  defaultCacheDir,
  defaultModelsDir,
  type BaseModelSpec,
  type BasePreprocessing,
  type ChecksumPolicy,
  type LoadBaseModelOptions,
  type LoadedBaseModel,
  type DownloadProgress,
} from "./models/index";
export {
  createFeatureExtractor,
  extractFeatures,
  FeatureCache,
  featureKey,
  foldModel,
  runGraph,
  splitGraph,
  fineTuneDepths,
  FrozenPartPool,
  resolveWorkers,
  type PooledCompute,
  type FrozenOutput,
  type WorkersOption,
  type FeatureExtractor,
  type ExtractOptions,
  type ExtractResult,
  type FoldedGraph,
} from "./features/index";

export * from "./data/index";
export * from "./augment/index";
export * from "./callbacks/index";
export * from "./evaluation/index";
export { camModel, gradCam, heatmapPeak, type CamModel, type GradCam } from "./explain/grad-cam";
export { evaluateCheckpoint, type EvaluateCheckpointOptions } from "./evaluation/checkpoint";
