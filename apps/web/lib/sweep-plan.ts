/**
 * Pure logic of the launch form: parsing the free-text lists, counting the runs a sweep will
 * create and validating every field into a CreateSweepInput. Kept apart from React so each rule
 * is unit-tested and the form only renders the messages.
 */
import type { CreateSweepInput, EarlyTermination, SweepStrategy } from "../gql/graphql";

/** Result of parsing one field: a value or a message quoting what was typed. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses "0.001, 3e-4" into numbers; every entry must be finite and within [min, max]. */
export function parseNumberList(text: string, opts: { integer?: boolean; min?: number; max?: number; label: string }): Parsed<number[]> {
  const parts = text.split(/[,\s]+/).map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, error: `${opts.label}: enter at least one value (got "${text}")` };
  const out: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (!Number.isFinite(n)) return { ok: false, error: `${opts.label}: "${p}" is not a number` };
    if (opts.integer && !Number.isInteger(n)) return { ok: false, error: `${opts.label}: "${p}" must be a whole number` };
    if (opts.min !== undefined && n < opts.min) return { ok: false, error: `${opts.label}: "${p}" is below ${opts.min}` };
    if (opts.max !== undefined && n > opts.max) return { ok: false, error: `${opts.label}: "${p}" is above ${opts.max}` };
    if (!out.includes(n)) out.push(n);
  }
  return { ok: true, value: out };
}

/**
 * Parses head sizes: heads separated by ";", layers of one head by "," — "128; 256,128" is two
 * heads, [128] and [256,128]. "linear" (or "none") is a head with no hidden layer.
 */
export function parseHeadSizes(text: string): Parsed<number[][]> {
  const heads = text.split(";").map((h) => h.trim()).filter((h) => h.length > 0);
  if (heads.length === 0) return { ok: false, error: `Head sizes: enter at least one head, e.g. "128; 256,128" (got "${text}")` };
  const out: number[][] = [];
  for (const head of heads) {
    if (/^(linear|none)$/i.test(head)) {
      out.push([]);
      continue;
    }
    const layers = head.split(",").map((l) => l.trim());
    const units: number[] = [];
    for (const l of layers) {
      const n = Number(l);
      if (l === "" || !Number.isInteger(n) || n < 1 || n > 4096) {
        return { ok: false, error: `Head sizes: "${l}" in "${head}" must be a whole number of units between 1 and 4096` };
      }
      units.push(n);
    }
    if (!out.some((h) => h.join(",") === units.join(","))) out.push(units);
  }
  return { ok: true, value: out };
}

/** The dimensions of a search space that multiply into the grid. */
export interface SpaceDims {
  baseModels: readonly unknown[];
  headUnits: readonly unknown[];
  augmentations: readonly unknown[];
  fineTuneLayers: readonly unknown[];
  learningRates: readonly unknown[];
}

/** Number of points in the full grid. */
export function gridSize(space: SpaceDims): number {
  return space.baseModels.length * space.headUnits.length * space.augmentations.length * space.fineTuneLayers.length * space.learningRates.length;
}

/** Runs the sweep will create: GRID = the grid capped by maxRuns; RANDOM = maxRuns samples. */
export function plannedRunCount(strategy: SweepStrategy, grid: number, maxRuns: number | null): number {
  if (strategy === "GRID") return maxRuns === null ? grid : Math.min(grid, maxRuns);
  return maxRuns ?? 0;
}

/** The launch form's raw state (strings as typed, selections as chosen). */
export interface SweepForm {
  name: string;
  datasetId: string;
  experimentId: string;
  baseModels: string[];
  headSizes: string;
  augmentations: string[];
  fineTuneLayers: string;
  learningRates: string;
  epochs: string;
  fineTuneEpochs: string;
  strategy: SweepStrategy;
  maxRuns: string;
  seed: string;
  earlyTermination: EarlyTermination;
  /** EarlyStopping patience (epochs without a better val loss) for every run; empty = off. */
  earlyStoppingPatience: string;
  /** ReduceLROnPlateau patience for every run; empty = off. */
  reduceLrPatience: string;
  /** ReduceLROnPlateau factor; empty = the API's default (0.5). */
  reduceLrFactor: string;
  /** ReduceLROnPlateau floor; empty = the API's default (0, no floor). */
  minLearningRate: string;
}

/** Field name → message; empty when the form is valid. */
export type FormErrors = Partial<Record<keyof SweepForm, string>>;

function parseInt1(text: string, label: string, min: number, max: number): Parsed<number> {
  const t = text.trim();
  const n = Number(t);
  if (t === "" || !Number.isInteger(n)) return { ok: false, error: `${label}: "${text}" must be a whole number` };
  if (n < min || n > max) return { ok: false, error: `${label}: "${text}" must be between ${min} and ${max}` };
  return { ok: true, value: n };
}

/** An optional number strictly inside (`above`, `below`) or from `min` up; empty text = not given. */
function parseOptionalNumber(text: string, label: string, range: { min?: number; above?: number; below?: number }): Parsed<number | null> {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, error: `${label}: "${text}" is not a number` };
  if (range.min !== undefined && n < range.min) return { ok: false, error: `${label}: "${text}" is below ${range.min}` };
  if ((range.above !== undefined && n <= range.above) || (range.below !== undefined && n >= range.below)) {
    return { ok: false, error: `${label}: "${text}" must be between ${range.above} and ${range.below}, both excluded` };
  }
  return { ok: true, value: n };
}

/**
 * The ReduceLROnPlateau settings every run of the sweep gets. The floor must be below every learning
 * rate searched, as the API requires (a floor at or above a run's rate would never let the callback
 * reduce it). The API also holds it below the fine-tuning rate when a depth is > 0; the form does not
 * set that rate, so that rule is the API's to report.
 */
function parseReduceLr(form: SweepForm, learningRates: number[] | null): { errors: FormErrors; value: Pick<CreateSweepInput, "reduceLrPatience" | "reduceLrFactor" | "minLearningRate"> | null } {
  const errors: FormErrors = {};
  let patience: Parsed<number | null> = { ok: true, value: null };
  if (form.reduceLrPatience.trim() !== "") patience = parseInt1(form.reduceLrPatience, "LR patience", 1, 1000);
  if (!patience.ok) errors.reduceLrPatience = `${patience.error} (leave it empty to keep the learning rate fixed)`;
  const factor = parseOptionalNumber(form.reduceLrFactor, "LR factor", { above: 0, below: 1 });
  if (!factor.ok) errors.reduceLrFactor = factor.error;
  let minLr = parseOptionalNumber(form.minLearningRate, "Min LR", { min: 0 });
  if (minLr.ok && minLr.value !== null && learningRates !== null && learningRates.length > 0) {
    const lowest = Math.min(...learningRates);
    if (minLr.value >= lowest) minLr = { ok: false, error: `Min LR: "${form.minLearningRate}" must be below every learning rate (the lowest is ${lowest})` };
  }
  if (!minLr.ok) errors.minLearningRate = minLr.error;
  if (!patience.ok || !factor.ok || !minLr.ok) return { errors, value: null };
  const value: Pick<CreateSweepInput, "reduceLrPatience" | "reduceLrFactor" | "minLearningRate"> = {};
  if (patience.value !== null) value.reduceLrPatience = patience.value;
  if (factor.value !== null) value.reduceLrFactor = factor.value;
  if (minLr.value !== null) value.minLearningRate = minLr.value;
  return { errors, value };
}

/** Validates the whole form; returns the errors, the planned run count and (when valid) the input. */
export function validateSweepForm(form: SweepForm): { errors: FormErrors; planned: number; input: CreateSweepInput | null } {
  const errors: FormErrors = {};
  if (!form.datasetId) errors.datasetId = "Pick a dataset (or register one by path)";
  if (!form.experimentId) errors.experimentId = "Pick an experiment (or create one)";
  if (form.baseModels.length === 0) errors.baseModels = "Pick at least one base model";
  if (form.augmentations.length === 0) errors.augmentations = "Pick at least one augmentation preset";
  const heads = parseHeadSizes(form.headSizes);
  if (!heads.ok) errors.headSizes = heads.error;
  const depths = parseNumberList(form.fineTuneLayers, { integer: true, min: 0, max: 200, label: "Fine-tune depths" });
  if (!depths.ok) errors.fineTuneLayers = depths.error;
  const lrs = parseNumberList(form.learningRates, { min: 1e-7, max: 1, label: "Learning rates" });
  if (!lrs.ok) errors.learningRates = lrs.error;
  const epochs = parseInt1(form.epochs, "Epochs", 1, 1000);
  if (!epochs.ok) errors.epochs = epochs.error;
  const ftEpochs = parseInt1(form.fineTuneEpochs, "Fine-tune epochs", 0, 1000);
  if (!ftEpochs.ok) errors.fineTuneEpochs = ftEpochs.error;
  let maxRuns: number | null = null;
  if (form.maxRuns.trim() !== "") {
    const m = parseInt1(form.maxRuns, "Max runs", 1, 100_000);
    if (m.ok) maxRuns = m.value;
    else errors.maxRuns = m.error;
  } else if (form.strategy === "RANDOM") {
    errors.maxRuns = "Max runs: RANDOM needs the number of runs to sample";
  }
  const seed = parseInt1(form.seed, "Seed", 0, 2 ** 31 - 1);
  if (!seed.ok) errors.seed = seed.error;
  const reduceLr = parseReduceLr(form, lrs.ok ? lrs.value : null);
  Object.assign(errors, reduceLr.errors);
  const stopPatience = form.earlyStoppingPatience.trim() === "" ? null : parseInt1(form.earlyStoppingPatience, "Early stopping patience", 1, 1000);
  if (stopPatience && !stopPatience.ok) errors.earlyStoppingPatience = `${stopPatience.error} (leave it empty to train every epoch)`;
  if (depths.ok && ftEpochs.ok && depths.value.some((d) => d > 0) && ftEpochs.value === 0) {
    errors.fineTuneEpochs = `Fine-tune epochs: depths ${depths.value.join(", ")} unfreeze layers, so give at least 1 fine-tune epoch (got "${form.fineTuneEpochs}")`;
  }
  const grid = gridSize({
    baseModels: form.baseModels,
    headUnits: heads.ok ? heads.value : [],
    augmentations: form.augmentations,
    fineTuneLayers: depths.ok ? depths.value : [],
    learningRates: lrs.ok ? lrs.value : [],
  });
  const planned = plannedRunCount(form.strategy, grid, maxRuns);
  const valid = Object.keys(errors).length === 0 && heads.ok && depths.ok && lrs.ok && epochs.ok && ftEpochs.ok && seed.ok;
  if (!valid || reduceLr.value === null || (stopPatience && !stopPatience.ok)) return { errors, planned, input: null };
  const input: CreateSweepInput = {
    experimentId: form.experimentId,
    datasetId: form.datasetId,
    strategy: form.strategy,
    maxRuns,
    seed: seed.value,
    earlyTermination: form.earlyTermination,
    epochs: epochs.value,
    fineTuneEpochs: ftEpochs.value,
    ...reduceLr.value,
    ...(stopPatience?.ok ? { earlyStoppingPatience: stopPatience.value } : {}),
    searchSpace: {
      baseModels: form.baseModels,
      headUnits: heads.value,
      augmentations: form.augmentations,
      fineTuneLayers: depths.value,
      learningRates: lrs.value,
    },
  };
  if (form.name.trim()) input.name = form.name.trim();
  return { errors, planned, input };
}
