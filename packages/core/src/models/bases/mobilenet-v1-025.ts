import type { BaseModelSpec } from "../spec";

/** MobileNet v1, width 0.25: the smallest ImageNet base (218k parameters up to the features). */
export const mobilenetV1_025: BaseModelSpec = {
  name: "mobilenet_v1_0.25_224",
  description: "MobileNet v1 α=0.25 (ImageNet); fastest base, 256-d features",
  architecture: "mobilenet_v1",
  inputSize: 224,
  preprocessing: "mobilenet",
  featureLayer: "conv_pw_13_relu",
  featureDim: 256,
  url: "https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/model.json",
  sha256: "47417a9a7318ac0de893ed738ae84c6c26c294a415f06c421ff1c6af45df84f1",
  checksum: "pinned",
  // 81 layers up to conv_pw_13_relu; every conv+BN+ReLU group (3 layers) is a cut point.
  baseLayerCount: 81,
  fineTuneDepths: [3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48, 51, 54, 57, 60, 63, 66, 69, 72, 75, 78, 81],
};
