/**
 * Applying a live runUpdated event to a loaded list of runs: replace the row in place, drop it
 * when it no longer matches the filter, or add it on top when it is new and the list is newest
 * first. Pure, so the table's live behaviour is unit-tested.
 */
import type { RunRowFragment } from "../gql/graphql";
import type { RunsViewState } from "./runs-view-state";

/** Whether a run passes the view's client-checkable filters (status, model, augmentation, name, ranges on known fields). */
export function matchesView(run: RunRowFragment, view: RunsViewState): boolean {
  if (view.status.length > 0 && !view.status.includes(run.status)) return false;
  if (view.baseModels.length > 0 && !view.baseModels.includes(run.hyperparameters.baseModel)) return false;
  if (view.augmentations.length > 0 && !view.augmentations.includes(run.hyperparameters.augmentation)) return false;
  if (view.search.trim() && !run.name.toLowerCase().includes(view.search.trim().toLowerCase())) return false;
  for (const r of view.ranges) {
    const v = rangeValue(run, r.field);
    if (v === undefined) continue; // not checkable here; the server decides on the next fetch
    if (v === null) return false;
    if (r.min !== null && v < r.min) return false;
    if (r.max !== null && v > r.max) return false;
  }
  return true;
}

function rangeValue(run: RunRowFragment, field: string): number | null | undefined {
  const h = run.hyperparameters;
  switch (field) {
    case "BEST_VAL_ACCURACY": return run.bestValAccuracy ?? null;
    case "FINAL_VAL_ACCURACY": return run.finalValAccuracy ?? null;
    case "FINAL_VAL_LOSS": return run.finalValLoss ?? null;
    case "DURATION_MS": return run.durationMs ?? null;
    case "EPOCH_COUNT": return run.epochCount;
    case "LEARNING_RATE": return h.learningRate;
    case "FINE_TUNE_LAYERS": return h.fineTuneLayers;
    case "DROPOUT": return h.dropout;
    case "EPOCHS": return h.epochs;
    case "FINE_TUNE_EPOCHS": return h.fineTuneEpochs;
    case "BATCH_SIZE": return h.batchSize;
    case "SEED": return h.seed;
    case "REDUCE_LR_PATIENCE": return h.reduceLrPatience ?? null;
    case "REDUCE_LR_FACTOR": return h.reduceLrFactor;
    case "MIN_LEARNING_RATE": return h.minLearningRate;
    default: return undefined;
  }
}

/** The loaded slice of the runs list. */
export interface LoadedRuns {
  rows: RunRowFragment[];
  total: number;
}

/** Applies one live update; returns the same object when nothing changed (cheap re-render check). */
export function applyRunUpdate(list: LoadedRuns, run: RunRowFragment, view: RunsViewState, newestFirst: boolean): LoadedRuns {
  const i = list.rows.findIndex((r) => r.id === run.id);
  const matches = matchesView(run, view);
  if (i >= 0) {
    if (!matches) return { rows: list.rows.filter((r) => r.id !== run.id), total: Math.max(0, list.total - 1) };
    const rows = list.rows.slice();
    rows[i] = run;
    return { rows, total: list.total };
  }
  if (!matches || !newestFirst) return list;
  return { rows: [run, ...list.rows], total: list.total + 1 };
}
