import type { BaseModelSpec } from "../spec";

/** VGG16: no official TF.js LayersModel; convert it from Keras into GRAFT_MODELS_DIR. */
export const vgg16: BaseModelSpec = {
  name: "vgg16",
  description: "VGG16 (ImageNet, Keras applications); 512-d features; convert locally",
  architecture: "vgg16",
  inputSize: 224,
  preprocessing: "caffe",
  featureLayer: "block5_pool",
  featureDim: 512,
  url: null,
  sha256: null,
  checksum: "none",
  // Keras VGG16(include_top=False): 18 layers up to block5_pool (13 convs with their ReLU built in, 5
  // max-pools), a plain chain, so every depth is a cut point.
  baseLayerCount: 18,
  fineTuneDepths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18],
  convert:
    "python -c \"import tensorflow as tf; tf.keras.applications.VGG16(include_top=False, weights='imagenet', input_shape=(224,224,3)).save('vgg16.h5')\" && tensorflowjs_converter --input_format=keras vgg16.h5 \"$GRAFT_MODELS_DIR/vgg16\"",
};
