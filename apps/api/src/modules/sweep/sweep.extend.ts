/**
 * What extendSweep adds to a sweep, worked out before anything is written: the merged space, the
 * new budget and the configurations to queue now (none for TPE, which samples at claim time).
 */
import { type InferSelectModel } from "drizzle-orm";
import { pointKey } from "@graft/core/search";
import { type runs, type sweeps } from "@graft/schema/db";
import { EarlyTermination, type ExtendSweepInput, SEARCH_LIST_MAX, SweepStrategy } from "@graft/schema/graphql";
import { badInput } from "../../errors";
import { canonicalPoint, distinctConfigurations, runPoint } from "./sweep.conditional";
import { expandGrid, expandRandom, gridSize, queueOrder, type SearchPoint } from "./sweep.expand";
import { hyperbandOf } from "./sweep.decisions";
import { mergeSearchSpace, SEARCH_DIMENSIONS } from "./sweep.space";

type SweepRow = InferSelectModel<typeof sweeps>;
type RunRow = InferSelectModel<typeof runs>;

/** The plan of one extension. */
export interface Extension {
  searchSpace: SweepRow["searchSpace"];
  maxRuns: number | null;
  /** Configurations to queue now, in order, numbered on from `firstIndex`. */
  points: SearchPoint[];
  firstIndex: number;
}

/** The configurations a sweep already has, by canonical key. */
function existingKeys(sweep: SweepRow, rows: readonly RunRow[]): Set<string> {
  return new Set(rows.map((row) => pointKey(runPoint(row, sweep.fixed))));
}

/**
 * Plans extendSweep on `sweep` (RUNNING or COMPLETED) with its runs `rows`.
 * @throws BAD_USER_INPUT when it would add nothing, lower the budget, or pass `limit` runs.
 */
export function planExtension(sweep: SweepRow, rows: readonly RunRow[], input: ExtendSweepInput, limit: number): Extension {
  const { space, added } = mergeSearchSpace(sweep.searchSpace, input.add ?? {});
  const have = existingKeys(sweep, rows);
  const firstIndex = have.size;
  const maxRuns = input.maxRuns ?? sweep.maxRuns;
  if (input.maxRuns != null && input.maxRuns < firstIndex) {
    throw badInput(`maxRuns ${input.maxRuns} is below the ${firstIndex} configurations the sweep already has`, "maxRuns", input.maxRuns);
  }
  if (added === 0 && (input.maxRuns == null || input.maxRuns === sweep.maxRuns)) {
    throw badInput("Nothing to extend: give values the sweep does not search yet, or a larger maxRuns", "add", null);
  }
  for (const dim of SEARCH_DIMENSIONS) {
    const list = space[dim.field];
    if (Array.isArray(list) && list.length > SEARCH_LIST_MAX) {
      throw badInput(
        `${dim.field} would hold ${list.length} values; a sweep searches at most ${SEARCH_LIST_MAX} per knob`,
        dim.field,
        list.length,
      );
    }
  }
  if (sweep.earlyTermination === EarlyTermination.HYPERBAND) {
    // The brackets span the sweep's longest run; moving that span mid-sweep would re-bracket runs in flight.
    const before = hyperbandOf(sweep, "").options.maxEpochs;
    const after = hyperbandOf({ ...sweep, searchSpace: space }, "").options.maxEpochs;
    if (after !== before) {
      throw badInput(
        `A fine-tuning depth above 0 would lengthen this HYPERBAND sweep's longest run from ${before} to ${after} epochs and re-bracket its runs; launch a new sweep for it`,
        "fineTuneLayers",
        input.add?.fineTuneLayers ?? null,
      );
    }
  }
  const fresh = (p: SearchPoint) => !have.has(pointKey(p));
  const room = maxRuns === null ? Infinity : maxRuns - firstIndex;
  if (sweep.strategy !== SweepStrategy.GRID && room <= 0) {
    throw badInput(
      `The sweep has used its budget of ${maxRuns} configurations: give a larger maxRuns to try the new values`,
      "maxRuns",
      input.maxRuns ?? null,
    );
  }
  let points: SearchPoint[] = [];
  if (sweep.strategy === SweepStrategy.GRID) {
    const size = gridSize(space);
    if (size > limit && maxRuns === null) {
      throw badInput(`The widened grid has ${size} combinations; give maxRuns to sample some of them`, "maxRuns", null);
    }
    const added = distinctConfigurations(expandGrid(space, size > limit ? limit : null, sweep.seed), sweep.fixed).filter(fresh);
    points = queueOrder(added, sweep.earlyTermination, sweep.seed + firstIndex).slice(0, room);
  } else if (sweep.strategy === SweepStrategy.RANDOM) {
    // A seed of its own for the extension's draws, so they do not replay the creation's.
    const drawn = expandRandom(space, firstIndex + room, (sweep.seed + firstIndex + 1) % 2 ** 31, (p) => canonicalPoint(p, sweep.fixed));
    points = drawn.filter(fresh).slice(0, room);
  }
  if (rows.length + points.length * sweep.repeats > limit) {
    throw badInput(`The sweep would hold ${rows.length + points.length * sweep.repeats} runs; the limit is ${limit}`, "maxRuns", maxRuns);
  }
  return { searchSpace: space, maxRuns, points, firstIndex };
}
