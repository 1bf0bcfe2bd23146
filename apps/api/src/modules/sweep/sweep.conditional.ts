/**
 * Conditional parameters (the catalogue's `appliesWhen`): a searched knob that does not apply to a
 * point (the fine-tuning rate when the point's fineTuneLayers is 0) takes its default there, so two
 * points differing only in such a knob are one configuration and a sweep queues it once.
 */
import { appliesTo, type HyperparameterSpec, toWire } from "@graft/core/contract";
import { pointKey, type SearchDimension as Dimension } from "@graft/core/search";
import { type SearchSpaceJson } from "@graft/schema/db";
import { type SearchPoint } from "./sweep.expand";
import { SEARCH_DIMENSIONS } from "./sweep.space";

/**
 * `point` with every knob that does not apply set to its default (wire form). `fixed` holds the
 * sweep's fixed knobs: a condition may read them too.
 */
export function canonicalPoint(point: SearchPoint, fixed: Readonly<Record<string, unknown>> = {}): SearchPoint {
  const values = { ...fixed, ...point };
  const out: SearchPoint = { ...point };
  for (const d of SEARCH_DIMENSIONS) {
    if (Object.hasOwn(out, d.name) && !appliesTo(d.name, values)) out[d.name] = toWire(d.name, d.spec.default);
  }
  return out;
}

/** A run's searched knobs as the canonical point of its sweep's space (`fixed`: the sweep's fixed knobs). */
export function runPoint(row: object, fixed: Readonly<Record<string, unknown>> = {}): SearchPoint {
  const point: SearchPoint = {};
  for (const d of SEARCH_DIMENSIONS) point[d.name] = (row as Record<string, unknown>)[d.name];
  return canonicalPoint(point, fixed);
}

/** `points` made canonical, each configuration once (the first occurrence keeps its place). */
export function distinctConfigurations(points: readonly SearchPoint[], fixed: Readonly<Record<string, unknown>> = {}): SearchPoint[] {
  const seen = new Set<string>();
  const out: SearchPoint[] = [];
  for (const p of points) {
    const c = canonicalPoint(p, fixed);
    const key = pointKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** Whether a knob's values sit on a line (numbers, ordered, log-spaced for log-scale rates) for the samplers. */
function isNumeric(spec: HyperparameterSpec, values: readonly unknown[]): { numeric: boolean; log: boolean } {
  if ((spec.kind !== "float" && spec.kind !== "int") || !values.every((v) => typeof v === "number")) return { numeric: false, log: false };
  return { numeric: true, log: spec.scale === "log" && (values as number[]).every((v) => v > 0) };
}

/** The sweep's space as the samplers of `@graft/core/search` take it: one dimension per searchable knob, in expansion order. */
export function searchDimensions(space: SearchSpaceJson): Dimension[] {
  return SEARCH_DIMENSIONS.flatMap((d) => {
    const values = space[d.field];
    if (!Array.isArray(values)) return [];
    const { numeric, log } = isNumeric(d.spec, values);
    return [{ name: d.name, values, kind: numeric ? "numeric" : "categorical", ...(log ? { log } : {}) }];
  });
}
