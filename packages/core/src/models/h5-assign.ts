/**
 * Assigns Keras HDF5 weights to a TF.js LayersModel by layer name, as Keras
 * `model.load_weights(path, by_name=True, skip_mismatch=False)` does: every shape must match, and
 * within a layer each file weight goes to the model weight with the same last name component
 * (`kernel`, `bias`, `gamma`, `beta`, `moving_mean`, `moving_variance`, `depthwise_kernel`), not
 * to the one at the same position.
 */
import * as tf from "@tensorflow/tfjs";
import { BadInputError } from "../errors";
import type { H5Layer, H5Weight } from "./h5-read";

/** A model weight as the planner sees it (so it can be tested without TF.js models). */
export interface TargetWeight {
  /** The variable's name, e.g. `conv1_bn/gamma` (TF.js `originalName`, without the `_1` suffix). */
  name: string;
  shape: readonly (number | null)[];
}

/** A model layer as the planner sees it: name and weights in the layer's own order. */
export interface TargetLayer {
  name: string;
  weights: readonly TargetWeight[];
}

/** What {@link planH5Assignment} decided. */
export interface H5AssignmentPlan {
  /** Model layers that get weights from the file, each with the file weights in the layer's order. */
  assigned: Array<{ layer: string; weights: H5Weight[] }>;
  /** Weightless layers of the file the model does not have (e.g. a pooling layer of a no-top file). */
  ignoredFileLayers: string[];
  /** Model layers with weights past the feature layer that the file lacks: they keep their weights. */
  keptModelLayers: string[];
}

/** `conv1_bn/gamma:0` → `gamma`; `model_1/conv1/kernel` → `kernel`. */
export function weightSuffix(name: string): string {
  return name.replace(/:\d+$/, "").split("/").at(-1) ?? name;
}

const shapeText = (s: readonly (number | null)[]): string => `[${s.join(", ")}]`;

/** Orders one layer's file weights like the model layer's weights, checking names and shapes. */
function matchLayer(target: TargetLayer, source: H5Layer, file: string): H5Weight[] {
  const where = `layer ${JSON.stringify(target.name)} of weights file ${JSON.stringify(file)}`;
  if (source.weights.length !== target.weights.length) {
    throw new BadInputError(
      `${where}: the model layer has ${target.weights.length} weights (${target.weights.map((w) => weightSuffix(w.name)).join(", ") || "none"}), the file has ${source.weights.length} (${source.weights.map((w) => weightSuffix(w.name)).join(", ") || "none"})`,
    );
  }
  const bySuffix = new Map<string, H5Weight>();
  for (const w of source.weights) {
    const suffix = weightSuffix(w.name);
    if (bySuffix.has(suffix)) throw new BadInputError(`${where}: two weights named ${JSON.stringify(suffix)}`);
    bySuffix.set(suffix, w);
  }
  return target.weights.map((tw) => {
    const suffix = weightSuffix(tw.name);
    const w = bySuffix.get(suffix);
    if (w === undefined) {
      throw new BadInputError(
        `${where}: the model expects a weight ${JSON.stringify(suffix)}, the file has ${JSON.stringify(source.weights.map((x) => x.name))}`,
      );
    }
    const same = w.shape.length === tw.shape.length && w.shape.every((d, i) => d === tw.shape[i]);
    if (!same)
      throw new BadInputError(
        `${where}: shape mismatch for ${JSON.stringify(suffix)}: the model expects ${shapeText(tw.shape)}, the file has ${shapeText(w.shape)}`,
      );
    return w;
  });
}

/**
 * Plans the assignment of `fileLayers` to `modelLayers` (in topological order). Layers up to and
 * including `featureLayer` that have weights must all be in the file; later ones may be absent (a
 * no-top file). A file layer with weights that the model lacks means the file is for another
 * architecture, so it is an error too (nothing is skipped silently).
 * @throws BadInputError naming the layers, weights and shapes that do not fit.
 */
export function planH5Assignment(
  fileLayers: readonly H5Layer[],
  modelLayers: readonly TargetLayer[],
  featureLayer: string,
  file: string,
): H5AssignmentPlan {
  const featureIndex = modelLayers.findIndex((l) => l.name === featureLayer);
  if (featureIndex < 0) throw new BadInputError(`Feature layer ${JSON.stringify(featureLayer)} is not a layer of the model`);
  const fileByName = new Map(fileLayers.map((l) => [l.name, l]));
  const modelNames = new Set(modelLayers.map((l) => l.name));

  const foreign = fileLayers.filter((l) => !modelNames.has(l.name));
  const foreignWithWeights = foreign.filter((l) => l.weights.length > 0).map((l) => l.name);
  if (foreignWithWeights.length > 0) {
    throw new BadInputError(
      `Weights file ${JSON.stringify(file)} has layers with weights that the model does not have: ${foreignWithWeights.join(", ")}`,
    );
  }
  const missing = modelLayers
    .slice(0, featureIndex + 1)
    .filter((l) => l.weights.length > 0 && (fileByName.get(l.name)?.weights.length ?? 0) === 0);
  if (missing.length > 0) {
    throw new BadInputError(
      `Weights file ${JSON.stringify(file)} lacks weights for model layers up to ${JSON.stringify(featureLayer)}: ${missing.map((l) => l.name).join(", ")}`,
    );
  }
  const assigned: H5AssignmentPlan["assigned"] = [];
  const keptModelLayers: string[] = [];
  for (const target of modelLayers) {
    const source = fileByName.get(target.name);
    if (source === undefined) {
      if (target.weights.length > 0) keptModelLayers.push(target.name);
      continue;
    }
    if (source.weights.length === 0 && target.weights.length === 0) continue;
    assigned.push({ layer: target.name, weights: matchLayer(target, source, file) });
  }
  return { assigned, ignoredFileLayers: foreign.map((l) => l.name), keptModelLayers };
}

/** What {@link applyH5Weights} did, for logs and tests. */
export interface H5LoadReport extends H5AssignmentPlan {
  /** Number of tensors written into the model. */
  tensors: number;
}

/**
 * Writes Keras weights into `model` by layer name (see {@link planH5Assignment}); nothing is
 * written unless the whole plan checks out.
 */
export function applyH5Weights(model: tf.LayersModel, fileLayers: readonly H5Layer[], featureLayer: string, file: string): H5LoadReport {
  const targets: TargetLayer[] = model.layers.map((l) => ({
    name: l.name,
    weights: l.weights.map((w) => ({ name: w.originalName, shape: w.shape })),
  }));
  const plan = planH5Assignment(fileLayers, targets, featureLayer, file);
  let tensors = 0;
  for (const { layer, weights } of plan.assigned) {
    const values = weights.map((w) => tf.tensor(w.values, w.shape, "float32"));
    try {
      model.getLayer(layer).setWeights(values);
    } finally {
      // setWeights copies into the layer's variables, so the temporaries can go.
      tf.dispose(values);
    }
    tensors += values.length;
  }
  return { ...plan, tensors };
}
