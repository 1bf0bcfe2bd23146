/**
 * Streaming decode of a list of images into fixed-size uint8 batches, with bounded read-ahead.
 */
import os from "node:os";
import { BadInputError } from "../errors";
import type { ImageEntry } from "../types";
import { decodeImage } from "./image";

/** Options of {@link decodeBatches}. */
export interface DecodeBatchesOptions {
  /** Square side every image is resized to (see {@link decodeImage}). */
  size: number;
  batchSize: number;
  /** Images decoded at once; default `os.cpus().length * 2`. */
  concurrency?: number;
}

/** One decoded batch: `pixels` holds `entries.length * size * size * 3` RGB bytes, NHWC. */
export interface DecodedBatch {
  entries: ImageEntry[];
  pixels: Uint8Array;
}

/**
 * Yields the images of `entries` in order, `batchSize` at a time (the last batch may be smaller).
 * `concurrency` decodes stay in flight, also while the consumer works on the batch just yielded
 * (a finished decode starts the next one), so decoding on libuv's threads overlaps the consumer's
 * forward pass on the main thread. Read-ahead stops one batch beyond the current one: memory holds
 * at most two batches, never the whole dataset. A decode failure rejects with the file's path
 * when its turn comes.
 * @throws BadInputError for a non-positive size, batch size or concurrency.
 */
export async function* decodeBatches(entries: readonly ImageEntry[], options: DecodeBatchesOptions): AsyncGenerator<DecodedBatch> {
  const { size, batchSize } = options;
  const concurrency = options.concurrency ?? os.cpus().length * 2;
  for (const [name, value] of [
    ["size", size],
    ["batchSize", batchSize],
    ["concurrency", concurrency],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new BadInputError(`decodeBatches: ${name} must be a positive integer, received ${String(value)}`);
    }
  }
  const imageBytes = size * size * 3;
  const decoded = new Map<number, Promise<Uint8Array>>();
  let started = 0;
  let running = 0;
  /** Decodes may start up to (not including) this index: the end of the batch after the current one. */
  let horizon = 0;
  let stopped = false;
  const launch = (): void => {
    while (!stopped && started < entries.length && started < horizon && running < concurrency) {
      const promise = decodeImage((entries[started] as ImageEntry).absPath, size);
      running++;
      // Also marks the promise handled: if the consumer stops early, a failed read-ahead must not
      // become an unhandled rejection. The original promise still rejects when awaited below.
      const next = (): void => {
        running--;
        launch();
      };
      promise.then(next, next);
      decoded.set(started, promise);
      started++;
    }
  };

  try {
    for (let begin = 0; begin < entries.length; begin += batchSize) {
      const batch = entries.slice(begin, begin + batchSize);
      horizon = begin + 2 * batchSize;
      launch();
      const pixels = new Uint8Array(batch.length * imageBytes);
      for (let j = 0; j < batch.length; j++) {
        const i = begin + j;
        // Started by now: every finished decode before i started another, `concurrency` ≥ 1 ahead.
        const pending = decoded.get(i);
        if (pending === undefined) throw new Error(`decodeBatches: image ${i} was never started`);
        const image = await pending;
        decoded.delete(i);
        pixels.set(image, j * imageBytes);
      }
      yield { entries: batch, pixels };
    }
  } finally {
    // A consumer that stops early (break, error) starts no more decodes.
    stopped = true;
  }
}
