import { performance } from "node:perf_hooks";

/** p50/p95 and mean of a latency sample, in ms. */
export interface Timing {
  p50: number;
  p95: number;
  mean: number;
}

/** The `p`th percentile of an ascending sample (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Runs `fn` `n` times one after another and times each call. */
export async function timeIt(n: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), mean: times.reduce((a, b) => a + b, 0) / n };
}

/** The median item by `key` (the upper one of an even count). */
export function median<T>(items: readonly T[], key: (t: T) => number): T {
  return [...items].sort((x, y) => key(x) - key(y))[Math.floor(items.length / 2)] as T;
}

export const fmtMs = (ms: number) => `${ms.toFixed(1)} ms`;
export const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
