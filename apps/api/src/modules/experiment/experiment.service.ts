import { desc, eq, sql, type InferSelectModel } from "drizzle-orm";
import { experiments, newId, runs } from "@graft/schema/db";
import { type CreateExperimentInput, type Experiment } from "@graft/schema/graphql";
import { notFound } from "../../errors";
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
  list(): Experiment[] {
    return this.deps.db.select().from(experiments).orderBy(desc(experiments.createdAt), desc(experiments.id)).all().map(toExperiment);
  }

  /** One experiment, or null. */
  find(id: string): Experiment | null {
    const row = this.deps.db.select().from(experiments).where(eq(experiments.id, id)).get();
    return row ? toExperiment(row) : null;
  }

  /** One experiment, or NOT_FOUND. */
  get(id: string): Experiment {
    const e = this.find(id);
    if (!e) throw notFound("Experiment", id);
    return e;
  }

  /** Creates an experiment. */
  create(input: CreateExperimentInput): Experiment {
    return writeTx(this.deps, () =>
      toExperiment(
        this.deps.db
          .insert(experiments)
          .values({ id: newId(), name: input.name, description: input.description ?? null, createdAt: this.deps.now() })
          .returning()
          .get(),
      ),
    );
  }

  /**
   * Deletes the experiment with its sweeps and runs and all they own; refused while one of its
   * runs is RUNNING. Returns the deleted runs' ids (their checkpoint files go after the commit).
   */
  delete(id: string): string[] {
    return writeTx(this.deps, () => {
      this.get(id);
      const ids = deleteRunsInTx(this.deps, eq(runs.experimentId, id), `Experiment ${id}`);
      // Sweeps go with their experiment (foreign key cascade).
      this.deps.db.delete(experiments).where(eq(experiments.id, id)).run();
      return ids;
    });
  }

  /** Run count and best val accuracy over the experiment's runs. */
  stats(id: string): { runCount: number; bestValAccuracy: number | null } {
    const row = this.deps.db
      .select({ n: sql<number>`count(*)`, best: sql<number | null>`max(${runs.bestValAccuracy})` })
      .from(runs)
      .where(eq(runs.experimentId, id))
      .get();
    return { runCount: row?.n ?? 0, bestValAccuracy: row?.best ?? null };
  }
}
