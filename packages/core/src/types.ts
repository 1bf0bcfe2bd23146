/**
 * The shapes that flow between the parts of the engine: data → model → training → evaluation.
 * Kept free of TensorFlow.js types so that callers (the trainer CLI, the agent) and pure modules
 * (metrics, splits) can use them without loading a backend.
 */
import type { AUGMENTATION_OPS, HyperparameterValues, TrainKnob } from "./contract";
import type { ComputeEngine, FROM_CACHE } from "./contract/engines";

/** Where a training phase sits: the frozen-base head phase, then optional fine-tuning. */
export type Phase = "head" | "fine_tune";

/** The augmentation operations `graft train --augment` and the sweep presets are made of. */
export type AugmentationOp = (typeof AUGMENTATION_OPS)[number];

/** One image of a dataset, as listed from a class-folder directory. */
export interface ImageEntry {
  /** Path relative to the dataset root, with forward slashes (`class/file.jpg`). */
  file: string;
  /** Absolute path on this machine. */
  absPath: string;
  /** Index into {@link DatasetIndex.classes}. */
  label: number;
  /** Group key for leakage-free splits (from a manifest), if any. */
  group?: string;
}

/** A file that was found in a class folder but cannot be used, with the reason. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** The result of scanning a class-folder dataset. */
export interface DatasetIndex {
  root: string;
  /** Class names, sorted, as the label order everywhere downstream. */
  classes: string[];
  /** Images per class, aligned with {@link classes}. */
  counts: number[];
  images: ImageEntry[];
  skipped: SkippedFile[];
}

/** A train/validation split of a dataset index. */
export interface DatasetSplit {
  train: ImageEntry[];
  validation: ImageEntry[];
}

/** The record emitted for each finished epoch (Keras `logs` plus Graft's bookkeeping). */
export interface EpochRecord {
  /** 1-based, continuing across phases. */
  epoch: number;
  phase: Phase;
  loss: number;
  accuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
  learningRate: number;
  durationMs: number;
  imagesPerSec: number;
  /**
   * The validation confusion matrix of this epoch's weights (rows true, columns predicted, in the
   * run's label order); null without validation images.
   */
  confusionMatrix?: number[][] | null;
}

/** Per-class precision/recall/F1 with support. */
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** One validation image the model got wrong. */
export interface Misclassified {
  file: string;
  trueLabel: string;
  predictedLabel: string;
  confidence: number;
}

/**
 * Every validation image's prediction, compactly: in validation order, the file, its true class
 * (an index into the report's `labels`) and its class probabilities (row-major, one row of
 * `labels.length` per image, float32 as the model computed them). The predicted class is the
 * argmax of its row.
 */
export interface ImagePredictions {
  files: string[];
  yTrue: number[];
  probabilities: Float32Array;
}

/** The end-of-training evaluation on the validation split. */
export interface EvaluationReport {
  /** Label order of the matrix rows (true) and columns (predicted). */
  labels: string[];
  confusionMatrix: number[][];
  perClass: ClassMetrics[];
  accuracy: number;
  macroF1: number;
  weightedF1: number;
  misclassified: Misclassified[];
  /** Every image's prediction (absent from reports made before they were kept). */
  predictions?: ImagePredictions;
}

/**
 * A hyperparameter set for one training run: what a run row stores and `graft train` accepts. Its
 * fields, their types, defaults and bounds are the catalogue's (`@graft/core/contract`), less the
 * knobs only the API keeps (`inputSize`, which core reads from the base model).
 */
export type TrainConfig = Pick<HyperparameterValues, TrainKnob>;

/** What the caller of `train()` can observe and steer while a run goes on. */
export interface TrainHooks {
  /** Called once per finished epoch, in order. */
  onEpoch?: (record: EpochRecord) => void | Promise<void>;
  /** Called with free-form progress (e.g. feature extraction `done/total`). */
  onProgress?: (event: { stage: string; done: number; total: number }) => void;
  /** Polled after each epoch: return a reason to stop the run early (cancellation, early termination). */
  shouldStop?: () => string | null | Promise<string | null>;
  /** One line when an engine falls back (e.g. ONNX Runtime cannot load); default console.warn. */
  onNotice?: (line: string) => void;
}

/**
 * The engine each part of a run computed on. The frozen part may run on ONNX Runtime while the
 * trainable part runs on the TF.js backend; features read from the cache ran on no engine this time.
 */
export interface RunEngines {
  /** Pooled features of the frozen base (validation, and training without augmentation): what computed the cache misses, or "cache". */
  features: ComputeEngine | typeof FROM_CACHE;
  /** The frozen base on every augmented batch; null without augmentation. */
  augmentedEpochs: ComputeEngine | null;
  /** The frozen bottom of fine-tuning: what computed its outputs, "cache", or null without fine-tuning. */
  fineTuneBottom: ComputeEngine | typeof FROM_CACHE | null;
  /** The head and the fine-tuned top: the TF.js backend. */
  trainable: ComputeEngine;
}

/**
 * Why a run hands over the weights of a given epoch: `best_val_loss`, the lowest val_loss of the
 * run (ModelCheckpoint `save_best_only`, across both phases); `last_epoch`, the weights the last
 * epoch ended with; `restored_best`, the last phase's best val_loss epoch, put back at the end by
 * EarlyStopping `restore_best_weights` (Keras' semantics: the final weights are then the best ones).
 */
export type WeightsChoice = "best_val_loss" | "last_epoch" | "restored_best";

/** The weights of one epoch that a run hands over, and where they were written. */
export interface EpochWeights {
  /** 1-based epoch (numbered across phases) at whose end these weights were taken. */
  epoch: number;
  phase: Phase;
  choice: WeightsChoice;
  /** That epoch's validation loss and accuracy (as in its {@link EpochRecord}). */
  valLoss: number | null;
  valAccuracy: number | null;
  /** The folder holding them (`<outDir>/best` or `<outDir>/checkpoint`); null without `outDir`. */
  dir: string | null;
}

/** The result of one `train()` call. */
export interface TrainResult {
  /** The TF.js backend (the trainable part's engine). */
  backend: string;
  /** The engine of each part of the run. */
  engines: RunEngines;
  classes: string[];
  epochs: EpochRecord[];
  /**
   * The best epoch by the one rule of `@graft/core/contract` (`bestEpoch`): the lowest finite
   * val_loss, the earlier epoch on a tie; null when no epoch had a finite val_loss. It is the epoch
   * whose weights are in `<outDir>/best` ({@link delivered}).
   */
  bestEpoch: number | null;
  /** Validation accuracy AT {@link bestEpoch} (not the highest of the run); null with it. */
  bestValAccuracy: number | null;
  /** Validation loss at {@link bestEpoch}, the run's lowest; null with it. */
  bestValLoss: number | null;
  /** Validation accuracy of the {@link TrainResult.final} weights. */
  finalValAccuracy: number | null;
  /**
   * The delivered model: the best val_loss weights of the run, saved to `<outDir>/best`, or the
   * final weights (`<outDir>/checkpoint`) when no epoch had a finite val_loss. {@link evaluation}
   * scores exactly these weights.
   */
  delivered: EpochWeights;
  /** The weights training ended with, saved to `<outDir>/checkpoint` ({@link checkpointDir}). */
  final: EpochWeights;
  /** Confusion matrix, per-class metrics and accuracy of the {@link delivered} model on the validation split. */
  evaluation: EvaluationReport;
  /** Directory of the final weights' checkpoint (`model.json`, weights, `labels.json`), when `outDir` was given. */
  checkpointDir: string | null;
  /** Set when training ended before its planned epochs: "early_stopping", or the reason from `shouldStop`. */
  stoppedReason: string | null;
  skipped: SkippedFile[];
  trainCount: number;
  validationCount: number;
  /** Seconds spent computing base features, and how many came from the on-disk cache. */
  featureCache: { hits: number; misses: number; seconds: number };
  /**
   * Base layers the fine-tuning phase unfreezes: `config.fineTuneLayers` rounded up to a block
   * boundary (for a registered base, `fineTunedLayers` of `@graft/core/contract`); 0 without fine-tuning.
   */
  fineTunedLayers: number;
  /** sha256 of the dataset's images (`datasetSha256` of `@graft/core/hash`): which data this model learnt from. */
  datasetSha256: string;
}

/** Options of `train()`: where the data is, the hyperparameters, and where to put results. */
export interface TrainOptions {
  /** Class-folder dataset root. */
  dataDir: string;
  config: TrainConfig;
  /** Where `best/` (the delivered model, best val_loss) and `checkpoint/` (final weights) go; nothing is saved without it. */
  outDir?: string;
  /** Group-wise split from a manifest column (leakage-free validation). */
  groupBy?: { manifest: string; column: string };
  /**
   * Backend override (else GRAFT_BACKEND, else the fastest available): a TF.js backend runs the
   * whole run on it; `onnxruntime` requires ONNX Runtime for the frozen part (see `FrozenEngine`).
   */
  backend?: string;
  modelsDir?: string;
  /**
   * Base weights: `"imagenet"` (default, the model's own) or a Keras weights `.h5` path assigned
   * by layer name (see `loadBaseModel`). A run option rather than TrainConfig, since it names a
   * local file; cached features are keyed by the file's sha256, so they never mix with ImageNet ones.
   */
  weights?: "imagenet" | string;
  /** With a `.h5` `weights` path: the sha256 it must have (see `LoadBaseModelOptions.expectedWeightsSha256`). */
  expectedWeightsSha256?: string;
  /** Cache root for weights and features; default GRAFT_CACHE_DIR or ~/.cache/graft. */
  cacheDir?: string;
  /**
   * Worker threads for the frozen base's forward pass (first feature extraction of each image set,
   * and every augmented batch), each with its own backend instance, since tfjs-wasm is
   * single-threaded in Node. Only with the `wasm` or `cpu` backend (tfjs-node is multi-threaded
   * already, so it is ignored there). `0` or `1`: on the main thread, as without workers; `N` (up
   * to 64): N threads; `"auto"`: min(availableParallelism() - 1, 4). Default `GRAFT_WORKERS`, else
   * 0. Results equal the main thread's (same kernels, same inputs); a value outside these is a
   * BadInputError quoting it. Not used when the frozen part runs on ONNX Runtime, which has its own
   * threads (see `FrozenEngine`).
   */
  workers?: number | "auto";
  /**
   * ONNX Runtime's intra-op threads for the frozen part (default: one per core). An agent running
   * N runs at once gives each cores / N, so N sessions do not each spread over every core.
   */
  onnxThreads?: number;
  hooks?: TrainHooks;
}
