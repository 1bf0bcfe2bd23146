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
  convert:
    "python -c \"import tensorflow as tf; tf.keras.applications.ResNet50(include_top=False, weights='imagenet', input_shape=(224,224,3)).save('resnet50.h5')\" && tensorflowjs_converter --input_format=keras resnet50.h5 \"$GRAFT_MODELS_DIR/resnet50\"",
};
