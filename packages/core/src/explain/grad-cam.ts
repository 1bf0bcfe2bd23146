/**
 * Grad-CAM (Selvaraju et al., 2017) for Graft's classifiers: which places of the base's last
 * feature map raised a class's score. The weight of each feature channel is the spatial mean of
 * the gradient of the class's logit with respect to it; the map is the ReLU of the weighted sum of
 * the channels, scaled to [0, 1]. Pure TF.js (no Node modules): the dashboard runs it in the
 * browser on the run's checkpoint, and tests run it in Node.
 */
import * as tf from "@tensorflow/tfjs";
import { BadInputError } from "../errors";

/** Head layers Grad-CAM can differentiate through, in the order a Graft head applies them. */
const HEAD_CLASSES = new Set(["GlobalAveragePooling2D", "Dropout", "Dense", "Flatten"]);

/** A classifier cut at its last feature map: the base up to it, and the head layers after it. */
export interface CamModel {
  /** The input up to the feature map `[1, h, w, c]`. */
  features: tf.LayersModel;
  /** The layers after the feature map, in order; the last is the Dense that gives the classes. */
  head: tf.layers.Layer[];
}

/**
 * Cuts `model` at `featureLayer` (a checkpoint's `preprocessing.json` names it). The layers after
 * it must form a chain of GlobalAveragePooling2D / Dropout / Dense, as Graft's head does.
 * @throws BadInputError naming the layer that is missing or that Grad-CAM cannot go through.
 */
export function camModel(model: tf.LayersModel, featureLayer: string): CamModel {
  const index = model.layers.findIndex((l) => l.name === featureLayer);
  if (index < 0) throw new BadInputError(`The model has no layer ${JSON.stringify(featureLayer)} to take Grad-CAM at`);
  const head = model.layers.slice(index + 1);
  const odd = head.find((l) => !HEAD_CLASSES.has(l.getClassName()));
  if (odd)
    throw new BadInputError(`Grad-CAM cannot go through layer ${JSON.stringify(odd.name)} (${odd.getClassName()}) after the feature map`);
  const last = head.at(-1);
  if (!last || last.getClassName() !== "Dense") throw new BadInputError("The model does not end in a Dense layer after its feature map");
  const output = model.getLayer(featureLayer).output as tf.SymbolicTensor;
  return { features: tf.model({ inputs: model.inputs, outputs: output }), head };
}

/** The class logits of feature maps `a`: the head applied eagerly, the last Dense without its softmax. */
function logits(cam: CamModel, a: tf.Tensor): tf.Tensor2D {
  let x = a;
  cam.head.forEach((layer, i) => {
    if (i < cam.head.length - 1) {
      x = layer.apply(x, { training: false }) as tf.Tensor;
      return;
    }
    const [kernel, bias] = layer.getWeights();
    x = tf.matMul(x as tf.Tensor2D, kernel as tf.Tensor2D);
    if (bias) x = tf.add(x, bias);
  });
  return x as tf.Tensor2D;
}

/** One image's Grad-CAM and the class probabilities it came with. */
export interface GradCam {
  /** Rows × columns of the feature map, each in [0, 1] (all 0 when nothing raised the class). */
  heatmap: number[][];
  /** The class the map is for. */
  classIndex: number;
  /** Softmax of the logits, one per class. */
  probabilities: number[];
}

/**
 * Grad-CAM of one preprocessed image `[1, H, W, 3]` for `classIndex` (default: the predicted
 * class). Disposes every tensor it makes.
 */
export function gradCam(cam: CamModel, input: tf.Tensor4D, classIndex?: number): GradCam {
  if (input.shape[0] !== 1) throw new BadInputError(`gradCam takes one image [1, H, W, 3]; received shape [${input.shape.join(", ")}]`);
  return tf.tidy(() => {
    const a = cam.features.predict(input) as tf.Tensor4D;
    const z = logits(cam, a);
    const probabilities = Array.from(tf.softmax(z).dataSync());
    const target = classIndex ?? probabilities.indexOf(Math.max(...probabilities));
    if (!Number.isInteger(target) || target < 0 || target >= probabilities.length)
      throw new BadInputError(`classIndex must be in [0, ${probabilities.length - 1}]; received ${String(classIndex)}`);
    // The target logit as a masked sum: gather's gradient needs UnsortedSegmentSum, which wasm lacks.
    const mask = tf.oneHot([target], probabilities.length).toFloat();
    const grads = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(logits(cam, x), mask)))(a);
    const alpha = tf.mean(grads, [1, 2], true);
    const map = tf.relu(tf.sum(tf.mul(a, alpha), -1)).squeeze([0]) as tf.Tensor2D;
    const max = map.max().dataSync()[0] ?? 0;
    const scaled = max > 0 ? map.div(max) : map;
    return { heatmap: scaled.arraySync() as number[][], classIndex: target, probabilities };
  });
}

/** Where a heatmap peaks: its row and column (the first maximum in reading order). */
export function heatmapPeak(heatmap: readonly (readonly number[])[]): { row: number; column: number } {
  let best = { row: 0, column: 0, value: -Infinity };
  heatmap.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value > best.value) best = { row: r, column: c, value };
    }),
  );
  return { row: best.row, column: best.column };
}
