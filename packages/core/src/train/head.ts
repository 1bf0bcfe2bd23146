/**
 * The classification head as raw variables: GAP features → dense layers → logits. Written with tf
 * ops rather than tf.layers so initialisation and dropout draw from Graft's seeded RNG: the same
 * seed gives the same weights, the same masks and so the same metrics on the same backend.
 */
import * as tf from "@tensorflow/tfjs";
import { denseWithFastGrad } from "../features/dense";
import type { Rng } from "../util/random";
import type { TrainConfig } from "../types";

/** One dense layer of the head. */
export interface DenseParams {
  kernel: tf.Variable;
  bias: tf.Variable;
}

/** The head's layers; the last one produces logits (softmax is applied by the loss / at inference). */
export interface Head {
  layers: DenseParams[];
  activation: TrainConfig["headActivation"];
  dropout: number;
}

/** Glorot-uniform kernel from the seeded RNG (Keras' default Dense initialiser). */
function glorotUniform(fanIn: number, fanOut: number, rng: Rng): tf.Tensor2D {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const values = Float32Array.from({ length: fanIn * fanOut }, () => (rng() * 2 - 1) * limit);
  return tf.tensor2d(values, [fanIn, fanOut]);
}

/** Creates head variables for `inputDim` features and `numClasses` outputs. */
export function createHead(
  inputDim: number,
  units: readonly number[],
  numClasses: number,
  config: Pick<TrainConfig, "headActivation" | "dropout">,
  rng: Rng,
): Head {
  const sizes = [inputDim, ...units, numClasses];
  const layers: DenseParams[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const fanIn = sizes[i] as number;
    const fanOut = sizes[i + 1] as number;
    const init = glorotUniform(fanIn, fanOut, rng);
    const zeros = tf.zeros([fanOut]);
    layers.push({ kernel: tf.variable(init, true, `graft_head_${i}_kernel`), bias: tf.variable(zeros, true, `graft_head_${i}_bias`) });
    // tf.variable copies its initial value: the temporaries must be freed here.
    tf.dispose([init, zeros]);
  }
  return { layers, activation: config.headActivation, dropout: config.dropout };
}

function activate(x: tf.Tensor, activation: Head["activation"]): tf.Tensor {
  switch (activation) {
    case "relu":
      return tf.relu(x);
    case "tanh":
      return tf.tanh(x);
    case "elu":
      return tf.elu(x);
    case "gelu":
      // Exact (erf) GELU, as tf.layers' 'gelu' activation computes it.
      return tf.mul(x, tf.mul(0.5, tf.add(1, tf.erf(tf.div(x, Math.SQRT2)))));
  }
}

/**
 * Logits of the head. In training, dropout (inverted, as Keras) masks the input of every dense
 * layer after the features; `dropoutSeed` makes the masks reproducible.
 */
export function headLogits(head: Head, features: tf.Tensor2D, training: boolean, dropoutSeed = 0): tf.Tensor2D {
  let x: tf.Tensor = features;
  head.layers.forEach((layer, i) => {
    if (training && head.dropout > 0) x = tf.dropout(x, head.dropout, undefined, dropoutSeed + i);
    // The fast-gradient dense: a head step is ~20 kernels of matMul and Adam, and wasm's
    // transposed matMuls in tf's own gradient were a third of its time.
    x = denseWithFastGrad(x as tf.Tensor2D, layer.kernel as tf.Variable<tf.Rank.R2>, layer.bias as tf.Variable<tf.Rank.R1>);
    if (i < head.layers.length - 1) x = activate(x, head.activation);
  });
  return x as tf.Tensor2D;
}

/** All head variables, in layer order (kernel, bias). */
export function headVariables(head: Head): tf.Variable[] {
  return head.layers.flatMap((l) => [l.kernel, l.bias]);
}

export function disposeHead(head: Head): void {
  tf.dispose(headVariables(head));
}
