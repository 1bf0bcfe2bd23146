/**
 * The end-of-training evaluation: predictions → confusion matrix, metrics and the worst mistakes.
 */
import { BadInputError } from "../errors";
import type { EvaluationReport, Misclassified } from "../types";
import { confusionMatrix } from "./confusion";
import { classificationReport } from "./report";

/** Inputs of {@link evaluatePredictions}, aligned by index. */
export interface PredictionSet {
  labels: readonly string[];
  /** True class index of each image. */
  yTrue: readonly number[];
  /** One probability row (length `labels.length`) per image, e.g. the softmax output. */
  probabilities: readonly (readonly number[])[];
  /** Relative path of each image, for the misclassified list. */
  files: readonly string[];
}

/** Index of the largest value; ties go to the first, as numpy's argmax. NaN never wins. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    if ((values[i] as number) > (values[best] as number) || Number.isNaN(values[best] as number)) best = i;
  }
  return best;
}

/**
 * Builds the {@link EvaluationReport}: predicted class = argmax of each row, confidence = its
 * probability. Misclassified images are sorted by confidence, most confident mistakes first
 * (ties by file name, so the order is stable).
 * @throws BadInputError when the arrays differ in length or a row has the wrong width.
 */
export function evaluatePredictions(set: PredictionSet): EvaluationReport {
  const { labels, yTrue, probabilities, files } = set;
  if (labels.length === 0) throw new BadInputError("evaluatePredictions needs at least one label, received []");
  if (probabilities.length !== yTrue.length || files.length !== yTrue.length) {
    throw new BadInputError(
      `yTrue, probabilities and files must have the same length, received ${yTrue.length}, ${probabilities.length} and ${files.length}`,
    );
  }
  const yPred = probabilities.map((row, i) => {
    if (row.length !== labels.length) {
      throw new BadInputError(`probabilities[${i}] must have ${labels.length} values (one per label), received ${row.length}`);
    }
    return argmax(row);
  });
  const matrix = confusionMatrix(yTrue, yPred, labels.length);
  const report = classificationReport(matrix, labels);
  const misclassified: Misclassified[] = [];
  yPred.forEach((pred, i) => {
    const truth = yTrue[i] as number;
    if (pred === truth) return;
    misclassified.push({
      file: files[i] as string,
      trueLabel: labels[truth] as string,
      predictedLabel: labels[pred] as string,
      confidence: (probabilities[i] as readonly number[])[pred] as number,
    });
  });
  misclassified.sort((a, b) => b.confidence - a.confidence || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const k = labels.length;
  const flat = new Float32Array(yTrue.length * k);
  probabilities.forEach((row, i) => flat.set(row, i * k));
  const predictions = { files: [...files], yTrue: [...yTrue], probabilities: flat };
  return { labels: [...labels], confusionMatrix: matrix, ...report, misclassified, predictions };
}
