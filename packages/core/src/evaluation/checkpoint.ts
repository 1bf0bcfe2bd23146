/**
 * Evaluating a saved checkpoint on another dataset (field photos beside the lab photos the model
 * learnt from): every image decoded as training decodes, scaled as `preprocessing.json` says,
 * through the checkpoint's LayersModel, scored with the same report as validation. The dataset's
 * classes must be among the model's labels; the report keeps the model's label order, so its
 * matrix lines up with the run's validation matrix.
 */
import * as tf from "@tensorflow/tfjs";
import { promises as fsp } from "node:fs";
import path from "node:path";
import { decodeImage } from "../data/image";
import { type Preprocessing, preprocess } from "../data/preprocess";
import { scanDataset } from "../data/scan";
import { BadInputError } from "../errors";
import { loadLayersModelFromFile } from "../models/io";
import type { EvaluationReport } from "../types";
import { evaluatePredictions } from "./evaluate";

/** Options of {@link evaluateCheckpoint}. */
export interface EvaluateCheckpointOptions {
  /** A checkpoint folder: model.json, weights.bin, labels.json, preprocessing.json. */
  modelDir: string;
  /** A class-folder dataset. */
  dataDir: string;
  /** Images per forward pass (default 32). */
  batchSize?: number;
  onProgress?: (event: { stage: string; done: number; total: number }) => void;
}

async function readJson<T>(file: string): Promise<T> {
  try {
    return JSON.parse(await fsp.readFile(file, "utf8")) as T;
  } catch (cause) {
    throw new BadInputError(`Cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Scores the checkpoint in `modelDir` on every usable image of `dataDir`.
 * @throws BadInputError when a class of the dataset is not one of the model's labels.
 */
export async function evaluateCheckpoint(options: EvaluateCheckpointOptions): Promise<EvaluationReport> {
  const labels = await readJson<string[]>(path.join(options.modelDir, "labels.json"));
  const prep = await readJson<{ inputSize: [number, number]; scaling: Preprocessing }>(path.join(options.modelDir, "preprocessing.json"));
  const index = await scanDataset(options.dataDir);
  const unknown = index.classes.filter((c) => !labels.includes(c));
  if (unknown.length > 0)
    throw new BadInputError(
      `The dataset's class(es) ${JSON.stringify(unknown)} are not among the model's labels ${JSON.stringify(labels)}; rename the folders to match`,
    );
  if (index.images.length === 0) throw new BadInputError(`${options.dataDir} has no usable image`);
  const model = await loadLayersModelFromFile(path.join(options.modelDir, "model.json"));
  const [size] = prep.inputSize;
  const batchSize = options.batchSize ?? 32;
  const probabilities: number[][] = [];
  try {
    for (let start = 0; start < index.images.length; start += batchSize) {
      const batch = index.images.slice(start, start + batchSize);
      const pixels = await Promise.all(batch.map((e) => decodeImage(e.absPath, size)));
      const rows = tf.tidy(() => {
        const x = tf.stack(pixels.map((p) => tf.tensor3d(p, [size, size, 3], "int32"))) as tf.Tensor4D;
        return (model.predict(preprocess(x, prep.scaling)) as tf.Tensor2D).arraySync();
      });
      probabilities.push(...rows);
      options.onProgress?.({ stage: "evaluate", done: Math.min(start + batchSize, index.images.length), total: index.images.length });
    }
  } finally {
    model.dispose();
  }
  return evaluatePredictions({
    labels,
    yTrue: index.images.map((e) => labels.indexOf(index.classes[e.label] as string)),
    probabilities,
    files: index.images.map((e) => e.file),
  });
}
