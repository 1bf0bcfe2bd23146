/**
 * TPE sweeps sample each configuration when an agent asks for work, not all at creation: the
 * sampler then knows every result reported so far. A RUNNING TPE sweep with configurations left
 * in its budget and none queued gets its next one at the start of a claim (inside the claim's
 * transaction, so two agents asking at once sample one after the other). Runs still queued or
 * running are pending trials: TPE treats them as bad results (constant liar) and never samples
 * them again, so parallel agents spread out instead of piling onto one point.
 */
import { and, eq, sql } from "drizzle-orm";
import { type InferSelectModel } from "drizzle-orm";
import { pointKey, suggestTpe, type Trial } from "@graft/core/search";
import { runs, sweeps } from "@graft/schema/db";
import { RunStatus, SweepStatus, SweepStrategy } from "@graft/schema/graphql";
import { type CatalogService } from "../catalog/catalog.service";
import { type RunService } from "../run/run.service";
import { type Outbox } from "../write-tx";
import { type RunRow } from "../run/run.mapper";
import { type Db } from "../../db/database";
import { canonicalPoint, runPoint, searchDimensions } from "./sweep.conditional";
import { type SearchPoint } from "./sweep.expand";
import { runsForPoint } from "./sweep.points";
import { withDefaultLists } from "./sweep.space";

type SweepRow = InferSelectModel<typeof sweeps>;

/** Random start-up configurations before TPE models the results (Optuna's default). */
export const TPE_STARTUP_TRIALS = 10;

/**
 * The sweep's runs as TPE trials, one per configuration (its repeats together): the mean best val
 * accuracy of its finished runs, pending while any of its runs is queued or running.
 */
export function trialsOf(rows: readonly RunRow[], fixed: Readonly<Record<string, unknown>>): Trial[] {
  const byPoint = new Map<string, { point: SearchPoint; values: number[]; pending: boolean }>();
  for (const row of rows) {
    const point = runPoint(row, fixed);
    const key = pointKey(point);
    const t = byPoint.get(key) ?? { point, values: [], pending: false };
    if (row.status === RunStatus.QUEUED || row.status === RunStatus.RUNNING) t.pending = true;
    else if (row.bestValAccuracy !== null) t.values.push(row.bestValAccuracy);
    byPoint.set(key, t);
  }
  return [...byPoint.values()].map((t) => ({
    point: t.point,
    value: t.pending || t.values.length === 0 ? null : t.values.reduce((a, b) => a + b, 0) / t.values.length,
    pending: t.pending,
  }));
}

/** The next configuration TPE proposes for `sweep` given its runs, or null when its space is used up. */
export function nextTpePoint(sweep: Pick<SweepRow, "searchSpace" | "seed" | "fixed">, rows: readonly RunRow[]): SearchPoint | null {
  const dims = searchDimensions(withDefaultLists(sweep.searchSpace));
  const point = suggestTpe(dims, trialsOf(rows, sweep.fixed), {
    seed: sweep.seed,
    startupTrials: TPE_STARTUP_TRIALS,
    canonical: (p) => canonicalPoint(p, sweep.fixed),
  });
  return point === null ? null : canonicalPoint(point, sweep.fixed);
}

/** Configurations a sweep has queued so far (its runs over its repeats). */
export function configurationsOf(runCount: number, repeats: number): number {
  return Math.ceil(runCount / Math.max(1, repeats));
}

/** Samples and queues TPE configurations; the sweep service and the claim call it inside their transactions. */
export class TpeSampler {
  // No ServiceDeps: every query runs on the transaction it is handed.
  constructor(
    private readonly catalog: CatalogService,
    private readonly runs: Pick<RunService, "insertQueued">,
  ) {}

  /**
   * For every RUNNING TPE sweep with budget left and no queued run: samples its next configuration
   * and queues its runs; a sweep whose space is used up ends COMPLETED once nothing of it is live.
   * Call inside a write transaction.
   */
  async topUpInTx(tx: Db, outbox: Outbox): Promise<void> {
    const hungry = await tx
      .select()
      .from(sweeps)
      .where(
        and(
          eq(sweeps.status, SweepStatus.RUNNING),
          eq(sweeps.strategy, SweepStrategy.TPE),
          sql`NOT EXISTS (SELECT 1 FROM runs r WHERE r.sweep_id = ${sweeps.id} AND r.status = 'QUEUED')`,
        ),
      );
    for (const sweep of hungry) await this.queueNextInTx(tx, sweep, outbox);
  }

  /** Queues the sweep's next configuration when its budget allows; returns whether it did. */
  async queueNextInTx(tx: Db, sweep: SweepRow, outbox: Outbox): Promise<boolean> {
    const rows = await tx.select().from(runs).where(eq(runs.sweepId, sweep.id)).orderBy(runs.createdAt, runs.id);
    const done = configurationsOf(rows.length, sweep.repeats);
    const budget = sweep.maxRuns ?? 0;
    const point = done < budget ? nextTpePoint(sweep, rows) : null;
    if (point === null) {
      // Budget spent or space used up: the sweep ends when its last live run does.
      if (!rows.some((r) => r.status === RunStatus.QUEUED || r.status === RunStatus.RUNNING)) {
        await tx.update(sweeps).set({ status: SweepStatus.COMPLETED }).where(eq(sweeps.id, sweep.id));
      }
      return false;
    }
    let items;
    try {
      items = runsForPoint(point, done, String(budget).length, sweep, this.catalog);
    } catch (error) {
      // Every point was checked at creation (a sample for a huge space, or the catalogue changed
      // since): a point that no longer resolves ends the sweep rather than failing every claim.
      console.error(`[graft-api] TPE sweep ${sweep.id} proposed a configuration that does not resolve; canceling the sweep:`, error);
      await tx.update(sweeps).set({ status: SweepStatus.CANCELED }).where(eq(sweeps.id, sweep.id));
      return false;
    }
    await this.runs.insertQueued(
      tx,
      items.map((r) => ({ ...r, sweepId: sweep.id })),
      outbox,
    );
    return true;
  }
}
