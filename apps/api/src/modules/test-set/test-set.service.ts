import { and, asc, eq, lt } from "drizzle-orm";
import { agents, newId, testSetEvaluations } from "@graft/schema/db";
import {
  type CompleteTestSetInput,
  type Dataset,
  RunStatus,
  type TestSetEvaluation,
  TestSetEvaluationStatus,
  type TestSetJob,
} from "@graft/schema/graphql";
import { badInput, conflict, notFound } from "../../errors";
import { type CheckpointService } from "../checkpoint/checkpoint.service";
import { type DatasetService } from "../dataset/dataset.service";
import { checkEvaluationShape, reportColumns } from "../evaluation/evaluation.check";
import { type EvaluationService } from "../evaluation/evaluation.service";
import { type RunService } from "../run/run.service";
import { type Db, firstRow } from "../../db/database";
import { type ServiceDeps } from "../service-deps";
import { writeTx } from "../write-tx";

type Row = typeof testSetEvaluations.$inferSelect;

/** Runs whose model can be scored elsewhere: they ended with a delivered model. */
const FINISHED = new Set<string>([RunStatus.COMPLETED, RunStatus.STOPPED_EARLY]);

/** An evaluation takes one pass over a dataset, no heartbeats: its lease is at least 10 minutes. */
const MIN_LEASE_MS = 10 * 60_000;
/** Lease time per image of the dataset evaluated on. */
const MS_PER_IMAGE = 2_000;

function toTestSet(row: Row, dataset: Dataset | null): TestSetEvaluation {
  return {
    id: row.id,
    runId: row.runId,
    datasetId: row.datasetId,
    dataset,
    status: row.status as TestSetEvaluationStatus,
    attempts: row.attempts,
    error: row.error,
    labels: row.labels,
    confusionMatrix: row.confusionMatrix,
    perClass: row.perClass,
    misclassified: row.misclassified,
    accuracy: row.accuracy,
    macroF1: row.macroF1,
    weightedF1: row.weightedF1,
    createdAt: new Date(row.createdAt),
    completedAt: row.completedAt === null ? null : new Date(row.completedAt),
  };
}

/**
 * A finished run's model scored on other registered datasets (#9 point 6): queued here, trained
 * nothing, evaluated by an agent from the uploaded checkpoint, stored beside the validation.
 */
export class TestSetService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly runs: RunService,
    private readonly datasets: DatasetService,
    private readonly evaluations: EvaluationService,
    private readonly checkpoints: CheckpointService,
  ) {}

  /**
   * An evaluation's lease: no heartbeats come during one pass over a dataset, so it is sized to the
   * dataset (2 s per image covers the largest base on CPU), and never shorter than 10 minutes.
   */
  private leaseMs(imageCount: number): number {
    return Math.max(MIN_LEASE_MS, this.deps.config.leaseSeconds * 1000, imageCount * MS_PER_IMAGE);
  }

  private async view(row: Row, tx?: Db): Promise<TestSetEvaluation> {
    return toTestSet(row, await this.datasets.find(row.datasetId, tx));
  }

  /** The run's evaluations on other datasets, oldest first. */
  async forRun(runId: string): Promise<TestSetEvaluation[]> {
    const rows = await this.deps.db
      .select()
      .from(testSetEvaluations)
      .where(eq(testSetEvaluations.runId, runId))
      .orderBy(asc(testSetEvaluations.createdAt), asc(testSetEvaluations.id));
    const out: TestSetEvaluation[] = [];
    for (const r of rows) out.push(await this.view(r));
    return out;
  }

  /**
   * Queues the run's model for an evaluation on `datasetId` (again, when it was done or failed;
   * as it is, when it is queued or running).
   * @throws NOT_FOUND; CONFLICT when the run has not finished or has no uploaded model;
   * BAD_USER_INPUT for the run's own dataset or a class the model does not know.
   */
  async request(runId: string, datasetId: string): Promise<TestSetEvaluation> {
    const run = await this.runs.get(runId);
    const dataset = await this.datasets.get(datasetId);
    if (!FINISHED.has(run.status))
      throw conflict(`Run ${runId} is ${run.status}; only a finished run's model can be evaluated on another dataset`);
    if (!(await this.checkpoints.find(runId)))
      throw conflict(`Run ${runId} has no uploaded model (its agent did not upload one, or it finished before Graft kept them)`);
    if (datasetId === run.datasetId)
      throw badInput(
        `Dataset ${datasetId} is the one run ${runId} trained on: its validation split is already evaluated`,
        "datasetId",
        datasetId,
      );
    const labels = (await this.evaluations.forRuns([runId])).get(runId)?.labels ?? [];
    const unknown = dataset.classes.map((c) => c.name).filter((name) => !labels.includes(name));
    if (unknown.length > 0)
      throw badInput(
        `Dataset ${JSON.stringify(dataset.name)} has class(es) ${JSON.stringify(unknown)} the model does not know (its classes: ${JSON.stringify(labels)})`,
        "datasetId",
        datasetId,
      );
    return writeTx(this.deps, async (tx) => {
      const existing = await this.row(tx, runId, datasetId);
      const now = this.deps.now();
      if (existing && (existing.status === TestSetEvaluationStatus.QUEUED || existing.status === TestSetEvaluationStatus.RUNNING))
        return this.view(existing, tx);
      // Asked again: a fresh evaluation (its attempts count anew; the old report is dropped).
      const queued = {
        status: TestSetEvaluationStatus.QUEUED,
        agentId: null,
        leaseExpiresAt: null,
        attempts: 0,
        error: null,
        labels: null,
        confusionMatrix: null,
        perClass: null,
        misclassified: null,
        accuracy: null,
        macroF1: null,
        weightedF1: null,
        createdAt: now,
        completedAt: null,
      };
      const [row] = existing
        ? await tx.update(testSetEvaluations).set(queued).where(eq(testSetEvaluations.id, existing.id)).returning()
        : await tx
            .insert(testSetEvaluations)
            .values({ id: newId(now), runId, datasetId, ...queued })
            .returning();
      return this.view(row as Row, tx);
    });
  }

  private async row(tx: Db, runId: string, datasetId: string): Promise<Row | undefined> {
    return firstRow(
      tx
        .select()
        .from(testSetEvaluations)
        .where(and(eq(testSetEvaluations.runId, runId), eq(testSetEvaluations.datasetId, datasetId))),
    );
  }

  /**
   * Hands the oldest queued evaluation to `agentId` under a lease; an evaluation whose lease ran
   * out is queued again first (or FAILED after the run's max attempts). Null when none waits.
   */
  async claim(agentId: string): Promise<TestSetJob | null> {
    return writeTx(this.deps, async (tx) => {
      if (!(await firstRow(tx.select({ id: agents.id }).from(agents).where(eq(agents.id, agentId))))) throw notFound("Agent", agentId);
      const now = this.deps.now();
      await this.reapInTx(tx, now);
      const next = await firstRow(
        tx
          .select()
          .from(testSetEvaluations)
          .where(eq(testSetEvaluations.status, TestSetEvaluationStatus.QUEUED))
          .orderBy(asc(testSetEvaluations.createdAt), asc(testSetEvaluations.id))
          .limit(1),
      );
      if (!next) return null;
      const dataset = await this.datasets.find(next.datasetId, tx);
      const [claimed] = await tx
        .update(testSetEvaluations)
        .set({
          status: TestSetEvaluationStatus.RUNNING,
          agentId,
          leaseExpiresAt: now + this.leaseMs(dataset?.imageCount ?? 0),
          attempts: next.attempts + 1,
        })
        .where(eq(testSetEvaluations.id, next.id))
        .returning();
      const row = claimed as Row;
      return { id: row.id, runId: row.runId, datasetId: row.datasetId, datasetPath: dataset?.path ?? "", attempt: row.attempts };
    });
  }

  /** Evaluations whose lease ran out go back to the queue, or FAILED after the run's max attempts. */
  async reap(): Promise<void> {
    await writeTx(this.deps, (tx) => this.reapInTx(tx, this.deps.now()));
  }

  private async reapInTx(tx: Db, now: number): Promise<void> {
    const expired = await tx
      .select()
      .from(testSetEvaluations)
      .where(and(eq(testSetEvaluations.status, TestSetEvaluationStatus.RUNNING), lt(testSetEvaluations.leaseExpiresAt, now)));
    for (const row of expired) {
      const failed = row.attempts >= this.deps.config.maxAttempts;
      await tx
        .update(testSetEvaluations)
        .set(
          failed
            ? { status: TestSetEvaluationStatus.FAILED, error: `lease expired ${row.attempts} times`, completedAt: now }
            : { status: TestSetEvaluationStatus.QUEUED, agentId: null, leaseExpiresAt: null },
        )
        .where(eq(testSetEvaluations.id, row.id));
    }
  }

  private async held(tx: Db, id: string, agentId: string, attempt: number): Promise<Row> {
    const row = await firstRow(tx.select().from(testSetEvaluations).where(eq(testSetEvaluations.id, id)));
    if (!row) throw notFound("TestSetEvaluation", id);
    if (row.status !== TestSetEvaluationStatus.RUNNING || row.agentId !== agentId || row.attempts !== attempt)
      throw conflict(
        `Evaluation ${id} is ${row.status} for agent ${JSON.stringify(row.agentId)} at attempt ${row.attempts}, not this agent's attempt ${attempt}`,
      );
    return row;
  }

  /** Stores the report of the agent holding the evaluation: COMPLETED. */
  async complete(input: CompleteTestSetInput): Promise<TestSetEvaluation> {
    const ev = input.evaluation;
    checkEvaluationShape(ev);
    return writeTx(this.deps, async (tx) => {
      await this.held(tx, input.id, input.agentId, input.attempt);
      const [row] = await tx
        .update(testSetEvaluations)
        .set({
          status: TestSetEvaluationStatus.COMPLETED,
          leaseExpiresAt: null,
          error: null,
          ...reportColumns(ev),
          completedAt: this.deps.now(),
        })
        .where(eq(testSetEvaluations.id, input.id))
        .returning();
      return this.view(row as Row, tx);
    });
  }

  /** Ends the agent's evaluation FAILED with its message (asking again re-queues it). */
  async fail(id: string, agentId: string, attempt: number, error: string): Promise<TestSetEvaluation> {
    return writeTx(this.deps, async (tx) => {
      await this.held(tx, id, agentId, attempt);
      const [row] = await tx
        .update(testSetEvaluations)
        .set({ status: TestSetEvaluationStatus.FAILED, leaseExpiresAt: null, error: error.slice(0, 4000), completedAt: this.deps.now() })
        .where(eq(testSetEvaluations.id, id))
        .returning();
      return this.view(row as Row, tx);
    });
  }
}
