/**
 * The one validation of hyperparameters, and their one text form. Core's config check, the API's
 * createRun/createSweep and the dashboard's form (through the `rule` the API serves) all give the
 * same message for the same bad value: `<name> must be <rule>, received <value>`. PURE.
 */
import { type AppliesWhen, type CrossRule, type HyperparameterSpec, nullWord } from "./hyperparameter-spec";
import { HYPERPARAMETER_ENTRIES, HYPERPARAMETERS, type HyperparameterValues, specOf } from "./hyperparameters";

/** A bad hyperparameter value: `field` names it, `value` is what was received. */
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

/** A value as messages quote it: strings and lists as JSON, numbers as written. */
export function showValue(v: unknown): string {
  return typeof v === "string" || Array.isArray(v) ? JSON.stringify(v) : String(v);
}

/** The error for `field`, with the one message format. */
export function hyperparameterError(field: string, value: unknown, rule: string): HyperparameterError {
  return new HyperparameterError(field, value, `${field} must be ${rule}, received ${showValue(value)}`);
}

function range(s: { min: number; max: number; exclusiveMin?: boolean; exclusiveMax?: boolean }): string {
  return `${s.exclusiveMin ? "(" : "["}${s.min}, ${s.max}${s.exclusiveMax ? ")" : "]"}`;
}

/** What a valid value of `spec` is, in words: the `rule` of its messages. */
export function ruleOf(spec: HyperparameterSpec): string {
  const off = spec.nullable ? `null (${nullWord(spec)}) or ` : "";
  switch (spec.kind) {
    case "float":
      return `${off}a number in ${range(spec)}`;
    case "int":
      return `${off}an integer in ${range(spec)}`;
    case "enum":
      return `one of ${spec.values.join(", ")}`;
    case "ops":
      return `a list of ${spec.values.join(", ")}`;
    case "units":
      return `a list of at most ${spec.maxLength} integers in [${spec.min}, ${spec.max}]`;
    case "text":
      return `a non-empty name of at most ${spec.maxLength} characters`;
  }
}

function inBounds(spec: { min: number; max: number; exclusiveMin?: boolean; exclusiveMax?: boolean }, v: number): boolean {
  return (spec.exclusiveMin ? v > spec.min : v >= spec.min) && (spec.exclusiveMax ? v < spec.max : v <= spec.max);
}

/** True when `value` is a valid value of `spec` on its own (cross-field rules aside). */
export function isValidValue(spec: HyperparameterSpec, value: unknown): boolean {
  if (value === null) return spec.nullable;
  switch (spec.kind) {
    case "float":
      return typeof value === "number" && Number.isFinite(value) && inBounds(spec, value);
    case "int":
      return typeof value === "number" && Number.isInteger(value) && inBounds(spec, value);
    case "enum":
      return typeof value === "string" && spec.values.includes(value);
    case "ops":
      return Array.isArray(value) && value.every((op) => typeof op === "string" && spec.values.includes(op));
    case "units":
      return (
        Array.isArray(value) && value.length <= spec.maxLength && value.every((u) => Number.isInteger(u) && u >= spec.min && u <= spec.max)
      );
    case "text":
      return typeof value === "string" && value.trim() !== "" && value.length <= spec.maxLength;
  }
}

/** Checks one knob's value on its own; throws the one message naming it. */
export function checkHyperparameter(name: string, value: unknown): void {
  const spec = specOf(name);
  if (spec === undefined)
    throw new HyperparameterError(
      name,
      value,
      `Unknown hyperparameter ${JSON.stringify(name)}; known: ${Object.keys(HYPERPARAMETERS).join(", ")}`,
    );
  if (!isValidValue(spec, value)) throw hyperparameterError(name, value, ruleOf(spec));
}

/** Whether `name` matters given the other values (the fine-tuning rate only when fine-tuning). */
export function appliesTo(name: string, values: Readonly<Record<string, unknown>>): boolean {
  return holds(specOf(name)?.appliesWhen, values);
}

/** Whether `when` holds for these values (no condition always holds). */
function holds(when: AppliesWhen | undefined, values: Readonly<Record<string, unknown>>): boolean {
  if (when === undefined) return true;
  const other = values[when.parameter];
  return when.rule === "positive" ? typeof other === "number" && other > 0 : other !== null && other !== undefined;
}

/**
 * A cross rule in words, for the other knob's value at hand (the lowest searched, for a sweep):
 * "≥ 1 when fineTuneLayers > 0", "below learningRate (0.001)", "below fineTuneLearningRate (0.00001) when fine-tuning".
 */
export function crossRuleText(rule: CrossRule, otherValue?: unknown): string {
  const head = rule.relation === "atLeast" ? `≥ ${rule.min}` : `below ${rule.other} (${String(otherValue)})`;
  return rule.qualifier ? `${head} ${rule.qualifier}` : head;
}

/** Whether `value` meets `rule` against the other knob's value. */
export function meetsCrossRule(rule: CrossRule, value: number, otherValue: number): boolean {
  return rule.relation === "atLeast" ? value >= rule.min : value < otherValue;
}

/** The catalogue's cross rules (see `CrossRule`), checked in catalogue order on a complete set. */
function checkAcrossKnobs(v: HyperparameterValues): void {
  const values: Readonly<Record<string, unknown>> = v;
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) {
    for (const rule of spec.crossRules ?? []) {
      if (!holds(rule.appliesWhen, values)) continue;
      const value = values[name];
      const other = rule.relation === "below" ? values[rule.other] : undefined;
      if (typeof value !== "number" || (rule.relation === "below" && typeof other !== "number")) continue;
      if (!meetsCrossRule(rule, value, other as number)) throw hyperparameterError(name, value, crossRuleText(rule, other));
    }
  }
}

/**
 * Checks a complete set: every knob on its own, in catalogue order, then the rules across knobs.
 * `baseLimit`, when known, adds the base model's own bound on `fineTuneLayers`.
 * @throws HyperparameterError for the first bad value.
 */
export function validateHyperparameters<V extends HyperparameterValues>(values: V, baseLimit?: (v: V) => string | null): V {
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) {
    // Core's TrainConfig has no API-derived knobs (inputSize comes from the base model there).
    if (spec.apiOnly && values[name] === undefined) continue;
    if (!isValidValue(spec, values[name])) throw hyperparameterError(name, values[name], ruleOf(spec));
  }
  checkAcrossKnobs(values);
  const depth = baseLimit?.(values);
  if (depth) throw hyperparameterError("fineTuneLayers", values.fineTuneLayers, depth);
  return values;
}

/** The catalogue's defaults, as a fresh complete set. */
export function defaultHyperparameters(): HyperparameterValues {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of HYPERPARAMETER_ENTRIES)
    out[name] = Array.isArray(spec.default) ? [...(spec.default as unknown[])] : spec.default;
  return out as HyperparameterValues;
}

/**
 * A complete set from a partial one over the defaults (null and undefined take the default for a
 * knob that is not nullable, and mean "off" for one that is). Unknown names are refused: a typo
 * would otherwise silently train with a default.
 */
export function withDefaults(partial: Readonly<Record<string, unknown>>, ignore: readonly string[] = []): HyperparameterValues {
  const out = defaultHyperparameters() as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(partial)) {
    const spec = specOf(name);
    if (spec === undefined) {
      if (ignore.includes(name)) continue;
      throw new HyperparameterError(
        name,
        value,
        `Unknown hyperparameter ${JSON.stringify(name)}; known: ${Object.keys(HYPERPARAMETERS).join(", ")}`,
      );
    }
    if (value === undefined || (value === null && !spec.nullable)) continue;
    out[name] = value;
  }
  return out as unknown as HyperparameterValues;
}
