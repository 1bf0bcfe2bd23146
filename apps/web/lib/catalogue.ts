/**
 * The hyperparameter catalogue as the dashboard reads it from the API (`hyperparameterCatalog`):
 * checking, formatting and parsing a knob's value from the served entry alone (kind, bounds,
 * nullability, enum values, rule), so the form, the run page, the runs table and Compare name no
 * knob and a knob added to the catalogue needs no change here. Every refusal has the one message of
 * the API and core: `<name> must be <rule>, received <value>`. PURE: no React, no fetching.
 */
import type { HyperparameterCatalogQuery } from "../gql/graphql";

/** One catalogue entry as served. */
export type KnobInfo = HyperparameterCatalogQuery["hyperparameterCatalog"][number];

/** The catalogue, in display order. */
export type Catalogue = readonly KnobInfo[];

/** A run's knob values as the API serves them (`Hyperparameters.values`). */
export type KnobValues = readonly { name: string; value?: unknown }[];

/** Result of parsing typed text: a value or the message to show. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A value as messages quote it: strings and lists as JSON, numbers (and the rest) as `String(v)`. */
export function showValue(value: unknown): string {
  return typeof value === "string" || Array.isArray(value) ? JSON.stringify(value) : String(value);
}

/** The one refusal message: `<name> must be <rule>, received <value>`. */
export function knobMessage(name: string, rule: string, value: unknown): string {
  return `${name} must be ${rule}, received ${showValue(value)}`;
}

/** The entry named `name`, if the catalogue has it. */
export function knobByName(catalogue: Catalogue, name: string): KnobInfo | undefined {
  return catalogue.find((k) => k.name === name);
}

/** A knob's value among a run's values; undefined when the run does not carry it. */
export function knobValue(values: KnobValues | null | undefined, name: string): unknown {
  return values?.find((v) => v.name === name)?.value;
}

function inBounds(info: KnobInfo, n: number): boolean {
  if (info.min != null && (info.exclusiveMin ? n <= info.min : n < info.min)) return false;
  if (info.max != null && (info.exclusiveMax ? n >= info.max : n > info.max)) return false;
  return true;
}

function isValid(info: KnobInfo, value: unknown): boolean {
  if (value === null || value === undefined) return info.nullable;
  switch (info.kind) {
    case "float":
      return typeof value === "number" && Number.isFinite(value) && inBounds(info, value);
    case "int":
      return typeof value === "number" && Number.isInteger(value) && inBounds(info, value);
    case "enum":
      return typeof value === "string" && info.values.includes(value);
    case "ops": {
      // The wire form is canonical text ("flip,rotate", "none"); presets and lists are taken too.
      const tokens = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : null;
      if (tokens === null) return false;
      const presets = info.presets.map((p) => p.name);
      return tokens.every(
        (t) => typeof t === "string" && (info.values.includes(t.trim()) || presets.includes(t.trim()) || t.trim() === "none"),
      );
    }
    case "units":
      return (
        Array.isArray(value) &&
        (info.maxLength == null || value.length <= info.maxLength) &&
        value.every((u) => typeof u === "number" && Number.isInteger(u) && inBounds(info, u))
      );
    case "text":
      return typeof value === "string" && value.trim() !== "" && (info.maxLength == null || value.length <= info.maxLength);
    default:
      // A kind this dashboard does not know yet: the API checks it.
      return true;
  }
}

/** Checks one value of a knob on its own: null when valid, else the one message with the served rule. */
export function checkKnob(info: KnobInfo, value: unknown): string | null {
  return isValid(info, value) ? null : knobMessage(info.name, info.rule, value === undefined ? null : value);
}

/** A number as tables show it: integers whole, tiny rates as `1e-5`, the rest to 4 significant digits. */
export function compactNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  if (Math.abs(n) < 0.001) return n.toExponential();
  return String(Number(n.toPrecision(4)));
}

/** A knob's value as text: "off" for an off (null) nullable knob, head units "256,128" or "linear", numbers compact. */
export function formatKnob(info: KnobInfo, value: unknown): string {
  if (value === null || value === undefined) return info.nullable ? nullWord(info) : "–";
  if (typeof value === "number") return info.kind === "int" ? String(value) : compactNumber(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return info.kind === "units" ? "linear" : "none";
    return value.map(String).join(",");
  }
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** Whether a knob is numeric in tables and charts (sortable by value, right-aligned). */
export function isNumericKnob(info: KnobInfo): boolean {
  return info.kind === "float" || info.kind === "int" || info.kind === "units";
}

/** A knob's value as a chart takes it: numbers stay numbers, the rest its text. */
export function chartValue(info: KnobInfo, value: unknown): string | number {
  return typeof value === "number" ? value : formatKnob(info, value);
}

/** Whether `info` matters given a run's values (the fine-tuning rate only when fine-tuning). */
export function knobApplies(info: KnobInfo, values: KnobValues | null | undefined): boolean {
  const when = info.appliesWhen;
  return !when || conditionHolds(when, knobValue(values, when.parameter));
}

/** Whether a served condition (`appliesWhen`) holds for the other knob's value: `positive` (> 0) or `set` (not null). */
export function conditionHolds(when: NonNullable<KnobInfo["appliesWhen"]>, value: unknown): boolean {
  return when.rule === "positive" ? typeof value === "number" && value > 0 : value !== null && value !== undefined;
}

/** What a nullable knob's null is shown and typed as: "off", or what the catalogue says ("same as seed"). */
export function nullWord(info: KnobInfo): string {
  return info.nullText ?? "off";
}

/**
 * A sweep's fixed knobs as the sweep page lists them: `Epochs 3`, `Batch 32`, `Early stop off`. A
 * knob whose condition rests on another fixed knob that does not hold is left out (the LR factor
 * while ReduceLROnPlateau is off); one whose condition rests on a searched knob (the fine-tuning
 * epochs, on the depths searched) is shown, as it applies to some runs.
 */
export function fixedKnobSummary(catalogue: Catalogue, fixed: KnobValues): { name: string; text: string }[] {
  return fixed.flatMap(({ name, value }) => {
    const info = knobByName(catalogue, name);
    if (!info) return [];
    const on = info.appliesWhen?.parameter;
    if (on !== undefined && fixed.some((k) => k.name === on) && !knobApplies(info, fixed)) return [];
    return [{ name, text: `${info.label} ${formatKnob(info, value)}` }];
  });
}

/** Why a knob does not apply, in words: `n/a (FT depth is 0)`, `n/a (LR patience off)`. */
export function notApplicableNote(info: KnobInfo, catalogue: Catalogue, values: KnobValues | null | undefined): string {
  const when = info.appliesWhen;
  if (!when) return "";
  const param = knobByName(catalogue, when.parameter);
  const label = param?.label ?? when.parameter;
  const value = knobValue(values, when.parameter);
  if (value === null || value === undefined) return `n/a (${label} off)`;
  return `n/a (${label} is ${param ? formatKnob(param, value) : showValue(value)})`;
}

/** When a knob applies, in words for hints: `applies when FT depth > 0`, `applies when LR patience is set`. */
export function appliesWhenText(info: KnobInfo, catalogue: Catalogue): string | null {
  const when = info.appliesWhen;
  if (!when) return null;
  const label = knobByName(catalogue, when.parameter)?.label ?? when.parameter;
  return `applies when ${label} ${when.rule === "positive" ? "> 0" : "is set"}`;
}

/** The default as the form's placeholder shows it ("off" for a nullable knob that defaults to off). */
export function defaultText(info: KnobInfo): string {
  return formatKnob(info, info.default);
}

function notANumber(info: KnobInfo, received: string, token: string): string {
  return `${knobMessage(info.name, info.rule, received)} (${JSON.stringify(token)} is not a number)`;
}

function parseNumber(info: KnobInfo, token: string, received: string): Parsed<number> {
  const t = token.trim();
  const n = t === "" ? Number.NaN : Number(t);
  if (!Number.isFinite(n)) return { ok: false, error: notANumber(info, received, t) };
  return { ok: true, value: n };
}

function checked<T>(info: KnobInfo, value: T): Parsed<T> {
  const error = checkKnob(info, value);
  return error === null ? { ok: true, value } : { ok: false, error };
}

/** Head-style layers: "256,128" (or "linear"/"none" for no layer). */
function parseUnits(info: KnobInfo, text: string): Parsed<number[]> {
  const t = text.trim();
  if (/^(linear|none)$/i.test(t)) return checked(info, []);
  const units: number[] = [];
  for (const layer of t.split(",")) {
    const n = parseNumber(info, layer, t);
    if (!n.ok)
      return {
        ok: false,
        error: `${knobMessage(info.name, info.rule, t)} (${JSON.stringify(layer.trim())} in ${JSON.stringify(t)} is not a number)`,
      };
    units.push(n.value);
  }
  return checked(info, units);
}

/**
 * One value of a knob from a text field. Empty text is `undefined` (not given: the API's default);
 * for a nullable knob "off" is null. Numbers, enum names (any case), op lists and layer lists are
 * checked against the served rule.
 */
export function parseKnob(info: KnobInfo, text: string): Parsed<unknown> {
  const t = text.trim();
  if (t === "") return { ok: true, value: undefined };
  if (info.nullable && t.toLowerCase() === nullWord(info).toLowerCase()) return { ok: true, value: null };
  switch (info.kind) {
    case "float":
    case "int": {
      const n = parseNumber(info, t, t);
      return n.ok ? checked(info, n.value) : n;
    }
    case "units":
      return parseUnits(info, t);
    case "enum":
      return checked(info, t.toLowerCase());
    case "ops":
      return checked(
        info,
        t
          .split(/[,+\s]+/)
          .map((s) => s.trim().toLowerCase())
          .filter((s) => s !== "")
          .join(",") || "none",
      );
    default:
      return checked(info, t);
  }
}

/** The separator of a search list's values: ";" between heads (whose layers use ","), else "," or spaces. */
export function listSeparator(info: KnobInfo): string {
  return info.kind === "units" || info.kind === "ops" ? ";" : ",";
}

/**
 * A search list from text: "0.001, 3e-4" (numbers), "128; 256,128" (layer lists: ";" between
 * them), each value checked; duplicates dropped, order kept. Empty text is an error naming the label.
 */
export function parseKnobList(info: KnobInfo, text: string): Parsed<unknown[]> {
  const parts = (listSeparator(info) === ";" ? text.split(";") : text.split(/[,\s]+/)).map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length === 0) return { ok: false, error: `${info.label}: enter at least one value (got ${JSON.stringify(text)})` };
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const parsed =
      info.nullable && part.toLowerCase() === nullWord(info).toLowerCase() ? ({ ok: true, value: null } as const) : parseKnob(info, part);
    if (!parsed.ok) return parsed;
    const key = JSON.stringify(parsed.value);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(parsed.value);
    }
  }
  return { ok: true, value: out };
}

/** A list of values as the form writes it back: "0.001, 0.003" or "128; 256,128". */
export function formatKnobList(info: KnobInfo, values: readonly unknown[]): string {
  return values.map((v) => formatKnob(info, v)).join(listSeparator(info) === ";" ? "; " : ", ");
}
