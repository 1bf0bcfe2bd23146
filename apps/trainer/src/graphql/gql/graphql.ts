/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

export type Agent = {
  __typename?: 'Agent';
  backend: Scalars['String']['output'];
  cores: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  currentRun?: Maybe<Run>;
  currentRunId?: Maybe<Scalars['ID']['output']>;
  gpu?: Maybe<Scalars['String']['output']>;
  host: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastHeartbeatAt: Scalars['DateTime']['output'];
  name: Scalars['String']['output'];
  status: AgentStatus;
};

export type AgentStatus =
  | 'ALIVE'
  | 'DEAD';

export type AlignedConfusionMatrix = {
  __typename?: 'AlignedConfusionMatrix';
  matrix?: Maybe<Array<Array<Scalars['Int']['output']>>>;
  runId: Scalars['ID']['output'];
};

export type Artifact = {
  __typename?: 'Artifact';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  uri: Scalars['String']['output'];
};

export type ArtifactInput = {
  kind: Scalars['String']['input'];
  uri: Scalars['String']['input'];
};

export type AugmentationPreset = {
  __typename?: 'AugmentationPreset';
  name: Scalars['String']['output'];
  ops: Scalars['String']['output'];
};

export type BaseModelInfo = {
  __typename?: 'BaseModelInfo';
  /** Layers up to and including the feature layer: the largest fineTuneLayers the base takes. Null when only the loaded model can tell (then the trainer checks the depth). */
  baseLayerCount?: Maybe<Scalars['Int']['output']>;
  checksum: ChecksumPolicy;
  description: Scalars['String']['output'];
  /** The depths fine-tuning can really unfreeze, ascending (block boundaries); a requested fineTuneLayers is rounded up to the next one. Null when unknown. */
  fineTuneDepths?: Maybe<Array<Scalars['Int']['output']>>;
  inputSize: Scalars['Int']['output'];
  name: Scalars['String']['output'];
};

export type Checkpoint = {
  __typename?: 'Checkpoint';
  /** The run's attempt that uploaded it. */
  attempt: Scalars['Int']['output'];
  /** Bytes of all its files. */
  bytes: Scalars['Float']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** sha256 of the training dataset's images (path and content) as the agent read them; null when not sent. */
  datasetSha256?: Maybe<Scalars['String']['output']>;
  /** Path on the API of the model as a zip (model.json, weights.bin, labels.json, preprocessing.json, README.md, card.md). */
  downloadPath: Scalars['String']['output'];
  files: Array<CheckpointFileInfo>;
  /** sha256 of weights.bin: the model's identity. */
  weightsSha256: Scalars['String']['output'];
};

export type CheckpointFileInfo = {
  __typename?: 'CheckpointFileInfo';
  bytes: Scalars['Float']['output'];
  /** model.json, weights.bin, labels.json or preprocessing.json. */
  name: Scalars['String']['output'];
  /** sha256 of the file, 64 lowercase hex. */
  sha256: Scalars['String']['output'];
};

/** How a base model's downloaded files are verified. */
export type ChecksumPolicy =
  /** Nothing is downloaded: the model is converted locally. */
  | 'NONE'
  /** The registry pins the sha256: checked on every download and cache hit. */
  | 'PINNED'
  /** Trust on first use: the first download records the sha256s of model.json and weights; later files must match them. */
  | 'RECORDED';

export type ClassMetrics = {
  __typename?: 'ClassMetrics';
  f1: Scalars['Float']['output'];
  label: Scalars['String']['output'];
  precision: Scalars['Float']['output'];
  recall: Scalars['Float']['output'];
  support: Scalars['Int']['output'];
};

export type ClassMetricsInput = {
  f1: Scalars['Float']['input'];
  label: Scalars['String']['input'];
  precision: Scalars['Float']['input'];
  recall: Scalars['Float']['input'];
  support: Scalars['Int']['input'];
};

export type ClassRecallDifference = {
  __typename?: 'ClassRecallDifference';
  correctA: Scalars['Int']['output'];
  correctB: Scalars['Int']['output'];
  /** recallB − recallA. */
  difference?: Maybe<Scalars['Float']['output']>;
  label: Scalars['String']['output'];
  /** Null when the class has no images. */
  recallA?: Maybe<Scalars['Float']['output']>;
  recallB?: Maybe<Scalars['Float']['output']>;
  /** Validation images of this class. */
  support: Scalars['Int']['output'];
};

export type CompleteRunInput = {
  agentId?: InputMaybe<Scalars['ID']['input']>;
  artifacts?: InputMaybe<Array<ArtifactInput>>;
  /** The run's `attempts` as claimRun answered it; an attempt the run was claimed away from since is refused (CONFLICT, reason SUPERSEDED). */
  attempt?: InputMaybe<Scalars['Int']['input']>;
  backend?: InputMaybe<Scalars['String']['input']>;
  /** The engine of each part of the run (see RunEngines). */
  engines?: InputMaybe<RunEnginesInput>;
  evaluation: EvaluationInput;
  runId: Scalars['ID']['input'];
  /** STOPPED_EARLY ends the run STOPPED_EARLY; other reasons (early_stopping) are kept as notes. */
  stopReason?: InputMaybe<Scalars['String']['input']>;
};

export type CompleteTestSetInput = {
  agentId: Scalars['ID']['input'];
  attempt: Scalars['Int']['input'];
  evaluation: EvaluationInput;
  id: Scalars['ID']['input'];
};

export type CreateExperimentInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

export type CreateRunInput = {
  datasetId: Scalars['ID']['input'];
  experimentId?: InputMaybe<Scalars['ID']['input']>;
  hyperparameters: HyperparametersInput;
  name?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateSweepInput = {
  /** Images per training step. */
  batchSize?: InputMaybe<Scalars['Int']['input']>;
  datasetId: Scalars['ID']['input'];
  /** EarlyStopping patience: epochs without a better val loss before a phase stops (best weights restored); null = off. */
  earlyStoppingPatience?: InputMaybe<Scalars['Int']['input']>;
  earlyTermination?: EarlyTermination;
  /** Epochs of the head phase. */
  epochs?: InputMaybe<Scalars['Int']['input']>;
  experimentId: Scalars['ID']['input'];
  /** Epochs of the fine-tuning phase. Applies only when fineTuneLayers is > 0. */
  fineTuneEpochs?: InputMaybe<Scalars['Int']['input']>;
  /** A key the client makes once per sweep it means to launch (a UUID). Sent again (a retry after a timeout, a second click) it returns the sweep already created instead of a second one; with a different request it is refused (CONFLICT). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  maxRuns?: InputMaybe<Scalars['Int']['input']>;
  /** ReduceLROnPlateau floor (Keras' min_lr): never reduced below it; below the learning rate, and below the fine-tuning rate when fine-tuning. Applies only when reduceLrPatience is set. */
  minLearningRate?: InputMaybe<Scalars['Float']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** ReduceLROnPlateau factor: each plateau multiplies the learning rate by it. Applies only when reduceLrPatience is set. */
  reduceLrFactor?: InputMaybe<Scalars['Float']['input']>;
  /** ReduceLROnPlateau patience on val_loss, in both phases; null = off. */
  reduceLrPatience?: InputMaybe<Scalars['Int']['input']>;
  /** Training seeds per configuration (seed, seed + 1, ...): runs that differ only in seed form a group (Sweep.groups). Every run of the sweep is split with the sweep's seed, so all are evaluated on the same images. */
  repeats?: InputMaybe<Scalars['Int']['input']>;
  searchSpace: SearchSpaceInput;
  seed?: InputMaybe<Scalars['Int']['input']>;
  strategy?: SweepStrategy;
  /** Fraction of the images held out for validation. */
  validationSplit?: InputMaybe<Scalars['Float']['input']>;
};

export type Dataset = {
  __typename?: 'Dataset';
  classes: Array<DatasetClass>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Images training can use: the same rule as the engine's (image extension and decodable). */
  imageCount: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  path: Scalars['String']['output'];
  /** Files of the class folders that training skips, as of the last registration. */
  skippedFiles: Array<SkippedFile>;
};

export type DatasetClass = {
  __typename?: 'DatasetClass';
  count: Scalars['Int']['output'];
  name: Scalars['String']['output'];
};

export type EarlyTermination =
  /** Asynchronous successive halving: rungs at epochs 1, 3, 9, ... keep the top third. */
  | 'ASHA'
  /** Hyperband (asynchronous, as Optuna's HyperbandPruner): each run falls in a bracket; bracket s has rungs at epochs 3^s, 3^(s+1), ... below the run's planned epochs, where only the top third of the bracket's runs at that rung continue. The last bracket trains every run to the end. */
  | 'HYPERBAND'
  /** Median stopping rule: stop a run whose best val accuracy trails the median of its peers at the same epoch. */
  | 'MEDIAN'
  | 'NONE';

export type Epoch = {
  __typename?: 'Epoch';
  /** Training accuracy; null when it was not finite. */
  accuracy?: Maybe<Scalars['Float']['output']>;
  /** The run's attempt (claim) that logged it: a run shows one attempt's epochs, the one that holds or finished it. */
  attempt: Scalars['Int']['output'];
  /** This epoch's validation confusion matrix (rows true, columns predicted, in the run's evaluation label order); null when not reported. */
  confusionMatrix?: Maybe<Array<Array<Scalars['Int']['output']>>>;
  createdAt: Scalars['DateTime']['output'];
  durationMs: Scalars['Float']['output'];
  epoch: Scalars['Int']['output'];
  imagesPerSec: Scalars['Float']['output'];
  learningRate: Scalars['Float']['output'];
  /** Mean training loss; null when it was not finite (a diverged run: NaN or Infinity have no JSON form). */
  loss?: Maybe<Scalars['Float']['output']>;
  phase: Phase;
  runId: Scalars['String']['output'];
  valAccuracy?: Maybe<Scalars['Float']['output']>;
  valLoss?: Maybe<Scalars['Float']['output']>;
};

export type EpochInput = {
  accuracy?: InputMaybe<Scalars['Float']['input']>;
  confusionMatrix?: InputMaybe<Array<Array<Scalars['Int']['input']>>>;
  durationMs: Scalars['Float']['input'];
  epoch: Scalars['Int']['input'];
  imagesPerSec: Scalars['Float']['input'];
  learningRate: Scalars['Float']['input'];
  loss?: InputMaybe<Scalars['Float']['input']>;
  phase: Phase;
  valAccuracy?: InputMaybe<Scalars['Float']['input']>;
  valLoss?: InputMaybe<Scalars['Float']['input']>;
};

export type Evaluation = {
  __typename?: 'Evaluation';
  accuracy: Scalars['Float']['output'];
  confusionMatrix: Array<Array<Scalars['Int']['output']>>;
  /** Epoch whose weights were evaluated (the delivered model), on the validation split; null when the agent did not report it. */
  evaluatedEpoch?: Maybe<Scalars['Int']['output']>;
  labels: Array<Scalars['String']['output']>;
  macroF1: Scalars['Float']['output'];
  misclassified: Array<Misclassified>;
  perClass: Array<ClassMetrics>;
  /** Dataset files the run skipped (neither trained on nor evaluated), with reasons. */
  skippedFiles: Array<SkippedFile>;
  weightedF1: Scalars['Float']['output'];
};

export type EvaluationInput = {
  accuracy: Scalars['Float']['input'];
  confusionMatrix: Array<Array<Scalars['Int']['input']>>;
  /** Epoch whose weights were evaluated (the delivered model). */
  evaluatedEpoch?: InputMaybe<Scalars['Int']['input']>;
  labels: Array<Scalars['String']['input']>;
  macroF1: Scalars['Float']['input'];
  misclassified: Array<MisclassifiedInput>;
  perClass: Array<ClassMetricsInput>;
  /** Every validation image's prediction (for paired comparisons). */
  predictions?: InputMaybe<PredictionsInput>;
  /** Dataset files the run skipped, with reasons (at most 5000). */
  skippedFiles?: InputMaybe<Array<SkippedFileInput>>;
  weightedF1: Scalars['Float']['input'];
};

export type Experiment = {
  __typename?: 'Experiment';
  bestValAccuracy?: Maybe<Scalars['Float']['output']>;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  runCount: Scalars['Int']['output'];
};

export type ExtendSweepInput = {
  add?: InputMaybe<SearchSpaceAdditionInput>;
  /** The sweep's new budget of configurations (maxRuns), at least what it has. Required to widen a RANDOM or TPE sweep; a GRID without it takes every new combination. */
  maxRuns?: InputMaybe<Scalars['Int']['input']>;
  sweepId: Scalars['ID']['input'];
};

export type GroupComparison = {
  __typename?: 'GroupComparison';
  a: Array<Scalars['ID']['output']>;
  /** Mean accuracy of group A's runs. */
  accuracyA: Scalars['Float']['output'];
  accuracyB: Scalars['Float']['output'];
  /** accuracyB − accuracyA. */
  accuracyDifference: Scalars['Float']['output'];
  b: Array<Scalars['ID']['output']>;
  bootstrapResamples: Scalars['Int']['output'];
  bootstrapSeed: Scalars['Int']['output'];
  ci95High: Scalars['Float']['output'];
  /** Two-level bootstrap 95% interval (runs and images resampled), seeded. */
  ci95Low: Scalars['Float']['output'];
  /** Validation images, the same for every run. */
  images: Scalars['Int']['output'];
  /** Sample standard deviation over A's runs; null for one run. */
  stdA?: Maybe<Scalars['Float']['output']>;
  stdB?: Maybe<Scalars['Float']['output']>;
};

export type GroupMetric = {
  __typename?: 'GroupMetric';
  /** Null when no run of the group has it yet. */
  mean?: Maybe<Scalars['Float']['output']>;
  /** Runs that have it. */
  n: Scalars['Int']['output'];
  /** bestValAccuracy, finalValAccuracy, bestValLoss or durationMs (the Run fields). */
  name: Scalars['String']['output'];
  /** Sample standard deviation (n − 1); null below 2 values. */
  std?: Maybe<Scalars['Float']['output']>;
};

export type HeartbeatInput = {
  agentId: Scalars['ID']['input'];
  backend?: InputMaybe<Scalars['String']['input']>;
  runId?: InputMaybe<Scalars['ID']['input']>;
};

export type HyperparameterCondition = {
  __typename?: 'HyperparameterCondition';
  parameter: Scalars['String']['output'];
  /** positive (> 0) or set (not null). */
  rule: Scalars['String']['output'];
};

export type HyperparameterCrossRule = {
  __typename?: 'HyperparameterCrossRule';
  /** Only while this holds (for a sweep: for some searched value). */
  appliesWhen?: Maybe<HyperparameterCondition>;
  /** The least value, for atLeast. */
  min?: Maybe<Scalars['Float']['output']>;
  /** The other knob, for below. */
  other?: Maybe<Scalars['String']['output']>;
  /** Words that end the rule ("when fine-tuning"). */
  qualifier?: Maybe<Scalars['String']['output']>;
  /** below (less than the other knob's value; for a sweep, its lowest searched value) or atLeast (at least min). */
  relation: Scalars['String']['output'];
};

export type HyperparameterDifference = {
  __typename?: 'HyperparameterDifference';
  differs: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  values: Array<Maybe<Scalars['String']['output']>>;
};

export type HyperparameterInfo = {
  __typename?: 'HyperparameterInfo';
  appliesWhen?: Maybe<HyperparameterCondition>;
  /** Rules against other knobs, checked in order; the first broken one is reported. */
  crossRules: Array<HyperparameterCrossRule>;
  /** The default, in the wire form of the typed field. */
  default?: Maybe<Scalars['JSON']['output']>;
  description: Scalars['String']['output'];
  exclusiveMax: Scalars['Boolean']['output'];
  exclusiveMin: Scalars['Boolean']['output'];
  /** The `graft train` flag, without dashes. */
  flag: Scalars['String']['output'];
  inputRequired: Scalars['Boolean']['output'];
  /** float, int, enum, ops (augmentation), units (head layers) or text. */
  kind: Scalars['String']['output'];
  label: Scalars['String']['output'];
  max?: Maybe<Scalars['Float']['output']>;
  /** Most layers (units) or characters (text). */
  maxLength?: Maybe<Scalars['Int']['output']>;
  min?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  /** What null is shown as and typed as ("off", "same as seed"); null when the knob is not nullable. */
  nullText?: Maybe<Scalars['String']['output']>;
  /** Whether null is a value (off, or what nullText says). */
  nullable: Scalars['Boolean']['output'];
  /** model, head, fine_tune, both or data. */
  phase: Scalars['String']['output'];
  /** Augmentation presets; empty otherwise. */
  presets: Array<AugmentationPreset>;
  /** What a valid value is, in words: the `<name> must be <rule>, received <value>` of every refusal. */
  rule: Scalars['String']['output'];
  /** linear or log: how charts and searches space it. */
  scale?: Maybe<Scalars['String']['output']>;
  /** The SearchSpaceInput list field of a searchable knob. */
  searchField?: Maybe<Scalars['String']['output']>;
  searchRequired: Scalars['Boolean']['output'];
  /** The RunField that sorts and range-filters it; null when not sortable. */
  sortField?: Maybe<Scalars['String']['output']>;
  /** search (a list per sweep), fixed (one value per sweep) or none. */
  sweep: Scalars['String']['output'];
  /** Enum values or augmentation ops; empty otherwise. */
  values: Array<Scalars['String']['output']>;
};

/** One hyperparameter of a run: its catalogue name and its value as the typed field carries it. */
export type HyperparameterValue = {
  __typename?: 'HyperparameterValue';
  name: Scalars['String']['output'];
  /** The value (number, string or list); null when the knob is off. */
  value?: Maybe<Scalars['JSON']['output']>;
};

export type Hyperparameters = {
  __typename?: 'Hyperparameters';
  /** Augmentation ops, comma-joined in canonical order (flip,rotate,...), a preset (light, standard, heavy) or none. */
  augmentation: Scalars['String']['output'];
  /** Registry name of the frozen ImageNet base (e.g. mobilenet_v1_0.25_224) or a path to a LayersModel model.json. */
  baseModel: Scalars['String']['output'];
  /** Absolute path of the Keras .h5 weights file the base started from, as the machine that created the run saw it; null = the base model's own ImageNet weights. */
  baseWeights?: Maybe<Scalars['String']['output']>;
  /** sha256 of the baseWeights file (64 lowercase hex); null exactly when baseWeights is. */
  baseWeightsSha256?: Maybe<Scalars['String']['output']>;
  /** Images per training step. */
  batchSize: Scalars['Int']['output'];
  /** Dropout rate before the head's output layer. */
  dropout: Scalars['Float']['output'];
  /** EarlyStopping patience: epochs without a better val loss before a phase stops (best weights restored); null = off. */
  earlyStoppingPatience?: Maybe<Scalars['Int']['output']>;
  /** Epochs of the head phase. */
  epochs: Scalars['Int']['output'];
  /** Epochs of the fine-tuning phase. Applies only when fineTuneLayers is > 0. */
  fineTuneEpochs: Scalars['Int']['output'];
  /** Top layers of the base unfrozen for the fine-tuning phase (rounded up to a block boundary); 0 skips fine-tuning. */
  fineTuneLayers: Scalars['Int']['output'];
  /** Learning rate of the fine-tuning phase (low, so the base's features are nudged, not wiped). Applies only when fineTuneLayers is > 0. */
  fineTuneLearningRate: Scalars['Float']['output'];
  /** Activation of the head's dense layers. */
  headActivation: Scalars['String']['output'];
  /** Dense units of the head in order, e.g. [256, 128]; empty for a linear head. */
  headUnits: Array<Scalars['Int']['output']>;
  /** Square input side in pixels; registry bases know theirs, a custom model.json base defaults to 224. */
  inputSize: Scalars['Int']['output'];
  /** Keras' label_smoothing of the categorical cross-entropy: targets become (1 − ε)·one-hot + ε/classes, in training and validation loss. */
  labelSmoothing: Scalars['Float']['output'];
  /** Learning rate of the head phase. */
  learningRate: Scalars['Float']['output'];
  /** ReduceLROnPlateau floor (Keras' min_lr): never reduced below it; below the learning rate, and below the fine-tuning rate when fine-tuning. Applies only when reduceLrPatience is set. */
  minLearningRate: Scalars['Float']['output'];
  /** Optimizer of both phases. */
  optimizer: Scalars['String']['output'];
  /** ReduceLROnPlateau factor: each plateau multiplies the learning rate by it. Applies only when reduceLrPatience is set. */
  reduceLrFactor: Scalars['Float']['output'];
  /** ReduceLROnPlateau patience on val_loss, in both phases; null = off. */
  reduceLrPatience?: Maybe<Scalars['Int']['output']>;
  /** Seed of the split, the head's initial weights, shuffling and augmentation. */
  seed: Scalars['Int']['output'];
  /** Seed of the train/validation split alone; null: the run's seed. A sweep sets its own seed here, so repeats with other training seeds are evaluated on the same images. */
  splitSeed?: Maybe<Scalars['Int']['output']>;
  /** Fraction of the images held out for validation. */
  validationSplit: Scalars['Float']['output'];
  /** Every catalogue knob of the run, in catalogue order (what the dashboard and the agent read). */
  values: Array<HyperparameterValue>;
};

export type HyperparametersInput = {
  /** Augmentation ops, comma-joined in canonical order (flip,rotate,...), a preset (light, standard, heavy) or none. */
  augmentation?: InputMaybe<Scalars['String']['input']>;
  /** Registry name of the frozen ImageNet base (e.g. mobilenet_v1_0.25_224) or a path to a LayersModel model.json. */
  baseModel: Scalars['String']['input'];
  /** Absolute path of a Keras .h5 weights file to load onto the base (by layer name); requires baseWeightsSha256. Null or omitted = the base model's own ImageNet weights. */
  baseWeights?: InputMaybe<Scalars['String']['input']>;
  /** sha256 of the baseWeights file, 64 lowercase hex; agents refuse a file that does not match. */
  baseWeightsSha256?: InputMaybe<Scalars['String']['input']>;
  /** Images per training step. */
  batchSize?: InputMaybe<Scalars['Int']['input']>;
  /** Dropout rate before the head's output layer. */
  dropout?: InputMaybe<Scalars['Float']['input']>;
  /** EarlyStopping patience: epochs without a better val loss before a phase stops (best weights restored); null = off. */
  earlyStoppingPatience?: InputMaybe<Scalars['Int']['input']>;
  /** Epochs of the head phase. */
  epochs?: InputMaybe<Scalars['Int']['input']>;
  /** Epochs of the fine-tuning phase. Applies only when fineTuneLayers is > 0. */
  fineTuneEpochs?: InputMaybe<Scalars['Int']['input']>;
  /** Top layers of the base unfrozen for the fine-tuning phase (rounded up to a block boundary); 0 skips fine-tuning. */
  fineTuneLayers?: InputMaybe<Scalars['Int']['input']>;
  /** Learning rate of the fine-tuning phase (low, so the base's features are nudged, not wiped). Applies only when fineTuneLayers is > 0. */
  fineTuneLearningRate?: InputMaybe<Scalars['Float']['input']>;
  /** Activation of the head's dense layers. */
  headActivation?: InputMaybe<Scalars['String']['input']>;
  /** Dense units of the head in order, e.g. [256, 128]; empty for a linear head. */
  headUnits: Array<Scalars['Int']['input']>;
  /** Square input side in pixels; registry bases know theirs, a custom model.json base defaults to 224. */
  inputSize?: InputMaybe<Scalars['Int']['input']>;
  /** Keras' label_smoothing of the categorical cross-entropy: targets become (1 − ε)·one-hot + ε/classes, in training and validation loss. */
  labelSmoothing?: InputMaybe<Scalars['Float']['input']>;
  /** Learning rate of the head phase. */
  learningRate?: InputMaybe<Scalars['Float']['input']>;
  /** ReduceLROnPlateau floor (Keras' min_lr): never reduced below it; below the learning rate, and below the fine-tuning rate when fine-tuning. Applies only when reduceLrPatience is set. */
  minLearningRate?: InputMaybe<Scalars['Float']['input']>;
  /** Optimizer of both phases. */
  optimizer?: InputMaybe<Scalars['String']['input']>;
  /** ReduceLROnPlateau factor: each plateau multiplies the learning rate by it. Applies only when reduceLrPatience is set. */
  reduceLrFactor?: InputMaybe<Scalars['Float']['input']>;
  /** ReduceLROnPlateau patience on val_loss, in both phases; null = off. */
  reduceLrPatience?: InputMaybe<Scalars['Int']['input']>;
  /** Seed of the split, the head's initial weights, shuffling and augmentation. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Seed of the train/validation split alone; null: the run's seed. A sweep sets its own seed here, so repeats with other training seeds are evaluated on the same images. */
  splitSeed?: InputMaybe<Scalars['Int']['input']>;
  /** Fraction of the images held out for validation. */
  validationSplit?: InputMaybe<Scalars['Float']['input']>;
};

export type LogEpochsResult = {
  __typename?: 'LogEpochsResult';
  control: RunControl;
  inserted: Scalars['Int']['output'];
};

export type MarginalEffect = {
  __typename?: 'MarginalEffect';
  /** The forest's mean best val accuracy at this value. */
  mean: Scalars['Float']['output'];
  /** The value on its axis for numeric knobs (log10 is the chart's business). */
  numeric?: Maybe<Scalars['Float']['output']>;
  /** Spread of that mean across the forest's trees (sd). */
  sd: Scalars['Float']['output'];
  /** Runs that had this value (0: the forest extrapolates). */
  trials: Scalars['Int']['output'];
  /** The value as the sweep lists it (wire form; a head as `[64,32]`). */
  value: Scalars['String']['output'];
};

export type Misclassified = {
  __typename?: 'Misclassified';
  confidence: Scalars['Float']['output'];
  file: Scalars['String']['output'];
  predictedLabel: Scalars['String']['output'];
  trueLabel: Scalars['String']['output'];
};

export type MisclassifiedInput = {
  confidence: Scalars['Float']['input'];
  file: Scalars['String']['input'];
  predictedLabel: Scalars['String']['input'];
  trueLabel: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  addNote: Run;
  addTag: Run;
  /** A queued run ends CANCELED now; a running one learns it at its next heartbeat. */
  cancelRun: Run;
  /** Queued runs end CANCELED now; running ones learn it at their next heartbeat. */
  cancelSweep: Sweep;
  /** Hands the oldest queued evaluation to this agent under a lease; null when none waits. */
  claimEvaluation?: Maybe<TestSetJob>;
  /** Hands one QUEUED run (or the given one, for `graft train --api`) to this agent with a lease; null when none is queued. */
  claimRun?: Maybe<Run>;
  completeEvaluation: TestSetEvaluation;
  completeRun: Run;
  createExperiment: Experiment;
  createRun: Run;
  /** Expands a search space (GRID or seeded RANDOM) into queued runs. Every point is checked before anything is written; the runs are then written in chunks, the sweep appearing with its first chunk. */
  createSweep: Sweep;
  /** Forgets a dataset with the runs and sweeps trained on it and all they own (and other runs' evaluations on it); refused while one of those runs is RUNNING. The photos on disk stay. Answers the deleted id. */
  deleteDataset: Scalars['ID']['output'];
  /** Deletes an experiment with its sweeps and runs and all they own; refused while one of its runs is RUNNING. Answers the deleted id. */
  deleteExperiment: Scalars['ID']['output'];
  /** Deletes a run that is not RUNNING (cancel it first) with all it owns: epochs, evaluation, predictions, tags, notes and its checkpoint's files. Answers the deleted id. */
  deleteRun: Scalars['ID']['output'];
  /** Deletes a sweep with its runs and all they own (epochs, predictions, checkpoints...); refused while one of its runs is RUNNING. Answers the deleted id. */
  deleteSweep: Scalars['ID']['output'];
  editNote: Run;
  /** Queues a finished run's uploaded model for an agent to evaluate on another registered dataset whose classes it knows (field photos beside lab photos); asking again re-queues a finished one. */
  evaluateRun: TestSetEvaluation;
  /** Widens a RUNNING or COMPLETED sweep: values added to its lists, a larger maxRuns, or both. GRID queues the new combinations, RANDOM draws more, TPE samples on from what it knows. The sweep runs again. */
  extendSweep: Sweep;
  failEvaluation: TestSetEvaluation;
  failRun: Run;
  /** Sign of life; with runId, extends that run's lease and says whether to stop. */
  heartbeat: RunControl;
  /** Idempotent per (run, epoch): a retried batch inserts nothing twice. CONFLICT (extensions.reason SUPERSEDED) when `attempt` (or, without it, the agent) no longer owns the run. */
  logEpochs: LogEpochsResult;
  /** Registers an agent, or updates the one with this name. */
  registerAgent: Agent;
  /** Scans a class-folder dataset under an allowed root, decoding every image as training will, and stores its classes, counts and the files training will skip (skippedFiles, with reasons). */
  registerDataset: Dataset;
  removeNote: Run;
  removeTag: Run;
  renameRun: Run;
  /** Puts a FAILED or CANCELED run back in the queue with a fresh retry budget; its sweep runs again (a run of a CANCELED sweep is refused: resume the sweep). The epochs of its last attempt stay until an agent claims it. */
  requeueRun: Run;
  /** A CANCELED sweep runs again; its CANCELED runs go back in the queue. */
  resumeSweep: Sweep;
};


export type MutationAddNoteArgs = {
  runId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationAddTagArgs = {
  runId: Scalars['ID']['input'];
  tag: Scalars['String']['input'];
};


export type MutationCancelRunArgs = {
  runId: Scalars['ID']['input'];
};


export type MutationCancelSweepArgs = {
  sweepId: Scalars['ID']['input'];
};


export type MutationClaimEvaluationArgs = {
  agentId: Scalars['ID']['input'];
};


export type MutationClaimRunArgs = {
  agentId: Scalars['ID']['input'];
  runId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCompleteEvaluationArgs = {
  input: CompleteTestSetInput;
};


export type MutationCompleteRunArgs = {
  input: CompleteRunInput;
};


export type MutationCreateExperimentArgs = {
  input: CreateExperimentInput;
};


export type MutationCreateRunArgs = {
  input: CreateRunInput;
};


export type MutationCreateSweepArgs = {
  input: CreateSweepInput;
};


export type MutationDeleteDatasetArgs = {
  datasetId: Scalars['ID']['input'];
};


export type MutationDeleteExperimentArgs = {
  experimentId: Scalars['ID']['input'];
};


export type MutationDeleteRunArgs = {
  runId: Scalars['ID']['input'];
};


export type MutationDeleteSweepArgs = {
  sweepId: Scalars['ID']['input'];
};


export type MutationEditNoteArgs = {
  noteId: Scalars['ID']['input'];
  runId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationEvaluateRunArgs = {
  datasetId: Scalars['ID']['input'];
  runId: Scalars['ID']['input'];
};


export type MutationExtendSweepArgs = {
  input: ExtendSweepInput;
};


export type MutationFailEvaluationArgs = {
  agentId: Scalars['ID']['input'];
  attempt: Scalars['Int']['input'];
  error: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationFailRunArgs = {
  agentId?: InputMaybe<Scalars['ID']['input']>;
  attempt?: InputMaybe<Scalars['Int']['input']>;
  error: Scalars['String']['input'];
  runId: Scalars['ID']['input'];
};


export type MutationHeartbeatArgs = {
  input: HeartbeatInput;
};


export type MutationLogEpochsArgs = {
  agentId?: InputMaybe<Scalars['ID']['input']>;
  attempt?: InputMaybe<Scalars['Int']['input']>;
  epochs: Array<EpochInput>;
  runId: Scalars['ID']['input'];
};


export type MutationRegisterAgentArgs = {
  input: RegisterAgentInput;
};


export type MutationRegisterDatasetArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
  path: Scalars['String']['input'];
};


export type MutationRemoveNoteArgs = {
  noteId: Scalars['ID']['input'];
  runId: Scalars['ID']['input'];
};


export type MutationRemoveTagArgs = {
  runId: Scalars['ID']['input'];
  tag: Scalars['String']['input'];
};


export type MutationRenameRunArgs = {
  input: RenameRunInput;
};


export type MutationRequeueRunArgs = {
  runId: Scalars['ID']['input'];
};


export type MutationResumeSweepArgs = {
  sweepId: Scalars['ID']['input'];
};

export type Note = {
  __typename?: 'Note';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  text: Scalars['String']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PairedComparison = {
  __typename?: 'PairedComparison';
  a: Scalars['ID']['output'];
  accuracyA: Scalars['Float']['output'];
  accuracyB: Scalars['Float']['output'];
  /** accuracyB − accuracyA. */
  accuracyDifference: Scalars['Float']['output'];
  b: Scalars['ID']['output'];
  bootstrapResamples: Scalars['Int']['output'];
  bootstrapSeed: Scalars['Int']['output'];
  ci95High: Scalars['Float']['output'];
  /** Bootstrap 95% interval of the difference (percentile), seeded. */
  ci95Low: Scalars['Float']['output'];
  /** Images right in one run and wrong in the other (paired only), both ways. */
  flips: Array<PredictionFlip>;
  imagesA: Scalars['Int']['output'];
  imagesB: Scalars['Int']['output'];
  /** Exact McNemar test on the discordant images, two-sided; null when unpaired. */
  mcnemarPValue?: Maybe<Scalars['Float']['output']>;
  /** paired (same images: paired bootstrap and McNemar) or unpaired (different images: each resampled on its own). */
  method: Scalars['String']['output'];
  /** Images only A got right (paired only). */
  onlyARight?: Maybe<Scalars['Int']['output']>;
  /** Images only B got right (paired only). */
  onlyBRight?: Maybe<Scalars['Int']['output']>;
  /** Per class (paired only; empty when unpaired). */
  perClass: Array<ClassRecallDifference>;
  /** Whether both runs were evaluated on the same images with the same labels. */
  sameValidationSet: Scalars['Boolean']['output'];
};

export type ParameterImportance = {
  __typename?: 'ParameterImportance';
  /** Spearman rank correlation with best val accuracy, in [-1, 1]; null for a categorical knob. */
  correlation?: Maybe<Scalars['Float']['output']>;
  /** fANOVA: share of the variance of predicted best val accuracy over the space that this knob alone explains, in [0, 1]. */
  importance: Scalars['Float']['output'];
  /** Spread of that share across the forest's trees (sd). */
  importanceSd: Scalars['Float']['output'];
  /** Best val accuracy by value, in the list's order. */
  marginal: Array<MarginalEffect>;
  parameter: Scalars['String']['output'];
  /** Pearson correlation with best val accuracy, in [-1, 1]; null for a categorical knob. */
  pearson?: Maybe<Scalars['Float']['output']>;
  /** Finished runs (COMPLETED or STOPPED_EARLY) with a best val accuracy that the figures use. */
  runCount: Scalars['Int']['output'];
};

export type Phase =
  | 'FINE_TUNE'
  | 'HEAD';

export type Prediction = {
  __typename?: 'Prediction';
  /** The probability of the predicted label. */
  confidence: Scalars['Float']['output'];
  file: Scalars['String']['output'];
  /** Position in the run's validation order. */
  index: Scalars['Int']['output'];
  /** The argmax of the probabilities (ties to the first label). */
  predictedLabel: Scalars['String']['output'];
  /** One per label, in the evaluation's label order. */
  probabilities: Array<Scalars['Float']['output']>;
  trueLabel: Scalars['String']['output'];
};

export type PredictionFlip = {
  __typename?: 'PredictionFlip';
  confidenceA: Scalars['Float']['output'];
  confidenceB: Scalars['Float']['output'];
  file: Scalars['String']['output'];
  predictedA: Scalars['String']['output'];
  predictedB: Scalars['String']['output'];
  /** The run that got it right. */
  rightRunId: Scalars['ID']['output'];
  trueLabel: Scalars['String']['output'];
};

export type PredictionPage = {
  __typename?: 'PredictionPage';
  /** Pass as `after` for the next page; null on the last. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  /** The label order of every probability row. */
  labels: Array<Scalars['String']['output']>;
  nodes: Array<Prediction>;
  totalCount: Scalars['Int']['output'];
};

export type PredictionsInput = {
  files: Array<Scalars['String']['input']>;
  /** base64 of float32 little-endian probabilities, images × labels, row-major. */
  probabilitiesBase64: Scalars['String']['input'];
  yTrue: Array<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  agents: Array<Agent>;
  augmentationPresets: Array<AugmentationPreset>;
  baseModels: Array<BaseModelInfo>;
  compareRuns: RunComparison;
  dataset: Dataset;
  datasets: Array<Dataset>;
  experiment: Experiment;
  experiments: Array<Experiment>;
  /** Is configuration B better than configuration A over their training seeds? Two groups of runs (a sweep's repeats) on one validation set: mean accuracies, spread, and a two-level bootstrap 95% interval. */
  groupComparison: GroupComparison;
  /** Every hyperparameter a run has: name, type, default, bounds, when it applies, and the rule its values must meet. */
  hyperparameterCatalog: Array<HyperparameterInfo>;
  /** Is run B better than run A? Image by image on the same validation set (paired bootstrap 95% interval, exact McNemar, per-class recall, flips), else unpaired. */
  pairedComparison: PairedComparison;
  run: Run;
  /** The runs a filter selects (the oldest `first`, at most 500), grouped by configuration: runs that differ only in their training seed, with mean ± std. */
  runGroups: RunGroupPage;
  runs: RunConnection;
  sweep: Sweep;
  sweeps: Array<Sweep>;
};


export type QueryCompareRunsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryDatasetArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGroupComparisonArgs = {
  a: Array<Scalars['ID']['input']>;
  b: Array<Scalars['ID']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPairedComparisonArgs = {
  a: Scalars['ID']['input'];
  b: Scalars['ID']['input'];
  seed?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRunGroupsArgs = {
  filter?: InputMaybe<RunFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RunFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<RunOrder>;
};


export type QuerySweepArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySweepsArgs = {
  experimentId?: InputMaybe<Scalars['ID']['input']>;
};

export type RangeFilter = {
  field: RunField;
  max?: InputMaybe<Scalars['Float']['input']>;
  min?: InputMaybe<Scalars['Float']['input']>;
};

export type RegisterAgentInput = {
  backend: Scalars['String']['input'];
  cores: Scalars['Int']['input'];
  gpu?: InputMaybe<Scalars['String']['input']>;
  host: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type RenameRunInput = {
  /** 1 to 200 characters, surrounding spaces trimmed. */
  name: Scalars['String']['input'];
  runId: Scalars['ID']['input'];
};

export type Run = {
  __typename?: 'Run';
  agent?: Maybe<Agent>;
  agentId?: Maybe<Scalars['ID']['output']>;
  artifacts: Array<Artifact>;
  attempts: Scalars['Int']['output'];
  backend?: Maybe<Scalars['String']['output']>;
  /** The run's best epoch: the one with the lowest finite val_loss, the earlier epoch on a tie (epochs without a finite val_loss never count). Its weights are the delivered model (best/), and `graft train` reports the same epoch. Null while no epoch has a finite val_loss. */
  bestEpoch?: Maybe<Scalars['Int']['output']>;
  /** Validation accuracy AT bestEpoch (not the run's highest); null with bestEpoch. */
  bestValAccuracy?: Maybe<Scalars['Float']['output']>;
  /** Validation loss AT bestEpoch, the lowest finite val_loss of the run's current attempt; null with bestEpoch. */
  bestValLoss?: Maybe<Scalars['Float']['output']>;
  /** The delivered model its agent uploaded (download it at downloadPath); null until then, or when the upload failed or was refused. */
  checkpoint?: Maybe<Checkpoint>;
  createdAt: Scalars['DateTime']['output'];
  dataset: Dataset;
  datasetId: Scalars['ID']['output'];
  /** Epochs after which the sweep's early-termination rule may stop this run (HYPERBAND: its bracket's rungs; ASHA: the rungs; MEDIAN: every epoch from 3), before the last. An agent that batches its epochs sends them and waits for the answer at these epochs, so a stopped run does not train past the rung. Empty outside a sweep with a rule. */
  decisionEpochs: Array<Scalars['Int']['output']>;
  durationMs?: Maybe<Scalars['Float']['output']>;
  /** The engine of each part of the run; null until it completes (and for runs of older agents). */
  engines?: Maybe<RunEngines>;
  epochCount: Scalars['Int']['output'];
  epochs: Array<Epoch>;
  error?: Maybe<Scalars['String']['output']>;
  evaluation?: Maybe<Evaluation>;
  experiment?: Maybe<Experiment>;
  experimentId?: Maybe<Scalars['ID']['output']>;
  finalValAccuracy?: Maybe<Scalars['Float']['output']>;
  finalValLoss?: Maybe<Scalars['Float']['output']>;
  /** Base layers fine-tuning really unfreezes: hyperparameters.fineTuneLayers rounded up to the base's next block boundary (a conv+BN+activation group or residual block is never split); 0 without fine-tuning, null when the registry does not know the base's structure (a model.json path, efficientnet_b0). */
  fineTunedLayers?: Maybe<Scalars['Int']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  hyperparameters: Hyperparameters;
  id: Scalars['ID']['output'];
  /** When the current agent's lease runs out (RUNNING runs). */
  leaseExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  notes: Array<Note>;
  /** Epochs the run trains when nothing stops it early: epochs, plus fineTuneEpochs only when fineTuneLayers > 0. */
  plannedEpochs: Scalars['Int']['output'];
  /** Every validation image's prediction of the delivered model, in validation order, 500 at most per page; null until the run completes (or for runs completed before predictions were kept). */
  predictions?: Maybe<PredictionPage>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: RunStatus;
  stopReason?: Maybe<Scalars['String']['output']>;
  sweep?: Maybe<Sweep>;
  sweepId?: Maybe<Scalars['ID']['output']>;
  tags: Array<Scalars['String']['output']>;
  /** The run's model scored on other registered datasets (evaluateRun), oldest first. */
  testSetEvaluations: Array<TestSetEvaluation>;
};


export type RunPredictionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RunComparison = {
  __typename?: 'RunComparison';
  confusionMatrices: Array<AlignedConfusionMatrix>;
  curves: Array<RunCurve>;
  differences: Array<HyperparameterDifference>;
  /** The compared runs grouped by configuration (runs differing only in their training seed), with mean ± std. */
  groups: Array<RunGroup>;
  /** The union of the runs' labels, the one order every aligned matrix uses. */
  labels: Array<Scalars['String']['output']>;
  runs: Array<Run>;
};

export type RunConnection = {
  __typename?: 'RunConnection';
  edges: Array<RunEdge>;
  nodes: Array<Run>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** What an agent hears back at each heartbeat / epoch batch. */
export type RunControl = {
  __typename?: 'RunControl';
  leaseExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** CANCELED, STOPPED_EARLY or LEASE_LOST (the run is no longer this agent's). */
  reason?: Maybe<Scalars['String']['output']>;
  shouldStop: Scalars['Boolean']['output'];
};

export type RunCurve = {
  __typename?: 'RunCurve';
  epochs: Array<Epoch>;
  runId: Scalars['ID']['output'];
};

export type RunEdge = {
  __typename?: 'RunEdge';
  cursor: Scalars['String']['output'];
  node: Run;
};

/** The engine each part of a run computed on, as its agent reported it on completion. */
export type RunEngines = {
  __typename?: 'RunEngines';
  /** The frozen base on every augmented batch; null without augmentation. */
  augmentedEpochs?: Maybe<Scalars['String']['output']>;
  /** The frozen base's pooled features: the engine that computed the cache misses, or cache. */
  features: Scalars['String']['output'];
  /** The frozen bottom of fine-tuning (an engine or cache); null without fine-tuning. */
  fineTuneBottom?: Maybe<Scalars['String']['output']>;
  /** The head and the fine-tuned top: the TF.js backend. */
  trainable: Scalars['String']['output'];
};

export type RunEnginesInput = {
  augmentedEpochs?: InputMaybe<Scalars['String']['input']>;
  features: Scalars['String']['input'];
  fineTuneBottom?: InputMaybe<Scalars['String']['input']>;
  trainable: Scalars['String']['input'];
};

/** Every column of a run that can be sorted on or range-filtered. */
export type RunField =
  | 'AUGMENTATION'
  | 'BASE_MODEL'
  | 'BATCH_SIZE'
  | 'BEST_EPOCH'
  | 'BEST_VAL_ACCURACY'
  | 'BEST_VAL_LOSS'
  | 'CREATED_AT'
  | 'DROPOUT'
  | 'DURATION_MS'
  | 'EARLY_STOPPING_PATIENCE'
  | 'EPOCHS'
  | 'EPOCH_COUNT'
  | 'FINAL_VAL_ACCURACY'
  | 'FINAL_VAL_LOSS'
  | 'FINE_TUNE_EPOCHS'
  | 'FINE_TUNE_LAYERS'
  | 'FINE_TUNE_LEARNING_RATE'
  | 'FINISHED_AT'
  | 'HEAD_ACTIVATION'
  /** Sorted and range-filtered by the head's total dense units. */
  | 'HEAD_UNITS'
  | 'INPUT_SIZE'
  | 'LABEL_SMOOTHING'
  | 'LEARNING_RATE'
  | 'MIN_LEARNING_RATE'
  | 'NAME'
  | 'REDUCE_LR_FACTOR'
  | 'REDUCE_LR_PATIENCE'
  | 'SEED'
  | 'SPLIT_SEED'
  | 'STARTED_AT'
  | 'STATUS'
  | 'VALIDATION_SPLIT';

export type RunFilter = {
  augmentations?: InputMaybe<Array<Scalars['String']['input']>>;
  baseModels?: InputMaybe<Array<Scalars['String']['input']>>;
  datasetId?: InputMaybe<Scalars['ID']['input']>;
  experimentId?: InputMaybe<Scalars['ID']['input']>;
  ranges?: InputMaybe<Array<RangeFilter>>;
  /** Substring of the run's name. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Array<RunStatus>>;
  sweepId?: InputMaybe<Scalars['ID']['input']>;
  /** Runs carrying every one of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type RunGroup = {
  __typename?: 'RunGroup';
  /** The configuration without the seed, as a stable key. */
  key: Scalars['String']['output'];
  metrics: Array<GroupMetric>;
  n: Scalars['Int']['output'];
  /** In the order of the runs given: creation order for a sweep, the ids' order for compareRuns. */
  runIds: Array<Scalars['ID']['output']>;
};

export type RunGroupPage = {
  __typename?: 'RunGroupPage';
  /** Every configuration among the runs read, in the order of its first run. */
  groups: Array<RunGroup>;
  /** The runs read (oldest first), for their names and states. */
  runs: Array<Run>;
  /** True when the filter selects more runs than `first`: the groups are of the oldest `first` only. */
  truncated: Scalars['Boolean']['output'];
};

export type RunOrder = {
  direction: SortDirection;
  field: RunField;
};

export type RunStatus =
  | 'CANCELED'
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'STOPPED_EARLY';

export type SearchSpace = {
  __typename?: 'SearchSpace';
  /** Values of augmentation the sweep searches. */
  augmentations: Array<Scalars['String']['output']>;
  /** Values of baseModel the sweep searches. */
  baseModels: Array<Scalars['String']['output']>;
  /** Values of dropout the sweep searches. */
  dropouts: Array<Scalars['Float']['output']>;
  /** Values of fineTuneLayers the sweep searches. */
  fineTuneLayers: Array<Scalars['Int']['output']>;
  /** Values of fineTuneLearningRate the sweep searches. */
  fineTuneLearningRates: Array<Scalars['Float']['output']>;
  /** Values of headUnits the sweep searches. */
  headUnits: Array<Array<Scalars['Int']['output']>>;
  /** Values of labelSmoothing the sweep searches. */
  labelSmoothings: Array<Scalars['Float']['output']>;
  /** Values of learningRate the sweep searches. */
  learningRates: Array<Scalars['Float']['output']>;
};

export type SearchSpaceAdditionInput = {
  /** Values of augmentation to add to the sweep's list. */
  augmentations?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Values of baseModel to add to the sweep's list. */
  baseModels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Values of dropout to add to the sweep's list. */
  dropouts?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Values of fineTuneLayers to add to the sweep's list. */
  fineTuneLayers?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Values of fineTuneLearningRate to add to the sweep's list. */
  fineTuneLearningRates?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Values of headUnits to add to the sweep's list. */
  headUnits?: InputMaybe<Array<Array<Scalars['Int']['input']>>>;
  /** Values of labelSmoothing to add to the sweep's list. */
  labelSmoothings?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Values of learningRate to add to the sweep's list. */
  learningRates?: InputMaybe<Array<Scalars['Float']['input']>>;
};

export type SearchSpaceInput = {
  /** Values of augmentation to search over. Augmentation ops, comma-joined in canonical order (flip,rotate,...), a preset (light, standard, heavy) or none. */
  augmentations?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Values of baseModel to search over. Registry name of the frozen ImageNet base (e.g. mobilenet_v1_0.25_224) or a path to a LayersModel model.json. */
  baseModels: Array<Scalars['String']['input']>;
  /** Values of dropout to search over. Dropout rate before the head's output layer. */
  dropouts?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Values of fineTuneLayers to search over. Top layers of the base unfrozen for the fine-tuning phase (rounded up to a block boundary); 0 skips fine-tuning. */
  fineTuneLayers?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Values of fineTuneLearningRate to search over. Learning rate of the fine-tuning phase (low, so the base's features are nudged, not wiped). Applies only when fineTuneLayers is > 0. */
  fineTuneLearningRates?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Values of headUnits to search over. Dense units of the head in order, e.g. [256, 128]; empty for a linear head. */
  headUnits: Array<Array<Scalars['Int']['input']>>;
  /** Values of labelSmoothing to search over. Keras' label_smoothing of the categorical cross-entropy: targets become (1 − ε)·one-hot + ε/classes, in training and validation loss. */
  labelSmoothings?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Values of learningRate to search over. Learning rate of the head phase. */
  learningRates: Array<Scalars['Float']['input']>;
};

export type SkippedFile = {
  __typename?: 'SkippedFile';
  /** Path relative to the dataset root. */
  file: Scalars['String']['output'];
  /** Why it is not used: not an image extension core reads, an empty file, or the decoder's error. */
  reason: Scalars['String']['output'];
};

export type SkippedFileInput = {
  file: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type Subscription = {
  __typename?: 'Subscription';
  /** Epochs of one run as they are logged, in order. */
  epochLogged: Epoch;
  /** Status and summary changes of runs, narrowed to an experiment or a sweep. */
  runUpdated: Run;
};


export type SubscriptionEpochLoggedArgs = {
  runId: Scalars['ID']['input'];
};


export type SubscriptionRunUpdatedArgs = {
  experimentId?: InputMaybe<Scalars['ID']['input']>;
  sweepId?: InputMaybe<Scalars['ID']['input']>;
};

export type Sweep = {
  __typename?: 'Sweep';
  /** @deprecated Read `fixed`. */
  batchSize: Scalars['Int']['output'];
  bestRun?: Maybe<Run>;
  createdAt: Scalars['DateTime']['output'];
  dataset: Dataset;
  datasetId: Scalars['ID']['output'];
  earlyTermination: EarlyTermination;
  /** @deprecated Read `fixed`. */
  epochs: Scalars['Int']['output'];
  experiment: Experiment;
  experimentId: Scalars['ID']['output'];
  /** @deprecated Read `fixed`. */
  fineTuneEpochs: Scalars['Int']['output'];
  /** The knobs the sweep fixes for every run (the catalogue's fixed knobs: epochs, batch size, callbacks...), in catalogue order. */
  fixed: Array<HyperparameterValue>;
  /** Runs that differ only in their training seed (the sweep's repeats), with mean ± std of each summary metric. */
  groups: Array<RunGroup>;
  id: Scalars['ID']['output'];
  importance: Array<ParameterImportance>;
  maxRuns?: Maybe<Scalars['Int']['output']>;
  name: Scalars['String']['output'];
  progress: SweepProgress;
  /** Training seeds per configuration. */
  repeats: Scalars['Int']['output'];
  /** The sweep's first runs in creation order: `first` of them, at most 500 (the default). Page through all of them with `runs(filter: { sweepId })`. */
  runs: Array<Run>;
  searchSpace: SearchSpace;
  seed: Scalars['Int']['output'];
  status: SweepStatus;
  strategy: SweepStrategy;
  /** @deprecated Read `fixed`. */
  validationSplit: Scalars['Float']['output'];
};


export type SweepRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type SweepProgress = {
  __typename?: 'SweepProgress';
  canceled: Scalars['Int']['output'];
  completed: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  /** Runs the sweep will hold when done: its runs so far, or for TPE (which samples as agents ask) at least its budget of configurations × repeats. */
  planned: Scalars['Int']['output'];
  queued: Scalars['Int']['output'];
  running: Scalars['Int']['output'];
  stoppedEarly: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type SweepStatus =
  | 'CANCELED'
  | 'COMPLETED'
  | 'RUNNING';

export type SweepStrategy =
  /** Every combination of the lists (a seeded sample of maxRuns of them when there are more). */
  | 'GRID'
  /** maxRuns distinct combinations drawn uniformly with the sweep's seed. */
  | 'RANDOM'
  /** Tree-structured Parzen Estimator (as Optuna): 10 seeded random configurations, then each next one sampled where good results are dense, from every result reported so far; runs still going count as bad (constant liar) so parallel agents spread out. maxRuns configurations. */
  | 'TPE';

export type TestSetEvaluation = {
  __typename?: 'TestSetEvaluation';
  accuracy?: Maybe<Scalars['Float']['output']>;
  /** Claims by agents so far. */
  attempts: Scalars['Int']['output'];
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  confusionMatrix?: Maybe<Array<Array<Scalars['Int']['output']>>>;
  createdAt: Scalars['DateTime']['output'];
  /** The dataset evaluated on; null if it was deleted since. */
  dataset?: Maybe<Dataset>;
  datasetId: Scalars['ID']['output'];
  error?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The model's labels: the matrix's order, as in the run's validation. */
  labels?: Maybe<Array<Scalars['String']['output']>>;
  macroF1?: Maybe<Scalars['Float']['output']>;
  misclassified?: Maybe<Array<Misclassified>>;
  perClass?: Maybe<Array<ClassMetrics>>;
  runId: Scalars['ID']['output'];
  status: TestSetEvaluationStatus;
  weightedF1?: Maybe<Scalars['Float']['output']>;
};

export type TestSetEvaluationStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type TestSetJob = {
  __typename?: 'TestSetJob';
  /** This claim's number: send it back with the outcome. */
  attempt: Scalars['Int']['output'];
  datasetId: Scalars['ID']['output'];
  /** The dataset's folder, as registered. */
  datasetPath: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  runId: Scalars['ID']['output'];
};

export type ClaimedRunFragment = { __typename?: 'Run', id: string, name: string, status: RunStatus, attempts: number, epochCount: number, plannedEpochs: number, decisionEpochs: Array<number>, dataset: { __typename?: 'Dataset', id: string, path: string, name: string }, hyperparameters: { __typename?: 'Hyperparameters', baseModel: string, batchSize: number, baseWeights?: string | null, baseWeightsSha256?: string | null, values: Array<{ __typename?: 'HyperparameterValue', name: string, value?: unknown | null }> } };

export type RunControlFieldsFragment = { __typename?: 'RunControl', shouldStop: boolean, reason?: string | null, leaseExpiresAt?: string | null };

export type RegisterAgentMutationVariables = Exact<{
  input: RegisterAgentInput;
}>;


export type RegisterAgentMutation = { __typename?: 'Mutation', registerAgent: { __typename?: 'Agent', id: string, name: string } };

export type ClaimRunMutationVariables = Exact<{
  agentId: Scalars['ID']['input'];
  runId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ClaimRunMutation = { __typename?: 'Mutation', claimRun?: { __typename?: 'Run', id: string, name: string, status: RunStatus, attempts: number, epochCount: number, plannedEpochs: number, decisionEpochs: Array<number>, dataset: { __typename?: 'Dataset', id: string, path: string, name: string }, hyperparameters: { __typename?: 'Hyperparameters', baseModel: string, batchSize: number, baseWeights?: string | null, baseWeightsSha256?: string | null, values: Array<{ __typename?: 'HyperparameterValue', name: string, value?: unknown | null }> } } | null };

export type HeartbeatMutationVariables = Exact<{
  input: HeartbeatInput;
}>;


export type HeartbeatMutation = { __typename?: 'Mutation', heartbeat: { __typename?: 'RunControl', shouldStop: boolean, reason?: string | null, leaseExpiresAt?: string | null } };

export type LogEpochsMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
  agentId?: InputMaybe<Scalars['ID']['input']>;
  attempt?: InputMaybe<Scalars['Int']['input']>;
  epochs: Array<EpochInput> | EpochInput;
}>;


export type LogEpochsMutation = { __typename?: 'Mutation', logEpochs: { __typename?: 'LogEpochsResult', inserted: number, control: { __typename?: 'RunControl', shouldStop: boolean, reason?: string | null, leaseExpiresAt?: string | null } } };

export type CompleteRunMutationVariables = Exact<{
  input: CompleteRunInput;
}>;


export type CompleteRunMutation = { __typename?: 'Mutation', completeRun: { __typename?: 'Run', id: string, status: RunStatus } };

export type FailRunMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
  agentId?: InputMaybe<Scalars['ID']['input']>;
  attempt?: InputMaybe<Scalars['Int']['input']>;
  error: Scalars['String']['input'];
}>;


export type FailRunMutation = { __typename?: 'Mutation', failRun: { __typename?: 'Run', id: string, status: RunStatus } };

export type RegisterDatasetMutationVariables = Exact<{
  path: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
}>;


export type RegisterDatasetMutation = { __typename?: 'Mutation', registerDataset: { __typename?: 'Dataset', id: string, name: string, path: string } };

export type CreateExperimentMutationVariables = Exact<{
  input: CreateExperimentInput;
}>;


export type CreateExperimentMutation = { __typename?: 'Mutation', createExperiment: { __typename?: 'Experiment', id: string, name: string } };

export type ExperimentsQueryVariables = Exact<{ [key: string]: never; }>;


export type ExperimentsQuery = { __typename?: 'Query', experiments: Array<{ __typename?: 'Experiment', id: string, name: string }> };

export type CreateRunMutationVariables = Exact<{
  input: CreateRunInput;
}>;


export type CreateRunMutation = { __typename?: 'Mutation', createRun: { __typename?: 'Run', id: string, name: string } };

export type RunStatusQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RunStatusQuery = { __typename?: 'Query', run: { __typename?: 'Run', id: string, status: RunStatus, epochCount: number } };

export type ClaimEvaluationMutationVariables = Exact<{
  agentId: Scalars['ID']['input'];
}>;


export type ClaimEvaluationMutation = { __typename?: 'Mutation', claimEvaluation?: { __typename?: 'TestSetJob', id: string, runId: string, datasetId: string, datasetPath: string, attempt: number } | null };

export type CompleteEvaluationMutationVariables = Exact<{
  input: CompleteTestSetInput;
}>;


export type CompleteEvaluationMutation = { __typename?: 'Mutation', completeEvaluation: { __typename?: 'TestSetEvaluation', id: string, status: TestSetEvaluationStatus, accuracy?: number | null } };

export type FailEvaluationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  agentId: Scalars['ID']['input'];
  attempt: Scalars['Int']['input'];
  error: Scalars['String']['input'];
}>;


export type FailEvaluationMutation = { __typename?: 'Mutation', failEvaluation: { __typename?: 'TestSetEvaluation', id: string, status: TestSetEvaluationStatus } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ClaimedRunFragmentDoc = new TypedDocumentString(`
    fragment ClaimedRun on Run {
  id
  name
  status
  attempts
  epochCount
  plannedEpochs
  decisionEpochs
  dataset {
    id
    path
    name
  }
  hyperparameters {
    values {
      name
      value
    }
    baseModel
    batchSize
    baseWeights
    baseWeightsSha256
  }
}
    `, {"fragmentName":"ClaimedRun"}) as unknown as TypedDocumentString<ClaimedRunFragment, unknown>;
export const RunControlFieldsFragmentDoc = new TypedDocumentString(`
    fragment RunControlFields on RunControl {
  shouldStop
  reason
  leaseExpiresAt
}
    `, {"fragmentName":"RunControlFields"}) as unknown as TypedDocumentString<RunControlFieldsFragment, unknown>;
export const RegisterAgentDocument = new TypedDocumentString(`
    mutation RegisterAgent($input: RegisterAgentInput!) {
  registerAgent(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<RegisterAgentMutation, RegisterAgentMutationVariables>;
export const ClaimRunDocument = new TypedDocumentString(`
    mutation ClaimRun($agentId: ID!, $runId: ID) {
  claimRun(agentId: $agentId, runId: $runId) {
    ...ClaimedRun
  }
}
    fragment ClaimedRun on Run {
  id
  name
  status
  attempts
  epochCount
  plannedEpochs
  decisionEpochs
  dataset {
    id
    path
    name
  }
  hyperparameters {
    values {
      name
      value
    }
    baseModel
    batchSize
    baseWeights
    baseWeightsSha256
  }
}`) as unknown as TypedDocumentString<ClaimRunMutation, ClaimRunMutationVariables>;
export const HeartbeatDocument = new TypedDocumentString(`
    mutation Heartbeat($input: HeartbeatInput!) {
  heartbeat(input: $input) {
    ...RunControlFields
  }
}
    fragment RunControlFields on RunControl {
  shouldStop
  reason
  leaseExpiresAt
}`) as unknown as TypedDocumentString<HeartbeatMutation, HeartbeatMutationVariables>;
export const LogEpochsDocument = new TypedDocumentString(`
    mutation LogEpochs($runId: ID!, $agentId: ID, $attempt: Int, $epochs: [EpochInput!]!) {
  logEpochs(runId: $runId, agentId: $agentId, attempt: $attempt, epochs: $epochs) {
    inserted
    control {
      ...RunControlFields
    }
  }
}
    fragment RunControlFields on RunControl {
  shouldStop
  reason
  leaseExpiresAt
}`) as unknown as TypedDocumentString<LogEpochsMutation, LogEpochsMutationVariables>;
export const CompleteRunDocument = new TypedDocumentString(`
    mutation CompleteRun($input: CompleteRunInput!) {
  completeRun(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CompleteRunMutation, CompleteRunMutationVariables>;
export const FailRunDocument = new TypedDocumentString(`
    mutation FailRun($runId: ID!, $agentId: ID, $attempt: Int, $error: String!) {
  failRun(runId: $runId, agentId: $agentId, attempt: $attempt, error: $error) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<FailRunMutation, FailRunMutationVariables>;
export const RegisterDatasetDocument = new TypedDocumentString(`
    mutation RegisterDataset($path: String!, $name: String) {
  registerDataset(path: $path, name: $name) {
    id
    name
    path
  }
}
    `) as unknown as TypedDocumentString<RegisterDatasetMutation, RegisterDatasetMutationVariables>;
export const CreateExperimentDocument = new TypedDocumentString(`
    mutation CreateExperiment($input: CreateExperimentInput!) {
  createExperiment(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateExperimentMutation, CreateExperimentMutationVariables>;
export const ExperimentsDocument = new TypedDocumentString(`
    query Experiments {
  experiments {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ExperimentsQuery, ExperimentsQueryVariables>;
export const CreateRunDocument = new TypedDocumentString(`
    mutation CreateRun($input: CreateRunInput!) {
  createRun(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateRunMutation, CreateRunMutationVariables>;
export const RunStatusDocument = new TypedDocumentString(`
    query RunStatus($id: ID!) {
  run(id: $id) {
    id
    status
    epochCount
  }
}
    `) as unknown as TypedDocumentString<RunStatusQuery, RunStatusQueryVariables>;
export const ClaimEvaluationDocument = new TypedDocumentString(`
    mutation ClaimEvaluation($agentId: ID!) {
  claimEvaluation(agentId: $agentId) {
    id
    runId
    datasetId
    datasetPath
    attempt
  }
}
    `) as unknown as TypedDocumentString<ClaimEvaluationMutation, ClaimEvaluationMutationVariables>;
export const CompleteEvaluationDocument = new TypedDocumentString(`
    mutation CompleteEvaluation($input: CompleteTestSetInput!) {
  completeEvaluation(input: $input) {
    id
    status
    accuracy
  }
}
    `) as unknown as TypedDocumentString<CompleteEvaluationMutation, CompleteEvaluationMutationVariables>;
export const FailEvaluationDocument = new TypedDocumentString(`
    mutation FailEvaluation($id: ID!, $agentId: ID!, $attempt: Int!, $error: String!) {
  failEvaluation(id: $id, agentId: $agentId, attempt: $attempt, error: $error) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<FailEvaluationMutation, FailEvaluationMutationVariables>;