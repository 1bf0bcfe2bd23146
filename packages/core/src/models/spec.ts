/**
 * The shape of a base-model registry entry. Pure data: the API imports the registry to list base
 * models without loading TensorFlow.js.
 */

/** How raw 0..255 RGB pixels are scaled before the base sees them. */
export type BasePreprocessing = "mobilenet" | "unit" | "caffe";

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
}
