/**
 * Hyperparameter defaults, bounds and augmentation presets shared by the API (validation, sweep
 * expansion) and its clients. Pure data and pure functions: no GraphQL, no database.
 */

/** Augmentation operations in their canonical order. */
export const AUGMENTATION_OPS = ["flip", "vflip", "rotate", "zoom", "translate", "brightness", "contrast"] as const;

/** One augmentation operation. */
export type AugmentationOpName = (typeof AUGMENTATION_OPS)[number];

/** Named augmentation presets and the ops each one stands for. */
export const AUGMENTATION_PRESETS: Readonly<Record<string, readonly AugmentationOpName[]>> = {
  none: [],
  light: ["flip"],
  standard: ["flip", "rotate", "zoom"],
  heavy: ["flip", "vflip", "rotate", "zoom", "translate", "brightness", "contrast"],
};

/** Defaults a run gets for every hyperparameter the caller leaves out. */
export const HYPERPARAMETER_DEFAULTS = {
  dropout: 0.2,
  augmentation: "none",
  optimizer: "adam",
  learningRate: 0.001,
  epochs: 10,
  fineTuneLayers: 0,
  fineTuneEpochs: 0,
  fineTuneLearningRate: 0.00001,
  batchSize: 32,
  seed: 42,
  validationSplit: 0.2,
  inputSize: 224,
  /** ReduceLROnPlateau halves the rate by default (the engine's behaviour before it was a setting). */
  reduceLrFactor: 0.5,
  /** Keras' `min_lr` default: no floor. */
  minLearningRate: 0,
} as const;

/** Optimizers the trainer knows. */
export const OPTIMIZERS = ["adam", "sgd", "rmsprop"] as const;

/**
 * Inclusive bounds unless `exclusiveMin` / `exclusiveMax` say otherwise. Learning rates must be > 0
 * and ≤ 1: larger steps diverge with every base model we ship, so they are a typo, not an experiment.
 * `reduceLrFactor` is in (0, 1) as in Keras, which raises for a factor ≥ 1 (it would never reduce).
 * `minLearningRate` is below 1 because it must also be below the learning rates (see the API's
 * cross-field check), which are at most 1.
 */
export const HYPERPARAMETER_BOUNDS = {
  learningRate: { min: 0, max: 1, exclusiveMin: true },
  fineTuneLearningRate: { min: 0, max: 1, exclusiveMin: true },
  dropout: { min: 0, max: 0.95, exclusiveMin: false },
  validationSplit: { min: 0, max: 0.9, exclusiveMin: true },
  epochs: { min: 1, max: 1000, exclusiveMin: false },
  fineTuneEpochs: { min: 0, max: 1000, exclusiveMin: false },
  fineTuneLayers: { min: 0, max: 1000, exclusiveMin: false },
  batchSize: { min: 1, max: 4096, exclusiveMin: false },
  headUnit: { min: 1, max: 8192, exclusiveMin: false },
  headLayers: { min: 0, max: 8, exclusiveMin: false },
  inputSize: { min: 16, max: 1024, exclusiveMin: false },
  earlyStoppingPatience: { min: 1, max: 1000, exclusiveMin: false },
  reduceLrPatience: { min: 1, max: 1000, exclusiveMin: false },
  reduceLrFactor: { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true },
  minLearningRate: { min: 0, max: 1, exclusiveMin: false, exclusiveMax: true },
} as const;

/**
 * A sha256 as runs store it (`baseWeightsSha256`): 64 lowercase hex characters, the form Node's
 * `digest("hex")` and `sha256sum` print, so equal files always compare equal as strings.
 */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Longest `baseWeights` path a run stores: Linux' PATH_MAX. The path is the creating machine's and
 * the API never opens it, so this is only a bound on what it keeps.
 */
export const BASE_WEIGHTS_PATH_MAX_LENGTH = 4096;

/** Thrown by the helpers here; `field` and `value` name what was wrong. */
export class HyperparameterError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    message: string,
  ) {
    super(message);
    this.name = "HyperparameterError";
  }
}

/**
 * Turns a preset name (`standard`) or an op list in any order and case (`zoom, Flip`) into the
 * canonical form: ops comma-joined in {@link AUGMENTATION_OPS} order, or `none`.
 */
export function canonicalizeAugmentation(input: string): string {
  const trimmed = input.trim().toLowerCase();
  const preset = AUGMENTATION_PRESETS[trimmed];
  if (preset) return preset.length === 0 ? "none" : preset.join(",");
  const parts = trimmed
    .split(/[,+\s]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && p !== "none");
  const known = new Set<string>(AUGMENTATION_OPS);
  for (const part of parts) {
    if (!known.has(part)) {
      throw new HyperparameterError(
        "augmentation",
        input,
        `Unknown augmentation "${part}" in "${input}": use a preset (${Object.keys(AUGMENTATION_PRESETS).join(", ")}) or ops from ${AUGMENTATION_OPS.join(", ")}`,
      );
    }
  }
  const chosen = AUGMENTATION_OPS.filter((op) => parts.includes(op));
  return chosen.length === 0 ? "none" : chosen.join(",");
}

/** Checks one numeric hyperparameter against {@link HYPERPARAMETER_BOUNDS}; throws naming it. */
export function checkBound(field: keyof typeof HYPERPARAMETER_BOUNDS, value: number, label: string = field): void {
  const b = HYPERPARAMETER_BOUNDS[field];
  const exclusiveMax = "exclusiveMax" in b && b.exclusiveMax;
  const lowOk = b.exclusiveMin ? value > b.min : value >= b.min;
  const highOk = exclusiveMax ? value < b.max : value <= b.max;
  if (!Number.isFinite(value) || !lowOk || !highOk) {
    const range = `${b.exclusiveMin ? "(" : "["}${b.min}, ${b.max}${exclusiveMax ? ")" : "]"}`;
    throw new HyperparameterError(label, value, `Invalid ${label}: ${String(value)} (must be in ${range})`);
  }
}

/** Checks a head's dense layer sizes. */
export function checkHeadUnits(units: readonly number[], label = "headUnits"): void {
  if (units.length > HYPERPARAMETER_BOUNDS.headLayers.max) {
    throw new HyperparameterError(label, units, `Invalid ${label}: [${units.join(", ")}] has more than ${HYPERPARAMETER_BOUNDS.headLayers.max} layers`);
  }
  for (const u of units) {
    if (!Number.isInteger(u) || u < HYPERPARAMETER_BOUNDS.headUnit.min || u > HYPERPARAMETER_BOUNDS.headUnit.max) {
      throw new HyperparameterError(label, units, `Invalid ${label}: [${units.join(", ")}] (each layer needs 1..${HYPERPARAMETER_BOUNDS.headUnit.max} units)`);
    }
  }
}
