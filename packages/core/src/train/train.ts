/**
 * `train()`: one transfer-learning run. Phase 1 trains the head on cached GAP features of the
 * frozen base; phase 2 (optional) fine-tunes the base's top layers (BN folded, i.e. in inference
 * mode) on cached outputs of the frozen bottom. Then it evaluates and saves a plain classifier.
 */
import * as tf from "@tensorflow/tfjs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { FrozenEngine, frozenRequest, type FrozenCompute } from "../backend/frozen-engine";
import { FROM_CACHE, type ComputeEngine } from "../contract/engines";
import { selectBackend } from "../backend/select";
import { CallbackList, type TrainingContext } from "../callbacks/callback";
import { bestEpoch } from "../contract/derived";
import { fineTuneDepthProblem, fineTunedLayers } from "../contract/base-models";
import { BadInputError } from "../errors";
import { ModelCheckpoint } from "../callbacks/model-checkpoint";
import { scanDataset } from "../data/scan";
import { splitDataset } from "../data/split";
import { evaluatePredictions } from "../evaluation/evaluate";
import { createFeatureExtractor, extractorId } from "../features/extractor";
import { extractFeatures, type ExtractResult } from "../features/extract";
import { layerCount, runGraph, type FoldedGraph } from "../features/graph";
import { splitGraph } from "../features/split";
import { resolveWorkers } from "../features/workers/count";
import { FrozenPartPool, type PooledCompute } from "../features/workers/pool";
import type { FrozenOutput } from "../features/workers/protocol";
import { loadBaseModel } from "../models/load";
import { defaultCacheDir } from "../models/paths";
import type { BaseModelSpec } from "../models/spec";
import type { EpochRecord, ImageEntry, RunEngines, TrainOptions, TrainResult } from "../types";
import { datasetSha256, imageHashes } from "../util/hash";
import { createRng } from "../util/random";
import { buildClassifier, preprocessingJson, saveClassifier, writeBackSteps } from "./checkpoint";
import { handedOver, restoredEpoch } from "./delivered";
import { validateTrainConfig } from "./config";
import { createHead, disposeHead, headLogits, headVariables, type Head } from "./head";
import { evaluateSource, runEpochs, type BatchSource } from "./loop";
import { createOptimizer, getLearningRate, setLearningRate } from "./optimizer";
import { phaseCallbacks } from "./phase-callbacks";
import { makeTrainable } from "./trainable";
import { arraySource } from "./sources";
import { augmentedSource } from "./augmented-source";

interface CacheStats {
  hits: number;
  misses: number;
  seconds: number;
}

function addStats(total: CacheStats, r: ExtractResult): void {
  total.hits += r.hits;
  total.misses += r.misses;
  total.seconds += r.seconds;
}

function snapshotContext(variables: () => tf.Variable[], optimizer: tf.Optimizer, save: (dir: string) => Promise<void>): TrainingContext {
  return {
    getLearningRate: () => getLearningRate(optimizer),
    setLearningRate: (lr) => setLearningRate(optimizer, lr),
    getWeights: () => variables().map((v) => tf.clone(v)),
    setWeights: (snapshot) => {
      const values = snapshot as tf.Tensor[];
      variables().forEach((v, i) => v.assign(values[i] as tf.Tensor));
    },
    disposeWeights: (snapshot) => tf.dispose(snapshot as tf.Tensor[]),
    save,
    stopTraining: false,
  };
}

/**
 * For a registered base whose structure the registry records, the loaded graph must have it: the
 * API checked the depth and shows the layers unfrozen from the registry alone. A model.json path,
 * or a base of unknown structure, has nothing to agree with.
 * @throws BadInputError naming the files and both counts when they differ.
 */
function checkRegistryStructure(spec: TrainSpec, modelJsonPath: string, layers: number, requested: number, unfrozen: number): void {
  if (spec.baseLayerCount === null || spec.fineTuneDepths === null) return;
  const expected = fineTunedLayers(spec.name, requested);
  if (layers === spec.baseLayerCount && unfrozen === expected) return;
  throw new BadInputError(
    `Base model ${JSON.stringify(spec.name)} loaded from ${modelJsonPath} has ${layers} layers up to ${spec.featureLayer}` +
      `${requested > 0 ? ` and fineTuneLayers ${requested} unfreezes ${unfrozen} of them` : ""}, but the registry records ${spec.baseLayerCount}` +
      `${requested > 0 ? ` and ${String(expected)}` : ""}: these files are not the model the registry describes. ` +
      `Use the registry's files (remove this copy to download or convert it again), or pass the model.json path as the base instead of the name.`,
  );
}

type TrainSpec = Pick<BaseModelSpec, "name" | "featureLayer" | "baseLayerCount" | "fineTuneDepths">;

/**
 * Trains a classifier on the class-folder dataset at `dataDir` and returns the run's result
 * (backend, per-epoch records, which weights were delivered and where, the delivered model's
 * evaluation on the validation split, cache statistics).
 * @throws BadInputError for an invalid config, dataset or base model name.
 */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const config = validateTrainConfig({ ...options.config });
  // The registry's depth rule, the one the API applied when the run was created: before any loading.
  const depthProblem = fineTuneDepthProblem(config.baseModel, config.fineTuneLayers);
  if (depthProblem !== null) throw new BadInputError(depthProblem);
  const hooks = options.hooks ?? {};
  const backend = await selectBackend(options.backend);
  const workers = resolveWorkers(options.workers, backend);
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const frozenEngine = new FrozenEngine({
    request: frozenRequest(options.backend),
    backend,
    cacheDir,
    ...(options.onnxThreads === undefined ? {} : { threads: options.onnxThreads }),
    ...(options.hooks?.onNotice === undefined ? {} : { log: options.hooks.onNotice }),
  });
  const index = await scanDataset(
    options.dataDir,
    options.groupBy === undefined ? {} : { manifest: { path: options.groupBy.manifest, column: options.groupBy.column } },
  );
  // Every image read once for its sha256: the identity of the data this run learnt from (its
  // model card) and the feature cache's keys are both made from these.
  const hashes = await imageHashes(index.images);
  const dataSha256 = datasetSha256(index.images, hashes);
  const split = splitDataset(index, {
    validationSplit: config.validationSplit,
    seed: config.splitSeed ?? config.seed,
    byGroup: options.groupBy !== undefined,
  });
  const loaded = await loadBaseModel(config.baseModel, {
    ...(options.modelsDir === undefined ? {} : { modelsDir: options.modelsDir }),
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    ...(options.expectedWeightsSha256 === undefined ? {} : { expectedWeightsSha256: options.expectedWeightsSha256 }),
    cacheDir,
  });
  const { model, spec, weightsSha256 } = loaded;
  const fx = createFeatureExtractor(model, spec, { weightsSha256 });
  const graph = fx.graph as FoldedGraph;
  validateTrainConfig(config, layerCount(graph));
  // The base layers fine-tuning unfreezes: the depth rounded up to a block boundary (splitGraph's cut).
  const fineTuned = config.fineTuneLayers > 0 ? splitGraph(graph, config.fineTuneLayers).topLayers : 0;
  checkRegistryStructure(spec, loaded.modelJsonPath, layerCount(graph), config.fineTuneLayers, fineTuned);

  const classes = index.classes;
  const numClasses = classes.length;
  const rng = createRng(config.seed);
  const head: Head = createHead(fx.dim, config.headUnits, numClasses, config, rng);
  const stats: CacheStats = { hits: 0, misses: 0, seconds: 0 };
  const progress = (stage: string) => (done: number, total: number) => hooks.onProgress?.({ stage, done, total });
  const trainLabels = split.train.map((e) => e.label);
  const valLabels = split.validation.map((e) => e.label);
  const augment = config.augmentation.length > 0;
  // The worker pool starts on first use (a run whose features are all cached never needs it),
  // once per run; the workers load the base with the same arguments as above.
  let poolStart = null as Promise<FrozenPartPool> | null;
  const startPool = (): Promise<FrozenPartPool> => {
    poolStart ??= FrozenPartPool.start({
      workers,
      // resolveWorkers gives workers > 1 only on these two.
      backend: backend as "wasm" | "cpu",
      baseModel: config.baseModel,
      ...(options.modelsDir === undefined ? {} : { modelsDir: options.modelsDir }),
      ...(options.weights === undefined ? {} : { weights: options.weights }),
      // Workers read the file again: hold them to the bytes the main thread loaded.
      ...(options.weights === undefined || options.weights === "imagenet" ? {} : { expectedWeightsSha256: weightsSha256 }),
      cacheDir,
    });
    return poolStart;
  };
  // ONNX Runtime's compute when the frozen engine runs this part there, else the worker pool's, else none (the main thread).
  /** The TF.js worker pool's compute for `output` (none with workers ≤ 1): the frozen engine's fallback, or the part's compute. */
  const workerPool = (output: FrozenOutput): PooledCompute | undefined =>
    workers > 1 ? { workers, run: async (pixels, n) => (await startPool()).run(output, pixels, n) } : undefined;
  const inputShape: [number, number, number] = [spec.inputSize, spec.inputSize, 3];
  /** What ran a part: ONNX Runtime's engine when it did, else the backend (the TF.js paths, workers included). */
  const ranOn = (frozen: FrozenCompute): ComputeEngine => frozen.used() ?? (backend as ComputeEngine);
  const engines: RunEngines = { features: FROM_CACHE, augmentedEpochs: null, fineTuneBottom: null, trainable: backend as ComputeEngine };
  const extract = async (
    entries: ImageEntry[],
    stage: string,
    graphId: string,
    compute: (x: tf.Tensor4D) => tf.Tensor,
    itemShape: number[],
    /** The part's compute: ONNX Runtime (falling back to the worker pool or the main thread), the worker pool, or none (main thread). */
    frozen: FrozenCompute,
  ): Promise<{ data: Float32Array; computed: boolean }> => {
    const pool = frozen.pool;
    const r = await extractFeatures(entries, {
      graphId,
      inputSize: spec.inputSize,
      preprocessing: spec.preprocessing,
      compute,
      itemShape,
      cacheDir,
      batchSize: 32,
      onProgress: progress(stage),
      imageHashes: hashes,
      ...(pool === undefined ? {} : { pool }),
    });
    addStats(stats, r);
    return { data: r.data, computed: r.misses > 0 };
  };

  let trainableSteps: FoldedGraph["steps"] = [];
  const saveTo = async (dir: string): Promise<void> => {
    await mkdir(dir, { recursive: true });
    if (trainableSteps.length > 0) writeBackSteps(model, trainableSteps);
    const classifier = buildClassifier(model, spec.featureLayer, head);
    try {
      await saveClassifier(classifier.model, classes, dir, preprocessingJson(spec));
    } finally {
      classifier.disposeHead();
    }
  };
  const bestDir = options.outDir === undefined ? null : path.join(options.outDir, "best");
  const finalDir = options.outDir === undefined ? null : path.join(options.outDir, "checkpoint");
  // The validation predictions of the latest epoch, and of the epoch whose weights were delivered:
  // the delivered model is evaluated from the very predictions its weights made, without a reload.
  let lastValidation: { epoch: number; probabilities: number[][] } | null = null;
  let deliveredValidation: { epoch: number; probabilities: number[][] } | null = null;
  const onValidated = (epoch: number, probabilities: number[][]): void => {
    lastValidation = { epoch, probabilities };
  };
  const saveBest = async (dir: string): Promise<void> => {
    deliveredValidation = lastValidation;
    if (bestDir !== null) await saveTo(dir);
  };
  // Always present, outDir or not: its save_best_only decision is what picks the delivered model.
  const checkpoint = new ModelCheckpoint({ dir: bestDir ?? "best (in memory only: no outDir)", monitor: "val_loss", saveBestOnly: true });
  const epochs: EpochRecord[] = [];
  let stoppedReason: string | null = null;
  let forward: (x: tf.Tensor, training: boolean, seed: number) => tf.Tensor2D;
  let validation: BatchSource;

  try {
    // Phase 1: head on pooled features of the frozen base.
    const pooled = (x: tf.Tensor4D): tf.Tensor => fx.pooled(x);
    const pooledOut: FrozenOutput = { kind: "pooled" };
    const frozen1 = frozenEngine.compute(graph, fx.id, inputShape, "pooled", [fx.dim], pooled, workerPool(pooledOut));
    const featuresComputed: boolean[] = [];
    const extractPooled = async (entries: ImageEntry[], stage: string): Promise<Float32Array> => {
      const r = await extract(entries, stage, fx.id, pooled, [fx.dim], frozen1);
      featuresComputed.push(r.computed);
      return r.data;
    };
    const valFeatures = await extractPooled(split.validation, "features:validation");
    validation = arraySource(valFeatures, [fx.dim], valLabels);
    // Augmented batches get a compute of their own, so what ran them is recorded apart from the features'.
    const augmented1 = augment ? frozenEngine.compute(graph, fx.id, inputShape, "pooled", [fx.dim], pooled, workerPool(pooledOut)) : null;
    const augmentedPool1 = augmented1 === null ? undefined : augmented1.pool;
    const trainSource = augment
      ? await augmentedSource(split.train, {
          inputSize: spec.inputSize,
          preprocessing: spec.preprocessing,
          ops: config.augmentation,
          rng,
          compute: pooled,
          ...(augmentedPool1 === undefined ? {} : { pool: augmentedPool1 }),
        })
      : arraySource(await extractPooled(split.train, "features:train"), [fx.dim], trainLabels);
    if (featuresComputed.some(Boolean)) engines.features = ranOn(frozen1);
    forward = (x, training, seed) => headLogits(head, x as tf.Tensor2D, training, seed);
    const optimizer = createOptimizer(config.optimizer, config.learningRate);
    const context = snapshotContext(() => headVariables(head), optimizer, saveBest);
    const callbacks = new CallbackList(phaseCallbacks(config, checkpoint));
    callbacks.setContext(context);
    await callbacks.onTrainBegin();
    const head1 = await runEpochs({
      phase: "head",
      firstEpoch: 1,
      epochs: config.epochs,
      batchSize: config.batchSize,
      numClasses,
      labelSmoothing: config.labelSmoothing,
      train: trainSource,
      validation,
      forward,
      variables: headVariables(head),
      optimizer,
      rng,
      callbacks,
      context,
      hooks,
      onValidated,
    });
    await callbacks.onTrainEnd();
    let restored = restoredEpoch(callbacks);
    optimizer.dispose();
    epochs.push(...head1.records);
    stoppedReason = head1.stoppedReason;
    if (augmented1 !== null) engines.augmentedEpochs = ranOn(augmented1);

    // Phase 2: fine-tune the top layers, unless the run was cancelled.
    const cancelled = stoppedReason !== null && stoppedReason !== "early_stopping";
    if (config.fineTuneLayers > 0 && !cancelled) {
      const parts = splitGraph(graph, config.fineTuneLayers);
      const boundary = parts.bottom.output;
      const boundaryShape =
        boundary === graph.input ? [spec.inputSize, spec.inputSize, 3] : (model.getLayer(boundary).outputShape as number[]).slice(1);
      const bottomId = extractorId(spec, weightsSha256, boundary);
      const bottom = (x: tf.Tensor4D): tf.Tensor => runGraph(parts.bottom, x);
      const top = parts.top;
      const trainable = makeTrainable(model, top.steps);
      trainableSteps = top.steps;
      const bottomOut: FrozenOutput = { kind: "boundary", fineTuneLayers: config.fineTuneLayers, boundary };
      // Fine-tuning the whole base leaves no frozen bottom: its "output" is the preprocessed input.
      const hasBottom = parts.bottom.steps.length > 0;
      const bottomCompute = (): FrozenCompute =>
        hasBottom
          ? frozenEngine.compute(parts.bottom, bottomId, inputShape, "map", boundaryShape, bottom, workerPool(bottomOut))
          : { pool: undefined, used: () => null };
      const frozen2 = bottomCompute();
      const valMaps = await extract(split.validation, "fine_tune:validation", bottomId, bottom, boundaryShape, frozen2);
      validation = arraySource(valMaps.data, boundaryShape, valLabels);
      const augmented2 = augment ? bottomCompute() : null;
      const augmentedPool2 = augmented2 === null ? undefined : augmented2.pool;
      let trainMapsComputed = false;
      const trainSource2 = augment
        ? await augmentedSource(split.train, {
            inputSize: spec.inputSize,
            preprocessing: spec.preprocessing,
            ops: config.augmentation,
            rng,
            compute: bottom,
            ...(augmentedPool2 === undefined ? {} : { pool: augmentedPool2 }),
          })
        : await (async () => {
            const r = await extract(split.train, "fine_tune:train", bottomId, bottom, boundaryShape, frozen2);
            trainMapsComputed = r.computed;
            return arraySource(r.data, boundaryShape, trainLabels);
          })();
      // No bottom (the whole base is fine-tuned): nothing frozen ran, so the part records null.
      engines.fineTuneBottom = !hasBottom ? null : valMaps.computed || trainMapsComputed ? ranOn(frozen2) : FROM_CACHE;
      forward = (x, training, seed) => headLogits(head, tf.mean(runGraph(top, x, { training }), [1, 2]) as tf.Tensor2D, training, seed);
      const variables = [...trainable, ...headVariables(head)];
      const optimizer2 = createOptimizer(config.optimizer, config.fineTuneLearningRate);
      const context2 = snapshotContext(() => variables, optimizer2, saveBest);
      // The same settings as the head phase (patience, factor, minimum rate), in fresh callbacks.
      const callbacks2 = new CallbackList(phaseCallbacks(config, checkpoint));
      callbacks2.setContext(context2);
      await callbacks2.onTrainBegin();
      const ft = await runEpochs({
        phase: "fine_tune",
        firstEpoch: epochs.length + 1,
        epochs: config.fineTuneEpochs,
        batchSize: config.batchSize,
        numClasses,
        labelSmoothing: config.labelSmoothing,
        train: trainSource2,
        validation,
        forward,
        variables,
        optimizer: optimizer2,
        rng,
        callbacks: callbacks2,
        context: context2,
        hooks,
        onValidated,
      });
      await callbacks2.onTrainEnd();
      // Fine-tuning trained on from the head phase's end state: only its own restore counts now.
      restored = restoredEpoch(callbacks2);
      optimizer2.dispose();
      epochs.push(...ft.records);
      // With augmentation the bottom ran on every batch: that engine is the part's.
      if (augmented2 !== null && hasBottom) engines.fineTuneBottom = ranOn(augmented2);
      stoppedReason = ft.stoppedReason ?? (stoppedReason === "early_stopping" ? null : stoppedReason);
    }

    // The weights training ended with (the best ones when EarlyStopping restored them) go to
    // checkpoint/; the delivered model is the best val_loss epoch's, in best/, and is what the
    // evaluation scores: its confusion matrix, per-class metrics and accuracy are one set of weights.
    const final = await evaluateSource(validation, numClasses, 64, forward, config.labelSmoothing);
    if (finalDir !== null) await saveTo(finalDir);
    const handed = handedOver(epochs, restored, checkpoint.lastSavedEpoch, { best: bestDir, final: finalDir });
    // Assigned inside the saveBest closure, which TypeScript's flow analysis does not see.
    const scored = deliveredValidation as { epoch: number; probabilities: number[][] } | null;
    if (scored !== null && scored.epoch !== handed.delivered.epoch) {
      throw new Error(
        `internal: the delivered model is epoch ${handed.delivered.epoch} but the predictions kept are of epoch ${scored.epoch}`,
      );
    }
    const evaluation = evaluatePredictions({
      labels: classes,
      yTrue: valLabels,
      probabilities: scored?.probabilities ?? final.probabilities,
      files: split.validation.map((e) => e.file),
    });
    // The contract's best-epoch rule (lowest finite val_loss, earlier on a tie): best/'s epoch.
    const best = bestEpoch(epochs);
    if ((best?.epoch ?? null) !== (handed.delivered.choice === "best_val_loss" ? handed.delivered.epoch : null)) {
      throw new Error(
        `internal: the best epoch is ${best?.epoch ?? "none"} but the delivered model is epoch ${handed.delivered.epoch} (${handed.delivered.choice})`,
      );
    }
    return {
      backend,
      engines,
      classes,
      epochs,
      bestEpoch: best?.epoch ?? null,
      bestValAccuracy: best?.valAccuracy ?? null,
      bestValLoss: best?.valLoss ?? null,
      finalValAccuracy: final.accuracy,
      delivered: handed.delivered,
      final: handed.final,
      evaluation,
      checkpointDir: finalDir,
      stoppedReason,
      skipped: index.skipped,
      trainCount: split.train.length,
      validationCount: split.validation.length,
      featureCache: stats,
      fineTunedLayers: fineTuned,
      datasetSha256: dataSha256,
    };
  } finally {
    // A pool that failed to start has already terminated its workers.
    if (poolStart !== null)
      await poolStart.then(
        (pool) => pool.dispose(),
        () => undefined,
      );
    await frozenEngine.dispose();
    disposeHead(head);
    fx.dispose();
    model.dispose();
  }
}
