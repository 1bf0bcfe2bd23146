/**
 * Per-class precision/recall/F1 from a confusion matrix, with scikit-learn's definitions.
 */
import { BadInputError } from "../errors";
import type { ClassMetrics } from "../types";

/** What {@link classificationReport} returns. */
export interface ClassificationReport {
  perClass: ClassMetrics[];
  /** Correct / total; 0 for an empty matrix. */
  accuracy: number;
  /** Unweighted mean of the per-class F1 over all labels given. */
  macroF1: number;
  /** Mean of the per-class F1 weighted by support; 0 when there is no support at all. */
  weightedF1: number;
}

/** `a / b`, or 0 when `b` is 0: sklearn's `zero_division=0`. */
function safeDivide(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * sklearn `classification_report(..., labels=range(k), zero_division=0)` semantics:
 * precision = TP / predicted, recall = TP / support, F1 = harmonic mean (0 when both are 0), any
 * 0/0 is 0. Every label counts in the macro average, including one with no support and no
 * predictions (it scores 0), because the label set is the model's, not the sample's.
 * @throws BadInputError when the matrix is not square with one row per label.
 */
export function classificationReport(matrix: readonly (readonly number[])[], labels: readonly string[]): ClassificationReport {
  const k = labels.length;
  if (k === 0 || matrix.length !== k || matrix.some((row) => row.length !== k)) {
    throw new BadInputError(`confusion matrix must be ${k}×${k} for ${k} labels, received ${matrix.length} rows`);
  }
  let total = 0;
  let correct = 0;
  const perClass: ClassMetrics[] = labels.map((label, c) => {
    const row = matrix[c] as readonly number[];
    const tp = row[c] as number;
    const support = row.reduce((sum, v) => sum + v, 0);
    const predicted = matrix.reduce((sum, r) => sum + (r[c] as number), 0);
    total += support;
    correct += tp;
    const precision = safeDivide(tp, predicted);
    const recall = safeDivide(tp, support);
    const f1 = safeDivide(2 * precision * recall, precision + recall);
    return { label, precision, recall, f1, support };
  });
  const macroF1 = perClass.reduce((sum, m) => sum + m.f1, 0) / k;
  const weightedF1 = safeDivide(
    perClass.reduce((sum, m) => sum + m.f1 * m.support, 0),
    total,
  );
  return { perClass, accuracy: safeDivide(correct, total), macroF1, weightedF1 };
}
