/**
 * The custom epoch loop shared by both phases: seeded shuffling, one optimizer step per batch,
 * validation after each epoch, Keras-style callbacks and Graft's hooks.
 */
import * as tf from "@tensorflow/tfjs";
import type { CallbackList, EpochLogs, TrainingContext } from "../callbacks/callback";
import type { EpochRecord, Phase, TrainHooks } from "../types";
import { shuffled, type Rng } from "../util/random";
import { confusionMatrix } from "../evaluation/confusion";
import { argmax } from "../evaluation/evaluate";

/** A list of examples whose model inputs are produced a batch at a time. */
export interface BatchSource {
  labels: readonly number[];
  /** Model input for the examples at `indices` (caller disposes). */
  batch(indices: readonly number[]): Promise<tf.Tensor>;
}

/** Options of {@link runEpochs}. */
export interface LoopOptions {
  phase: Phase;
  /** 1-based number of the first epoch (numbering continues across phases). */
  firstEpoch: number;
  epochs: number;
  batchSize: number;
  numClasses: number;
  /** Keras' `label_smoothing` of the categorical cross-entropy: targets (1 − ε)·one-hot + ε/classes. */
  labelSmoothing: number;
  train: BatchSource;
  validation: BatchSource;
  /** Logits for a batch; `seed` drives dropout masks. */
  forward(x: tf.Tensor, training: boolean, seed: number): tf.Tensor2D;
  variables: tf.Variable[];
  optimizer: tf.Optimizer;
  rng: Rng;
  callbacks: CallbackList;
  context: TrainingContext;
  hooks: TrainHooks;
  /**
   * Receives each epoch's validation probabilities (one row per validation example, in order)
   * before the callbacks run, i.e. exactly what the weights a ModelCheckpoint may then save predict.
   */
  onValidated?: (epoch: number, probabilities: number[][]) => void;
}

/** Why the loop ended early, if it did. */
export interface LoopResult {
  records: EpochRecord[];
  stoppedReason: string | null;
}

/** Loss, accuracy and the probability rows of a whole source, in inference mode. */
export async function evaluateSource(
  source: BatchSource,
  numClasses: number,
  batchSize: number,
  forward: LoopOptions["forward"],
  labelSmoothing: number,
): Promise<{ loss: number; accuracy: number; probabilities: number[][] }> {
  const n = source.labels.length;
  let lossSum = 0;
  let correct = 0;
  const probabilities: number[][] = [];
  for (let start = 0; start < n; start += batchSize) {
    const idx = Array.from({ length: Math.min(batchSize, n - start) }, (_, k) => start + k);
    const x = await source.batch(idx);
    const [loss, probs] = tf.tidy(() => {
      const logits = forward(x, false, 0);
      const y = tf.oneHot(
        tf.tensor1d(
          idx.map((i) => source.labels[i] as number),
          "int32",
        ),
        numClasses,
      );
      // The loss training minimises, smoothing included, as Keras reports val_loss.
      return [tf.losses.softmaxCrossEntropy(y, logits, undefined, labelSmoothing, tf.Reduction.SUM), tf.softmax(logits)];
    });
    x.dispose();
    lossSum += (await loss.data())[0] as number;
    const rows = (await probs.array()) as number[][];
    tf.dispose([loss, probs]);
    rows.forEach((row, k) => {
      probabilities.push(row);
      const best = row.indexOf(Math.max(...row));
      if (best === source.labels[idx[k] as number]) correct++;
    });
  }
  return { loss: lossSum / n, accuracy: correct / n, probabilities };
}

/** Runs `epochs` epochs (fewer when a callback or `hooks.shouldStop` stops the run). */
export async function runEpochs(o: LoopOptions): Promise<LoopResult> {
  const records: EpochRecord[] = [];
  const n = o.train.labels.length;
  const all = Array.from({ length: n }, (_, i) => i);
  for (let e = 0; e < o.epochs; e++) {
    const epoch = o.firstEpoch + e;
    const started = performance.now();
    await o.callbacks.onEpochBegin(epoch - 1);
    const order = shuffled(all, o.rng);
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < n; start += o.batchSize) {
      const idx = order.slice(start, start + o.batchSize);
      const x = await o.train.batch(idx);
      const seed = Math.floor(o.rng() * 2 ** 31);
      const yIdx = tf.tensor1d(
        idx.map((i) => o.train.labels[i] as number),
        "int32",
      );
      const kept: { hits: tf.Tensor | null } = { hits: null };
      const loss = o.optimizer.minimize(
        () => {
          const logits = o.forward(x, true, seed);
          // Kept out of the tidy so the batch accuracy needs no second forward pass.
          kept.hits = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), yIdx), "int32")));
          return tf.losses.softmaxCrossEntropy(tf.oneHot(yIdx, o.numClasses), logits, undefined, o.labelSmoothing) as tf.Scalar;
        },
        true,
        o.variables,
      );
      if (loss !== null) lossSum += ((await loss.data())[0] as number) * idx.length;
      if (kept.hits !== null) correct += (await kept.hits.data())[0] as number;
      tf.dispose([x, yIdx]);
      tf.dispose(kept.hits ?? []);
      tf.dispose(loss ?? []);
    }
    const val = await evaluateSource(o.validation, o.numClasses, Math.max(o.batchSize, 64), o.forward, o.labelSmoothing);
    o.onValidated?.(epoch, val.probabilities);
    const durationMs = performance.now() - started;
    const logs: EpochLogs = {
      loss: lossSum / n,
      accuracy: correct / n,
      val_loss: val.loss,
      val_accuracy: val.accuracy,
      lr: o.context.getLearningRate(),
    };
    const record: EpochRecord = {
      epoch,
      phase: o.phase,
      loss: lossSum / n,
      accuracy: correct / n,
      valLoss: val.loss,
      valAccuracy: val.accuracy,
      learningRate: o.context.getLearningRate(),
      durationMs,
      imagesPerSec: n / (durationMs / 1000),
      // This epoch's weights on the validation images (no extra pass: the probabilities above).
      confusionMatrix:
        o.validation.labels.length === 0 ? null : confusionMatrix(o.validation.labels, val.probabilities.map(argmax), o.numClasses),
    };
    await o.callbacks.onEpochEnd(epoch - 1, logs);
    records.push(record);
    await o.hooks.onEpoch?.(record);
    const reason = (await o.hooks.shouldStop?.()) ?? null;
    if (reason !== null) return { records, stoppedReason: reason };
    if (o.context.stopTraining) return { records, stoppedReason: "early_stopping" };
  }
  return { records, stoppedReason: null };
}
