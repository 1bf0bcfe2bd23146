import type { BaseModelSpec } from "../spec";

/** ResNet50: no official TF.js LayersModel; convert it from Keras into GRAFT_MODELS_DIR. */
export const resnet50: BaseModelSpec = {
  name: "resnet50",
  description: "ResNet50 (ImageNet, Keras applications); 2048-d features; convert locally",
  architecture: "resnet50",
  inputSize: 224,
  preprocessing: "caffe",
  featureLayer: "conv5_block3_out",
  featureDim: 2048,
  url: null,
  sha256: null,
  checksum: "none",
  // Keras ResNet50(include_top=False): 174 layers up to conv5_block3_out. A residual block is cut
  // only whole (at its `_out` ReLU, or just below it at its `_add`), then the stem's pool and conv.
  baseLayerCount: 174,
  fineTuneDepths: [
    1, 10, 11, 20, 21, 32, 33, 42, 43, 52, 53, 62, 63, 72, 73, 82, 83, 94, 95, 104, 105, 114, 115, 124, 125, 136, 137, 146, 147, 156, 157,
    168, 169, 170, 173, 174,
  ],
  convert:
    "python -c \"import tensorflow as tf; tf.keras.applications.ResNet50(include_top=False, weights='imagenet', input_shape=(224,224,3)).save('resnet50.h5')\" && tensorflowjs_converter --input_format=keras resnet50.h5 \"$GRAFT_MODELS_DIR/resnet50\"",
};
