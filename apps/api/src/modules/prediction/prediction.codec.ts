/**
 * A run's per-image predictions between the wire (base64 float32), the database row (a float32
 * blob) and the queries that read them. One rule for the predicted class: the argmax of the row,
 * ties to the first label (core's `argmax`, numpy's).
 */
import { argmax } from "@graft/core/metrics";
import { type PredictionsInput } from "@graft/schema/graphql";
import { badInput } from "../../errors";

/** A run's predictions, decoded: `probabilities` is images × labels, row-major. */
export interface StoredPredictions {
  labels: string[];
  files: string[];
  yTrue: number[];
  probabilities: Float32Array;
}

/** The predicted class of image `i`: core's argmax of its row (ties to the first label, NaN never wins). */
export function predictedClass(p: StoredPredictions, i: number): number {
  const k = p.labels.length;
  return argmax(p.probabilities.subarray(i * k, (i + 1) * k));
}

/** float32 little-endian bytes as numbers, as the contract says, on any host and at any Buffer alignment. */
function readFloat32LE(bytes: Buffer): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: Math.floor(bytes.byteLength / 4) }, (_, i) => view.getFloat32(i * 4, true));
}

/** The probability row of image `i`, as numbers. */
export function probabilityRow(p: StoredPredictions, i: number): number[] {
  const k = p.labels.length;
  return Array.from(p.probabilities.subarray(i * k, (i + 1) * k));
}

/**
 * Checks an agent's predictions against the evaluation's labels and returns the blob to store.
 * @throws BAD_USER_INPUT naming the first problem.
 */
export function decodePredictionsInput(
  input: PredictionsInput,
  labels: readonly string[],
): { blob: Buffer; files: string[]; yTrue: number[] } {
  const n = input.files.length;
  const k = labels.length;
  if (input.yTrue.length !== n) {
    throw badInput(
      `evaluation.predictions.yTrue must have one class per file (${n}), received ${input.yTrue.length}`,
      "evaluation.predictions.yTrue",
      input.yTrue.length,
    );
  }
  const seen = new Set<string>();
  const duplicate = input.files.find((f) => seen.size === seen.add(f).size);
  if (duplicate !== undefined) {
    throw badInput(
      `evaluation.predictions.files must name each image once, received ${JSON.stringify(duplicate.slice(0, 200))} twice`,
      "evaluation.predictions.files",
      duplicate.slice(0, 200),
    );
  }
  const bad = input.yTrue.findIndex((y) => !Number.isInteger(y) || y < 0 || y >= k);
  if (bad >= 0) {
    throw badInput(
      `evaluation.predictions.yTrue[${bad}] must be a label index in [0, ${k - 1}], received ${input.yTrue[bad]}`,
      "evaluation.predictions.yTrue",
      input.yTrue[bad],
    );
  }
  const text = input.probabilitiesBase64;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw badInput(
      "evaluation.predictions.probabilitiesBase64 must be base64 (A–Z, a–z, 0–9, +, /, = padding)",
      "evaluation.predictions.probabilitiesBase64",
      text.slice(0, 40),
    );
  }
  const blob = Buffer.from(text, "base64");
  if (blob.length !== n * k * 4) {
    throw badInput(
      `evaluation.predictions.probabilitiesBase64 must hold ${n} × ${k} float32 values (${n * k * 4} bytes), received ${blob.length} bytes`,
      "evaluation.predictions.probabilitiesBase64",
      blob.length,
    );
  }
  const values = readFloat32LE(blob);
  const notFinite = values.findIndex((v) => !Number.isFinite(v) || v < 0 || v > 1);
  if (notFinite >= 0) {
    throw badInput(
      `evaluation.predictions probability ${notFinite} (image ${Math.floor(notFinite / k)}) must be in [0, 1], received ${values[notFinite]}`,
      "evaluation.predictions.probabilitiesBase64",
      values[notFinite],
    );
  }
  return { blob, files: [...input.files], yTrue: [...input.yTrue] };
}

/** The stored row, decoded (the blob is float32 little-endian). */
export function decodeStored(row: { labels: string[]; files: string[]; yTrue: number[]; probabilities: Buffer }): StoredPredictions {
  return { labels: row.labels, files: row.files, yTrue: row.yTrue, probabilities: readFloat32LE(row.probabilities) };
}
