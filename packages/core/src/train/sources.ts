/** Batch sources over precomputed per-example arrays (cached features or frozen-part outputs). */
import * as tf from "@tensorflow/tfjs";
import type { BatchSource } from "./loop";

/**
 * Rows of a row-major Float32Array [n, ...itemShape], gathered per batch into a tensor. Kept in JS
 * memory rather than as one big tensor so the wasm heap only ever holds one batch of them.
 */
export function arraySource(data: Float32Array, itemShape: readonly number[], labels: readonly number[]): BatchSource {
  const itemSize = itemShape.reduce((a, b) => a * b, 1);
  if (data.length !== itemSize * labels.length) {
    throw new Error(`arraySource: ${data.length} values for ${labels.length} items of size ${itemSize}`);
  }
  return {
    labels,
    batch: async (indices) => {
      const out = new Float32Array(indices.length * itemSize);
      indices.forEach((i, k) => out.set(data.subarray(i * itemSize, (i + 1) * itemSize), k * itemSize));
      return tf.tensor(out, [indices.length, ...itemShape]);
    },
  };
}
