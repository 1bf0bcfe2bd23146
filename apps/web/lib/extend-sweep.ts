/**
 * Pure logic of the sweep page's "Extend…" form: values to add per searched knob, typed as the
 * launch form's lists ("0.01, 0.03"; heads and augmentations separated by ";"), parsed and checked
 * with the catalogue's one message, and a new max runs; out comes the ExtendSweepInput, or why not.
 * The API has the last word (its coded error is shown as it comes): this only catches what typing
 * can get wrong before a request.
 */
import type { ExtendSweepInput, SearchSpaceAdditionInput, SweepStrategy } from "../gql/graphql";
import { type Catalogue, formatKnobList, parseKnobList } from "./catalogue";
import { type FormKnob, formKnobs } from "./sweep-plan";

/** The extend form's raw state: what was typed per search list (by its SearchSpace field), and the new max runs. */
export interface ExtendForm {
  text: Record<string, string>;
  maxRuns: string;
}

/** The sweep being extended, as the form needs it. */
export interface ExtendTarget {
  id: string;
  strategy: SweepStrategy;
  maxRuns?: number | null;
  /** The values it searches now, by SearchSpace field (`learningRates`). */
  searchSpace: Readonly<Record<string, unknown>>;
}

/** What the form makes of its state. */
export interface ExtendPlan {
  /** Messages by field key (a search field, `maxRuns`, or `form` for the whole). */
  errors: Record<string, string>;
  /** The values each list gains (already-searched ones dropped), by SearchSpace field. */
  added: Record<string, unknown[]>;
  /** Typed values the sweep searches already, by SearchSpace field (they add nothing). */
  already: Record<string, unknown[]>;
  /** Things worth knowing that do not stop the request. */
  notes: string[];
  input: ExtendSweepInput | null;
}

/** The knobs the form offers: every searchable knob of the catalogue, a list each. */
export function extendableKnobs(catalogue: Catalogue): FormKnob[] {
  return formKnobs(catalogue).filter((k) => k.role === "search");
}

/** The form before anyone types. */
export function emptyExtendForm(): ExtendForm {
  return { text: {}, maxRuns: "" };
}

/** A knob's current values as the form's hint writes them ("0.001, 0.003"). */
export function currentValuesText(knob: FormKnob, target: ExtendTarget): string {
  const list = target.searchSpace[knob.key];
  return Array.isArray(list) ? formatKnobList(knob.info, list) : "";
}

function parseMaxRuns(text: string): { ok: true; value: number | null } | { ok: false; error: string } {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  const n = Number(t);
  if (!Number.isInteger(n)) return { ok: false, error: `Max runs: "${text}" must be a whole number` };
  if (n < 1 || n > 100_000) return { ok: false, error: `Max runs: "${text}" must be between 1 and 100000` };
  return { ok: true, value: n };
}

/**
 * Parses and checks the extend form against the catalogue and the sweep: each typed list as the
 * launch form parses it (the catalogue's message on a bad value), values the sweep already searches
 * set apart, max runs a whole number, and something to extend by (a new value or another max runs).
 */
export function validateExtendForm(form: ExtendForm, catalogue: Catalogue, target: ExtendTarget): ExtendPlan {
  const errors: Record<string, string> = {};
  const added: Record<string, unknown[]> = {};
  const already: Record<string, unknown[]> = {};
  const notes: string[] = [];
  for (const k of extendableKnobs(catalogue)) {
    const text = form.text[k.key] ?? "";
    if (text.trim() === "") continue;
    const parsed = parseKnobList(k.info, text);
    if (!parsed.ok) {
      errors[k.key] = parsed.error;
      continue;
    }
    const current = target.searchSpace[k.key];
    const have = new Set((Array.isArray(current) ? current : []).map((v) => JSON.stringify(v)));
    const fresh = parsed.value.filter((v) => !have.has(JSON.stringify(v)));
    const old = parsed.value.filter((v) => have.has(JSON.stringify(v)));
    if (fresh.length > 0) added[k.key] = fresh;
    if (old.length > 0) already[k.key] = old;
  }
  const max = parseMaxRuns(form.maxRuns);
  if (!max.ok) errors.maxRuns = max.error;
  const maxRuns = max.ok ? max.value : null;
  const adds = Object.keys(added).length > 0;
  const newBudget = maxRuns !== null && maxRuns !== (target.maxRuns ?? null);
  if (Object.keys(errors).length === 0 && !adds && !newBudget) {
    errors.form =
      Object.keys(already).length > 0
        ? "Nothing to extend: the sweep searches those values already; give new values or a larger max runs"
        : "Nothing to extend: give values to add, or a larger max runs";
  }
  if (adds && maxRuns === null && target.strategy !== "GRID" && target.maxRuns != null) {
    notes.push(
      `${target.strategy} tries at most ${target.maxRuns} configurations: without a larger max runs, only those not yet started can use the new values`,
    );
  }
  if (Object.keys(errors).length > 0) return { errors, added, already, notes, input: null };
  const input: ExtendSweepInput = { sweepId: target.id };
  if (adds) input.add = added as SearchSpaceAdditionInput;
  if (maxRuns !== null) input.maxRuns = maxRuns;
  return { errors, added, already, notes, input };
}
