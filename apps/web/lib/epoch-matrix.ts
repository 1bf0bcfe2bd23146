/**
 * The epoch slider over confusion matrices (run page and Compare): which epochs it offers, and a run
 * as the heatmap draws it at one of them. PURE.
 */
import type { RunData } from "./run-data";

/** Every epoch any of `runs` reported a matrix for, ascending. */
export function matrixEpochs(runs: readonly RunData[]): number[] {
  return [...new Set(runs.flatMap((r) => r.epochMatrices.map((m) => m.epoch)))].sort((a, b) => a - b);
}

/**
 * `run` with its confusion matrix replaced by epoch `epoch`'s, under `labels` (the order the view
 * draws): null keeps the delivered model's evaluation matrix. The matrix is re-indexed from the run's
 * own label order by name; a run with no matrix at that epoch (it stopped earlier) draws none.
 */
export function atEpoch(run: RunData, epoch: number | null, labels: readonly string[]): RunData {
  if (epoch === null) return run;
  const found = run.epochMatrices.find((m) => m.epoch === epoch);
  const own = run.matrixLabels;
  const { confusion: _drawn, ...rest } = run;
  if (!found || !own) return rest;
  const index = labels.map((l) => own.indexOf(l));
  const matrix = index.map((i) => index.map((j) => (i < 0 || j < 0 ? 0 : (found.matrix[i]?.[j] ?? 0))));
  return { ...rest, confusion: { labels: [...labels], matrix } };
}
