/** A sample's centre and spread, as every "mean ± std (n)" Graft shows is computed. */

/** Mean, sample standard deviation (n − 1) and count of the finite values; the rest are dropped. */
export interface MeanStd {
  /** Null when no value is finite. */
  mean: number | null;
  /** Null below two finite values. */
  std: number | null;
  n: number;
}

/** Mean and sample standard deviation (n − 1) of the finite values of `values`. */
export function meanStd(values: readonly (number | null | undefined)[]): MeanStd {
  const xs = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: null, std: null, n };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const std = n < 2 ? null : Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  return { mean, std, n };
}
