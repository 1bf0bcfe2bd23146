import type { BaseModelSpec } from "../spec";

/** Darknet "tiny" ImageNet classifier (ml5's Darknet-tiny); inputs scaled to [0, 1]. */
export const darknetTiny: BaseModelSpec = {
  name: "darknet_tiny_224",
  description: "Darknet tiny (ImageNet, ml5); conv+BN+LeakyReLU, 128-d features at 14×14",
  architecture: "darknet",
  inputSize: 224,
  preprocessing: "unit",
  featureLayer: "leaky_re_lu_15",
  featureDim: 128,
  url: "https://cdn.jsdelivr.net/gh/ml5js/ml5-data-and-models@master/models/darknetclassifier/darknettiny/model.json",
  sha256: "5a5ee1ddb33ac7948b303197f4c63f72a80fc00a7d2870d30843004ddd5b4b51",
  checksum: "pinned",
  // 49 layers up to leaky_re_lu_15 (conv+BN+LeakyReLU groups of 3, max-pools of 1).
  baseLayerCount: 49,
  fineTuneDepths: [3, 6, 9, 12, 15, 16, 19, 22, 25, 28, 29, 32, 35, 38, 41, 42, 45, 46, 49],
};
