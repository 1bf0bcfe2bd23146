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
 * Up to `concurrency` decodes run ahead of the consumer, so memory holds at most one batch plus
 * `concurrency` images, never the whole dataset. A decode failure rejects with the file's path
 * when its turn comes.
 * @throws BadInputError for a non-positive size, batch size or concurrency.
 */
export async function* decodeBatches(
  entries: readonly ImageEntry[],
  options: DecodeBatchesOptions,
): AsyncGenerator<DecodedBatch> {
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
  const inFlight = new Map<number, Promise<Uint8Array>>();
  let started = 0;
  const startUpTo = (limit: number): void => {
    while (started < entries.length && started < limit) {
      const promise = decodeImage((entries[started] as ImageEntry).absPath, size);
      // Mark as handled: if the consumer stops early, a failed read-ahead must not become an
      // unhandled rejection. The original promise still rejects when awaited below.
      promise.catch(() => undefined);
      inFlight.set(started, promise);
      started++;
    }
  };

  for (let begin = 0; begin < entries.length; begin += batchSize) {
    const batch = entries.slice(begin, begin + batchSize);
    const pixels = new Uint8Array(batch.length * imageBytes);
    for (let j = 0; j < batch.length; j++) {
      const i = begin + j;
      startUpTo(i + concurrency);
      const decoded = await (inFlight.get(i) as Promise<Uint8Array>);
      inFlight.delete(i);
      pixels.set(decoded, j * imageBytes);
    }
    yield { entries: batch, pixels };
  }
}
