/**
 * Training batches with augmentation: augmented inputs change every epoch, so their features
 * cannot be cached. Pixels are decoded once (uint8, in JS memory), then each batch is augmented,
 * preprocessed and passed through the frozen part on the fly.
 */
import * as tf from "@tensorflow/tfjs";
import { augmentBatch, augmentHostBatch, usesHostMemory } from "../augment/augment";
import { decodeBatches } from "../data/batches";
import { preprocess, preprocessPixels, type Preprocessing } from "../data/preprocess";
import type { PooledCompute } from "../features/workers/pool";
import type { AugmentationOp, ImageEntry } from "../types";
import type { Rng } from "../util/random";
import type { BatchSource } from "./loop";

/** Options of {@link augmentedSource}. */
export interface AugmentedSourceOptions {
  inputSize: number;
  preprocessing: Preprocessing;
  ops: readonly AugmentationOp[];
  /** The run's RNG: augmentation draws from it, so runs stay reproducible. */
  rng: Rng;
  /** Frozen part applied to the preprocessed, augmented batch (pooled features or a boundary map). */
  compute: (x: tf.Tensor4D) => tf.Tensor;
  /**
   * The same frozen part on worker threads: the batch is still augmented here (the RNG is drawn
   * in the same order), then its preprocessed pixels are split across the workers.
   */
  pool?: PooledCompute;
}

/** Decodes `entries` once and returns a source that augments every batch it serves. */
export async function augmentedSource(entries: readonly ImageEntry[], o: AugmentedSourceOptions): Promise<BatchSource> {
  const s = o.inputSize;
  const imageBytes = s * s * 3;
  const pixels = new Uint8Array(entries.length * imageBytes);
  let offset = 0;
  for await (const batch of decodeBatches(entries, { size: s, batchSize: 32 })) {
    pixels.set(batch.pixels, offset);
    offset += batch.pixels.length;
  }
  return {
    labels: entries.map((e) => e.label),
    batch: async (indices) => {
      const raw = new Uint8Array(indices.length * imageBytes);
      indices.forEach((i, k) => raw.set(pixels.subarray(i * imageBytes, (i + 1) * imageBytes), k * imageBytes));
      const pool = o.pool;
      if (pool === undefined) {
        return tf.tidy(() => {
          const images = tf.tensor4d(raw, [indices.length, s, s, 3], "int32").toFloat();
          const augmented = augmentBatch(images, o.ops, o.rng);
          return o.compute(preprocess(augmented, o.preprocessing));
        });
      }
      const shape = [indices.length, s, s, 3] as const;
      let prepared: Float32Array;
      if (usesHostMemory()) {
        // The same images as the tensor path, without the wasm heap round trips (≈1 ms an image):
        // the pixels go straight from the decoded bytes to the pool's engine.
        prepared = preprocessPixels(augmentHostBatch(new Float32Array(raw), shape, o.ops, o.rng), o.preprocessing);
      } else {
        const x = tf.tidy(() => preprocess(augmentBatch(tf.tensor4d(raw, [...shape], "int32").toFloat(), o.ops, o.rng), o.preprocessing));
        prepared = (await x.data()) as Float32Array;
        x.dispose();
      }
      const out = await pool.run(prepared, indices.length);
      return tf.tensor(out.values, out.shape);
    },
  };
}
