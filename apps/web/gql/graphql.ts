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

export type RunRowFragment = { __typename?: 'Run', id: string, name: string, status: RunStatus, experimentId?: string | null, sweepId?: string | null, backend?: string | null, agentId?: string | null, createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null, bestValAccuracy?: number | null, bestValLoss?: number | null, bestEpoch?: number | null, finalValAccuracy?: number | null, finalValLoss?: number | null, epochCount: number, plannedEpochs: number, error?: string | null, stopReason?: string | null, tags: Array<string>, hyperparameters: { __typename?: 'Hyperparameters', baseModel: string, headUnits: Array<number>, augmentation: string, fineTuneLayers: number, learningRate: number, baseWeights?: string | null, baseWeightsSha256?: string | null, values: Array<{ __typename?: 'HyperparameterValue', name: string, value?: unknown | null }> } };

export type HyperparameterCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type HyperparameterCatalogQuery = { __typename?: 'Query', hyperparameterCatalog: Array<{ __typename?: 'HyperparameterInfo', name: string, label: string, description: string, kind: string, phase: string, sweep: string, searchField?: string | null, searchRequired: boolean, nullable: boolean, nullText?: string | null, sortField?: string | null, default?: unknown | null, min?: number | null, max?: number | null, exclusiveMin: boolean, exclusiveMax: boolean, scale?: string | null, values: Array<string>, maxLength?: number | null, rule: string, appliesWhen?: { __typename?: 'HyperparameterCondition', parameter: string, rule: string } | null, crossRules: Array<{ __typename?: 'HyperparameterCrossRule', relation: string, other?: string | null, min?: number | null, qualifier?: string | null, appliesWhen?: { __typename?: 'HyperparameterCondition', parameter: string, rule: string } | null }>, presets: Array<{ __typename?: 'AugmentationPreset', name: string, ops: string }> }> };

export type EpochFieldsFragment = { __typename?: 'Epoch', epoch: number, phase: Phase, loss?: number | null, accuracy?: number | null, valLoss?: number | null, valAccuracy?: number | null, learningRate: number, durationMs: number, imagesPerSec: number, confusionMatrix?: Array<Array<number>> | null, createdAt: string };

export type ExperimentsQueryVariables = Exact<{ [key: string]: never; }>;


export type ExperimentsQuery = { __typename?: 'Query', experiments: Array<{ __typename?: 'Experiment', id: string, name: string, description?: string | null, createdAt: string, runCount: number, bestValAccuracy?: number | null }>, sweeps: Array<{ __typename?: 'Sweep', id: string, name: string, status: SweepStatus, experimentId: string, createdAt: string, progress: { __typename?: 'SweepProgress', total: number, planned: number, queued: number, running: number, completed: number, failed: number, canceled: number, stoppedEarly: number } }> };

export type ExperimentQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ExperimentQuery = { __typename?: 'Query', experiment: { __typename?: 'Experiment', id: string, name: string, description?: string | null, createdAt: string, runCount: number, bestValAccuracy?: number | null }, sweeps: Array<{ __typename?: 'Sweep', id: string }> };

export type RunsPageQueryVariables = Exact<{
  filter?: InputMaybe<RunFilter>;
  orderBy?: InputMaybe<RunOrder>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RunsPageQuery = { __typename?: 'Query', runs: { __typename?: 'RunConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Run', id: string, name: string, status: RunStatus, experimentId?: string | null, sweepId?: string | null, backend?: string | null, agentId?: string | null, createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null, bestValAccuracy?: number | null, bestValLoss?: number | null, bestEpoch?: number | null, finalValAccuracy?: number | null, finalValLoss?: number | null, epochCount: number, plannedEpochs: number, error?: string | null, stopReason?: string | null, tags: Array<string>, hyperparameters: { __typename?: 'Hyperparameters', baseModel: string, headUnits: Array<number>, augmentation: string, fineTuneLayers: number, learningRate: number, baseWeights?: string | null, baseWeightsSha256?: string | null, values: Array<{ __typename?: 'HyperparameterValue', name: string, value?: unknown | null }> } }> } };

export type RunQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RunQuery = { __typename?: 'Query', run: { __typename?: 'Run', attempts: number, fineTunedLayers?: number | null, id: string, name: string, status: RunStatus, experimentId?: string | null, sweepId?: string | null, backend?: string | null, agentId?: string | null, createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null, bestValAccuracy?: number | null, bestValLoss?: number | null, bestEpoch?: number | null, finalValAccuracy?: number | null, finalValLoss?: number | null, epochCount: number, plannedEpochs: number, error?: string | null, stopReason?: string | null, tags: Array<string>, engines?: { __typename?: 'RunEngines', features: string, augmentedEpochs?: string | null, fineTuneBottom?: string | null, trainable: string } | null, notes: Array<{ __typename?: 'Note', id: string, text: string, createdAt: string }>, experiment?: { __typename?: 'Experiment', id: string, name: string } | null, sweep?: { __typename?: 'Sweep', id: string, name: string } | null, dataset: { __typename?: 'Dataset', id: string, name: string, path: string }, agent?: { __typename?: 'Agent', id: string, name: string, host: string, backend: string, status: AgentStatus } | null, checkpoint?: { __typename?: 'Checkpoint', weightsSha256: string, bytes: number } | null, epochs: Array<{ __typename?: 'Epoch', epoch: number, phase: Phase, loss?: number | null, accuracy?: number | null, valLoss?: number | null, valAccuracy?: number | null, learningRate: number, durationMs: number, imagesPerSec: number, confusionMatrix?: Array<Array<number>> | null, createdAt: string }>, evaluation?: { __typename?: 'Evaluation', labels: Array<string>, confusionMatrix: Array<Array<number>>, accuracy: number, macroF1: number, weightedF1: number, evaluatedEpoch?: number | null, perClass: Array<{ __typename?: 'ClassMetrics', label: string, precision: number, recall: number, f1: number, support: number }>, misclassified: Array<{ __typename?: 'Misclassified', file: string, trueLabel: string, predictedLabel: string, confidence: number }>, skippedFiles: Array<{ __typename?: 'SkippedFile', file: string, reason: string }> } | null, hyperparameters: { __typename?: 'Hyperparameters', baseModel: string, headUnits: Array<number>, augmentation: string, fineTuneLayers: number, learningRate: number, baseWeights?: string | null, baseWeightsSha256?: string | null, values: Array<{ __typename?: 'HyperparameterValue', name: string, value?: unknown | null }> } } };

export type CompareRunsQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type CompareRunsQuery = { __typename?: 'Query', compareRuns: { __typename?: 'RunComparison', labels: Array<string>, runs: Array<{ __typename?: 'Run', id: string, name: string, status: RunStatus, experimentId?: string | null, sweepId?: string | null, backend?: string | null, agentId?: string | null, createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null, bestValAccuracy?: number | null, bestValLoss?: number | null, bestEpoch?: number | null, finalValAccuracy?: number | null, finalValLoss?: number | null, epochCount: number, plannedEpochs: number, error?: string | null, stopReason?: string | null, tags: Array<string>, testSetEvaluations: Array<{ __typename?: 'TestSetEvaluation', status: TestSetEvaluationStatus, accuracy?: number | null, dataset?: { __typename?: 'Dataset', id: string, name: string } | null }>, evaluation?: { __typename?: 'Evaluation', labels: Array<string>, accuracy: number, macroF1: number, perClass: Array<{ __typename?: 'ClassMetrics', label: string, precision: number, recall: number, f1: number, support: number }> } | null, hyperparameters: { __typename?: 'Hyperparameters', baseModel: string, headUnits: Array<number>, augmentation: string, fineTuneLayers: number, learningRate: number, baseWeights?: string | null, baseWeightsSha256?: string | null, values: Array<{ __typename?: 'HyperparameterValue', name: string, value?: unknown | null }> } }>, differences: Array<{ __typename?: 'HyperparameterDifference', name: string, values: Array<string | null>, differs: boolean }>, curves: Array<{ __typename?: 'RunCurve', runId: string, epochs: Array<{ __typename?: 'Epoch', epoch: number, phase: Phase, loss?: number | null, accuracy?: number | null, valLoss?: number | null, valAccuracy?: number | null, learningRate: number, durationMs: number, imagesPerSec: number, confusionMatrix?: Array<Array<number>> | null, createdAt: string }> }>, confusionMatrices: Array<{ __typename?: 'AlignedConfusionMatrix', runId: string, matrix?: Array<Array<number>> | null }>, groups: Array<{ __typename?: 'RunGroup', key: string, runIds: Array<string>, n: number, metrics: Array<{ __typename?: 'GroupMetric', name: string, mean?: number | null, std?: number | null, n: number }> }> } };

export type SweepQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SweepQuery = { __typename?: 'Query', sweep: { __typename?: 'Sweep', id: string, name: string, status: SweepStatus, strategy: SweepStrategy, experimentId: string, datasetId: string, maxRuns?: number | null, seed: number, repeats: number, earlyTermination: EarlyTermination, createdAt: string, fixed: Array<{ __typename?: 'HyperparameterValue', name: string, value?: unknown | null }>, experiment: { __typename?: 'Experiment', id: string, name: string }, dataset: { __typename?: 'Dataset', id: string, name: string }, searchSpace: { __typename?: 'SearchSpace', baseModels: Array<string>, headUnits: Array<Array<number>>, augmentations: Array<string>, fineTuneLayers: Array<number>, learningRates: Array<number>, fineTuneLearningRates: Array<number>, dropouts: Array<number>, labelSmoothings: Array<number> }, progress: { __typename?: 'SweepProgress', total: number, planned: number, queued: number, running: number, completed: number, failed: number, canceled: number, stoppedEarly: number }, bestRun?: { __typename?: 'Run', id: string, name: string, status: RunStatus, experimentId?: string | null, sweepId?: string | null, backend?: string | null, agentId?: string | null, createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null, bestValAccuracy?: number | null, bestValLoss?: number | null, bestEpoch?: number | null, finalValAccuracy?: number | null, finalValLoss?: number | null, epochCount: number, plannedEpochs: number, error?: string | null, stopReason?: string | null, tags: Array<string>, hyperparameters: { __typename?: 'Hyperparameters', baseModel: string, headUnits: Array<number>, augmentation: string, fineTuneLayers: number, learningRate: number, baseWeights?: string | null, baseWeightsSha256?: string | null, values: Array<{ __typename?: 'HyperparameterValue', name: string, value?: unknown | null }> } } | null, importance: Array<{ __typename?: 'ParameterImportance', parameter: string, importance: number, importanceSd: number, correlation?: number | null, runCount: number, marginal: Array<{ __typename?: 'MarginalEffect', value: string, numeric?: number | null, mean: number, sd: number, trials: number }> }>, runs: Array<{ __typename?: 'Run', id: string, name: string, status: RunStatus, experimentId?: string | null, sweepId?: string | null, backend?: string | null, agentId?: string | null, createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null, bestValAccuracy?: number | null, bestValLoss?: number | null, bestEpoch?: number | null, finalValAccuracy?: number | null, finalValLoss?: number | null, epochCount: number, plannedEpochs: number, error?: string | null, stopReason?: string | null, tags: Array<string>, hyperparameters: { __typename?: 'Hyperparameters', baseModel: string, headUnits: Array<number>, augmentation: string, fineTuneLayers: number, learningRate: number, baseWeights?: string | null, baseWeightsSha256?: string | null, values: Array<{ __typename?: 'HyperparameterValue', name: string, value?: unknown | null }> } }> } };

export type AgentsQueryVariables = Exact<{ [key: string]: never; }>;


export type AgentsQuery = { __typename?: 'Query', agents: Array<{ __typename?: 'Agent', id: string, name: string, host: string, backend: string, cores: number, gpu?: string | null, status: AgentStatus, lastHeartbeatAt: string, createdAt: string, currentRunId?: string | null, currentRun?: { __typename?: 'Run', id: string, name: string, status: RunStatus, epochCount: number, plannedEpochs: number } | null }> };

export type LaunchOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type LaunchOptionsQuery = { __typename?: 'Query', datasets: Array<{ __typename?: 'Dataset', id: string, name: string, path: string, imageCount: number, classes: Array<{ __typename?: 'DatasetClass', name: string, count: number }> }>, experiments: Array<{ __typename?: 'Experiment', id: string, name: string }>, baseModels: Array<{ __typename?: 'BaseModelInfo', name: string, inputSize: number, description: string }>, augmentationPresets: Array<{ __typename?: 'AugmentationPreset', name: string, ops: string }> };

export type RegisterDatasetMutationVariables = Exact<{
  path: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
}>;


export type RegisterDatasetMutation = { __typename?: 'Mutation', registerDataset: { __typename?: 'Dataset', id: string, name: string, path: string, imageCount: number, classes: Array<{ __typename?: 'DatasetClass', name: string, count: number }> } };

export type CreateExperimentMutationVariables = Exact<{
  input: CreateExperimentInput;
}>;


export type CreateExperimentMutation = { __typename?: 'Mutation', createExperiment: { __typename?: 'Experiment', id: string, name: string } };

export type CreateSweepMutationVariables = Exact<{
  input: CreateSweepInput;
}>;


export type CreateSweepMutation = { __typename?: 'Mutation', createSweep: { __typename?: 'Sweep', id: string, name: string, experimentId: string, progress: { __typename?: 'SweepProgress', total: number } } };

export type CancelRunMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
}>;


export type CancelRunMutation = { __typename?: 'Mutation', cancelRun: { __typename?: 'Run', id: string, status: RunStatus } };

export type CancelSweepMutationVariables = Exact<{
  sweepId: Scalars['ID']['input'];
}>;


export type CancelSweepMutation = { __typename?: 'Mutation', cancelSweep: { __typename?: 'Sweep', id: string, status: SweepStatus } };

export type RunUpdatedSubscriptionVariables = Exact<{
  experimentId?: InputMaybe<Scalars['ID']['input']>;
  sweepId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type RunUpdatedSubscription = { __typename?: 'Subscription', runUpdated: { __typename?: 'Run', id: string, name: string, status: RunStatus, experimentId?: string | null, sweepId?: string | null, backend?: string | null, agentId?: string | null, createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null, bestValAccuracy?: number | null, bestValLoss?: number | null, bestEpoch?: number | null, finalValAccuracy?: number | null, finalValLoss?: number | null, epochCount: number, plannedEpochs: number, error?: string | null, stopReason?: string | null, tags: Array<string>, hyperparameters: { __typename?: 'Hyperparameters', baseModel: string, headUnits: Array<number>, augmentation: string, fineTuneLayers: number, learningRate: number, baseWeights?: string | null, baseWeightsSha256?: string | null, values: Array<{ __typename?: 'HyperparameterValue', name: string, value?: unknown | null }> } } };

export type EpochLoggedSubscriptionVariables = Exact<{
  runId: Scalars['ID']['input'];
}>;


export type EpochLoggedSubscription = { __typename?: 'Subscription', epochLogged: { __typename?: 'Epoch', epoch: number, phase: Phase, loss?: number | null, accuracy?: number | null, valLoss?: number | null, valAccuracy?: number | null, learningRate: number, durationMs: number, imagesPerSec: number, confusionMatrix?: Array<Array<number>> | null, createdAt: string } };

export type PairedComparisonQueryVariables = Exact<{
  a: Scalars['ID']['input'];
  b: Scalars['ID']['input'];
}>;


export type PairedComparisonQuery = { __typename?: 'Query', pairedComparison: { __typename?: 'PairedComparison', a: string, b: string, sameValidationSet: boolean, method: string, imagesA: number, imagesB: number, accuracyA: number, accuracyB: number, accuracyDifference: number, ci95Low: number, ci95High: number, mcnemarPValue?: number | null, onlyARight?: number | null, onlyBRight?: number | null, perClass: Array<{ __typename?: 'ClassRecallDifference', label: string, support: number, recallA?: number | null, recallB?: number | null, difference?: number | null }>, flips: Array<{ __typename?: 'PredictionFlip', file: string, trueLabel: string, rightRunId: string, predictedA: string, confidenceA: number, predictedB: string, confidenceB: number }> }, run: { __typename?: 'Run', id: string, datasetId: string, checkpoint?: { __typename?: 'Checkpoint', weightsSha256: string } | null }, runB: { __typename?: 'Run', id: string, checkpoint?: { __typename?: 'Checkpoint', weightsSha256: string } | null } };

export type RunGroupFieldsFragment = { __typename?: 'RunGroup', key: string, runIds: Array<string>, n: number, metrics: Array<{ __typename?: 'GroupMetric', name: string, mean?: number | null, std?: number | null, n: number }> };

export type SweepGroupsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SweepGroupsQuery = { __typename?: 'Query', sweep: { __typename?: 'Sweep', id: string, groups: Array<{ __typename?: 'RunGroup', key: string, runIds: Array<string>, n: number, metrics: Array<{ __typename?: 'GroupMetric', name: string, mean?: number | null, std?: number | null, n: number }> }> } };

export type GroupComparisonQueryVariables = Exact<{
  a: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  b: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type GroupComparisonQuery = { __typename?: 'Query', groupComparison: { __typename?: 'GroupComparison', images: number, accuracyA: number, accuracyB: number, stdA?: number | null, stdB?: number | null, accuracyDifference: number, ci95Low: number, ci95High: number, bootstrapResamples: number } };

export type SweepCurvesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SweepCurvesQuery = { __typename?: 'Query', sweep: { __typename?: 'Sweep', id: string, runs: Array<{ __typename?: 'Run', id: string, epochs: Array<{ __typename?: 'Epoch', epoch: number, phase: Phase, loss?: number | null, accuracy?: number | null, valLoss?: number | null, valAccuracy?: number | null }> }> } };

export type RunTestSetsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RunTestSetsQuery = { __typename?: 'Query', run: { __typename?: 'Run', id: string, datasetId: string, testSetEvaluations: Array<{ __typename?: 'TestSetEvaluation', id: string, status: TestSetEvaluationStatus, error?: string | null, accuracy?: number | null, macroF1?: number | null, weightedF1?: number | null, labels?: Array<string> | null, confusionMatrix?: Array<Array<number>> | null, perClass?: Array<{ __typename?: 'ClassMetrics', label: string, precision: number, recall: number, f1: number, support: number }> | null, dataset?: { __typename?: 'Dataset', id: string, name: string } | null }> }, datasets: Array<{ __typename?: 'Dataset', id: string, name: string, imageCount: number, classes: Array<{ __typename?: 'DatasetClass', name: string }> }> };

export type EvaluateRunMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
  datasetId: Scalars['ID']['input'];
}>;


export type EvaluateRunMutation = { __typename?: 'Mutation', evaluateRun: { __typename?: 'TestSetEvaluation', id: string, status: TestSetEvaluationStatus } };

export type RunGroupsQueryVariables = Exact<{
  filter?: InputMaybe<RunFilter>;
}>;


export type RunGroupsQuery = { __typename?: 'Query', runGroups: { __typename?: 'RunGroupPage', truncated: boolean, runs: Array<{ __typename?: 'Run', id: string, name: string, status: RunStatus }>, groups: Array<{ __typename?: 'RunGroup', key: string, runIds: Array<string>, n: number, metrics: Array<{ __typename?: 'GroupMetric', name: string, mean?: number | null, std?: number | null, n: number }> }> } };

export type NoteFieldsFragment = { __typename?: 'Note', id: string, text: string, createdAt: string };

export type ParameterImportanceFieldsFragment = { __typename?: 'ParameterImportance', parameter: string, importance: number, importanceSd: number, correlation?: number | null, runCount: number, marginal: Array<{ __typename?: 'MarginalEffect', value: string, numeric?: number | null, mean: number, sd: number, trials: number }> };

export type RunAnnotationsFragment = { __typename?: 'Run', id: string, name: string, tags: Array<string>, notes: Array<{ __typename?: 'Note', id: string, text: string, createdAt: string }> };

export type RenameRunMutationVariables = Exact<{
  input: RenameRunInput;
}>;


export type RenameRunMutation = { __typename?: 'Mutation', renameRun: { __typename?: 'Run', id: string, name: string, tags: Array<string>, notes: Array<{ __typename?: 'Note', id: string, text: string, createdAt: string }> } };

export type AddTagMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
  tag: Scalars['String']['input'];
}>;


export type AddTagMutation = { __typename?: 'Mutation', addTag: { __typename?: 'Run', id: string, name: string, tags: Array<string>, notes: Array<{ __typename?: 'Note', id: string, text: string, createdAt: string }> } };

export type RemoveTagMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
  tag: Scalars['String']['input'];
}>;


export type RemoveTagMutation = { __typename?: 'Mutation', removeTag: { __typename?: 'Run', id: string, name: string, tags: Array<string>, notes: Array<{ __typename?: 'Note', id: string, text: string, createdAt: string }> } };

export type AddNoteMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
}>;


export type AddNoteMutation = { __typename?: 'Mutation', addNote: { __typename?: 'Run', id: string, name: string, tags: Array<string>, notes: Array<{ __typename?: 'Note', id: string, text: string, createdAt: string }> } };

export type EditNoteMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
  noteId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
}>;


export type EditNoteMutation = { __typename?: 'Mutation', editNote: { __typename?: 'Run', id: string, name: string, tags: Array<string>, notes: Array<{ __typename?: 'Note', id: string, text: string, createdAt: string }> } };

export type RemoveNoteMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
  noteId: Scalars['ID']['input'];
}>;


export type RemoveNoteMutation = { __typename?: 'Mutation', removeNote: { __typename?: 'Run', id: string, name: string, tags: Array<string>, notes: Array<{ __typename?: 'Note', id: string, text: string, createdAt: string }> } };

export type RequeueRunMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
}>;


export type RequeueRunMutation = { __typename?: 'Mutation', requeueRun: { __typename?: 'Run', id: string, name: string, status: RunStatus, experimentId?: string | null, sweepId?: string | null, backend?: string | null, agentId?: string | null, createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null, bestValAccuracy?: number | null, bestValLoss?: number | null, bestEpoch?: number | null, finalValAccuracy?: number | null, finalValLoss?: number | null, epochCount: number, plannedEpochs: number, error?: string | null, stopReason?: string | null, tags: Array<string>, hyperparameters: { __typename?: 'Hyperparameters', baseModel: string, headUnits: Array<number>, augmentation: string, fineTuneLayers: number, learningRate: number, baseWeights?: string | null, baseWeightsSha256?: string | null, values: Array<{ __typename?: 'HyperparameterValue', name: string, value?: unknown | null }> } } };

export type DeleteRunMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
}>;


export type DeleteRunMutation = { __typename?: 'Mutation', deleteRun: string };

export type ExtendSweepMutationVariables = Exact<{
  input: ExtendSweepInput;
}>;


export type ExtendSweepMutation = { __typename?: 'Mutation', extendSweep: { __typename?: 'Sweep', id: string, status: SweepStatus, maxRuns?: number | null, progress: { __typename?: 'SweepProgress', total: number, planned: number } } };

export type ResumeSweepMutationVariables = Exact<{
  sweepId: Scalars['ID']['input'];
}>;


export type ResumeSweepMutation = { __typename?: 'Mutation', resumeSweep: { __typename?: 'Sweep', id: string, status: SweepStatus } };

export type DeleteSweepMutationVariables = Exact<{
  sweepId: Scalars['ID']['input'];
}>;


export type DeleteSweepMutation = { __typename?: 'Mutation', deleteSweep: string };

export type DeleteExperimentMutationVariables = Exact<{
  experimentId: Scalars['ID']['input'];
}>;


export type DeleteExperimentMutation = { __typename?: 'Mutation', deleteExperiment: string };

export type DeleteDatasetMutationVariables = Exact<{
  datasetId: Scalars['ID']['input'];
}>;


export type DeleteDatasetMutation = { __typename?: 'Mutation', deleteDataset: string };

export type DatasetUsageQueryVariables = Exact<{
  datasetId: Scalars['ID']['input'];
}>;


export type DatasetUsageQuery = { __typename?: 'Query', runs: { __typename?: 'RunConnection', totalCount: number }, sweeps: Array<{ __typename?: 'Sweep', id: string, datasetId: string }> };

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
export const RunRowFragmentDoc = new TypedDocumentString(`
    fragment RunRow on Run {
  id
  name
  status
  experimentId
  sweepId
  backend
  agentId
  createdAt
  startedAt
  finishedAt
  durationMs
  bestValAccuracy
  bestValLoss
  bestEpoch
  finalValAccuracy
  finalValLoss
  epochCount
  plannedEpochs
  error
  stopReason
  tags
  hyperparameters {
    values {
      name
      value
    }
    baseModel
    headUnits
    augmentation
    fineTuneLayers
    learningRate
    baseWeights
    baseWeightsSha256
  }
}
    `, {"fragmentName":"RunRow"}) as unknown as TypedDocumentString<RunRowFragment, unknown>;
export const EpochFieldsFragmentDoc = new TypedDocumentString(`
    fragment EpochFields on Epoch {
  epoch
  phase
  loss
  accuracy
  valLoss
  valAccuracy
  learningRate
  durationMs
  imagesPerSec
  confusionMatrix
  createdAt
}
    `, {"fragmentName":"EpochFields"}) as unknown as TypedDocumentString<EpochFieldsFragment, unknown>;
export const RunGroupFieldsFragmentDoc = new TypedDocumentString(`
    fragment RunGroupFields on RunGroup {
  key
  runIds
  n
  metrics {
    name
    mean
    std
    n
  }
}
    `, {"fragmentName":"RunGroupFields"}) as unknown as TypedDocumentString<RunGroupFieldsFragment, unknown>;
export const ParameterImportanceFieldsFragmentDoc = new TypedDocumentString(`
    fragment ParameterImportanceFields on ParameterImportance {
  parameter
  importance
  importanceSd
  correlation
  runCount
  marginal {
    value
    numeric
    mean
    sd
    trials
  }
}
    `, {"fragmentName":"ParameterImportanceFields"}) as unknown as TypedDocumentString<ParameterImportanceFieldsFragment, unknown>;
export const NoteFieldsFragmentDoc = new TypedDocumentString(`
    fragment NoteFields on Note {
  id
  text
  createdAt
}
    `, {"fragmentName":"NoteFields"}) as unknown as TypedDocumentString<NoteFieldsFragment, unknown>;
export const RunAnnotationsFragmentDoc = new TypedDocumentString(`
    fragment RunAnnotations on Run {
  id
  name
  tags
  notes {
    ...NoteFields
  }
}
    fragment NoteFields on Note {
  id
  text
  createdAt
}`, {"fragmentName":"RunAnnotations"}) as unknown as TypedDocumentString<RunAnnotationsFragment, unknown>;
export const HyperparameterCatalogDocument = new TypedDocumentString(`
    query HyperparameterCatalog {
  hyperparameterCatalog {
    name
    label
    description
    kind
    phase
    appliesWhen {
      parameter
      rule
    }
    crossRules {
      relation
      other
      min
      appliesWhen {
        parameter
        rule
      }
      qualifier
    }
    sweep
    searchField
    searchRequired
    nullable
    nullText
    sortField
    default
    min
    max
    exclusiveMin
    exclusiveMax
    scale
    values
    presets {
      name
      ops
    }
    maxLength
    rule
  }
}
    `) as unknown as TypedDocumentString<HyperparameterCatalogQuery, HyperparameterCatalogQueryVariables>;
export const ExperimentsDocument = new TypedDocumentString(`
    query Experiments {
  experiments {
    id
    name
    description
    createdAt
    runCount
    bestValAccuracy
  }
  sweeps {
    id
    name
    status
    experimentId
    createdAt
    progress {
      total
      planned
      queued
      running
      completed
      failed
      canceled
      stoppedEarly
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentsQuery, ExperimentsQueryVariables>;
export const ExperimentDocument = new TypedDocumentString(`
    query Experiment($id: ID!) {
  experiment(id: $id) {
    id
    name
    description
    createdAt
    runCount
    bestValAccuracy
  }
  sweeps(experimentId: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<ExperimentQuery, ExperimentQueryVariables>;
export const RunsPageDocument = new TypedDocumentString(`
    query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {
  runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...RunRow
    }
  }
}
    fragment RunRow on Run {
  id
  name
  status
  experimentId
  sweepId
  backend
  agentId
  createdAt
  startedAt
  finishedAt
  durationMs
  bestValAccuracy
  bestValLoss
  bestEpoch
  finalValAccuracy
  finalValLoss
  epochCount
  plannedEpochs
  error
  stopReason
  tags
  hyperparameters {
    values {
      name
      value
    }
    baseModel
    headUnits
    augmentation
    fineTuneLayers
    learningRate
    baseWeights
    baseWeightsSha256
  }
}`) as unknown as TypedDocumentString<RunsPageQuery, RunsPageQueryVariables>;
export const RunDocument = new TypedDocumentString(`
    query Run($id: ID!) {
  run(id: $id) {
    ...RunRow
    attempts
    engines {
      features
      augmentedEpochs
      fineTuneBottom
      trainable
    }
    notes {
      ...NoteFields
    }
    fineTunedLayers
    experiment {
      id
      name
    }
    sweep {
      id
      name
    }
    dataset {
      id
      name
      path
    }
    agent {
      id
      name
      host
      backend
      status
    }
    checkpoint {
      weightsSha256
      bytes
    }
    epochs {
      ...EpochFields
    }
    evaluation {
      labels
      confusionMatrix
      accuracy
      macroF1
      weightedF1
      perClass {
        label
        precision
        recall
        f1
        support
      }
      misclassified {
        file
        trueLabel
        predictedLabel
        confidence
      }
      evaluatedEpoch
      skippedFiles {
        file
        reason
      }
    }
  }
}
    fragment RunRow on Run {
  id
  name
  status
  experimentId
  sweepId
  backend
  agentId
  createdAt
  startedAt
  finishedAt
  durationMs
  bestValAccuracy
  bestValLoss
  bestEpoch
  finalValAccuracy
  finalValLoss
  epochCount
  plannedEpochs
  error
  stopReason
  tags
  hyperparameters {
    values {
      name
      value
    }
    baseModel
    headUnits
    augmentation
    fineTuneLayers
    learningRate
    baseWeights
    baseWeightsSha256
  }
}
fragment EpochFields on Epoch {
  epoch
  phase
  loss
  accuracy
  valLoss
  valAccuracy
  learningRate
  durationMs
  imagesPerSec
  confusionMatrix
  createdAt
}
fragment NoteFields on Note {
  id
  text
  createdAt
}`) as unknown as TypedDocumentString<RunQuery, RunQueryVariables>;
export const CompareRunsDocument = new TypedDocumentString(`
    query CompareRuns($ids: [ID!]!) {
  compareRuns(ids: $ids) {
    runs {
      ...RunRow
      testSetEvaluations {
        status
        accuracy
        dataset {
          id
          name
        }
      }
      evaluation {
        labels
        perClass {
          label
          precision
          recall
          f1
          support
        }
        accuracy
        macroF1
      }
    }
    differences {
      name
      values
      differs
    }
    curves {
      runId
      epochs {
        ...EpochFields
      }
    }
    labels
    confusionMatrices {
      runId
      matrix
    }
    groups {
      ...RunGroupFields
    }
  }
}
    fragment RunRow on Run {
  id
  name
  status
  experimentId
  sweepId
  backend
  agentId
  createdAt
  startedAt
  finishedAt
  durationMs
  bestValAccuracy
  bestValLoss
  bestEpoch
  finalValAccuracy
  finalValLoss
  epochCount
  plannedEpochs
  error
  stopReason
  tags
  hyperparameters {
    values {
      name
      value
    }
    baseModel
    headUnits
    augmentation
    fineTuneLayers
    learningRate
    baseWeights
    baseWeightsSha256
  }
}
fragment EpochFields on Epoch {
  epoch
  phase
  loss
  accuracy
  valLoss
  valAccuracy
  learningRate
  durationMs
  imagesPerSec
  confusionMatrix
  createdAt
}
fragment RunGroupFields on RunGroup {
  key
  runIds
  n
  metrics {
    name
    mean
    std
    n
  }
}`) as unknown as TypedDocumentString<CompareRunsQuery, CompareRunsQueryVariables>;
export const SweepDocument = new TypedDocumentString(`
    query Sweep($id: ID!) {
  sweep(id: $id) {
    id
    name
    status
    strategy
    experimentId
    datasetId
    maxRuns
    seed
    repeats
    earlyTermination
    fixed {
      name
      value
    }
    createdAt
    experiment {
      id
      name
    }
    dataset {
      id
      name
    }
    searchSpace {
      baseModels
      headUnits
      augmentations
      fineTuneLayers
      learningRates
      fineTuneLearningRates
      dropouts
      labelSmoothings
    }
    progress {
      total
      planned
      queued
      running
      completed
      failed
      canceled
      stoppedEarly
    }
    bestRun {
      ...RunRow
    }
    importance {
      ...ParameterImportanceFields
    }
    runs {
      ...RunRow
    }
  }
}
    fragment RunRow on Run {
  id
  name
  status
  experimentId
  sweepId
  backend
  agentId
  createdAt
  startedAt
  finishedAt
  durationMs
  bestValAccuracy
  bestValLoss
  bestEpoch
  finalValAccuracy
  finalValLoss
  epochCount
  plannedEpochs
  error
  stopReason
  tags
  hyperparameters {
    values {
      name
      value
    }
    baseModel
    headUnits
    augmentation
    fineTuneLayers
    learningRate
    baseWeights
    baseWeightsSha256
  }
}
fragment ParameterImportanceFields on ParameterImportance {
  parameter
  importance
  importanceSd
  correlation
  runCount
  marginal {
    value
    numeric
    mean
    sd
    trials
  }
}`) as unknown as TypedDocumentString<SweepQuery, SweepQueryVariables>;
export const AgentsDocument = new TypedDocumentString(`
    query Agents {
  agents {
    id
    name
    host
    backend
    cores
    gpu
    status
    lastHeartbeatAt
    createdAt
    currentRunId
    currentRun {
      id
      name
      status
      epochCount
      plannedEpochs
    }
  }
}
    `) as unknown as TypedDocumentString<AgentsQuery, AgentsQueryVariables>;
export const LaunchOptionsDocument = new TypedDocumentString(`
    query LaunchOptions {
  datasets {
    id
    name
    path
    imageCount
    classes {
      name
      count
    }
  }
  experiments {
    id
    name
  }
  baseModels {
    name
    inputSize
    description
  }
  augmentationPresets {
    name
    ops
  }
}
    `) as unknown as TypedDocumentString<LaunchOptionsQuery, LaunchOptionsQueryVariables>;
export const RegisterDatasetDocument = new TypedDocumentString(`
    mutation RegisterDataset($path: String!, $name: String) {
  registerDataset(path: $path, name: $name) {
    id
    name
    path
    imageCount
    classes {
      name
      count
    }
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
export const CreateSweepDocument = new TypedDocumentString(`
    mutation CreateSweep($input: CreateSweepInput!) {
  createSweep(input: $input) {
    id
    name
    experimentId
    progress {
      total
    }
  }
}
    `) as unknown as TypedDocumentString<CreateSweepMutation, CreateSweepMutationVariables>;
export const CancelRunDocument = new TypedDocumentString(`
    mutation CancelRun($runId: ID!) {
  cancelRun(runId: $runId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelRunMutation, CancelRunMutationVariables>;
export const CancelSweepDocument = new TypedDocumentString(`
    mutation CancelSweep($sweepId: ID!) {
  cancelSweep(sweepId: $sweepId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelSweepMutation, CancelSweepMutationVariables>;
export const RunUpdatedDocument = new TypedDocumentString(`
    subscription RunUpdated($experimentId: ID, $sweepId: ID) {
  runUpdated(experimentId: $experimentId, sweepId: $sweepId) {
    ...RunRow
  }
}
    fragment RunRow on Run {
  id
  name
  status
  experimentId
  sweepId
  backend
  agentId
  createdAt
  startedAt
  finishedAt
  durationMs
  bestValAccuracy
  bestValLoss
  bestEpoch
  finalValAccuracy
  finalValLoss
  epochCount
  plannedEpochs
  error
  stopReason
  tags
  hyperparameters {
    values {
      name
      value
    }
    baseModel
    headUnits
    augmentation
    fineTuneLayers
    learningRate
    baseWeights
    baseWeightsSha256
  }
}`) as unknown as TypedDocumentString<RunUpdatedSubscription, RunUpdatedSubscriptionVariables>;
export const EpochLoggedDocument = new TypedDocumentString(`
    subscription EpochLogged($runId: ID!) {
  epochLogged(runId: $runId) {
    ...EpochFields
  }
}
    fragment EpochFields on Epoch {
  epoch
  phase
  loss
  accuracy
  valLoss
  valAccuracy
  learningRate
  durationMs
  imagesPerSec
  confusionMatrix
  createdAt
}`) as unknown as TypedDocumentString<EpochLoggedSubscription, EpochLoggedSubscriptionVariables>;
export const PairedComparisonDocument = new TypedDocumentString(`
    query PairedComparison($a: ID!, $b: ID!) {
  pairedComparison(a: $a, b: $b) {
    a
    b
    sameValidationSet
    method
    imagesA
    imagesB
    accuracyA
    accuracyB
    accuracyDifference
    ci95Low
    ci95High
    mcnemarPValue
    onlyARight
    onlyBRight
    perClass {
      label
      support
      recallA
      recallB
      difference
    }
    flips {
      file
      trueLabel
      rightRunId
      predictedA
      confidenceA
      predictedB
      confidenceB
    }
  }
  run(id: $a) {
    id
    datasetId
    checkpoint {
      weightsSha256
    }
  }
  runB: run(id: $b) {
    id
    checkpoint {
      weightsSha256
    }
  }
}
    `) as unknown as TypedDocumentString<PairedComparisonQuery, PairedComparisonQueryVariables>;
export const SweepGroupsDocument = new TypedDocumentString(`
    query SweepGroups($id: ID!) {
  sweep(id: $id) {
    id
    groups {
      ...RunGroupFields
    }
  }
}
    fragment RunGroupFields on RunGroup {
  key
  runIds
  n
  metrics {
    name
    mean
    std
    n
  }
}`) as unknown as TypedDocumentString<SweepGroupsQuery, SweepGroupsQueryVariables>;
export const GroupComparisonDocument = new TypedDocumentString(`
    query GroupComparison($a: [ID!]!, $b: [ID!]!) {
  groupComparison(a: $a, b: $b) {
    images
    accuracyA
    accuracyB
    stdA
    stdB
    accuracyDifference
    ci95Low
    ci95High
    bootstrapResamples
  }
}
    `) as unknown as TypedDocumentString<GroupComparisonQuery, GroupComparisonQueryVariables>;
export const SweepCurvesDocument = new TypedDocumentString(`
    query SweepCurves($id: ID!) {
  sweep(id: $id) {
    id
    runs(first: 100) {
      id
      epochs {
        epoch
        phase
        loss
        accuracy
        valLoss
        valAccuracy
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SweepCurvesQuery, SweepCurvesQueryVariables>;
export const RunTestSetsDocument = new TypedDocumentString(`
    query RunTestSets($id: ID!) {
  run(id: $id) {
    id
    datasetId
    testSetEvaluations {
      id
      status
      error
      accuracy
      macroF1
      weightedF1
      labels
      confusionMatrix
      perClass {
        label
        precision
        recall
        f1
        support
      }
      dataset {
        id
        name
      }
    }
  }
  datasets {
    id
    name
    imageCount
    classes {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RunTestSetsQuery, RunTestSetsQueryVariables>;
export const EvaluateRunDocument = new TypedDocumentString(`
    mutation EvaluateRun($runId: ID!, $datasetId: ID!) {
  evaluateRun(runId: $runId, datasetId: $datasetId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<EvaluateRunMutation, EvaluateRunMutationVariables>;
export const RunGroupsDocument = new TypedDocumentString(`
    query RunGroups($filter: RunFilter) {
  runGroups(filter: $filter) {
    truncated
    runs {
      id
      name
      status
    }
    groups {
      ...RunGroupFields
    }
  }
}
    fragment RunGroupFields on RunGroup {
  key
  runIds
  n
  metrics {
    name
    mean
    std
    n
  }
}`) as unknown as TypedDocumentString<RunGroupsQuery, RunGroupsQueryVariables>;
export const RenameRunDocument = new TypedDocumentString(`
    mutation RenameRun($input: RenameRunInput!) {
  renameRun(input: $input) {
    ...RunAnnotations
  }
}
    fragment NoteFields on Note {
  id
  text
  createdAt
}
fragment RunAnnotations on Run {
  id
  name
  tags
  notes {
    ...NoteFields
  }
}`) as unknown as TypedDocumentString<RenameRunMutation, RenameRunMutationVariables>;
export const AddTagDocument = new TypedDocumentString(`
    mutation AddTag($runId: ID!, $tag: String!) {
  addTag(runId: $runId, tag: $tag) {
    ...RunAnnotations
  }
}
    fragment NoteFields on Note {
  id
  text
  createdAt
}
fragment RunAnnotations on Run {
  id
  name
  tags
  notes {
    ...NoteFields
  }
}`) as unknown as TypedDocumentString<AddTagMutation, AddTagMutationVariables>;
export const RemoveTagDocument = new TypedDocumentString(`
    mutation RemoveTag($runId: ID!, $tag: String!) {
  removeTag(runId: $runId, tag: $tag) {
    ...RunAnnotations
  }
}
    fragment NoteFields on Note {
  id
  text
  createdAt
}
fragment RunAnnotations on Run {
  id
  name
  tags
  notes {
    ...NoteFields
  }
}`) as unknown as TypedDocumentString<RemoveTagMutation, RemoveTagMutationVariables>;
export const AddNoteDocument = new TypedDocumentString(`
    mutation AddNote($runId: ID!, $text: String!) {
  addNote(runId: $runId, text: $text) {
    ...RunAnnotations
  }
}
    fragment NoteFields on Note {
  id
  text
  createdAt
}
fragment RunAnnotations on Run {
  id
  name
  tags
  notes {
    ...NoteFields
  }
}`) as unknown as TypedDocumentString<AddNoteMutation, AddNoteMutationVariables>;
export const EditNoteDocument = new TypedDocumentString(`
    mutation EditNote($runId: ID!, $noteId: ID!, $text: String!) {
  editNote(runId: $runId, noteId: $noteId, text: $text) {
    ...RunAnnotations
  }
}
    fragment NoteFields on Note {
  id
  text
  createdAt
}
fragment RunAnnotations on Run {
  id
  name
  tags
  notes {
    ...NoteFields
  }
}`) as unknown as TypedDocumentString<EditNoteMutation, EditNoteMutationVariables>;
export const RemoveNoteDocument = new TypedDocumentString(`
    mutation RemoveNote($runId: ID!, $noteId: ID!) {
  removeNote(runId: $runId, noteId: $noteId) {
    ...RunAnnotations
  }
}
    fragment NoteFields on Note {
  id
  text
  createdAt
}
fragment RunAnnotations on Run {
  id
  name
  tags
  notes {
    ...NoteFields
  }
}`) as unknown as TypedDocumentString<RemoveNoteMutation, RemoveNoteMutationVariables>;
export const RequeueRunDocument = new TypedDocumentString(`
    mutation RequeueRun($runId: ID!) {
  requeueRun(runId: $runId) {
    ...RunRow
  }
}
    fragment RunRow on Run {
  id
  name
  status
  experimentId
  sweepId
  backend
  agentId
  createdAt
  startedAt
  finishedAt
  durationMs
  bestValAccuracy
  bestValLoss
  bestEpoch
  finalValAccuracy
  finalValLoss
  epochCount
  plannedEpochs
  error
  stopReason
  tags
  hyperparameters {
    values {
      name
      value
    }
    baseModel
    headUnits
    augmentation
    fineTuneLayers
    learningRate
    baseWeights
    baseWeightsSha256
  }
}`) as unknown as TypedDocumentString<RequeueRunMutation, RequeueRunMutationVariables>;
export const DeleteRunDocument = new TypedDocumentString(`
    mutation DeleteRun($runId: ID!) {
  deleteRun(runId: $runId)
}
    `) as unknown as TypedDocumentString<DeleteRunMutation, DeleteRunMutationVariables>;
export const ExtendSweepDocument = new TypedDocumentString(`
    mutation ExtendSweep($input: ExtendSweepInput!) {
  extendSweep(input: $input) {
    id
    status
    maxRuns
    progress {
      total
      planned
    }
  }
}
    `) as unknown as TypedDocumentString<ExtendSweepMutation, ExtendSweepMutationVariables>;
export const ResumeSweepDocument = new TypedDocumentString(`
    mutation ResumeSweep($sweepId: ID!) {
  resumeSweep(sweepId: $sweepId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ResumeSweepMutation, ResumeSweepMutationVariables>;
export const DeleteSweepDocument = new TypedDocumentString(`
    mutation DeleteSweep($sweepId: ID!) {
  deleteSweep(sweepId: $sweepId)
}
    `) as unknown as TypedDocumentString<DeleteSweepMutation, DeleteSweepMutationVariables>;
export const DeleteExperimentDocument = new TypedDocumentString(`
    mutation DeleteExperiment($experimentId: ID!) {
  deleteExperiment(experimentId: $experimentId)
}
    `) as unknown as TypedDocumentString<DeleteExperimentMutation, DeleteExperimentMutationVariables>;
export const DeleteDatasetDocument = new TypedDocumentString(`
    mutation DeleteDataset($datasetId: ID!) {
  deleteDataset(datasetId: $datasetId)
}
    `) as unknown as TypedDocumentString<DeleteDatasetMutation, DeleteDatasetMutationVariables>;
export const DatasetUsageDocument = new TypedDocumentString(`
    query DatasetUsage($datasetId: ID!) {
  runs(filter: {datasetId: $datasetId}, first: 1) {
    totalCount
  }
  sweeps {
    id
    datasetId
  }
}
    `) as unknown as TypedDocumentString<DatasetUsageQuery, DatasetUsageQueryVariables>;