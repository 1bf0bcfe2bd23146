/**
 * The shape of a catalogue entry (see `hyperparameters.ts`). Every consumer (core's config
 * validation, the drizzle columns, the GraphQL types, the API's validation, the agent's mapping,
 * `graft train`'s flags and the dashboard through the API) reads these fields instead of naming a
 * knob, so adding one is one entry. PURE: no TensorFlow.js.
 */

/** Which part of training a knob acts on. */
export type HyperparameterPhase = "model" | "head" | "fine_tune" | "both" | "data";

/** How a knob's values are shaped: a scalar, a choice, or a list. */
export type HyperparameterKind = "float" | "int" | "enum" | "ops" | "units" | "text";

/**
 * A knob that only matters when another is set: the fine-tuning rate and epochs only when
 * `fineTuneLayers > 0`; ReduceLROnPlateau's factor and floor only when its patience is set.
 */
export interface AppliesWhen {
  parameter: string;
  rule: "positive" | "set";
}

/**
 * A rule across knobs that no single entry's bounds can state, as data so core, the API's
 * validation and the dashboard's form all read the one list: `below` — the value must be below
 * another knob's value (for a sweep: below the lowest value it searches); `atLeast` — the value must
 * be at least `min`. Either only while `appliesWhen` holds (for a sweep: for some searched value).
 * `qualifier` ends the rule's words: "≥ 1 when fineTuneLayers > 0", "below learningRate (0.001)".
 */
export type CrossRule =
  | { relation: "below"; other: string; appliesWhen?: AppliesWhen; qualifier?: string }
  | { relation: "atLeast"; min: number; appliesWhen?: AppliesWhen; qualifier?: string };

/** How a sweep treats the knob: searched over (a list per sweep), fixed for every run, or not offered. */
export type SweepRole = "search" | "fixed" | "none";

interface SpecCommon {
  kind: HyperparameterKind;
  /** Short label for tables and charts. */
  label: string;
  /** One sentence: GraphQL descriptions, `graft train --help`, the form's hints. */
  description: string;
  phase: HyperparameterPhase;
  appliesWhen?: AppliesWhen;
  /** Rules this knob's value must meet against other knobs, checked in order (the first broken one is reported). */
  crossRules?: readonly CrossRule[];
  /** `graft train` flag, without the dashes. */
  flag: string;
  /** The flag's value placeholder in the help (`X`, `N`, `OPS`). */
  flagValue: string;
  sweep: SweepRole;
  /** The sweep search space's list field (`learningRates`), for `sweep: "search"`. */
  searchField?: string;
  /** Whether a sweep must give the list (no default list). */
  searchRequired?: boolean;
  /** Whether `HyperparametersInput` requires it (no default on the API). */
  inputRequired?: boolean;
  /** Whether the runs table can sort and range-filter on it (a `RunField`, an index). */
  sortable: boolean;
  /**
   * Whether null is a value: "off" for callbacks (`graft train` then also takes 0 for off), or what
   * `nullMeans` says.
   */
  nullable: boolean;
  /**
   * What null stands for when it is not "off", in a few words shown in its place (`same as seed`);
   * such a knob's 0 is a value like any other.
   */
  nullMeans?: string;
  /**
   * Whether rows written before the knob existed read as its default (a column default); knobs
   * that were there from the first migration have none.
   */
  backfill?: boolean;
  /** Not part of core's TrainConfig (the API derives it; core reads it from the base model). */
  apiOnly?: boolean;
}

/** A real-valued knob; bounds are inclusive unless marked exclusive. */
export interface FloatSpec extends SpecCommon {
  kind: "float";
  default: number | null;
  min: number;
  max: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  /** How charts and searches space it. */
  scale: "linear" | "log";
}

/** An integer knob with inclusive bounds. */
export interface IntSpec extends SpecCommon {
  kind: "int";
  default: number | null;
  min: number;
  max: number;
  scale: "linear" | "log";
}

/** One of a fixed list of names. */
export interface EnumSpec extends SpecCommon {
  kind: "enum";
  default: string;
  values: readonly string[];
}

/** A set of augmentation ops, written canonically (`flip,rotate` or `none`); presets expand. */
export interface OpsSpec extends SpecCommon {
  kind: "ops";
  default: readonly string[];
  values: readonly string[];
  presets: Readonly<Record<string, readonly string[]>>;
}

/** Dense layer sizes of the head, in order; empty for a linear head. */
export interface UnitsSpec extends SpecCommon {
  kind: "units";
  default: readonly number[];
  /** Bounds of each layer's units. */
  min: number;
  max: number;
  maxLength: number;
}

/** Free text (a registry name or a path). */
export interface TextSpec extends SpecCommon {
  kind: "text";
  default: string;
  maxLength: number;
}

/** One catalogue entry. */
export type HyperparameterSpec = FloatSpec | IntSpec | EnumSpec | OpsSpec | UnitsSpec | TextSpec;

/** What a nullable knob's null is shown and typed as: "off", or its `nullMeans` ("same as seed"). */
export function nullWord(spec: Pick<SpecCommon, "nullMeans">): string {
  return spec.nullMeans ?? "off";
}

/** The value type a spec stands for, as core holds it (ops and units as arrays). */
export type ValueOf<S extends HyperparameterSpec> = S extends FloatSpec | IntSpec
  ? S["nullable"] extends true
    ? number | null
    : number
  : S extends EnumSpec
    ? S["values"][number]
    : S extends OpsSpec
      ? S["values"][number][]
      : S extends UnitsSpec
        ? number[]
        : string;

/** The value type a spec stands for on the wire and in the runs table (ops as canonical text). */
export type WireValueOf<S extends HyperparameterSpec> = S extends OpsSpec | EnumSpec ? string : ValueOf<S>;

/** `fineTuneLearningRate` → `fine_tune_learning_rate`, at the type level (column names). */
export type SnakeCase<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}`
  : S;

/** `fineTuneLearningRate` → `fine_tune_learning_rate`: the column name of a knob. */
export function snakeCase<S extends string>(name: S): SnakeCase<S> {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as SnakeCase<S>;
}
