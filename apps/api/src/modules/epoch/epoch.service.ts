import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type EpochScore, isBetterEpoch } from "@graft/core/contract";
import { hyperbandBracketOf, hyperbandDecision } from "@graft/core/search";
import { epochs, runs as runsTable, sweeps } from "@graft/schema/db";
import { EarlyTermination, type Epoch, type EpochInput, epochInputProblem, type LogEpochsResult, RunStatus } from "@graft/schema/graphql";
import { badInput, notFound } from "../../errors";
import { groupBy } from "../batch-loader";
import { type Db, firstRow } from "../../db/database";
import { type ReusableQuery } from "../../db/raw-statements";
import { type ServiceDeps } from "../service-deps";
import { writeTx } from "../write-tx";
import { type LeaseService } from "../run/lease.service";
import { assertCurrentAttempt } from "../run/run.attempt";
import { controlFor } from "../run/run.finish";
import { type RunRow, toEpoch, toRun, toRunRow } from "../run/run.mapper";
import { ashaShouldStop, DEFAULT_EARLY_TERMINATION, isAshaRung, medianShouldStop } from "../sweep/early-termination";
import { decisionEpochs, hyperbandOf } from "../sweep/sweep.decisions";
import { type EpochValues } from "./epoch.insert";

/** Largest batch logEpochs accepts. */
export const MAX_EPOCH_BATCH = 1000;

/** What a batch changes in its run's summary: always the count and lease, the best epoch when the batch improved on it. */
type SummaryParams = {
  id: string;
  epochCount: number;
  leaseExpiresAt: number;
  bestValAccuracy?: number | null;
  bestValLoss?: number | null;
  bestEpoch?: number;
};

/** Epoch logging (batched, idempotent), run summaries, and the early-termination decision. */
export class EpochService {
  private readonly updateSummary: ReusableQuery;
  private readonly updateSummaryAndBest: ReusableQuery;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly leases: LeaseService,
  ) {
    // Summary + lease in one UPDATE ... RETURNING built once (a reusable raw statement): building
    // the query each call was most of logEpochs' cost (the runs table is wide). The final epoch's
    // metrics come from a primary-key seek inside the same statement (retries may arrive out of
    // order, so the newest epoch of the batch is not necessarily the run's last). Every summary
    // column is indexed for sorting, and SQLite rewrites the index entries of every column a SET
    // names, changed or not: the best-epoch columns are set only by the variant used when a batch
    // improves on them, which spares two index pages per commit on most batches.
    const finalColumns = {
      epochCount: sql`${sql.placeholder("epochCount")}`,
      finalValAccuracy: sql`(SELECT e.val_accuracy FROM ${epochs} e WHERE e.run_id = ${sql.placeholder("id")} ORDER BY e.epoch DESC LIMIT 1)`,
      finalValLoss: sql`(SELECT e.val_loss FROM ${epochs} e WHERE e.run_id = ${sql.placeholder("id")} ORDER BY e.epoch DESC LIMIT 1)`,
      leaseExpiresAt: sql`${sql.placeholder("leaseExpiresAt")}`,
    };
    const summaryUpdate = (set: typeof finalColumns | (typeof finalColumns & { bestValAccuracy: SQL; bestValLoss: SQL; bestEpoch: SQL })) =>
      deps.database.raw.reusable(
        deps.db
          .update(runsTable)
          .set(set)
          .where(eq(runsTable.id, sql.placeholder("id")))
          .returning(),
      );
    this.updateSummary = summaryUpdate(finalColumns);
    this.updateSummaryAndBest = summaryUpdate({
      ...finalColumns,
      bestValAccuracy: sql`${sql.placeholder("bestValAccuracy")}`,
      bestValLoss: sql`${sql.placeholder("bestValLoss")}`,
      bestEpoch: sql`${sql.placeholder("bestEpoch")}`,
    });
  }

  /** Epochs of several runs (in order per run), one query; runs without epochs are absent. */
  async listFor(runIds: readonly string[]): Promise<Map<string, Epoch[]>> {
    const rows = await this.deps.db
      .select()
      .from(epochs)
      .where(inArray(epochs.runId, [...runIds]))
      .orderBy(asc(epochs.runId), asc(epochs.epoch));
    return new Map([...groupBy(rows, (r) => r.runId)].map(([id, list]) => [id, list.map(toEpoch)]));
  }

  /**
   * Stores a batch of epochs of a RUNNING run's current attempt. Epochs already stored are skipped
   * (a retried batch inserts nothing twice); the run's summary metrics and lease are refreshed, the
   * sweep's early-termination rule is applied, and each new epoch is published in order after commit.
   * A batch from an attempt (or agent) the run was taken from since is CONFLICT (reason SUPERSEDED);
   * one for a run that stopped RUNNING stores nothing and answers shouldStop.
   */
  async log(
    runId: string,
    agentId: string | null | undefined,
    batch: readonly EpochInput[],
    attempt?: number | null,
  ): Promise<LogEpochsResult> {
    if (batch.length > MAX_EPOCH_BATCH)
      throw badInput(`logEpochs takes at most ${MAX_EPOCH_BATCH} epochs per call; got ${batch.length}`, "epochs", batch.length);
    for (const [i, e] of batch.entries()) {
      const problem = epochInputProblem(e);
      if (problem)
        throw badInput(
          `Invalid epochs[${i}].${problem.field}: ${String(problem.value)} (${problem.rule})`,
          `epochs[${i}].${problem.field}`,
          problem.value,
        );
    }
    const ordered = [...batch].sort((a, b) => a.epoch - b.epoch);
    return writeTx(
      this.deps,
      async (tx, outbox, scoped) => {
        // The run as read under the scope's lock, in the round trip that began the transaction.
        if (!scoped) throw notFound("Run", runId);
        let row = toRunRow(scoped);
        assertCurrentAttempt(row, agentId, attempt, "log epochs");
        if (row.status !== RunStatus.RUNNING) return { inserted: 0, control: controlFor(row, agentId) };
        const now = this.deps.now();
        const values: EpochValues[] = ordered.map((e) => ({
          runId,
          epoch: e.epoch,
          attempt: row.attempts,
          phase: e.phase,
          loss: e.loss ?? null,
          accuracy: e.accuracy ?? null,
          valLoss: e.valLoss ?? null,
          valAccuracy: e.valAccuracy ?? null,
          learningRate: e.learningRate,
          durationMs: e.durationMs,
          imagesPerSec: e.imagesPerSec,
          confusionMatrix: e.confusionMatrix ?? null,
          createdAt: now,
        }));
        const fresh: Epoch[] = (await this.deps.database.raw.insertEpochs(tx, values)).map(toEpoch);
        if (fresh.length > 0) {
          row = await this.refreshSummary(tx, row, fresh);
          row = await this.applyEarlyTermination(tx, row, fresh);
        } else {
          row = await this.leases.extendInTx(tx, row);
        }
        for (const e of fresh) outbox.epoch(e);
        if (fresh.length > 0) outbox.run(toRun(row));
        return { inserted: fresh.length, control: controlFor(row, agentId) };
      },
      // Writes this run's row and epochs only; reads its sweep and its peers' committed epochs. So
      // nothing that writes another row may join this body (the reaper, a sweep's progress, a
      // claim), and every read goes through `tx`: on PostgreSQL other runs' batches commit beside it.
      { run: runId },
    );
  }

  /**
   * Summary metrics (and the lease) in one UPDATE, from the new epochs alone (O(batch), not O(epochs so far)):
   * count and best are incremental; the final epoch is one primary-key seek inside the statement.
   * The best epoch follows the contract's rule (`isBetterEpoch`: lowest finite val_loss, the earlier
   * epoch on a tie), which does not depend on the order epochs arrive in; its val accuracy and val
   * loss are stored with it.
   */
  private async refreshSummary(tx: Db, row: RunRow, fresh: readonly Epoch[]): Promise<RunRow> {
    let best: EpochScore | null =
      row.bestEpoch === null ? null : { epoch: row.bestEpoch, valLoss: row.bestValLoss, valAccuracy: row.bestValAccuracy };
    for (const e of fresh) if (isBetterEpoch(e, best)) best = e;
    const values = {
      id: row.id,
      epochCount: row.epochCount + fresh.length,
      leaseExpiresAt: this.deps.now() + this.deps.config.leaseSeconds * 1000,
    };
    const improved = best !== null && best.epoch !== row.bestEpoch ? best : null;
    const params: SummaryParams = improved
      ? { ...values, bestValAccuracy: improved.valAccuracy, bestValLoss: improved.valLoss, bestEpoch: improved.epoch }
      : values;
    const [updated] = await (improved ? this.updateSummaryAndBest : this.updateSummary)(tx, params);
    // The run was read in this transaction and nothing deletes it beside a scoped one; a bug if so.
    if (!updated) throw notFound("Run", row.id);
    return toRunRow(updated);
  }

  /** The epochs after which the run's sweep rule may stop it (see `decisionEpochs`); none outside a sweep. */
  async decisionEpochsOf(run: { id: string; sweepId: string | null; plannedEpochs: number }): Promise<number[]> {
    if (!run.sweepId) return [];
    const sweep = await firstRow(
      this.deps.db
        .select({ policy: sweeps.earlyTermination, fixed: sweeps.fixed, searchSpace: sweeps.searchSpace })
        .from(sweeps)
        .where(eq(sweeps.id, run.sweepId)),
    );
    return sweep ? decisionEpochs(sweep, run.id, run.plannedEpochs) : [];
  }

  /** Asks the run to stop (stopRequested = STOPPED_EARLY) when its sweep's rule says so; the reason names the rule and the figures. */
  private async applyEarlyTermination(tx: Db, row: RunRow, fresh: readonly Epoch[]): Promise<RunRow> {
    if (!row.sweepId || row.stopRequested) return row;
    const sweep = await firstRow(
      tx
        .select({ policy: sweeps.earlyTermination, fixed: sweeps.fixed, searchSpace: sweeps.searchSpace })
        .from(sweeps)
        .where(eq(sweeps.id, row.sweepId)),
    );
    const policy = sweep?.policy as EarlyTermination | undefined;
    if (!sweep || !policy || policy === EarlyTermination.NONE) return row;
    const withVal = fresh.filter((e) => e.valAccuracy !== null);
    const hyperband = policy === EarlyTermination.HYPERBAND ? hyperbandOf(sweep, row.id) : null;
    // MEDIAN needs only the newest epoch of the batch; the rung rules must look at every rung it crossed.
    const candidates =
      policy === EarlyTermination.MEDIAN
        ? withVal.slice(-1)
        : hyperband
          ? withVal.filter((e) => hyperband.rungs.includes(e.epoch))
          : withVal.filter((e) => isAshaRung(e.epoch, DEFAULT_EARLY_TERMINATION));
    // Peers logging side by side (PostgreSQL's scoped transactions) decide in turn, each seeing the last's epochs.
    if (candidates.length > 0) await this.deps.database.raw.lockSweepDecisions(tx, row.sweepId);
    for (const e of candidates) {
      const own = await this.ownBestAt(tx, row.id, e.epoch);
      let peerRows = await this.peersAt(tx, row.sweepId, row.id, e.epoch);
      if (hyperband) peerRows = peerRows.filter((p) => hyperbandBracketOf(p.runId, hyperband.options) === hyperband.bracket);
      const peers = peerRows.map((p) => p.best);
      let reason: string | null = null;
      if (hyperband) {
        const decision = hyperbandDecision(own, peers, e.epoch, hyperband.bracket, hyperband.options);
        if (decision?.stop) reason = decision.reason;
      } else if (
        policy === EarlyTermination.MEDIAN
          ? medianShouldStop(own, peers, e.epoch, DEFAULT_EARLY_TERMINATION)
          : ashaShouldStop(own, peers, e.epoch, DEFAULT_EARLY_TERMINATION)
      ) {
        reason = `${policy}: best val accuracy ${own?.toFixed(4)} at epoch ${e.epoch} trails ${peers.length} peers`;
      }
      if (reason !== null) {
        const [stopped] = await tx
          .update(runsTable)
          .set({ stopRequested: "STOPPED_EARLY", stopReason: reason })
          .where(eq(runsTable.id, row.id))
          .returning();
        return stopped as RunRow;
      }
    }
    return row;
  }

  /**
   * The best val accuracy of each other run of the sweep that has reached `epoch`, up to it.
   * A raw statement in each dialect's SQL (db/raw-statements.ts).
   */
  private async peersAt(tx: Db, sweepId: string, runId: string, epoch: number): Promise<{ runId: string; best: number }[]> {
    return this.deps.database.raw.sweepPeersAt(tx, sweepId, runId, epoch);
  }

  /** The run's own best val accuracy up to `epoch`; raw like {@link peersAt}. */
  private async ownBestAt(tx: Db, runId: string, epoch: number): Promise<number | null> {
    return this.deps.database.raw.ownBestAt(tx, runId, epoch);
  }
}
