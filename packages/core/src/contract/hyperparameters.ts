/**
 * THE catalogue of a run's hyperparameters: each knob's name, type, default, bounds, enum values,
 * phase, and when it applies. Everything else derives from it: core's TrainConfig validation, the
 * runs table's columns, the GraphQL types and inputs, the API's validation, the agent's mapping,
 * `graft train`'s flags and help, and the dashboard (which reads it through the API's
 * `hyperparameterCatalog` query). Adding a knob is one entry here plus the code that uses it.
 * PURE: no TensorFlow.js.
 */
import type {
  EnumSpec,
  FloatSpec,
  HyperparameterSpec,
  IntSpec,
  OpsSpec,
  TextSpec,
  UnitsSpec,
  ValueOf,
  WireValueOf,
} from "./hyperparameter-spec";

/** Every augmentation op, in canonical order: the order they are applied and written in. */
export const AUGMENTATION_OPS = ["flip", "vflip", "rotate", "zoom", "translate", "brightness", "contrast"] as const;

/** Named op sets for sweeps, the form and the CLI. */
export const AUGMENTATION_PRESETS: Readonly<Record<string, readonly (typeof AUGMENTATION_OPS)[number][]>> = {
  none: [],
  light: ["flip"],
  standard: ["flip", "rotate", "zoom"],
  heavy: ["flip", "vflip", "rotate", "zoom", "translate", "brightness", "contrast"],
};

// Identity helpers keep each entry's literal types (for ValueOf) while checking it against its spec.
const float = <const S extends Omit<FloatSpec, "kind">>(s: S): S & { kind: "float" } => ({ ...s, kind: "float" });
const int = <const S extends Omit<IntSpec, "kind">>(s: S): S & { kind: "int" } => ({ ...s, kind: "int" });
const choice = <const S extends Omit<EnumSpec, "kind">>(s: S): S & { kind: "enum" } => ({ ...s, kind: "enum" });
const ops = <const S extends Omit<OpsSpec, "kind">>(s: S): S & { kind: "ops" } => ({ ...s, kind: "ops" });
const units = <const S extends Omit<UnitsSpec, "kind">>(s: S): S & { kind: "units" } => ({ ...s, kind: "units" });
const text = <const S extends Omit<TextSpec, "kind">>(s: S): S & { kind: "text" } => ({ ...s, kind: "text" });

const whenFineTuning = { parameter: "fineTuneLayers", rule: "positive" } as const;
const whenReducingLr = { parameter: "reduceLrPatience", rule: "set" } as const;

/**
 * The hyperparameters, in display order. Searchable knobs keep the order sweeps have always
 * expanded them in (base model slowest, dropout fastest); a new searchable knob goes last, so a
 * grid over earlier sweeps' lists still yields the same points in the same order. Learning rates are in (0, 1]: larger steps diverge with
 * every base we ship, so they are a typo, not an experiment. `reduceLrFactor` is in (0, 1) as in
 * Keras, which raises for a factor ≥ 1 (it would never reduce). `minLearningRate` is below 1
 * because it must also be below the learning rates (see the cross-field rules).
 */
export const HYPERPARAMETERS = {
  baseModel: text({
    label: "Base model",
    description: "Registry name of the frozen ImageNet base (e.g. mobilenet_v1_0.25_224) or a path to a LayersModel model.json.",
    phase: "model",
    flag: "base",
    flagValue: "NAME",
    sweep: "search",
    searchField: "baseModels",
    searchRequired: true,
    inputRequired: true,
    sortable: true,
    nullable: false,
    default: "mobilenet_v1_0.25_224",
    maxLength: 500,
  }),
  inputSize: int({
    label: "Input",
    description: "Square input side in pixels; registry bases know theirs, a custom model.json base defaults to 224.",
    phase: "model",
    flag: "input-size",
    flagValue: "N",
    sweep: "none",
    sortable: true,
    nullable: false,
    apiOnly: true,
    default: 224,
    min: 16,
    max: 1024,
    scale: "linear",
  }),
  headUnits: units({
    label: "Head",
    description: "Dense units of the head in order, e.g. [256, 128]; empty for a linear head.",
    phase: "head",
    flag: "head",
    flagValue: "UNITS",
    sweep: "search",
    searchField: "headUnits",
    searchRequired: true,
    inputRequired: true,
    sortable: true,
    nullable: false,
    default: [128],
    min: 1,
    max: 8192,
    maxLength: 8,
  }),
  headActivation: choice({
    label: "Activation",
    description: "Activation of the head's dense layers.",
    phase: "head",
    flag: "head-activation",
    flagValue: "NAME",
    sweep: "none",
    sortable: true,
    nullable: false,
    backfill: true,
    default: "relu",
    values: ["relu", "gelu", "tanh", "elu"],
  }),
  augmentation: ops({
    label: "Augmentation",
    description: "Augmentation ops, comma-joined in canonical order (flip,rotate,...), a preset (light, standard, heavy) or none.",
    phase: "both",
    flag: "augment",
    flagValue: "OPS",
    sweep: "search",
    searchField: "augmentations",
    sortable: true,
    nullable: false,
    default: [],
    values: AUGMENTATION_OPS,
    presets: AUGMENTATION_PRESETS,
  }),
  optimizer: choice({
    label: "Optimizer",
    description: "Optimizer of both phases.",
    phase: "both",
    flag: "optimizer",
    flagValue: "NAME",
    sweep: "none",
    sortable: false,
    nullable: false,
    default: "adam",
    values: ["adam", "sgd", "rmsprop"],
  }),
  fineTuneLayers: int({
    label: "FT depth",
    description: "Top layers of the base unfrozen for the fine-tuning phase (rounded up to a block boundary); 0 skips fine-tuning.",
    phase: "fine_tune",
    flag: "fine-tune-layers",
    flagValue: "N",
    sweep: "search",
    searchField: "fineTuneLayers",
    sortable: true,
    nullable: false,
    default: 0,
    min: 0,
    max: 1000,
    scale: "linear",
  }),
  learningRate: float({
    label: "LR",
    description: "Learning rate of the head phase.",
    phase: "head",
    flag: "lr",
    flagValue: "X",
    sweep: "search",
    searchField: "learningRates",
    searchRequired: true,
    sortable: true,
    nullable: false,
    default: 0.001,
    min: 0,
    max: 1,
    exclusiveMin: true,
    scale: "log",
  }),
  epochs: int({
    label: "Epochs",
    description: "Epochs of the head phase.",
    phase: "head",
    flag: "epochs",
    flagValue: "N",
    sweep: "fixed",
    sortable: true,
    nullable: false,
    default: 10,
    min: 1,
    max: 1000,
    scale: "linear",
  }),
  fineTuneLearningRate: float({
    label: "FT LR",
    description: "Learning rate of the fine-tuning phase (low, so the base's features are nudged, not wiped).",
    phase: "fine_tune",
    appliesWhen: whenFineTuning,
    flag: "fine-tune-lr",
    flagValue: "X",
    sweep: "search",
    searchField: "fineTuneLearningRates",
    sortable: true,
    nullable: false,
    default: 0.00001,
    min: 0,
    max: 1,
    exclusiveMin: true,
    scale: "log",
  }),
  fineTuneEpochs: int({
    label: "FT epochs",
    description: "Epochs of the fine-tuning phase.",
    phase: "fine_tune",
    appliesWhen: whenFineTuning,
    // A fine-tuning phase needs an epoch; 0 stays legal (and the default) for a run that does not fine-tune.
    crossRules: [{ relation: "atLeast", min: 1, appliesWhen: whenFineTuning, qualifier: "when fineTuneLayers > 0" }],
    flag: "fine-tune-epochs",
    flagValue: "N",
    sweep: "fixed",
    sortable: true,
    nullable: false,
    default: 0,
    min: 0,
    max: 1000,
    scale: "linear",
  }),
  dropout: float({
    label: "Dropout",
    description: "Dropout rate before the head's output layer.",
    phase: "head",
    flag: "dropout",
    flagValue: "X",
    sweep: "search",
    searchField: "dropouts",
    sortable: true,
    nullable: false,
    default: 0.2,
    min: 0,
    max: 0.95,
    scale: "linear",
  }),
  batchSize: int({
    label: "Batch",
    description: "Images per training step.",
    phase: "both",
    flag: "batch-size",
    flagValue: "N",
    sweep: "fixed",
    sortable: true,
    nullable: false,
    default: 32,
    min: 1,
    max: 4096,
    scale: "log",
  }),
  seed: int({
    label: "Seed",
    description: "Seed of the split, the head's initial weights, shuffling and augmentation.",
    phase: "data",
    flag: "seed",
    flagValue: "N",
    sweep: "none",
    sortable: true,
    nullable: false,
    default: 42,
    min: 0,
    max: 2147483647,
    scale: "linear",
  }),
  splitSeed: int({
    label: "Split seed",
    description:
      "Seed of the train/validation split alone; null: the run's seed. A sweep sets its own seed here, so repeats with other training seeds are evaluated on the same images.",
    phase: "data",
    flag: "split-seed",
    flagValue: "N",
    sweep: "none",
    sortable: true,
    nullable: true,
    nullMeans: "same as seed",
    backfill: true,
    default: null,
    min: 0,
    max: 2147483647,
    scale: "linear",
  }),
  validationSplit: float({
    label: "Val split",
    description: "Fraction of the images held out for validation.",
    phase: "data",
    flag: "validation-split",
    flagValue: "X",
    sweep: "fixed",
    sortable: true,
    nullable: false,
    default: 0.2,
    min: 0,
    max: 0.9,
    exclusiveMin: true,
    scale: "linear",
  }),
  earlyStoppingPatience: int({
    label: "Stop patience",
    description: "EarlyStopping patience: epochs without a better val loss before a phase stops (best weights restored); null = off.",
    phase: "both",
    flag: "patience",
    flagValue: "N",
    sweep: "fixed",
    sortable: true,
    nullable: true,
    default: null,
    min: 1,
    max: 1000,
    scale: "linear",
  }),
  reduceLrPatience: int({
    label: "LR patience",
    description: "ReduceLROnPlateau patience on val_loss, in both phases; null = off.",
    phase: "both",
    flag: "reduce-lr-patience",
    flagValue: "N",
    sweep: "fixed",
    sortable: true,
    nullable: true,
    default: null,
    min: 1,
    max: 1000,
    scale: "linear",
  }),
  reduceLrFactor: float({
    label: "LR factor",
    description: "ReduceLROnPlateau factor: each plateau multiplies the learning rate by it.",
    phase: "both",
    appliesWhen: whenReducingLr,
    flag: "reduce-lr-factor",
    flagValue: "F",
    sweep: "fixed",
    sortable: true,
    nullable: false,
    backfill: true,
    default: 0.5,
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
    scale: "linear",
  }),
  minLearningRate: float({
    label: "Min LR",
    description:
      "ReduceLROnPlateau floor (Keras' min_lr): never reduced below it; below the learning rate, and below the fine-tuning rate when fine-tuning.",
    phase: "both",
    appliesWhen: whenReducingLr,
    // ReduceLROnPlateau never reduces a rate that is not above its floor, and one callback serves
    // both phases: a floor at or above a phase's starting rate would silently turn it off there.
    // Checked whether or not the callback is on, so a stored run never carries a floor it could not honour.
    crossRules: [
      { relation: "below", other: "learningRate" },
      { relation: "below", other: "fineTuneLearningRate", appliesWhen: whenFineTuning, qualifier: "when fine-tuning" },
    ],
    flag: "min-lr",
    flagValue: "X",
    sweep: "fixed",
    sortable: true,
    nullable: false,
    backfill: true,
    default: 0,
    min: 0,
    max: 1,
    exclusiveMax: true,
    scale: "linear",
  }),
  labelSmoothing: float({
    label: "Label smoothing",
    description:
      "Keras' label_smoothing of the categorical cross-entropy: targets become (1 − ε)·one-hot + ε/classes, in training and validation loss.",
    phase: "both",
    flag: "label-smoothing",
    flagValue: "X",
    sweep: "search",
    searchField: "labelSmoothings",
    sortable: true,
    nullable: false,
    backfill: true,
    default: 0,
    min: 0,
    max: 1,
    exclusiveMax: true,
    scale: "linear",
  }),
} as const satisfies Record<string, HyperparameterSpec>;

/** The catalogue's type. */
export type Catalogue = typeof HYPERPARAMETERS;

/** A hyperparameter's name. */
export type HyperparameterName = keyof Catalogue;

/** Names of the knobs core trains with (all but the API-derived ones). */
export type TrainKnob = { [K in HyperparameterName]: Catalogue[K] extends { apiOnly: true } ? never : K }[HyperparameterName];

/** A complete set of knob values, as core holds them. */
export type HyperparameterValues = { -readonly [K in HyperparameterName]: ValueOf<Catalogue[K]> };

/** A complete set of knob values as GraphQL and the runs table hold them (augmentation as text). */
export type WireHyperparameters = { -readonly [K in HyperparameterName]: WireValueOf<Catalogue[K]> };

/** The catalogue as a list of `[name, spec]`, in display order. */
export const HYPERPARAMETER_ENTRIES = Object.entries(HYPERPARAMETERS) as [HyperparameterName, HyperparameterSpec][];

/** The spec of a knob by name, typed loosely for generic code. */
export function specOf(name: string): HyperparameterSpec | undefined {
  return Object.hasOwn(HYPERPARAMETERS, name) ? (HYPERPARAMETERS as Record<string, HyperparameterSpec>)[name] : undefined;
}
