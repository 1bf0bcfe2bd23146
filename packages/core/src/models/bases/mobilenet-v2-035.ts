import type { BaseModelSpec } from "../spec";
import { MOBILENET_V2_STRUCTURE } from "./mobilenet-v2-structure";

/** MobileNetV2 α=0.35 without top: the frozen base Teachable Machine uses. */
export const mobilenetV2_035: BaseModelSpec = {
  name: "mobilenet_v2_0.35_224_no_top",
  description: "MobileNetV2 α=0.35 (ImageNet, Teachable Machine base); 1280-d features",
  architecture: "mobilenet_v2",
  inputSize: 224,
  preprocessing: "mobilenet",
  featureLayer: "out_relu",
  featureDim: 1280,
  url: "https://storage.googleapis.com/teachable-machine-models/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_224_no_top/model.json",
  sha256: "ad31de2470ae1508b7df5035eb81c88bc15fc19605e0daa45cef2aa867167005",
  weightsSha256: "e159deb3afa15bc63a53edb3eb31d0d6de1a25f0d8d72d9b8372b5088a902a8a",
  checksum: "pinned",
  ...MOBILENET_V2_STRUCTURE,
};
