/**
 * TypeScript shapes of the parts of `apps/api/schema.graphql` the trainer sends and reads.
 * Written by hand from the contract (the trainer has no codegen step); keep in step with it.
 */

/** `RunStatus` of the contract. */
export type RunStatus = "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED" | "STOPPED_EARLY";

/** `Phase` of the contract (upper case, where core uses `head` / `fine_tune`). */
export type GqlPhase = "HEAD" | "FINE_TUNE";

/** `Hyperparameters` / `HyperparametersInput` of the contract. */
export interface Hyperparameters {
  baseModel: string;
  inputSize?: number;
  headUnits: number[];
  dropout: number;
  /** Canonical comma-joined op list (`flip,rotate`) or `none`. */
  augmentation: string;
  optimizer: string;
  learningRate: number;
  epochs: number;
  fineTuneLayers: number;
  fineTuneEpochs: number;
  fineTuneLearningRate: number;
  batchSize: number;
  seed: number;
  validationSplit: number;
  earlyStoppingPatience: number | null;
}

/** The fields of a `Run` an agent needs to train it. */
export interface ClaimedRun {
  id: string;
  name: string;
  status: RunStatus;
  attempts: number;
  epochCount: number;
  dataset: { id: string; path: string; name: string };
  hyperparameters: Hyperparameters;
}

/** `RunControl`: what the API answers at each heartbeat and epoch batch. */
export interface RunControl {
  shouldStop: boolean;
  reason: string | null;
  leaseExpiresAt: string | null;
}

/** `EpochInput`. */
export interface EpochInput {
  epoch: number;
  phase: GqlPhase;
  loss: number;
  accuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
  learningRate: number;
  durationMs: number;
  imagesPerSec: number;
}

/** `EvaluationInput`. */
export interface EvaluationInput {
  labels: string[];
  confusionMatrix: number[][];
  perClass: Array<{ label: string; precision: number; recall: number; f1: number; support: number }>;
  accuracy: number;
  macroF1: number;
  weightedF1: number;
  misclassified: Array<{ file: string; trueLabel: string; predictedLabel: string; confidence: number }>;
}

/** `CompleteRunInput`. */
export interface CompleteRunInput {
  runId: string;
  agentId?: string | null;
  evaluation: EvaluationInput;
  artifacts?: Array<{ kind: string; uri: string }>;
  backend?: string | null;
  stopReason?: string | null;
}

/** `RegisterAgentInput`. */
export interface RegisterAgentInput {
  name: string;
  host: string;
  backend: string;
  cores: number;
  gpu?: string | null;
}
