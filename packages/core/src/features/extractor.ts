/**
 * Feature extractors: a base model truncated at its feature layer, as a pure function of a
 * preprocessed batch. The folded form (BN folded, activations fused) is the default; the plain
 * layer graph stays available as a reference and for the bench.
 */
import * as tf from "@tensorflow/tfjs";
import { createHash } from "node:crypto";
import type { BaseModelSpec } from "../models/spec";
import { disposeGraph, foldModel, runGraph, type FoldedGraph } from "./graph";

/** A base model turned into `x → feature map` at its feature layer. */
export interface FeatureExtractor {
  spec: BaseModelSpec;
  /** Identifies the weights and the graph for the feature cache (model name + weights hash + layer). */
  id: string;
  /** Channels of the feature map = the dimension of the pooled features. */
  dim: number;
  /** The compiled graph (null when built with `fold: false`). */
  graph: FoldedGraph | null;
  /** Preprocessed [n, s, s, 3] → feature map [n, h, w, dim]. Does not dispose `x`. */
  featureMap(x: tf.Tensor4D): tf.Tensor4D;
  /** Preprocessed [n, s, s, 3] → global-average-pooled features [n, dim]. */
  pooled(x: tf.Tensor4D): tf.Tensor2D;
  dispose(): void;
}

/** Options of {@link createFeatureExtractor}. */
export interface FeatureExtractorOptions {
  /** Fold BN and fuse activations (default true); false runs the tf.layers graph. */
  fold?: boolean;
  /** sha256 of the weights, part of the cache id (from `loadBaseModel`). */
  weightsSha256?: string;
}

/** The cache identity of a model's graph up to `layer`. */
export function extractorId(spec: BaseModelSpec, weightsSha256: string, layer: string): string {
  return createHash("sha256")
    .update(JSON.stringify([spec.name, weightsSha256, layer]))
    .digest("hex")
    .slice(0, 32);
}

/**
 * Truncates `base` at `spec.featureLayer` and returns the extractor. With `fold` (default) the
 * graph is compiled by {@link foldModel}; layer types it does not fold run through tf.layers, so
 * the result matches the layer graph for any model.
 */
export function createFeatureExtractor(base: tf.LayersModel, spec: BaseModelSpec, options: FeatureExtractorOptions = {}): FeatureExtractor {
  const id = extractorId(spec, options.weightsSha256 ?? "unknown", spec.featureLayer);
  if (options.fold === false) {
    const layer = base.getLayer(spec.featureLayer);
    const truncated = tf.model({ inputs: base.inputs, outputs: layer.output as tf.SymbolicTensor });
    const shape = layer.outputShape as number[];
    const featureMap = (x: tf.Tensor4D): tf.Tensor4D => truncated.predict(x) as tf.Tensor4D;
    return {
      spec,
      id,
      dim: shape[shape.length - 1] as number,
      graph: null,
      featureMap,
      pooled: (x) => tf.tidy(() => tf.mean(featureMap(x), [1, 2]) as tf.Tensor2D),
      dispose: () => undefined,
    };
  }
  const graph = foldModel(base, spec.featureLayer);
  const shape = base.getLayer(spec.featureLayer).outputShape as number[];
  const featureMap = (x: tf.Tensor4D): tf.Tensor4D => tf.tidy(() => runGraph(graph, x) as tf.Tensor4D);
  return {
    spec,
    id,
    dim: shape[shape.length - 1] as number,
    graph,
    featureMap,
    pooled: (x) => tf.tidy(() => tf.mean(runGraph(graph, x), [1, 2]) as tf.Tensor2D),
    dispose: () => disposeGraph(graph),
  };
}
