/** Base models: registry (pure data), loading, file IO. */
export {
  BASE_MODELS,
  listBaseModels,
  getBaseModelSpec,
  isBaseModelName,
  type BaseModelSpec,
  type BasePreprocessing,
  type ChecksumPolicy,
} from "./registry";
export { loadBaseModel, looksLikePath, type LoadBaseModelOptions, type LoadedBaseModel } from "./load";
export { downloadModel, type DownloadProgress } from "./download";
export { fileLoadHandler, fileSaveHandler, loadLayersModelFromFile, readModelArtifacts } from "./io";
export { defaultCacheDir, defaultModelsDir } from "./paths";
export { readKerasH5, parseKerasH5, type KerasH5Weights, type H5Layer, type H5Weight } from "./h5-read";
export {
  applyH5Weights,
  planH5Assignment,
  weightSuffix,
  type H5AssignmentPlan,
  type H5LoadReport,
  type TargetLayer,
  type TargetWeight,
} from "./h5-assign";
