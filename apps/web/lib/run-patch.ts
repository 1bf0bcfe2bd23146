/**
 * Applying a live runUpdated event to a loaded list of runs: replace the row in place, drop it
 * when it no longer matches the filter, or add it on top when it is new and the list is newest
 * first. Pure, so the table's live behaviour is unit-tested.
 */
import type { RunRowFragment } from "../gql/graphql";
import type { Catalogue } from "./catalogue";
import type { RunsViewState } from "./runs-view-state";

/**
 * Whether a run passes the view's client-checkable filters (status, model, augmentation, name, tags
 * (every one), and ranges on the run's metrics and on every sortable knob of `catalogue`).
 */
export function matchesView(run: RunRowFragment, view: RunsViewState, catalogue: Catalogue): boolean {
  if (view.status.length > 0 && !view.status.includes(run.status)) return false;
  if (view.baseModels.length > 0 && !view.baseModels.includes(run.hyperparameters.baseModel)) return false;
  if (view.augmentations.length > 0 && !view.augmentations.includes(run.hyperparameters.augmentation)) return false;
  if (view.search.trim() && !run.name.toLowerCase().includes(view.search.trim().toLowerCase())) return false;
  if (view.tags.length > 0 && !view.tags.every((t) => run.tags.includes(t))) return false;
  for (const r of view.ranges) {
    const v = rangeValue(run, r.field, catalogue);
    if (v === undefined) continue; // not checkable here; the server decides on the next fetch
    if (v === null) return false;
    if (r.min !== null && v < r.min) return false;
    if (r.max !== null && v > r.max) return false;
  }
  return true;
}

/**
 * A knob's value as its RunField sorts and range-filters it: numbers as they are, a list of layer
 * sizes by its total, null (an off callback) as null, which no range matches (as in SQL).
 */
function knobRangeValue(value: unknown): number | null | undefined {
  if (value === null) return null;
  if (typeof value === "number") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "number")) return (value as number[]).reduce((a, b) => a + b, 0);
  return undefined;
}

function rangeValue(run: RunRowFragment, field: string, catalogue: Catalogue): number | null | undefined {
  switch (field) {
    case "BEST_VAL_ACCURACY":
      return run.bestValAccuracy ?? null;
    case "BEST_VAL_LOSS":
      return run.bestValLoss ?? null;
    case "FINAL_VAL_ACCURACY":
      return run.finalValAccuracy ?? null;
    case "FINAL_VAL_LOSS":
      return run.finalValLoss ?? null;
    case "DURATION_MS":
      return run.durationMs ?? null;
    case "EPOCH_COUNT":
      return run.epochCount;
    default: {
      const knob = catalogue.find((k) => k.sortField === field);
      if (!knob) return undefined;
      const entry = run.hyperparameters.values.find((v) => v.name === knob.name);
      return entry ? knobRangeValue(entry.value ?? null) : undefined;
    }
  }
}

/** The loaded slice of the runs list. */
export interface LoadedRuns {
  rows: RunRowFragment[];
  total: number;
}

/** Applies one live update; returns the same object when nothing changed (cheap re-render check). */
export function applyRunUpdate(
  list: LoadedRuns,
  run: RunRowFragment,
  view: RunsViewState,
  newestFirst: boolean,
  catalogue: Catalogue,
): LoadedRuns {
  const i = list.rows.findIndex((r) => r.id === run.id);
  const matches = matchesView(run, view, catalogue);
  if (i >= 0) {
    if (!matches) return { rows: list.rows.filter((r) => r.id !== run.id), total: Math.max(0, list.total - 1) };
    const rows = list.rows.slice();
    rows[i] = run;
    return { rows, total: list.total };
  }
  if (!matches || !newestFirst) return list;
  return { rows: [run, ...list.rows], total: list.total + 1 };
}
