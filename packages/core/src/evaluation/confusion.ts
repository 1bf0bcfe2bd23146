/**
 * Confusion matrices: rows are true labels, columns predicted labels (sklearn's convention).
 */
import { BadInputError } from "../errors";

function assertLabel(value: number, numClasses: number, what: string, index: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= numClasses) {
    throw new BadInputError(`${what}[${index}] must be an integer class index in [0, ${numClasses - 1}], received ${String(value)}`);
  }
}

/**
 * Counts `matrix[true][predicted]` over paired labels.
 * @throws BadInputError when the arrays differ in length, `numClasses` is not a positive integer,
 *   or a label is out of range (the message quotes the value and its position).
 */
export function confusionMatrix(yTrue: readonly number[], yPred: readonly number[], numClasses: number): number[][] {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new BadInputError(`numClasses must be a positive integer, received ${String(numClasses)}`);
  }
  if (yTrue.length !== yPred.length) {
    throw new BadInputError(`yTrue and yPred must have the same length, received ${yTrue.length} and ${yPred.length}`);
  }
  const matrix = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i] as number;
    const p = yPred[i] as number;
    assertLabel(t, numClasses, "yTrue", i);
    assertLabel(p, numClasses, "yPred", i);
    (matrix[t] as number[])[p] = ((matrix[t] as number[])[p] as number) + 1;
  }
  return matrix;
}

/**
 * Re-indexes a confusion matrix from its own label order into `unionLabels`, so that runs whose
 * classes differ in order or membership can be compared cell by cell. Labels of `unionLabels`
 * that the run does not have get zero rows and columns.
 * @throws BadInputError when the matrix is not `labels.length` square, labels repeat, or a label
 *   of the run is missing from `unionLabels` (its counts would be silently dropped).
 */
export function alignConfusionMatrix(
  labels: readonly string[],
  matrix: readonly (readonly number[])[],
  unionLabels: readonly string[],
): number[][] {
  const n = labels.length;
  if (matrix.length !== n || matrix.some((row) => row.length !== n)) {
    throw new BadInputError(
      `confusion matrix must be ${n}×${n} for ${n} labels, received ${matrix.length} rows of lengths [${matrix.map((r) => r.length).join(", ")}]`,
    );
  }
  assertUnique(labels, "labels");
  assertUnique(unionLabels, "unionLabels");
  const position = new Map(unionLabels.map((label, i) => [label, i]));
  const missing = labels.filter((label) => !position.has(label));
  if (missing.length > 0) {
    throw new BadInputError(`unionLabels lacks label(s) ${missing.map((l) => `"${l}"`).join(", ")} of the matrix`);
  }
  const out = Array.from({ length: unionLabels.length }, () => new Array<number>(unionLabels.length).fill(0));
  labels.forEach((rowLabel, i) => {
    const r = position.get(rowLabel) as number;
    labels.forEach((colLabel, j) => {
      (out[r] as number[])[position.get(colLabel) as number] = (matrix[i] as readonly number[])[j] as number;
    });
  });
  return out;
}

function assertUnique(labels: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(label)) throw new BadInputError(`${what} must be unique, received "${label}" twice`);
    seen.add(label);
  }
}
