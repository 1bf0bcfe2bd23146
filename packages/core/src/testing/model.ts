/**
 * Test support: a small LayersModel with every pattern the folder handles: conv+BN+relu6
 * (Activation), depthwise+BN+ReLU(6) layer, 1×1 conv (with bias)+BN+LeakyReLU, a residual Add,
 * ZeroPadding, a stand-alone BN after a max pool. BN statistics are random so that folding them
 * wrongly would show. Not used by the product.
 */
import * as tf from "@tensorflow/tfjs";
import { createRng } from "../util/random";

/** Builds the model with seeded random weights (BN variances in [0.2, 1.2)). */
export function buildTestModel(seed: number): tf.LayersModel {
  const rng = createRng(seed);
  const input = tf.input({ shape: [12, 12, 3] });
  let x = tf.layers
    .conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: "same", useBias: false, name: "c1" })
    .apply(input) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({ name: "c1_bn" }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.activation({ activation: "relu6", name: "c1_relu" }).apply(x) as tf.SymbolicTensor;
  const skip = x;
  let y = tf.layers.depthwiseConv2d({ kernelSize: 3, padding: "same", useBias: false, name: "dw" }).apply(x) as tf.SymbolicTensor;
  y = tf.layers.batchNormalization({ name: "dw_bn" }).apply(y) as tf.SymbolicTensor;
  y = tf.layers.reLU({ maxValue: 6, name: "dw_relu" }).apply(y) as tf.SymbolicTensor;
  y = tf.layers.conv2d({ filters: 8, kernelSize: 1, useBias: true, name: "pw" }).apply(y) as tf.SymbolicTensor;
  y = tf.layers.batchNormalization({ name: "pw_bn" }).apply(y) as tf.SymbolicTensor;
  y = tf.layers.leakyReLU({ alpha: 0.1, name: "pw_leaky" }).apply(y) as tf.SymbolicTensor;
  x = tf.layers.add({ name: "add" }).apply([skip, y]) as tf.SymbolicTensor;
  x = tf.layers
    .zeroPadding2d({
      padding: [
        [0, 1],
        [0, 1],
      ],
      name: "pad",
    })
    .apply(x) as tf.SymbolicTensor;
  x = tf.layers.depthwiseConv2d({ kernelSize: 3, strides: 2, padding: "valid", useBias: false, name: "dw2" }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({ name: "dw2_bn" }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.reLU({ maxValue: 6, name: "dw2_relu" }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.conv2d({ filters: 6, kernelSize: 1, useBias: false, name: "pw2" }).apply(x) as tf.SymbolicTensor;
  x = tf.layers
    .batchNormalization({ name: "lone_bn" })
    .apply(tf.layers.maxPooling2d({ poolSize: 2, name: "pool" }).apply(x) as tf.SymbolicTensor) as tf.SymbolicTensor;
  return randomizeWeights(tf.model({ inputs: input, outputs: x }), rng);
}

/**
 * Gives every layer seeded weights in [-0.5, 0.5) (BN variances in [0.2, 1.2), so they stay
 * positive): a test model whose folded graph has non-trivial BN to fold. Returns `model`.
 */
export function randomizeWeights(model: tf.LayersModel, rng: () => number): tf.LayersModel {
  for (const layer of model.layers) {
    const weights = layer.getWeights().map((w, i) => {
      const isVariance = layer.getClassName() === "BatchNormalization" && i === 3;
      const values = Float32Array.from({ length: w.size }, () => (isVariance ? 0.2 + rng() : rng() - 0.5));
      return tf.tensor(values, w.shape);
    });
    layer.setWeights(weights);
  }
  return model;
}

/** A seeded random batch [2, 12, 12, 3] in [-2, 2) for {@link buildTestModel}. */
export function testInput(seed: number): tf.Tensor4D {
  const rng = createRng(seed);
  return tf.tensor4d(
    Float32Array.from({ length: 2 * 12 * 12 * 3 }, () => rng() * 4 - 2),
    [2, 12, 12, 3],
  );
}
