/** Optimizers by config name, with a settable learning rate for ReduceLROnPlateau. */
import * as tf from "@tensorflow/tfjs";
import type { TrainConfig } from "../types";

/** Creates the optimizer named in the config. */
export function createOptimizer(name: TrainConfig["optimizer"], learningRate: number): tf.Optimizer {
  switch (name) {
    case "adam":
      return tf.train.adam(learningRate);
    case "sgd":
      return tf.train.sgd(learningRate);
    case "rmsprop":
      return tf.train.rmsprop(learningRate);
  }
}

/**
 * tf optimizers keep the rate in a `learningRate` field (protected in the typings, except SGD's
 * setter) and read it on every step, so assigning it changes the rate without losing slot state.
 */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
}

export function getLearningRate(optimizer: tf.Optimizer): number {
  return (optimizer as unknown as { learningRate: number }).learningRate;
}
