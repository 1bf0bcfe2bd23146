/**
 * Pure logic of the launch form: which field each knob of the served catalogue gets, parsing what
 * was typed, counting the runs a sweep will create and validating every field into a
 * CreateSweepInput. The fields come from the catalogue (one list per searchable knob, one value per
 * fixed knob), so a knob added there appears in the form, and in the planned count, with no change
 * here. Every refusal of a knob's value is the catalogue's one message. Kept apart from React so
 * each rule is unit-tested and the form only renders the messages.
 */
import type { CreateSweepInput, EarlyTermination, SweepStrategy } from "../gql/graphql";
import {
  type Catalogue,
  conditionHolds,
  formatKnobList,
  knobByName,
  type KnobInfo,
  knobMessage,
  type Parsed,
  parseKnob,
  parseKnobList,
} from "./catalogue";

export type { Parsed };

/**
 * How the form asks for a knob: `picks` ticks choices (base models from the registry, augmentation
 * presets, enum values), `list` takes a typed list of values to search, `value` one value for every run.
 */
export type KnobWidget = "picks" | "list" | "value";

/** A knob as the form shows it. */
export interface FormKnob {
  info: KnobInfo;
  /** The CreateSweepInput field it fills: the search space's list (`learningRates`) or the input's own (`epochs`); also its key in the form and its errors. */
  key: string;
  role: "search" | "fixed";
  widget: KnobWidget;
  /** Shown under "More settings": plain values acting across training (callbacks, batch, split, smoothing). */
  advanced: boolean;
}

/** The knobs a sweep sets, in catalogue order: searchable ones (a list each) and fixed ones (a value each). */
export function formKnobs(catalogue: Catalogue): FormKnob[] {
  return catalogue.flatMap((info): FormKnob[] => {
    if (info.sweep === "search" && info.searchField) {
      const widget: KnobWidget = info.kind === "text" || info.kind === "ops" || info.kind === "enum" ? "picks" : "list";
      return [{ info, key: info.searchField, role: "search", widget, advanced: widget === "list" && acrossTraining(info) }];
    }
    if (info.sweep === "fixed") return [{ info, key: info.name, role: "fixed", widget: "value", advanced: acrossTraining(info) }];
    return [];
  });
}

function acrossTraining(info: KnobInfo): boolean {
  return info.phase === "both" || info.phase === "data";
}

/** The dimensions of a search space that multiply into the grid, by list name. */
export type SpaceDims = Readonly<Record<string, readonly unknown[]>>;

/** Number of points in the full grid: the product of the lists' lengths. */
export function gridSize(space: SpaceDims): number {
  return Object.values(space).reduce((n, list) => n * list.length, 1);
}

/**
 * Runs the sweep will create: configurations (GRID = the grid capped by maxRuns; RANDOM = maxRuns
 * samples; TPE = its budget of maxRuns configurations, sampled as agents ask), each once per repeat
 * (training seed). `grid` is the number of distinct configurations (see {@link distinctGridSize}).
 */
export function plannedRunCount(strategy: SweepStrategy, grid: number, maxRuns: number | null, repeats = 1): number {
  if (strategy === "GRID") return (maxRuns === null ? grid : Math.min(grid, maxRuns)) * repeats;
  return (maxRuns ?? 0) * repeats;
}

/** Above this many combinations of the conditional knobs and the knobs they rest on, the count is the plain product. */
const DISTINCT_ENUMERATION_LIMIT = 100_000;

/**
 * Configurations a GRID over `lists` (search values by knob name; a searchable knob without a list
 * searches its default alone) really holds: a knob that does not apply to a point (the fine-tuning
 * rate where fineTuneLayers is 0) takes its default there, so points differing only in it are one
 * configuration, which the API queues once (apps/api sweep.conditional.ts, canonicalPoint). So
 * fineTuneLayers [0, 2] × fineTuneLearningRates [1e-4, 1e-5] is 3, not 4. A condition reads the
 * point's own values, else the sweep's fixed knobs (`fixed`; one not given counts as null, as the
 * API stores it). Only the conditional knobs and the knobs they rest on are enumerated; the others
 * multiply.
 */
export function distinctGridSize(
  catalogue: Catalogue,
  lists: ReadonlyMap<string, readonly unknown[]>,
  fixed: ReadonlyMap<string, unknown> = new Map(),
): number {
  const dims = catalogue
    .filter((k) => k.sweep === "search" && k.searchField)
    .map((info) => ({ info, values: lists.get(info.name) ?? [info.default] }));
  const searched = new Set(dims.map((d) => d.info.name));
  const conditional = dims.filter((d) => d.info.appliesWhen && d.values.length > 1);
  const controllers = new Set(
    conditional.map((d) => d.info.appliesWhen?.parameter).filter((p): p is string => p !== undefined && searched.has(p)),
  );
  const involved = dims.filter((d) => conditional.includes(d) || controllers.has(d.info.name));
  const rest = dims.filter((d) => !involved.includes(d)).reduce((n, d) => n * d.values.length, 1);
  const combinations = involved.reduce((n, d) => n * d.values.length, 1);
  if (combinations === 0 || rest === 0) return 0;
  if (combinations > DISTINCT_ENUMERATION_LIMIT) return combinations * rest;
  const seen = new Set<string>();
  const index = involved.map(() => 0);
  for (let n = 0; n < combinations; n++) {
    const point = new Map(involved.map((d, i) => [d.info.name, d.values[index[i] as number]]));
    const valueOf = (name: string): unknown => (point.has(name) ? point.get(name) : (fixed.get(name) ?? null));
    const key = involved.map((d) => {
      const when = d.info.appliesWhen;
      return JSON.stringify(when && !conditionHolds(when, valueOf(when.parameter)) ? d.info.default : point.get(d.info.name));
    });
    seen.add(key.join("|"));
    // Next combination (odometer).
    for (let i = 0; i < index.length; i++) {
      index[i] = (index[i] as number) + 1;
      if ((index[i] as number) < (involved[i]?.values.length ?? 0)) break;
      index[i] = 0;
    }
  }
  return seen.size * rest;
}

/** The launch form's raw state (strings as typed, selections as chosen). */
export interface SweepForm {
  name: string;
  datasetId: string;
  experimentId: string;
  strategy: SweepStrategy;
  maxRuns: string;
  seed: string;
  /** Training seeds per configuration (1..100). */
  repeats: string;
  earlyTermination: EarlyTermination;
  /** What was typed per knob field, by FormKnob key: a search list ("0.001, 3e-4") or a fixed value ("" = the API's default, "off" = off). */
  text: Record<string, string>;
  /** What was ticked per choice knob, by FormKnob key (base models, augmentation presets). */
  picks: Record<string, string[]>;
}

/** Field key → message; empty when the form is valid. */
export type FormErrors = Partial<Record<string, string>>;

/**
 * The form before anyone types: each search list holds the knob's default (so the planned count
 * starts at one run per base model), each fixed value is empty (the API's default, shown as the
 * placeholder), no base model is ticked yet (the form ticks the first once the registry is loaded).
 */
export function initialSweepForm(catalogue: Catalogue): SweepForm {
  const text: Record<string, string> = {};
  const picks: Record<string, string[]> = {};
  for (const k of formKnobs(catalogue)) {
    if (k.widget === "picks") picks[k.key] = k.info.kind === "text" || k.info.default == null ? [] : [String(k.info.default)];
    else if (k.widget === "list") text[k.key] = k.info.default == null ? "" : formatKnobList(k.info, [k.info.default]);
    else text[k.key] = "";
  }
  return {
    name: "",
    datasetId: "",
    experimentId: "",
    strategy: "GRID",
    maxRuns: "",
    seed: "0",
    repeats: "1",
    earlyTermination: "NONE",
    text,
    picks,
  };
}

function parseInt1(text: string, label: string, min: number, max: number): Parsed<number> {
  const t = text.trim();
  const n = Number(t);
  if (t === "" || !Number.isInteger(n)) return { ok: false, error: `${label}: "${text}" must be a whole number` };
  if (n < min || n > max) return { ok: false, error: `${label}: "${text}" must be between ${min} and ${max}` };
  return { ok: true, value: n };
}

/** The values a sweep gives each knob, by knob name: its search list, or its fixed value. */
interface SweepValues {
  lists: Map<string, unknown[]>;
  fixed: Map<string, unknown>;
}

function numbers(list: readonly unknown[] | undefined): number[] {
  return (list ?? []).filter((v): v is number => typeof v === "number");
}

/**
 * The catalogue's rules across knobs (served as each knob's `crossRules`: the list core checks every
 * run with), checked here over the sweep's lists so the form reports them before the API refuses the
 * sweep, with the same words: a rule applies when some searched value meets its condition, and
 * `below` compares with the lowest value searched for the other knob. A knob the sweep does not set
 * counts with its catalogue default. The first broken rule of a knob is the one reported.
 */
function acrossKnobs(catalogue: Catalogue, v: SweepValues): Record<string, string> {
  const candidates = (name: string): unknown[] => {
    const listed = v.lists.get(name);
    if (listed) return listed;
    if (v.fixed.has(name)) return [v.fixed.get(name)];
    const info = knobByName(catalogue, name);
    return info ? [info.default] : [];
  };
  const errors: Record<string, string> = {};
  for (const knob of catalogue) {
    for (const rule of knob.crossRules) {
      if (errors[knob.name] !== undefined) break;
      const when = rule.appliesWhen;
      if (when && !candidates(when.parameter).some((x) => conditionHolds(when, x))) continue;
      const tail = rule.qualifier ? ` ${rule.qualifier}` : "";
      const values = numbers(candidates(knob.name));
      if (rule.relation === "atLeast" && rule.min != null) {
        const min = rule.min;
        const bad = values.find((x) => x < min);
        if (bad !== undefined) errors[knob.name] = knobMessage(knob.name, `≥ ${min}${tail}`, bad);
      } else if (rule.relation === "below" && rule.other) {
        const others = numbers(candidates(rule.other));
        if (others.length === 0) continue;
        const lowest = Math.min(...others);
        const bad = values.find((x) => x >= lowest);
        if (bad !== undefined) errors[knob.name] = knobMessage(knob.name, `below ${rule.other} (${lowest})${tail}`, bad);
      }
    }
  }
  return errors;
}

/**
 * Validates the whole form against the catalogue; returns the errors (by field key), the planned
 * run count and, when valid, the input. The planned count is the grid's distinct configurations
 * capped by max runs (GRID), or max runs (RANDOM, TPE), times repeats. `plannedAtMost` is true when
 * the count is an upper bound: a GRID capped below its full product samples that many points of
 * the product with the sweep's seed, and points that turn out to be one configuration are queued once.
 */
export function validateSweepForm(
  form: SweepForm,
  catalogue: Catalogue,
): {
  errors: FormErrors;
  planned: number;
  plannedAtMost: boolean;
  /** The grid's configurations: its product less the points that are one configuration (GRID's count before max runs). */
  configurations: { product: number; distinct: number };
  input: CreateSweepInput | null;
} {
  const errors: FormErrors = {};
  if (!form.datasetId) errors.datasetId = "Pick a dataset (or register one by path)";
  if (!form.experimentId) errors.experimentId = "Pick an experiment (or create one)";
  const space: Record<string, unknown[]> = {};
  const dims: Record<string, readonly unknown[]> = {};
  /** The lists the planned count multiplies, by knob name (an invalid list counts as empty). */
  const counted = new Map<string, readonly unknown[]>();
  const fixedInput: Record<string, unknown> = {};
  const values: SweepValues = { lists: new Map(), fixed: new Map() };
  for (const k of formKnobs(catalogue)) {
    if (k.widget === "picks") {
      const picked = form.picks[k.key] ?? [];
      const bad = picked.map((p) => parseKnob(k.info, p)).find((p) => !p.ok);
      if (picked.length === 0) errors[k.key] = `${k.info.label}: pick at least one`;
      else if (bad && !bad.ok) errors[k.key] = bad.error;
      else {
        space[k.key] = [...picked];
        values.lists.set(k.info.name, picked);
      }
      dims[k.key] = picked;
      counted.set(k.info.name, picked);
      continue;
    }
    const text = form.text[k.key] ?? "";
    if (k.widget === "list") {
      if (text.trim() === "" && !k.info.searchRequired) continue; // the API searches the default alone
      const parsed = parseKnobList(k.info, text);
      if (parsed.ok) {
        space[k.key] = parsed.value;
        values.lists.set(k.info.name, parsed.value);
      } else errors[k.key] = parsed.error;
      dims[k.key] = parsed.ok ? parsed.value : [];
      counted.set(k.info.name, parsed.ok ? parsed.value : []);
      continue;
    }
    const parsed = parseKnob(k.info, text);
    if (!parsed.ok) errors[k.key] = parsed.error;
    else if (parsed.value !== undefined) {
      fixedInput[k.key] = parsed.value;
      values.fixed.set(k.info.name, parsed.value);
    }
  }
  for (const [key, message] of Object.entries(acrossKnobs(catalogue, values))) {
    const field = formKnobs(catalogue).find((k) => k.info.name === key)?.key ?? key;
    errors[field] ??= message;
  }
  let maxRuns: number | null = null;
  if (form.maxRuns.trim() !== "") {
    const m = parseInt1(form.maxRuns, "Max runs", 1, 100_000);
    if (m.ok) maxRuns = m.value;
    else errors.maxRuns = m.error;
  } else if (form.strategy === "RANDOM") {
    errors.maxRuns = "Max runs: RANDOM needs the number of runs to sample";
  } else if (form.strategy === "TPE") {
    errors.maxRuns = "Max runs: TPE needs the number of configurations it may try";
  }
  const seed = parseInt1(form.seed, "Seed", 0, 2 ** 31 - 1);
  if (!seed.ok) errors.seed = seed.error;
  const repeats = parseInt1(form.repeats || "1", "Repeats", 1, 100);
  if (!repeats.ok) errors.repeats = repeats.error;
  const full = gridSize(dims);
  const distinct = distinctGridSize(catalogue, counted, values.fixed);
  const planned = plannedRunCount(form.strategy, distinct, maxRuns, repeats.ok ? repeats.value : 1);
  const plannedAtMost = form.strategy === "GRID" && maxRuns !== null && maxRuns < full && distinct < full;
  const configurations = { product: full, distinct };
  if (Object.keys(errors).length > 0 || !seed.ok || !repeats.ok) return { errors, planned, plannedAtMost, configurations, input: null };
  const input = {
    experimentId: form.experimentId,
    datasetId: form.datasetId,
    strategy: form.strategy,
    maxRuns,
    seed: seed.value,
    ...(repeats.value > 1 ? { repeats: repeats.value } : {}),
    earlyTermination: form.earlyTermination,
    ...fixedInput,
    searchSpace: space,
  } as CreateSweepInput;
  if (form.name.trim()) input.name = form.name.trim();
  return { errors, planned, plannedAtMost, configurations, input };
}
