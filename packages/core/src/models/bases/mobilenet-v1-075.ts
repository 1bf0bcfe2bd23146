import type { BaseModelSpec } from "../spec";

/** MobileNet v1, width 0.75: more accurate than 0.25 at ~8× the compute. */
export const mobilenetV1_075: BaseModelSpec = {
  name: "mobilenet_v1_0.75_224",
  description: "MobileNet v1 α=0.75 (ImageNet); 768-d features",
  architecture: "mobilenet_v1",
  inputSize: 224,
  preprocessing: "mobilenet",
  featureLayer: "conv_pw_13_relu",
  featureDim: 768,
  url: "https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.75_224/model.json",
  sha256: "a74c25424bd9939b1c245a58da417e35d1ca16f0b009490a1c44b43d982600d9",
  checksum: "pinned",
  // 81 layers up to conv_pw_13_relu; every conv+BN+ReLU group (3 layers) is a cut point.
  baseLayerCount: 81,
  fineTuneDepths: [3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48, 51, 54, 57, 60, 63, 66, 69, 72, 75, 78, 81],
};
