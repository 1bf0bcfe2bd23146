/**
 * A knob's text and wire forms, one of each: the text a flag or a form field takes (`--lr 3e-4`,
 * `--augment standard,contrast`, `--head 256,128`, `--patience 0` for off) and the canonical text
 * tables and messages show; the wire value GraphQL carries (augmentation as its canonical string,
 * everything else as core holds it). PURE.
 */
import { type HyperparameterSpec, nullWord, type OpsSpec } from "./hyperparameter-spec";
import { HyperparameterError, checkHyperparameter, hyperparameterError } from "./hyperparameter-rules";
import { specOf } from "./hyperparameters";

/**
 * Parses an op list in any order and case, with presets (`standard,contrast`), `none` and `""`,
 * into ops in canonical order without duplicates.
 */
export function parseOps(spec: OpsSpec, name: string, input: string | readonly string[]): string[] {
  const tokens = (typeof input === "string" ? input.split(/[,+\s]+/) : input.flatMap((s) => String(s).split(",")))
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== "" && t !== "none");
  const chosen = new Set<string>();
  for (const token of tokens) {
    if (spec.values.includes(token)) chosen.add(token);
    else if (Object.hasOwn(spec.presets, token)) for (const op of spec.presets[token] ?? []) chosen.add(op);
    else {
      throw new HyperparameterError(
        name,
        input,
        `Unknown ${name} ${JSON.stringify(token)} in ${JSON.stringify(input)}; valid ops are ${spec.values.join(", ")} (or none, or a preset: ${Object.keys(spec.presets).join(", ")})`,
      );
    }
  }
  return spec.values.filter((op) => chosen.has(op));
}

/** The canonical text of an op list: `flip,rotate`, or `none` when empty. */
export function formatOps(spec: OpsSpec, ops: readonly string[]): string {
  const ordered = spec.values.filter((op) => ops.includes(op));
  return ordered.length === 0 ? "none" : ordered.join(",");
}

function parseNumber(name: string, text: string, integer: boolean): number {
  const t = text.trim();
  const n = t === "" ? Number.NaN : Number(t);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) throw hyperparameterError(name, text, integer ? "an integer" : "a number");
  return n;
}

function specFor(name: string): HyperparameterSpec {
  const spec = specOf(name);
  if (spec === undefined) throw new HyperparameterError(name, undefined, `Unknown hyperparameter ${JSON.stringify(name)}`);
  return spec;
}

/**
 * A knob's value from text, checked: what `graft train`'s flags take. For a nullable knob `0` and
 * `off` mean off (null), as `--patience 0` always has; a knob whose null means something else
 * (`nullMeans`, e.g. "same as seed") takes those words for null, and its 0 is a value.
 * @throws HyperparameterError with the one message.
 */
export function parseHyperparameter(name: string, text: string): unknown {
  const spec = specFor(name);
  const t = text.trim();
  let value: unknown;
  const nullWords = spec.nullMeans === undefined ? ["0", "off"] : [spec.nullMeans.toLowerCase()];
  if (spec.nullable && nullWords.includes(t.toLowerCase())) value = null;
  else if (spec.kind === "float" || spec.kind === "int") value = parseNumber(name, t, spec.kind === "int");
  else if (spec.kind === "ops") value = parseOps(spec, name, t);
  else if (spec.kind === "units")
    value =
      t.toLowerCase() === "none" || t.toLowerCase() === "linear" || t === "" ? [] : t.split(",").map((u) => parseNumber(name, u, true));
  else if (spec.kind === "enum") value = t.toLowerCase();
  else value = t;
  checkHyperparameter(name, value);
  return value;
}

/** The canonical text of a knob's value: `off` for a callback that is off, ops and units comma-joined. */
export function formatHyperparameter(name: string, value: unknown): string {
  const spec = specFor(name);
  if (value === null || value === undefined) return spec.nullable ? nullWord(spec) : "–";
  if (spec.kind === "ops") return formatOps(spec, value as string[]);
  if (spec.kind === "units") return (value as number[]).length === 0 ? "linear" : (value as number[]).join(",");
  return String(value);
}

/** A knob's value as GraphQL carries it: augmentation as its canonical string, the rest unchanged. */
export function toWire(name: string, value: unknown): unknown {
  const spec = specFor(name);
  if (spec.kind === "ops" && Array.isArray(value)) return formatOps(spec, value as string[]);
  if (Array.isArray(value)) return [...(value as unknown[])];
  return value;
}

/** A knob's value from its GraphQL form (the inverse of {@link toWire}); ops strings are parsed. */
export function fromWire(name: string, value: unknown): unknown {
  const spec = specFor(name);
  if (spec.kind === "ops" && typeof value === "string") return parseOps(spec, name, value);
  if (spec.kind === "enum" && typeof value === "string") return value.toLowerCase();
  if (Array.isArray(value)) return [...(value as unknown[])];
  return value;
}
