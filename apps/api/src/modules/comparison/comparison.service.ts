import { HYPERPARAMETER_ENTRIES } from "@graft/core/contract";
import { alignConfusionMatrix } from "@graft/core/metrics";
import { asc, inArray } from "drizzle-orm";
import { epochs } from "@graft/schema/db";
import {
  type Epoch,
  type Hyperparameters,
  type RunComparison,
  RunField,
  type RunFilter,
  type RunGroupPage,
  SortDirection,
} from "@graft/schema/graphql";
import { tableRowMapper } from "../../db/statement-cache";
import { badInput, notFound } from "../../errors";
import { type ServiceDeps } from "../service-deps";
import { type EvaluationService } from "../evaluation/evaluation.service";
import { toEpoch } from "../run/run.mapper";
import { queryRuns } from "../run/run.query";
import { type RunService } from "../run/run.service";
import { groupRuns } from "../sweep/sweep.groups";
import { unionLabels } from "./union-labels";

const toEpochRow = tableRowMapper(epochs);

/**
 * Hyperparameters in the order the comparison lists them: the catalogue's, then the weights the base
 * started from (the sha256 too: the same path on two machines, or one file overwritten, can hold
 * different weights).
 */
const HYPERPARAMETER_NAMES: (keyof Hyperparameters)[] = [
  ...HYPERPARAMETER_ENTRIES.map(([name]) => name),
  "baseWeights",
  "baseWeightsSha256",
];

function show(v: Hyperparameters[keyof Hyperparameters]): string | null {
  if (v === null || v === undefined) return null;
  return Array.isArray(v) ? `[${v.join(", ")}]` : String(v);
}

/** Side-by-side comparison of 2..20 runs. */
export class ComparisonService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly runs: RunService,
    private readonly evaluations: EvaluationService,
  ) {}

  /**
   * The runs `filter` selects (the oldest `first`), grouped by configuration: the runs table's seed
   * groups, across its pages.
   */
  async groupsOf(filter: RunFilter | null, first: number): Promise<RunGroupPage> {
    const page = await queryRuns(this.deps, filter, { field: RunField.CREATED_AT, direction: SortDirection.ASC }, first, null);
    return { groups: groupRuns(page.nodes), runs: page.nodes, truncated: page.totalCount > page.nodes.length };
  }

  /** Hyperparameter differences, curves, and confusion matrices aligned on the union label order. */
  async compare(ids: readonly string[]): Promise<RunComparison> {
    const unique = [...new Set(ids)];
    if (unique.length < 2 || unique.length > 20)
      throw badInput(`compareRuns takes 2 to 20 distinct run ids; got ${unique.length}`, "ids", unique.length);
    const runs = await this.runs.byIds(unique);
    if (runs.length !== unique.length) {
      const found = new Set(runs.map((r) => r.id));
      throw notFound("Run", unique.find((id) => !found.has(id)) as string);
    }
    const differences = HYPERPARAMETER_NAMES.map((name) => {
      const values = runs.map((r) => show(r.hyperparameters[name]));
      return { name, values, differs: new Set(values).size > 1 };
    });
    const byRun = new Map<string, Epoch[]>(unique.map((id) => [id, []]));
    const query = this.deps.db.select().from(epochs).where(inArray(epochs.runId, unique)).orderBy(asc(epochs.runId), asc(epochs.epoch));
    for (const raw of await this.deps.database.raw.rows(this.deps.db, query)) {
      const e = toEpochRow(raw);
      byRun.get(e.runId)?.push(toEpoch(e));
    }
    const evals = await this.evaluations.forRuns(unique);
    const labels = unionLabels(unique.map((id) => evals.get(id)?.labels ?? []));
    return {
      runs,
      differences,
      groups: groupRuns(runs),
      curves: unique.map((runId) => ({ runId, epochs: byRun.get(runId) ?? [] })),
      labels,
      confusionMatrices: unique.map((runId) => {
        const ev = evals.get(runId);
        return { runId, matrix: ev ? alignConfusionMatrix(ev.labels, ev.confusionMatrix, labels) : null };
      }),
    };
  }
}
