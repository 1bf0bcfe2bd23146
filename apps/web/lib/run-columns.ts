/**
 * The runs table's columns: how each is shown, which RunField sorts it and how it filters
 * (enum list, numeric range or name search) through the contract's RunFilter / RunOrder. The run's
 * own columns (status, name, metrics, created) are listed here; one column per sortable knob is
 * built from the served hyperparameter catalogue, so a new knob appears without a change here.
 */
import type { Hyperparameters, RunField, RunRowFragment } from "../gql/graphql";
import { type Catalogue, formatKnob, isNumericKnob, type KnobInfo, knobValue } from "./catalogue";
import { duration, num, pct } from "./format";

/** How a column filters server-side. */
export type ColumnFilterKind = "status" | "baseModel" | "augmentation" | "search" | "range" | "none";

/** One column of the runs table. */
export interface RunColumn {
  key: string;
  label: string;
  field: RunField;
  filter: ColumnFilterKind;
  /** Grid width in px. */
  width: number;
  numeric: boolean;
  /** The knob the column shows; absent for the run's own columns. */
  knob?: string;
  /** Hover text (the knob's description). */
  title?: string;
  render: (run: RunRowFragment) => string;
}

/** The run's own columns before the knobs. */
const LEAD_COLUMNS: readonly RunColumn[] = [
  { key: "status", label: "Status", field: "STATUS", filter: "status", width: 116, numeric: false, render: (r) => r.status },
  { key: "name", label: "Name", field: "NAME", filter: "search", width: 200, numeric: false, render: (r) => r.name },
];

/** The run's own columns after the knobs. */
const METRIC_COLUMNS: readonly RunColumn[] = [
  // The best epoch is the lowest-val-loss one (the contract's rule); its val acc is the one AT it.
  {
    key: "bestValAccuracy",
    label: "Best-epoch val acc",
    field: "BEST_VAL_ACCURACY",
    filter: "range",
    width: 104,
    numeric: true,
    render: (r) => pct(r.bestValAccuracy),
  },
  {
    key: "duration",
    label: "Duration",
    field: "DURATION_MS",
    filter: "range",
    width: 92,
    numeric: true,
    render: (r) => duration(r.durationMs),
  },
  {
    key: "finalValAccuracy",
    label: "Final val acc",
    field: "FINAL_VAL_ACCURACY",
    filter: "range",
    width: 104,
    numeric: true,
    render: (r) => pct(r.finalValAccuracy),
  },
  {
    key: "finalValLoss",
    label: "Final val loss",
    field: "FINAL_VAL_LOSS",
    filter: "range",
    width: 104,
    numeric: true,
    render: (r) => num(r.finalValLoss),
  },
  {
    key: "epochCount",
    label: "Epochs done",
    field: "EPOCH_COUNT",
    filter: "range",
    width: 96,
    numeric: true,
    render: (r) => String(r.epochCount),
  },
  {
    key: "bestValLoss",
    label: "Best val loss",
    field: "BEST_VAL_LOSS",
    filter: "range",
    width: 104,
    numeric: true,
    render: (r) => num(r.bestValLoss),
  },
  {
    key: "bestEpoch",
    label: "Best epoch",
    field: "BEST_EPOCH",
    filter: "range",
    width: 90,
    numeric: true,
    render: (r) => (r.bestEpoch == null ? "–" : String(r.bestEpoch)),
  },
  {
    key: "createdAt",
    label: "Created",
    field: "CREATED_AT",
    filter: "none",
    width: 150,
    numeric: false,
    render: (r) => r.createdAt.replace("T", " ").slice(0, 19),
  },
];

/**
 * Column keys (in URLs: `cols=`) that differ from the knob's name, kept so shared links and saved
 * views still open: a DOM/URL naming table only, no knob facts.
 */
const LEGACY_COLUMN_KEYS: Readonly<Record<string, string>> = { headUnits: "head" };

/** Columns shown when the URL names none (the issue's list). */
export const DEFAULT_COLUMN_KEYS: readonly string[] = [
  "status",
  "name",
  "baseModel",
  "head",
  "augmentation",
  "fineTuneLayers",
  "learningRate",
  "bestValAccuracy",
  "duration",
];

/** The runs table's column key of a knob. */
export function knobColumnKey(name: string): string {
  return LEGACY_COLUMN_KEYS[name] ?? name;
}

function filterOf(info: KnobInfo): ColumnFilterKind {
  if (isNumericKnob(info)) return "range";
  // RunFilter's lists: base models (the free-text knob) and augmentations (the op-set knob).
  if (info.kind === "text") return "baseModel";
  if (info.kind === "ops") return "augmentation";
  return "none";
}

function widthOf(info: KnobInfo): number {
  if (info.kind === "text") return 190;
  if (info.kind === "ops") return 130;
  return Math.min(150, Math.max(70, 7 * info.label.length + 28));
}

/** The column of a sortable knob, rendered from the run's `hyperparameters.values`. */
export function knobColumn(info: KnobInfo & { sortField: string }): RunColumn {
  return {
    key: knobColumnKey(info.name),
    label: info.label,
    // The API derives RunField from the same catalogue; the check at the end of this file keeps
    // the run's own fields and the knobs' covering the generated union.
    field: info.sortField as RunField,
    filter: filterOf(info),
    width: widthOf(info),
    numeric: isNumericKnob(info),
    knob: info.name,
    title: info.description,
    render: (r) => formatKnob(info, knobValue(r.hyperparameters.values, info.name)),
  };
}

/** Every column the table offers, and the RunFields it may sort and range-filter on. */
export interface RunColumns {
  /** Every column the chooser offers, in display order. */
  all: readonly RunColumn[];
  /** Every RunField: the run's own and each sortable knob's. */
  fields: readonly RunField[];
  /** Looks a column up by key. */
  byKey(key: string): RunColumn | undefined;
  /** Narrows a string to a RunField this table knows. */
  isField(s: string): s is RunField;
}

const built = new WeakMap<Catalogue, RunColumns>();

/** The table's columns for a catalogue: the run's own, then one per sortable knob (catalogue order), then the metrics. */
export function runColumns(catalogue: Catalogue): RunColumns {
  const cached = built.get(catalogue);
  if (cached) return cached;
  const knobs = catalogue.flatMap((k) => (k.sortField ? [knobColumn({ ...k, sortField: k.sortField })] : []));
  const all = [...LEAD_COLUMNS, ...knobs, ...METRIC_COLUMNS];
  const fields = [...RUN_OWN_FIELDS, ...knobs.map((c) => c.field)];
  const byKey = new Map(all.map((c) => [c.key, c]));
  const set: RunColumns = {
    all,
    fields,
    byKey: (key) => byKey.get(key),
    isField: (s): s is RunField => (fields as readonly string[]).includes(s),
  };
  built.set(catalogue, set);
  return set;
}

/** The RunFields of the run itself (lifecycle and metrics); the knobs' come from the catalogue. */
export const RUN_OWN_FIELDS = [
  "CREATED_AT",
  "STARTED_AT",
  "FINISHED_AT",
  "DURATION_MS",
  "STATUS",
  "NAME",
  "BEST_VAL_ACCURACY",
  "BEST_VAL_LOSS",
  "BEST_EPOCH",
  "FINAL_VAL_ACCURACY",
  "FINAL_VAL_LOSS",
  "EPOCH_COUNT",
] as const satisfies readonly RunField[];

// Compile-time check that every RunField is either the run's own (RUN_OWN_FIELDS) or a knob's (the
// upper snake case of a typed Hyperparameters field, as the API derives it): a RunField for
// something else fails the build until this file knows how to show it.
type SnakeCase<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}`
  : S;
type KnobField = Uppercase<SnakeCase<Exclude<keyof Hyperparameters, "__typename" | "values" | "baseWeights" | "baseWeightsSha256">>>;
type UnknownField = Exclude<RunField, (typeof RUN_OWN_FIELDS)[number] | KnobField>;
const _everyFieldKnown: UnknownField extends never ? true : never = true;
void _everyFieldKnown;
