/**
 * The shape of a base-model registry entry. Pure data: the API imports the registry to list base
 * models without loading TensorFlow.js.
 */

/** How raw 0..255 RGB pixels are scaled before the base sees them. */
export type BasePreprocessing = "mobilenet" | "unit" | "caffe";

/**
 * How the files of a downloaded base are verified: `pinned`, against the registry's `sha256` (and
 * `weightsSha256` when set) on every download and cache hit; `recorded` (trust on first use: the
 * upstream hashes are not known), the first download writes the sha256 of its model.json and of its
 * weights to `sha256.recorded` beside the cached copy and every later download or cache hit must
 * match it; `none`, nothing is downloaded (no URL: the model is converted locally).
 */
export type ChecksumPolicy = "pinned" | "recorded" | "none";

/** One base model Graft knows by name. */
export interface BaseModelSpec {
  /** Registry name, also the folder name under `GRAFT_MODELS_DIR` and the cache. */
  name: string;
  description: string;
  architecture: string;
  /** Square input side in pixels. */
  inputSize: number;
  /** `mobilenet`: x/127.5 − 1; `unit`: x/255; `caffe`: BGR minus ImageNet means. */
  preprocessing: BasePreprocessing;
  /** Layer whose output is the feature map (global-average-pooled for the head). */
  featureLayer: string;
  /** Channels of the feature layer, i.e. the pooled feature dimension. */
  featureDim: number;
  /** Official TF.js `model.json` URL, or null when no TF.js LayersModel is published. */
  url: string | null;
  /** sha256 of the official `model.json`, checked after download; null when unknown. */
  sha256: string | null;
  /** sha256 of the concatenated weight files, when known. */
  weightsSha256?: string;
  /** For models without a TF.js URL: the one command that converts the Keras model locally. */
  convert?: string;
  /** How downloads are verified; `pinned` exactly when `sha256` is set, `none` exactly when `url` is null. */
  checksum: ChecksumPolicy;
  /**
   * Layers up to and including the feature layer, InputLayer excluded (core's `layerCount` of the
   * folded graph): the largest `fineTuneLayers` this base takes. Null when not known without the files.
   */
  baseLayerCount: number | null;
  /**
   * The depths fine-tuning can really unfreeze, ascending, the last being `baseLayerCount`: the
   * block boundaries core's `splitGraph` cuts at (folded conv+BN+activation groups stay together and
   * exactly one tensor may cross the cut, so a residual block is never split). A requested depth is
   * rounded up to the first of these that is not smaller. Null when not known.
   */
  fineTuneDepths: readonly number[] | null;
}
