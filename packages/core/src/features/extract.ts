/**
 * Computes a graph's output for every image of a list, using the on-disk cache for images seen
 * before and decoding only the misses.
 */
import * as tf from "@tensorflow/tfjs";
import path from "node:path";
import { decodeBatches } from "../data/batches";
import { mapConcurrent } from "../data/pool";
import { preprocess, preprocessPixels, type Preprocessing } from "../data/preprocess";
import type { ImageEntry } from "../types";
import { fileSha256 } from "../util/hash";
import { FeatureCache, featureKey } from "./cache";
import type { PooledCompute } from "./workers/pool";

/** Options of {@link extractFeatures}. */
export interface ExtractOptions {
  /** Identity of `compute` for the cache (see `extractorId`). */
  graphId: string;
  inputSize: number;
  preprocessing: Preprocessing;
  /** Preprocessed [n, s, s, 3] → [n, ...itemShape]. Called inside a tidy. */
  compute: (x: tf.Tensor4D) => tf.Tensor;
  /**
   * The same function as `compute`, on worker threads (see `FrozenPartPool.bind`). When given, the
   * main thread only decodes and preprocesses, and keeps up to `pool.workers` batches in flight.
   */
  pool?: PooledCompute;
  /** Shape of one image's output (e.g. [256] pooled, [14, 14, 128] a feature map). */
  itemShape: number[];
  /** Cache root (`<cacheDir>`); outputs go under `<cacheDir>/features/`. null disables caching. */
  cacheDir: string | null;
  batchSize?: number;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** The images' sha256 by absolute path when the caller has them (`imageHashes`): not read again for the cache keys. */
  imageHashes?: ReadonlyMap<string, string>;
}

/** Outputs of all images, row-major [n, ...itemShape], with cache statistics. */
export interface ExtractResult {
  data: Float32Array;
  itemSize: number;
  hits: number;
  misses: number;
  seconds: number;
}

/**
 * Returns `compute(preprocess(image))` for every entry, in order. With a cache dir, each image's
 * output is looked up by sha256(graph id, preprocessing, size, image bytes) and stored after
 * computing; renaming or moving images keeps their cache entries.
 */
export async function extractFeatures(entries: readonly ImageEntry[], options: ExtractOptions): Promise<ExtractResult> {
  const started = performance.now();
  const itemSize = options.itemShape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(entries.length * itemSize);
  const cache = options.cacheDir === null ? null : new FeatureCache(path.join(options.cacheDir, "features"));
  const keys: (string | null)[] =
    cache === null
      ? entries.map(() => null)
      : await mapConcurrent(entries, 8, async (e) =>
          featureKey({
            graphId: options.graphId,
            preprocessing: options.preprocessing,
            inputSize: options.inputSize,
            imageSha256: options.imageHashes?.get(e.absPath) ?? (await fileSha256(e.absPath)),
          }),
        );
  const missing: number[] = [];
  entries.forEach((_, i) => {
    const key = keys[i] ?? null;
    const hit = cache !== null && key !== null ? cache.get(key, itemSize) : null;
    if (hit === null) missing.push(i);
    else data.set(hit, i * itemSize);
  });
  const hits = entries.length - missing.length;
  options.onProgress?.(hits, entries.length);
  let done = hits;
  let offset = 0;
  const size = options.inputSize;
  const batches = decodeBatches(
    missing.map((i) => entries[i] as ImageEntry),
    { size, batchSize: options.batchSize ?? 32, ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }) },
  );
  const store = (values: Float32Array, first: number, n: number): void => {
    for (let k = 0; k < n; k++) {
      const i = missing[first + k] as number;
      const row = values.subarray(k * itemSize, (k + 1) * itemSize);
      data.set(row, i * itemSize);
      const key = keys[i] ?? null;
      if (cache !== null && key !== null) cache.put(key, row);
    }
    done += n;
    options.onProgress?.(done, entries.length);
  };
  const pool = options.pool;
  const inFlight: { result: Promise<Float32Array>; first: number; n: number }[] = [];
  const settleOldest = async (): Promise<void> => {
    const oldest = inFlight.shift();
    if (oldest !== undefined) store(await oldest.result, oldest.first, oldest.n);
  };
  for await (const batch of batches) {
    const n = batch.entries.length;
    if (pool === undefined) {
      const out = tf.tidy(() => {
        const pixels = tf.tensor4d(batch.pixels, [n, size, size, 3], "int32");
        return options.compute(preprocess(pixels, options.preprocessing));
      });
      const values = (await out.data()) as Float32Array;
      out.dispose();
      store(values, offset, n);
    } else {
      // Preprocessing stays on this thread, in plain JS: the same values bit for bit as the tensor
      // op (preprocess.test.ts), without the wasm heap's copy in and read back, which cost ~0.8 ms
      // per image, as much as ONNX Runtime's forward pass of v1 0.25.
      const pixels = preprocessPixels(batch.pixels, options.preprocessing);
      const result = pool.run(pixels, n).then((r) => r.values);
      // Awaited in order below; marked handled so a failure while the next batch decodes is not an unhandled rejection.
      result.catch(() => undefined);
      inFlight.push({ result, first: offset, n });
      if (inFlight.length >= pool.workers) await settleOldest();
    }
    offset += n;
  }
  while (inFlight.length > 0) await settleOldest();
  return { data, itemSize, hits, misses: missing.length, seconds: (performance.now() - started) / 1000 };
}
