/**
 * Turning the engine's state back into a plain TF.js classifier: the base (with fine-tuned weights
 * written back into its original layers) + GlobalAveragePooling2D + the dense head with softmax,
 * saved as `model.json` + `weights.bin` + `labels.json` + `preprocessing.json`, loadable by
 * `tf.loadLayersModel` and usable without Graft: the last file says how pixels must be prepared.
 */
import * as tf from "@tensorflow/tfjs";
import { promises as fsp } from "node:fs";
import path from "node:path";
import type { ConvStep, AffineStep, Step } from "../features/graph";
import { type Preprocessing, preprocessingRange } from "../data/preprocess";
import type { BaseModelSpec } from "../models/spec";
import { fileSaveHandler } from "../models/io";
import type { Head } from "./head";

type Config = Record<string, unknown>;

function bnLayer(model: tf.LayersModel, step: Step): tf.layers.Layer | null {
  for (const name of step.layers) {
    const layer = model.getLayer(name);
    if (layer.getClassName() === "BatchNormalization") return layer;
  }
  return null;
}

/**
 * BN weights that make the layer compute `x·scale + offset` in inference mode: moving mean 0 and
 * moving variance 1 − ε (so √(var + ε) = 1), gamma = scale, beta = offset.
 */
function affineBnWeights(bn: tf.layers.Layer, scale: tf.Tensor1D, offset: tf.Tensor1D): tf.Tensor[] {
  const c = bn.getConfig() as Config;
  const eps = Number(c.epsilon ?? 1e-3);
  const out: tf.Tensor[] = [];
  if (c.scale !== false) out.push(scale);
  if (c.center !== false) out.push(offset);
  out.push(tf.zerosLike(scale), tf.fill(scale.shape, 1 - eps));
  return out;
}

/** Whether a step's bias has somewhere to go in the original layers (conv bias or BN beta). */
export function biasWritable(model: tf.LayersModel, step: ConvStep): boolean {
  const conv = model.getLayer(step.layers[0] as string).getConfig() as Config;
  if (conv.useBias !== false) return true;
  const bn = bnLayer(model, step);
  return bn !== null && (bn.getConfig() as Config).center !== false;
}

/** Whether an affine (stand-alone BN) step can be written back: needs both gamma and beta. */
export function affineWritable(model: tf.LayersModel, step: AffineStep): boolean {
  const c = model.getLayer(step.name).getConfig() as Config;
  return c.scale !== false && c.center !== false;
}

/** Writes folded (possibly fine-tuned) step parameters back into the model's own layers. */
export function writeBackSteps(model: tf.LayersModel, steps: readonly Step[]): void {
  tf.tidy(() => {
    for (const step of steps) {
      if (step.kind === "conv") {
        const conv = model.getLayer(step.layers[0] as string);
        const useBias = (conv.getConfig() as Config).useBias !== false;
        const bn = bnLayer(model, step);
        conv.setWeights(useBias ? [step.kernel, step.bias] : [step.kernel]);
        if (bn !== null) {
          const ones = tf.onesLike(step.bias);
          bn.setWeights(useBias ? affineBnWeights(bn, ones, tf.zerosLike(step.bias)) : affineBnWeights(bn, ones, step.bias));
        }
      } else if (step.kind === "affine") {
        const bn = model.getLayer(step.name);
        bn.setWeights(affineBnWeights(bn, step.scale, step.offset));
      }
    }
  });
}

/** A classifier over a base model, and a way to free what it added without touching the base. */
export interface Classifier {
  model: tf.LayersModel;
  /** Frees the head layers' weights. Never call `model.dispose()`: that would free the base's. */
  disposeHead(): void;
}

/** A full classifier model over `base` (shares its layers) with the head's current weights. */
export function buildClassifier(base: tf.LayersModel, featureLayer: string, head: Head): Classifier {
  const features = base.getLayer(featureLayer).output as tf.SymbolicTensor;
  let x = tf.layers.globalAveragePooling2d({ name: "graft_gap" }).apply(features) as tf.SymbolicTensor;
  const dense: tf.layers.Layer[] = [];
  head.layers.forEach((params, i) => {
    const last = i === head.layers.length - 1;
    if (head.dropout > 0) x = tf.layers.dropout({ rate: head.dropout, name: `graft_dropout_${i}` }).apply(x) as tf.SymbolicTensor;
    const layer = tf.layers.dense({
      units: params.kernel.shape[1] as number,
      activation: last ? "softmax" : head.activation,
      name: last ? "graft_predictions" : `graft_dense_${i}`,
    });
    x = layer.apply(x) as tf.SymbolicTensor;
    dense.push(layer);
  });
  const model = tf.model({ inputs: base.inputs, outputs: x, name: "graft_classifier" });
  dense.forEach((layer, i) => {
    const p = head.layers[i] as Head["layers"][number];
    layer.setWeights([p.kernel, p.bias]);
  });
  // Each new layer was applied once (ref count 1): disposing it frees exactly its own weights.
  return { model, disposeHead: () => dense.forEach((layer) => layer.dispose()) };
}

/**
 * How a checkpoint's input must be prepared, as `preprocessing.json` states it: enough for any
 * TF.js program (or Graft's own "Try it" and Grad-CAM) to feed the model what training fed it.
 */
export interface PreprocessingJson {
  format: "graft-preprocessing/1";
  /** [height, width] of the model's input. */
  inputSize: [number, number];
  channels: 3;
  /** How a photo becomes the input size: the whole image stretched (no crop), bilinear, antialiased when shrinking, EXIF orientation applied, alpha dropped. */
  resize: "stretch-bilinear";
  /** The scaling of 0..255 RGB pixels (core's `Preprocessing`), its formula and its output range. */
  scaling: Preprocessing;
  formula: string;
  pixelRange: [number, number];
  /** The base model and its last feature map (the layer Grad-CAM looks at). */
  baseModel: string;
  featureLayer: string;
}

const FORMULAS: Record<Preprocessing, string> = {
  mobilenet: "x / 127.5 - 1 (RGB)",
  unit: "x / 255 (RGB)",
  caffe: "RGB to BGR, then x - [103.939, 116.779, 123.68]",
  none: "x (RGB, 0..255)",
};

/** The `preprocessing.json` of a classifier over `spec`. */
export function preprocessingJson(spec: Pick<BaseModelSpec, "name" | "inputSize" | "preprocessing" | "featureLayer">): PreprocessingJson {
  return {
    format: "graft-preprocessing/1",
    inputSize: [spec.inputSize, spec.inputSize],
    channels: 3,
    resize: "stretch-bilinear",
    scaling: spec.preprocessing,
    formula: FORMULAS[spec.preprocessing],
    pixelRange: preprocessingRange(spec.preprocessing),
    baseModel: spec.name,
    featureLayer: spec.featureLayer,
  };
}

/**
 * Saves `model`, `labels.json` (a JSON array of class names, in output order) and
 * `preprocessing.json` into `dir`.
 */
export async function saveClassifier(
  model: tf.LayersModel,
  classes: readonly string[],
  dir: string,
  preprocessing: PreprocessingJson,
): Promise<void> {
  await model.save(fileSaveHandler(dir));
  await fsp.writeFile(path.join(dir, "labels.json"), JSON.stringify(classes, null, 2));
  await fsp.writeFile(path.join(dir, "preprocessing.json"), JSON.stringify(preprocessing, null, 2));
}
