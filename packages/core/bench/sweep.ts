/**
 * The cached sweep against the plain Keras way: 8 head configurations × 10 epochs on the 720
 * plant-leaves photos with MobileNet v1 0.25.
 *
 * - cached: 8 `train()` calls sharing one feature cache that starts empty (the first run computes
 *   every image's features, the other 7 read them), as an agent works through a sweep;
 * - plain: Keras' `base.trainable = False` + `model.fit`: the frozen base runs forward on every
 *   training batch and every validation image in every epoch. Pixels are decoded once and kept in
 *   memory (Keras with `dataset.cache()` on decoded images), which favours the plain way.
 *
 * Both use the same split, seeds, head and epoch loop, so they must reach the same metrics; the
 * result says whether they did.
 */
import * as tf from "@tensorflow/tfjs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { selectBackend } from "../src/backend/select";
import { CallbackList, type TrainingContext } from "../src/callbacks/callback";
import { decodeBatches } from "../src/data/batches";
import { preprocess } from "../src/data/preprocess";
import { scanDataset } from "../src/data/scan";
import { splitDataset } from "../src/data/split";
import { createFeatureExtractor } from "../src/features/extractor";
import { loadBaseModel } from "../src/models/load";
import { defaultTrainConfig } from "../src/train/config";
import { createHead, disposeHead, headLogits, headVariables } from "../src/train/head";
import { runEpochs, type BatchSource } from "../src/train/loop";
import { createOptimizer, getLearningRate, setLearningRate } from "../src/train/optimizer";
import { train } from "../src/train/train";
import type { EpochRecord, ImageEntry, TrainConfig } from "../src/types";
import { createRng } from "../src/util/random";
import { median } from "./timing";

/** The sweep's base model. */
export const SWEEP_BASE = "mobilenet_v1_0.25_224";
/** Epochs per configuration. */
export const SWEEP_EPOCHS = 10;

/** 4 head shapes × 2 learning rates, everything else at the defaults (seed 42, batch 32, split 0.2). */
export const SWEEP_CONFIGS: readonly TrainConfig[] = [[64], [128], [256], [128, 64]].flatMap((headUnits) =>
  [1e-3, 3e-3].map((learningRate) => defaultTrainConfig({ baseModel: SWEEP_BASE, headUnits, learningRate, epochs: SWEEP_EPOCHS })),
);

/** How much of the plain sweep to run: all of it, or a sample that is then scaled up (`--quick`). */
export interface PlainSample {
  configs: number;
  epochs: number;
}

/** What {@link measureCachedSweep} returns (the JSON's `cachedSweep`). */
export interface SweepResult {
  configs: number;
  epochsPerConfig: number;
  images: number;
  cachedSeconds: number;
  /** Feature cache of the cached sweep, summed over its runs. */
  cachedFeatureCache: { hits: number; misses: number };
  plainSeconds: number;
  /** True when `plainSeconds` was scaled up from a sample (then `plainMeasured` says which). */
  extrapolated: boolean;
  plainMeasured: string;
  speedup: number;
  /** Whether every epoch the plain sweep ran had the cached sweep's val_loss and val_accuracy. */
  sameMetrics: boolean;
  /** Median images per second of a cached run's head epochs (train images over the epoch's wall time, validation included). */
  headImagesPerSecond: number;
  /** The same for the plain sweep's epochs (base forward included). */
  plainEpochImagesPerSecond: number;
}

/** 8 `train()` runs over one initially empty feature cache. */
async function cachedSweep(
  dataDir: string,
  modelsDir: string,
  groupBy: { manifest: string; column: string },
): Promise<{ seconds: number; records: EpochRecord[][]; hits: number; misses: number }> {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "graft-bench-sweep-"));
  try {
    const records: EpochRecord[][] = [];
    let hits = 0;
    let misses = 0;
    const started = performance.now();
    for (const config of SWEEP_CONFIGS) {
      const result = await train({ dataDir, config, groupBy, backend: "wasm", modelsDir, cacheDir });
      records.push(result.epochs);
      hits += result.featureCache.hits;
      misses += result.featureCache.misses;
    }
    return { seconds: (performance.now() - started) / 1000, records, hits, misses };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Base forward on the decoded pixels of `rows` for every batch asked for: no cache of any output. */
function pixelSource(
  pixels: Uint8Array,
  rows: readonly number[],
  labels: readonly number[],
  size: number,
  compute: (x: tf.Tensor4D) => tf.Tensor,
): BatchSource {
  const imageBytes = size * size * 3;
  return {
    labels,
    batch: async (indices) => {
      const raw = new Uint8Array(indices.length * imageBytes);
      indices.forEach((i, k) => {
        const row = rows[i] as number;
        raw.set(pixels.subarray(row * imageBytes, (row + 1) * imageBytes), k * imageBytes);
      });
      return tf.tidy(() => compute(preprocess(tf.tensor4d(raw, [indices.length, size, size, 3], "int32"), "mobilenet")));
    },
  };
}

/** The same sweep the plain Keras way (or a sample of it); returns the time of what it ran. */
async function plainSweep(
  dataDir: string,
  modelsDir: string,
  groupBy: { manifest: string; column: string },
  sample: PlainSample,
): Promise<{ fixedSeconds: number; configSeconds: number; records: EpochRecord[][]; images: number }> {
  const started = performance.now();
  await selectBackend("wasm");
  const index = await scanDataset(dataDir, { manifest: { path: groupBy.manifest, column: groupBy.column } });
  const { model, spec } = await loadBaseModel(SWEEP_BASE, { modelsDir });
  const fx = createFeatureExtractor(model, spec);
  const size = spec.inputSize;
  const pixels = new Uint8Array(index.images.length * size * size * 3);
  let offset = 0;
  for await (const batch of decodeBatches(index.images, { size, batchSize: 32 })) {
    pixels.set(batch.pixels, offset);
    offset += batch.pixels.length;
  }
  const fixedSeconds = (performance.now() - started) / 1000;
  const row = new Map(index.images.map((e, i) => [e.file, i]));
  const rowsOf = (entries: readonly ImageEntry[]): number[] => entries.map((e) => row.get(e.file) as number);
  const records: EpochRecord[][] = [];
  const configStart = performance.now();
  try {
    for (const config of SWEEP_CONFIGS.slice(0, sample.configs)) {
      // What train() does for the head phase, with the base in the loop instead of the cache.
      const split = splitDataset(index, { validationSplit: config.validationSplit, seed: config.seed, byGroup: true });
      const rng = createRng(config.seed);
      const head = createHead(fx.dim, config.headUnits, index.classes.length, config, rng);
      const optimizer = createOptimizer(config.optimizer, config.learningRate);
      const context: TrainingContext = {
        getLearningRate: () => getLearningRate(optimizer),
        setLearningRate: (lr) => setLearningRate(optimizer, lr),
        getWeights: () => null,
        setWeights: () => undefined,
        save: async () => undefined,
        stopTraining: false,
      };
      const compute = (x: tf.Tensor4D): tf.Tensor => fx.pooled(x);
      const result = await runEpochs({
        phase: "head",
        firstEpoch: 1,
        epochs: sample.epochs,
        batchSize: config.batchSize,
        numClasses: index.classes.length,
        labelSmoothing: config.labelSmoothing,
        train: pixelSource(
          pixels,
          rowsOf(split.train),
          split.train.map((e) => e.label),
          size,
          compute,
        ),
        validation: pixelSource(
          pixels,
          rowsOf(split.validation),
          split.validation.map((e) => e.label),
          size,
          compute,
        ),
        forward: (x, training, seed) => headLogits(head, x as tf.Tensor2D, training, seed),
        variables: headVariables(head),
        optimizer,
        rng,
        callbacks: new CallbackList([]),
        context,
        hooks: {},
      });
      records.push(result.records);
      optimizer.dispose();
      disposeHead(head);
    }
  } finally {
    fx.dispose();
    model.dispose();
  }
  return { fixedSeconds, configSeconds: (performance.now() - configStart) / 1000, records, images: index.images.length };
}

/**
 * Runs the cached sweep, then the plain one (all of it unless `sample` is smaller), and compares.
 * The cached sweep goes first: its first run lists the dataset cold and computes every feature.
 */
export async function measureCachedSweep(
  dataDir: string,
  modelsDir: string,
  sample: PlainSample,
  log: (line: string) => void,
): Promise<SweepResult> {
  const groupBy = { manifest: path.join(dataDir, "manifest.csv"), column: "leaf_group" };
  const configs = SWEEP_CONFIGS.length;
  const cached = await cachedSweep(dataDir, modelsDir, groupBy);
  log(
    `  cached sweep: ${configs} configs × ${SWEEP_EPOCHS} epochs in ${cached.seconds.toFixed(1)} s (features: ${cached.misses} computed, ${cached.hits} from the cache)`,
  );
  const plain = await plainSweep(dataDir, modelsDir, groupBy, sample);
  const full = sample.configs === configs && sample.epochs === SWEEP_EPOCHS;
  // Scaled per epoch: the per-config set-up is a few ms next to an epoch's base forward passes.
  const plainSeconds =
    plain.fixedSeconds + (full ? plain.configSeconds : (plain.configSeconds / (sample.configs * sample.epochs)) * configs * SWEEP_EPOCHS);
  const plainMeasured = full
    ? `all ${configs} configs × ${SWEEP_EPOCHS} epochs`
    : `${sample.configs} of ${configs} configs × ${sample.epochs} of ${SWEEP_EPOCHS} epochs each, time per epoch scaled to ${configs * SWEEP_EPOCHS} epochs (plus the measured listing, model load and decoding)`;
  log(`  plain sweep (base forward every epoch): ${plainSeconds.toFixed(1)} s${full ? "" : ` (extrapolated from ${plainMeasured})`}`);
  const key = (r: EpochRecord): string => JSON.stringify([r.epoch, r.valLoss, r.valAccuracy]);
  const sameMetrics = plain.records.every((records, c) =>
    records.every((r, e) => {
      const twin = cached.records[c]?.[e];
      return twin !== undefined && key(twin) === key(r);
    }),
  );
  return {
    configs,
    epochsPerConfig: SWEEP_EPOCHS,
    images: plain.images,
    cachedSeconds: cached.seconds,
    cachedFeatureCache: { hits: cached.hits, misses: cached.misses },
    plainSeconds,
    extrapolated: !full,
    plainMeasured,
    speedup: plainSeconds / cached.seconds,
    sameMetrics,
    headImagesPerSecond: median(cached.records.flat().map((r) => r.imagesPerSec)),
    plainEpochImagesPerSecond: median(plain.records.flat().map((r) => r.imagesPerSec)),
  };
}
