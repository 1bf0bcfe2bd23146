/**
 * Rebuilds, inside a worker, the frozen-base functions `train()` uses on the main thread: the
 * same `loadBaseModel` arguments, the same folded extractor, the same split. Equality with the
 * main thread rests on this: nothing here computes differently, it only runs elsewhere.
 */
import type * as tf from "@tensorflow/tfjs";
import { createFeatureExtractor, type FeatureExtractor } from "../extractor";
import { runGraph } from "../graph";
import { splitGraph } from "../split";
import { loadBaseModel } from "../../models/load";
import type { BaseModelSpec } from "../../models/spec";
import type { FrozenOutput, WorkerBaseSpec } from "./protocol";

/** A loaded base with its folded extractor and the compute functions built so far. */
export interface FrozenPart {
  spec: BaseModelSpec;
  /** Preprocessed [n, s, s, 3] → the requested output. Call inside a tidy. */
  compute(output: FrozenOutput): (x: tf.Tensor4D) => tf.Tensor;
  dispose(): void;
}

function outputKey(output: FrozenOutput): string {
  return output.kind === "pooled" ? "pooled" : `boundary:${output.fineTuneLayers}:${output.boundary}`;
}

/** Loads the base as the main thread did and returns its frozen-part functions. */
export async function loadFrozenPart(base: WorkerBaseSpec): Promise<FrozenPart> {
  const loaded = await loadBaseModel(base.baseModel, {
    ...(base.modelsDir === undefined ? {} : { modelsDir: base.modelsDir }),
    ...(base.cacheDir === undefined ? {} : { cacheDir: base.cacheDir }),
    ...(base.weights === undefined ? {} : { weights: base.weights }),
    ...(base.expectedWeightsSha256 === undefined ? {} : { expectedWeightsSha256: base.expectedWeightsSha256 }),
  });
  const fx: FeatureExtractor = createFeatureExtractor(loaded.model, loaded.spec, { weightsSha256: loaded.weightsSha256 });
  const built = new Map<string, (x: tf.Tensor4D) => tf.Tensor>();
  return {
    spec: loaded.spec,
    compute(output) {
      const key = outputKey(output);
      const existing = built.get(key);
      if (existing !== undefined) return existing;
      let fn: (x: tf.Tensor4D) => tf.Tensor;
      if (output.kind === "pooled") {
        fn = (x) => fx.pooled(x);
      } else {
        if (fx.graph === null) throw new Error("the extractor has no folded graph to split");
        const parts = splitGraph(fx.graph, output.fineTuneLayers);
        if (parts.bottom.output !== output.boundary) {
          throw new Error(
            `split boundary mismatch: the main thread has ${JSON.stringify(output.boundary)}, this worker ${JSON.stringify(parts.bottom.output)}`,
          );
        }
        const bottom = parts.bottom;
        fn = (x) => runGraph(bottom, x);
      }
      built.set(key, fn);
      return fn;
    },
    dispose() {
      fx.dispose();
      loaded.model.dispose();
    },
  };
}
