/** Base models: registry (pure data), loading, file IO. */
export { BASE_MODELS, listBaseModels, getBaseModelSpec, isBaseModelName, type BaseModelSpec, type BasePreprocessing } from "./registry";
export { loadBaseModel, looksLikePath, type LoadBaseModelOptions, type LoadedBaseModel } from "./load";
export { downloadModel, type DownloadProgress } from "./download";
export { fileLoadHandler, fileSaveHandler, loadLayersModelFromFile, readModelArtifacts } from "./io";
export { defaultCacheDir, defaultModelsDir } from "./paths";
