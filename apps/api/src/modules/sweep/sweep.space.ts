/**
 * A sweep's search space: one list per searchable knob of the catalogue (`learningRates`), as
 * createSweep takes it and the sweeps table stores it. Omitted lists take `[default]`, values are
 * canonical (augmentation presets expanded) and deduplicated; bounds are checked per run by
 * resolveHyperparameters, with the catalogue's one message.
 */
import { HYPERPARAMETER_ENTRIES, HyperparameterError, type HyperparameterSpec, fromWire, toWire } from "@graft/core/contract";
import { type SearchSpaceJson } from "@graft/schema/db";
import { badInput } from "../../errors";

/** A searchable knob: its name, the search space's list field, its spec. */
export interface SearchDimension {
  name: string;
  field: string;
  spec: HyperparameterSpec;
}

/** The searchable knobs in expansion order (the first varies slowest in a grid). */
export const SEARCH_DIMENSIONS: readonly SearchDimension[] = HYPERPARAMETER_ENTRIES.flatMap(([name, spec]) =>
  spec.sweep === "search" && spec.searchField !== undefined ? [{ name, field: spec.searchField, spec }] : [],
);

/** The canonical wire form of one searched value (`Standard` → `flip,rotate,zoom`). */
function canonical(dim: SearchDimension, value: unknown): unknown {
  try {
    return toWire(dim.name, fromWire(dim.name, value));
  } catch (e) {
    if (e instanceof HyperparameterError) throw badInput(e.message, `searchSpace.${dim.field}`, value);
    throw e;
  }
}

/**
 * The search space as stored: every list present (an omitted or null one is `[default]`, a
 * required one missing or any one empty is BAD_USER_INPUT), values canonical and unique.
 */
export function normalizeSearchSpace(input: Readonly<Record<string, readonly unknown[] | null | undefined>>): SearchSpaceJson {
  const out: SearchSpaceJson = {};
  for (const dim of SEARCH_DIMENSIONS) {
    const given = input[dim.field];
    const list = given ?? (dim.spec.searchRequired ? undefined : [toWire(dim.name, dim.spec.default)]);
    if (!Array.isArray(list) || list.length === 0)
      throw badInput(`searchSpace.${dim.field} is empty; give at least one value`, `searchSpace.${dim.field}`, list ?? null);
    const seen = new Map<string, unknown>();
    for (const value of list) {
      const c = canonical(dim, value);
      seen.set(JSON.stringify(c), c);
    }
    out[dim.field] = [...seen.values()];
  }
  return out;
}

/** A stored search space with every list present: sweeps stored before a knob existed searched only its default. */
export function withDefaultLists(stored: SearchSpaceJson): SearchSpaceJson {
  const out: SearchSpaceJson = { ...stored };
  for (const dim of SEARCH_DIMENSIONS) out[dim.field] ??= [toWire(dim.name, dim.spec.default)];
  return out;
}

/**
 * A stored space with values added (extendSweep): each addition made canonical and appended to its
 * list unless already there, so existing configurations keep their place in the grid order.
 * Returns the merged space and how many values were new.
 */
export function mergeSearchSpace(
  stored: SearchSpaceJson,
  additions: Readonly<Record<string, readonly unknown[] | null | undefined>>,
): { space: SearchSpaceJson; added: number } {
  const space = withDefaultLists(stored);
  let added = 0;
  for (const dim of SEARCH_DIMENSIONS) {
    const extra = additions[dim.field];
    if (!extra) continue;
    const list = [...(space[dim.field] ?? [])];
    const keys = new Set(list.map((v) => JSON.stringify(v)));
    for (const value of extra) {
      const c = canonical(dim, value);
      if (keys.has(JSON.stringify(c))) continue;
      keys.add(JSON.stringify(c));
      list.push(c);
      added++;
    }
    space[dim.field] = list;
  }
  return { space, added };
}
