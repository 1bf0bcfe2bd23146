import { desc, eq, sql, type InferSelectModel } from "drizzle-orm";
import { experiments, newId, runs } from "@graft/schema/db";
import { type CreateExperimentInput, type Experiment } from "@graft/schema/graphql";
import { notFound } from "../../errors";
import { firstRow } from "../../db/database";
import { type ServiceDeps } from "../service-deps";
import { deleteRunsInTx } from "../run/run.delete";
import { writeTx } from "../write-tx";

type ExperimentRow = InferSelectModel<typeof experiments>;

function toExperiment(r: ExperimentRow): Experiment {
  return { id: r.id, name: r.name, description: r.description, createdAt: new Date(r.createdAt) };
}

/** Experiments and their run aggregates. */
export class ExperimentService {
  constructor(private readonly deps: ServiceDeps) {}

  /** All experiments, newest first. */
  async list(): Promise<Experiment[]> {
    return (await this.deps.db.select().from(experiments).orderBy(desc(experiments.createdAt), desc(experiments.id))).map(toExperiment);
  }

  /** One experiment, or null. */
  async find(id: string): Promise<Experiment | null> {
    const row = await firstRow(this.deps.db.select().from(experiments).where(eq(experiments.id, id)));
    return row ? toExperiment(row) : null;
  }

  /** One experiment, or NOT_FOUND. */
  async get(id: string): Promise<Experiment> {
    const e = await this.find(id);
    if (!e) throw notFound("Experiment", id);
    return e;
  }

  /** Creates an experiment. */
  async create(input: CreateExperimentInput): Promise<Experiment> {
    return writeTx(this.deps, async (tx) => {
      const [row] = await tx
        .insert(experiments)
        .values({ id: newId(), name: input.name, description: input.description ?? null, createdAt: this.deps.now() })
        .returning();
      return toExperiment(row as ExperimentRow);
    });
  }

  /**
   * Deletes the experiment with its sweeps and runs and all they own; refused while one of its
   * runs is RUNNING. Returns the deleted runs' ids (their checkpoint files go after the commit).
   */
  async delete(id: string): Promise<string[]> {
    return writeTx(this.deps, async (tx) => {
      if (!(await firstRow(tx.select({ id: experiments.id }).from(experiments).where(eq(experiments.id, id)))))
        throw notFound("Experiment", id);
      const ids = await deleteRunsInTx(tx, eq(runs.experimentId, id), `Experiment ${id}`);
      // Sweeps go with their experiment (foreign key cascade).
      await tx.delete(experiments).where(eq(experiments.id, id));
      return ids;
    });
  }

  /** Run count and best val accuracy over the experiment's runs. */
  async stats(id: string): Promise<{ runCount: number; bestValAccuracy: number | null }> {
    const row = await firstRow(
      this.deps.db
        .select({ n: sql<number>`count(*)`, best: sql<number | null>`max(${runs.bestValAccuracy})` })
        .from(runs)
        .where(eq(runs.experimentId, id)),
    );
    return { runCount: row?.n ?? 0, bestValAccuracy: row?.best ?? null };
  }
}
