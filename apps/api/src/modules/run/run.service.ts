import { eq, inArray, sql } from "drizzle-orm";
import { artifacts, evaluations, experiments, newId, runTags, runs } from "@graft/schema/db";
import { type CompleteRunInput, type CreateRunInput, type Run, RunStatus } from "@graft/schema/graphql";
import { conflict, notFound } from "../../errors";
import { type CatalogService } from "../catalog/catalog.service";
import { type DatasetService } from "../dataset/dataset.service";
import { checkEvaluationShape, reportColumns } from "../evaluation/evaluation.check";
import { type PredictionService } from "../prediction/prediction.service";
import { type Db, firstRow } from "../../db/database";
import { type ServiceDeps } from "../service-deps";
import { type Outbox, writeTx } from "../write-tx";
import { assertCurrentAttempt } from "./run.attempt";
import { checkRunEngines } from "./run.engines";
import { controlFor, finishRun } from "./run.finish";
import { resolveHyperparameters } from "./run.hyperparameters";
import { type RunRow, toRun, toRunRow } from "./run.mapper";
import { deleteRunsInTx } from "./run.delete";
import { type NewRun, queuedRunValues } from "./run.queued";
import { requeueInTx } from "./run.requeue";

export type { NewRun } from "./run.queued";

/** Statuses in which a run can still change. */
const LIVE = new Set<string>([RunStatus.QUEUED, RunStatus.RUNNING]);

/** Runs: creation, lookup, the agent-side end of a run (complete/fail) and cancel. Tags, notes and artifacts: RunAnnotationService. */
export class RunService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly catalog: CatalogService,
    private readonly datasets: DatasetService,
    private readonly predictions: PredictionService,
  ) {}

  /** Built once: the hottest read (every agent call starts with it), on any handle. */
  private readonly byId = this.deps.database.raw.reusable(
    this.deps.db
      .select()
      .from(runs)
      .where(eq(runs.id, sql.placeholder("id"))),
  );

  /** The raw row of a run, or NOT_FOUND. Inside a transaction pass its `tx`. */
  async row(id: string, tx: Db = this.deps.db): Promise<RunRow> {
    const [raw] = await this.byId(tx, { id });
    const row = raw === undefined ? undefined : toRunRow(raw);
    if (!row) throw notFound("Run", id);
    return row;
  }

  /** One run, or NOT_FOUND. */
  async get(id: string): Promise<Run> {
    return toRun(await this.row(id));
  }

  /** Runs by id, in the order asked (missing ids are skipped). */
  async byIds(ids: readonly string[]): Promise<Run[]> {
    if (ids.length === 0) return [];
    const rows = await this.deps.db
      .select()
      .from(runs)
      .where(inArray(runs.id, [...ids]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toRun(r)] : [];
    });
  }

  /** Inserts queued runs inside the caller's transaction (used by createRun and TPE sweeps). */
  async insertQueued(tx: Db, items: readonly NewRun[], outbox: Outbox, tags: readonly string[] = []): Promise<RunRow[]> {
    const now = this.deps.now();
    const rows: RunRow[] = [];
    for (const item of items) {
      const [row] = await tx.insert(runs).values(queuedRunValues(item, now)).returning();
      const inserted = row as RunRow;
      for (const tag of new Set(tags)) await tx.insert(runTags).values({ runId: inserted.id, tag }).onConflictDoNothing();
      rows.push(inserted);
      outbox.run(toRun(inserted));
    }
    return rows;
  }

  /** Creates one queued run. */
  async create(input: CreateRunInput): Promise<Run> {
    await this.datasets.get(input.datasetId);
    if (input.experimentId) await this.requireExperiment(input.experimentId);
    const hp = resolveHyperparameters(input.hyperparameters, this.catalog);
    const name = input.name ?? `${hp.baseModel.replace(/^.*\//, "")}-${Math.random().toString(36).slice(2, 8)}`;
    return writeTx(this.deps, async (tx, outbox) => {
      const [row] = await this.insertQueued(
        tx,
        [{ name, datasetId: input.datasetId, experimentId: input.experimentId ?? null, sweepId: null, hyperparameters: hp }],
        outbox,
        input.tags ?? [],
      );
      return toRun(row as RunRow);
    });
  }

  /**
   * Ends a RUNNING run with its evaluation and artifacts: COMPLETED, or STOPPED_EARLY when the
   * agent says so or the API had asked it to stop early, or CANCELED when it had been canceled.
   */
  async complete(input: CompleteRunInput): Promise<Run> {
    const ev = input.evaluation;
    checkEvaluationShape(ev);
    const engines = input.engines ? checkRunEngines(input.engines, input.backend) : null;
    const predictions = ev.predictions ? this.predictions.check(ev.predictions, ev.labels) : null;
    return writeTx(this.deps, async (tx, outbox) => {
      const row = await this.requireOwnedRunning(input.runId, input.agentId, "complete", input.attempt, tx);
      const now = this.deps.now();
      const evaluation = {
        ...reportColumns(ev),
        evaluatedEpoch: ev.evaluatedEpoch ?? null,
        skippedFiles: (ev.skippedFiles ?? []).map(({ file, reason }) => ({ file, reason })),
        createdAt: now,
      };
      await tx
        .insert(evaluations)
        .values({ runId: row.id, ...evaluation })
        .onConflictDoUpdate({ target: evaluations.runId, set: evaluation });
      if (predictions) await this.predictions.storeInTx(tx, row.id, predictions, now);
      for (const a of input.artifacts ?? []) {
        await tx.insert(artifacts).values({ id: newId(now), runId: row.id, kind: a.kind, uri: a.uri, createdAt: now });
      }
      const status =
        row.stopRequested === "CANCELED"
          ? RunStatus.CANCELED
          : input.stopReason === "STOPPED_EARLY" || row.stopRequested === "STOPPED_EARLY"
            ? RunStatus.STOPPED_EARLY
            : RunStatus.COMPLETED;
      // A stop the API asked for keeps its explanation; otherwise the agent's reason (e.g. early_stopping).
      const stopReason = row.stopRequested ? row.stopReason : (input.stopReason ?? null);
      return toRun(await finishRun(this.deps, tx, outbox, row, status, { stopReason, backend: input.backend ?? null, engines }));
    });
  }

  /** Ends a RUNNING run as FAILED with the agent's error (CANCELED if it had been canceled). */
  async fail(runId: string, agentId: string | null | undefined, error: string, attempt?: number | null): Promise<Run> {
    return writeTx(this.deps, async (tx, outbox) => {
      const row = await this.requireOwnedRunning(runId, agentId, "fail", attempt, tx);
      const status = row.stopRequested === "CANCELED" ? RunStatus.CANCELED : RunStatus.FAILED;
      return toRun(await finishRun(this.deps, tx, outbox, row, status, { error: error.slice(0, 20_000) }));
    });
  }

  /**
   * Cancels a run: a queued one ends CANCELED at once; a running one keeps running until its agent
   * hears `shouldStop: CANCELED` at its next heartbeat or epoch batch and reports back.
   */
  async cancel(runId: string): Promise<Run> {
    return writeTx(this.deps, async (tx, outbox) => this.cancelInTx(tx, await this.row(runId, tx), outbox));
  }

  /** Cancel inside the caller's transaction (shared with cancelSweep). Terminal runs are CONFLICT. */
  async cancelInTx(tx: Db, row: RunRow, outbox: Outbox, quietTerminal = false): Promise<Run> {
    if (row.status === RunStatus.QUEUED)
      return toRun(await finishRun(this.deps, tx, outbox, row, RunStatus.CANCELED, { stopReason: "CANCELED" }));
    if (row.status === RunStatus.RUNNING) {
      const [updated] = await tx
        .update(runs)
        .set({ stopRequested: "CANCELED", stopReason: "CANCELED" })
        .where(eq(runs.id, row.id))
        .returning();
      const run = toRun(updated as RunRow);
      outbox.run(run);
      return run;
    }
    if (quietTerminal) return toRun(row);
    throw conflict(`Run ${row.id} is already ${row.status} and cannot be canceled`);
  }

  /**
   * Deletes a run that is not RUNNING; its epochs, evaluation, predictions, tags, notes, artifacts
   * and checkpoint row go with it (foreign keys cascade). The checkpoint's files are the caller's
   * to remove once this has committed.
   * @throws NOT_FOUND, or CONFLICT while the run is RUNNING (an agent is writing to it).
   */
  async delete(runId: string): Promise<void> {
    await writeTx(this.deps, async (tx) => {
      await this.row(runId, tx);
      await deleteRunsInTx(tx, eq(runs.id, runId), `Run ${runId}`);
    });
  }

  /**
   * Puts a FAILED or CANCELED run back in the queue (see requeueInTx); its sweep runs again.
   * @throws NOT_FOUND, or CONFLICT for another status.
   */
  async requeue(runId: string): Promise<Run> {
    return writeTx(this.deps, async (tx, outbox) => toRun(await requeueInTx(tx, outbox, await this.row(runId, tx))));
  }

  /** Renames a run (1–200 characters once trimmed; checked by RenameRunInput). */
  async rename(runId: string, name: string): Promise<Run> {
    return writeTx(this.deps, async (tx, outbox) => {
      await this.row(runId, tx);
      const [updated] = await tx.update(runs).set({ name: name.trim() }).where(eq(runs.id, runId)).returning();
      const run = toRun(updated as RunRow);
      outbox.run(run);
      return run;
    });
  }

  /**
   * A running run that `agentId` and `attempt` (when given) hold; CONFLICT otherwise (reason
   * SUPERSEDED when a newer attempt or another agent holds it). Inside a transaction pass its `tx`.
   */
  async requireOwnedRunning(
    runId: string,
    agentId: string | null | undefined,
    action: string,
    attempt?: number | null,
    tx: Db = this.deps.db,
  ): Promise<RunRow> {
    const row = await this.row(runId, tx);
    assertCurrentAttempt(row, agentId, attempt, `${action} it`);
    if (row.status !== RunStatus.RUNNING) {
      throw conflict(`Cannot ${action} run ${runId}: it is ${row.status}, not RUNNING`);
    }
    return row;
  }

  /** The stop signal for a run as its agent should see it. */
  control(row: RunRow, agentId: string | null | undefined) {
    return controlFor(row, agentId);
  }

  /** Whether a run can still change. */
  static isLive(status: string): boolean {
    return LIVE.has(status);
  }

  private async requireExperiment(id: string): Promise<void> {
    const row = await firstRow(this.deps.db.select({ id: experiments.id }).from(experiments).where(eq(experiments.id, id)));
    if (!row) throw notFound("Experiment", id);
  }
}
