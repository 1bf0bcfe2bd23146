/** Timing helpers of the bench: warm-up first, then either fixed repetitions or a time budget. */
import type * as tf from "@tensorflow/tfjs";

/** What a timed call returns: a tensor to settle, nothing, or a promise (an engine outside TF.js). */
export type TimedResult = tf.Tensor | null | Promise<unknown>;

/**
 * Waits until a timed call's work is done: a tensor's data is read (the wasm/cpu kernels are done)
 * and the tensor freed; a promise is awaited.
 */
async function settle(out: TimedResult): Promise<void> {
  if (out === null) return;
  if (out instanceof Promise) {
    await out;
    return;
  }
  await out.data();
  out.dispose();
}

/** Images per second of `fn` over `images` images per call: one warm-up call, then `reps` timed calls. */
export async function imagesPerSec(images: number, reps: number, fn: () => tf.Tensor | null): Promise<number> {
  await settle(fn());
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) await settle(fn());
  return (images * reps) / ((performance.now() - t0) / 1000);
}

/** What {@link medianRate} measured. */
export interface RateSample {
  /** Median of the per-call rates, in images (or items) per second. */
  rate: number;
  /** Timed calls. */
  calls: number;
  /** Per-call rates, in call order. */
  rates: number[];
}

/**
 * The median per-call rate of `fn` (one warm-up call first): calls repeat until `minSeconds` have
 * passed and at least `minCalls` were made, at most `maxCalls`. The median rather than the mean, as
 * this machine is shared and a neighbour's burst should not move the figure.
 */
export async function medianRate(
  items: number,
  fn: () => TimedResult,
  options: { minSeconds: number; minCalls: number; maxCalls: number },
): Promise<RateSample> {
  await settle(fn());
  const rates: number[] = [];
  const started = performance.now();
  while (rates.length < options.maxCalls && (rates.length < options.minCalls || performance.now() - started < options.minSeconds * 1000)) {
    const t0 = performance.now();
    await settle(fn());
    rates.push(items / ((performance.now() - t0) / 1000));
  }
  return { rate: median(rates), calls: rates.length, rates };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
