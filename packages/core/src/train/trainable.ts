/**
 * Turns the folded parameters of the fine-tuned steps into tf.Variables. BatchNormalization stays
 * in inference mode by construction: it is folded into the conv weights, so there are no batch
 * statistics to use (tf.layers' BN would ignore `trainable` and use them, unlike Keras).
 */
import * as tf from "@tensorflow/tfjs";
import type { Step } from "../features/graph";
import { affineWritable, biasWritable } from "./checkpoint";

/**
 * Replaces kernels/biases (and affine scale/offset) of `steps` by variables, in place, and returns
 * them. A bias that could not be written back into the original layers stays frozen, so the saved
 * checkpoint always equals the trained model.
 */
export function makeTrainable(model: tf.LayersModel, steps: Step[]): tf.Variable[] {
  const vars: tf.Variable[] = [];
  const toVar = <T extends tf.Tensor>(t: T): T => {
    const v = tf.variable(t, true);
    t.dispose();
    vars.push(v);
    return v as unknown as T;
  };
  for (const step of steps) {
    if (step.kind === "conv") {
      step.kernel = toVar(step.kernel);
      if (biasWritable(model, step)) step.bias = toVar(step.bias);
    } else if (step.kind === "affine" && affineWritable(model, step)) {
      step.scale = toVar(step.scale);
      step.offset = toVar(step.offset);
    }
  }
  return vars;
}
