/**
 * Loads a base model by registry name or model.json path: user path → local models dir → cache →
 * download (verified). Works on any backend because files are read without tfjs-node.
 */
import * as tf from "@tensorflow/tfjs";
import { existsSync } from "node:fs";
import path from "node:path";
import { BadInputError, GraftError } from "../errors";
import type { DownloadProgress } from "./download";
import { downloadModel, DownloadError, verifyRecordedModel } from "./download";
import { applyH5Weights, type H5LoadReport } from "./h5-assign";
import { readKerasH5 } from "./h5-read";
import { fileSha256 } from "../util/hash";
import { readModelArtifacts } from "./io";
import { defaultCacheDir, defaultModelsDir, modelDownloadUrl } from "./paths";
import { getBaseModelSpec, isBaseModelName } from "./registry";
import type { BaseModelSpec, BasePreprocessing } from "./spec";
import { unavailableModelError } from "./unavailable";

/** Options of {@link loadBaseModel}. */
export interface LoadBaseModelOptions {
  /** Folder with one sub-folder per registry name; default `GRAFT_MODELS_DIR`. */
  modelsDir?: string | null;
  /** Download cache root; default `GRAFT_CACHE_DIR` or `~/.cache/graft`. */
  cacheDir?: string;
  onProgress?: (p: DownloadProgress) => void;
  /** For a user model.json: how to scale pixels (default "mobilenet"). */
  preprocessing?: BasePreprocessing;
  /** For a user model.json: the feature layer (default: the model's output layer). */
  featureLayer?: string;
  /**
   * `"imagenet"` (default): the weights that come with the model.json. A path to a Keras weights
   * `.h5` file: load the architecture as usual, then assign the file's weights by layer name
   * (Keras `load_weights(path, by_name=True)`, shapes checked); layers up to the feature layer must
   * all be covered.
   */
  weights?: "imagenet" | string;
  /**
   * With a `.h5` `weights` path: the sha256 the file must have (64 lowercase hex), e.g. the one a
   * tracked run recorded. Checked on the very bytes that are parsed, so a file replaced after an
   * earlier check cannot slip in; a mismatch is a BadInputError naming the path and both hashes.
   */
  expectedWeightsSha256?: string;
}

/** A base model ready for feature extraction. */
export interface LoadedBaseModel {
  model: tf.LayersModel;
  spec: BaseModelSpec;
  /** Where the files came from. */
  source: "path" | "models-dir" | "cache" | "download";
  modelJsonPath: string;
  /** sha256 of the weight bytes (of the `.h5` file when one was given): with the name, it identifies cached features. */
  weightsSha256: string;
  /** Set when weights came from a Keras `.h5` file: its path and what was assigned. */
  h5?: { path: string; report: H5LoadReport };
}

/** True when the argument names a file rather than a registry entry. */
export function looksLikePath(nameOrPath: string): boolean {
  return nameOrPath.includes("/") || nameOrPath.includes("\\") || nameOrPath.endsWith(".json");
}

/** The spec of a user model: input size and feature layer read from the model itself. */
function userSpec(model: tf.LayersModel, jsonPath: string, options: LoadBaseModelOptions): BaseModelSpec {
  const inShape = model.inputs[0]?.shape ?? [];
  const [, h, w, c] = inShape;
  if (inShape.length !== 4 || h == null || w == null || h !== w || c !== 3) {
    throw new BadInputError(`Model ${jsonPath} must take square RGB images [null, s, s, 3], its input shape is ${JSON.stringify(inShape)}`);
  }
  const featureLayer = options.featureLayer ?? model.outputs[0]?.sourceLayer.name ?? "";
  let featureShape: tf.Shape;
  try {
    featureShape = model.getLayer(featureLayer).outputShape as tf.Shape;
  } catch (cause) {
    throw new BadInputError(`Feature layer ${JSON.stringify(featureLayer)} is not a layer of ${jsonPath}`, { cause });
  }
  return {
    name: jsonPath,
    description: `User model ${jsonPath}`,
    architecture: "custom",
    inputSize: h,
    preprocessing: options.preprocessing ?? "mobilenet",
    featureLayer,
    featureDim: featureShape[featureShape.length - 1] ?? 0,
    url: null,
    sha256: null,
    checksum: "none",
    // Unknown until loaded: train() bounds fineTuneLayers by the loaded graph instead.
    baseLayerCount: null,
    fineTuneDepths: null,
  };
}

async function fromFile(
  jsonPath: string,
  spec: BaseModelSpec | null,
  source: LoadedBaseModel["source"],
  options: LoadBaseModelOptions,
): Promise<LoadedBaseModel> {
  const { artifacts, weightsSha256 } = await readModelArtifacts(jsonPath);
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  return { model, spec: spec ?? userSpec(model, jsonPath, options), source, modelJsonPath: jsonPath, weightsSha256 };
}

/**
 * Loads a base model.
 *
 * - a path to a `model.json` loads that model (feature layer: its output unless given);
 * - a registry name loads `<modelsDir>/<name>/model.json` when present, else
 *   `<cacheDir>/models/<name>/model.json` when its sha256 matches the registry (for a base whose
 *   checksum is `recorded`: when it and its weights match the `sha256.recorded` of their first
 *   download, CHECKSUM_MISMATCH otherwise), else downloads it
 *   there from `GRAFT_MODELS_URL/<name>/` when set, else the registry URL (CHECKSUM_MISMATCH on a
 *   tampered model.json; BAD_INPUT naming GRAFT_MODELS_DIR / --models-dir when the download fails);
 * - a registry entry without a URL (VGG16, ResNet50, EfficientNetB0) and no local copy is a
 *   NOT_FOUND error that gives the conversion command;
 * - `options.weights` set to a `.h5` path then replaces the weights by layer name (BadInputError
 *   quoting the path for a missing or corrupt file, naming layer and shapes for a mismatch).
 */
export async function loadBaseModel(nameOrPath: string, options: LoadBaseModelOptions = {}): Promise<LoadedBaseModel> {
  const weights = options.weights ?? "imagenet";
  if (typeof weights !== "string" || weights.trim() === "") {
    throw new BadInputError(`weights must be "imagenet" or a path to a Keras .h5 file, received ${JSON.stringify(weights)}`);
  }
  if (weights === "imagenet") return loadArchitecture(nameOrPath, options);
  const h5Path = path.resolve(weights);
  // Read the file before the architecture: a wrong path answers at once, without loading a model.
  const h5 = await readKerasH5(h5Path);
  const expected = options.expectedWeightsSha256;
  if (expected !== undefined && h5.sha256 !== expected) {
    throw new BadInputError(
      `weights file ${JSON.stringify(h5Path)} has sha256 ${h5.sha256}, expected ${expected}: it is not the file the run was created with`,
    );
  }
  const loaded = await loadArchitecture(nameOrPath, options);
  try {
    const report = applyH5Weights(loaded.model, h5.layers, loaded.spec.featureLayer, h5Path);
    return { ...loaded, weightsSha256: h5.sha256, h5: { path: h5Path, report } };
  } catch (error) {
    loaded.model.dispose();
    throw error;
  }
}

/** {@link loadBaseModel} with the model's own weights. */
async function loadArchitecture(nameOrPath: string, options: LoadBaseModelOptions): Promise<LoadedBaseModel> {
  if (typeof nameOrPath !== "string" || nameOrPath.trim() === "") {
    throw new BadInputError(`Base model must be a registry name or a model.json path, received ${JSON.stringify(nameOrPath)}`);
  }
  if (looksLikePath(nameOrPath) && !isBaseModelName(nameOrPath)) {
    const jsonPath = path.resolve(nameOrPath.endsWith(".json") ? nameOrPath : path.join(nameOrPath, "model.json"));
    if (!existsSync(jsonPath))
      throw new GraftError("NOT_FOUND", `Model file ${JSON.stringify(nameOrPath)} does not exist (looked for ${jsonPath})`);
    return fromFile(jsonPath, null, "path", options);
  }
  const spec = getBaseModelSpec(nameOrPath);
  const modelsDir = options.modelsDir === undefined ? defaultModelsDir() : options.modelsDir;
  if (modelsDir !== null) {
    const local = path.join(modelsDir, spec.name, "model.json");
    if (existsSync(local)) return fromFile(local, spec, "models-dir", options);
  }
  if (spec.url === null) {
    throw new GraftError(
      "NOT_FOUND",
      `Base model ${JSON.stringify(spec.name)} has no published TF.js weights and no local copy at ${modelsDir === null ? "GRAFT_MODELS_DIR (unset)" : path.join(modelsDir, spec.name)}. Convert it once with:\n  ${spec.convert ?? "tensorflowjs_converter"}`,
    );
  }
  const cacheDir = path.join(options.cacheDir ?? defaultCacheDir(), "models", spec.name);
  const cached = path.join(cacheDir, "model.json");
  if (existsSync(cached) && spec.sha256 === null) {
    // Trust on first use: the copy must still be what its first download recorded (or is recorded now).
    const recorded = await verifyRecordedModel(spec, cacheDir);
    const loaded = await fromFile(cached, spec, "cache", options);
    if (loaded.weightsSha256 !== recorded.weights) {
      // Changed between the check and the read: refuse the bytes actually parsed.
      loaded.model.dispose();
      throw new GraftError(
        "CHECKSUM_MISMATCH",
        `The weights of ${JSON.stringify(spec.name)} in ${cacheDir} changed while loading (sha256 ${loaded.weightsSha256}, recorded ${recorded.weights})`,
      );
    }
    return loaded;
  }
  if (existsSync(cached) && (await fileSha256(cached)) === spec.sha256) {
    return fromFile(cached, spec, "cache", options);
  }
  let jsonPath: string;
  try {
    jsonPath = await downloadModel({ ...spec, url: modelDownloadUrl(spec) }, cacheDir, options.onProgress);
  } catch (error) {
    // A failed request means no weights anywhere; a checksum mismatch or a disk error stays as it is.
    if (error instanceof DownloadError) throw unavailableModelError({ name: spec.name, modelsDir, cacheDir, cause: error });
    throw error;
  }
  return fromFile(jsonPath, spec, "download", options);
}
