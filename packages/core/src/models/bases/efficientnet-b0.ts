import type { BaseModelSpec } from "../spec";

/**
 * EfficientNetB0: no official TF.js LayersModel. Its Keras graph rescales and normalises inside
 * the model, so the input it expects is raw 0..255; "unit" here is then undone by a user model.
 */
export const efficientnetB0: BaseModelSpec = {
  name: "efficientnet_b0",
  description: "EfficientNetB0 (ImageNet, Keras applications); 1280-d features; convert locally",
  architecture: "efficientnet_b0",
  inputSize: 224,
  preprocessing: "unit",
  featureLayer: "top_activation",
  featureDim: 1280,
  url: null,
  sha256: null,
  checksum: "none",
  // Unknown: Keras' EfficientNetB0 graph differs across versions (237 or 238 layers without top,
  // depending on its input Rescaling/Normalization layers), so only the loaded model can say.
  baseLayerCount: null,
  fineTuneDepths: null,
  convert:
    "python -c \"import tensorflow as tf; tf.keras.applications.EfficientNetB0(include_top=False, weights='imagenet', input_shape=(224,224,3)).save('efficientnet_b0.h5')\" && tensorflowjs_converter --input_format=keras efficientnet_b0.h5 \"$GRAFT_MODELS_DIR/efficientnet_b0\"",
};
