import type { BaseModelSpec } from "../spec";
import { MOBILENET_V2_STRUCTURE } from "./mobilenet-v2-structure";

/**
 * MobileNetV2 α=1.00 without top, as Teachable Machine publishes it (its library builds the URL
 * with `alpha.toFixed(2)`). The upstream sha256 is not known here: the first download records it.
 */
export const mobilenetV2_100: BaseModelSpec = {
  name: "mobilenet_v2_1.00_224_no_top",
  description: "MobileNetV2 α=1.00 (ImageNet, Teachable Machine); 1280-d features",
  architecture: "mobilenet_v2",
  inputSize: 224,
  preprocessing: "mobilenet",
  featureLayer: "out_relu",
  // Keras keeps the last conv at 1280 channels for every α ≤ 1.0.
  featureDim: 1280,
  url: "https://storage.googleapis.com/teachable-machine-models/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.00_224_no_top/model.json",
  sha256: null,
  checksum: "recorded",
  ...MOBILENET_V2_STRUCTURE,
};
