/**
 * A configuration of a sweep turned into its queued runs, in one place for creation, TPE's
 * samples and extendSweep: fixed knobs, the point's searched ones, one run per repeat with the
 * repeat's training seed and the sweep's split seed (one validation set for the whole sweep).
 */
import { type CatalogService } from "../catalog/catalog.service";
import { type HyperparameterValues, resolveHyperparameters } from "../run/run.hyperparameters";
import { type NewRun } from "../run/run.service";
import { type SearchPoint } from "./sweep.expand";

/** What every run of a sweep shares. */
export interface SweepRunContext {
  name: string;
  experimentId: string;
  datasetId: string;
  seed: number;
  repeats: number;
  /** The sweep's fixed knobs, as given or as stored (wire form). */
  fixed: Readonly<Record<string, unknown>>;
}

/** The runs of configuration number `index` (0-based) of the sweep, named `<sweep>-<n>[-s<r>]` with n padded to `width` digits. */
export function runsForPoint(
  point: SearchPoint,
  index: number,
  width: number,
  sweep: SweepRunContext,
  catalog: CatalogService,
): Omit<NewRun, "sweepId">[] {
  const pointName = `${sweep.name}-${String(index + 1).padStart(width, "0")}`;
  return Array.from({ length: sweep.repeats }, (_, r) => ({
    name: sweep.repeats > 1 ? `${pointName}-s${r + 1}` : pointName,
    datasetId: sweep.datasetId,
    experimentId: sweep.experimentId,
    // Checked per run, so a floor is checked against each point's rates.
    hyperparameters: resolveHyperparameters(
      { ...sweep.fixed, ...point, seed: (sweep.seed + r) % 2 ** 31, splitSeed: sweep.seed } as HyperparameterValues,
      catalog,
    ),
  }));
}
