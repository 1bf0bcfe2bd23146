import { and, desc, eq, inArray, isNotNull, sql, type InferSelectModel } from "drizzle-orm";
import { datasets, experiments, newId, runs, sweeps, type SearchSpaceJson } from "@graft/schema/db";
import {
  type CreateSweepInput,
  type EarlyTermination,
  type ParameterImportance,
  type Run,
  RunStatus,
  type Sweep,
  type SweepProgress,
  SweepStatus,
  SweepStrategy,
} from "@graft/schema/graphql";
import { HYPERPARAMETER_DEFAULTS as D, canonicalizeAugmentation } from "@graft/schema/hyperparameters";
import { badInput, conflict, notFound } from "../../errors";
import { type CatalogService } from "../catalog/catalog.service";
import { type ServiceDeps, writeTx } from "../deps";
import { resolveHyperparameters } from "../run/run.hyperparameters";
import { toRun } from "../run/run.mapper";
import { type NewRun, type RunService } from "../run/run.service";
import { pearson, spearman } from "./importance";
import { expandGrid, expandRandom, gridSize } from "./sweep.expand";

type SweepRow = InferSelectModel<typeof sweeps>;

/** Most runs one sweep may create. */
export const MAX_SWEEP_RUNS = 10_000;

function toSweep(r: SweepRow): Sweep {
  return {
    id: r.id,
    name: r.name,
    status: r.status as SweepStatus,
    strategy: r.strategy as SweepStrategy,
    experimentId: r.experimentId,
    datasetId: r.datasetId,
    searchSpace: r.searchSpace,
    maxRuns: r.maxRuns,
    seed: r.seed,
    earlyTermination: r.earlyTermination as EarlyTermination,
    epochs: r.epochs,
    fineTuneEpochs: r.fineTuneEpochs,
    batchSize: r.batchSize,
    validationSplit: r.validationSplit,
    createdAt: new Date(r.createdAt),
  };
}

/** Sweeps: expansion into queued runs, progress, best run, parameter importance, cancel. */
export class SweepService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly catalog: CatalogService,
    private readonly runs: RunService,
  ) {}

  /** Sweeps, newest first, optionally of one experiment. */
  list(experimentId?: string | null): Sweep[] {
    const q = this.deps.db.select().from(sweeps);
    const rows = (experimentId ? q.where(eq(sweeps.experimentId, experimentId)) : q).orderBy(desc(sweeps.createdAt), desc(sweeps.id)).all();
    return rows.map(toSweep);
  }

  /** One sweep, or NOT_FOUND. */
  get(id: string): Sweep {
    const row = this.deps.db.select().from(sweeps).where(eq(sweeps.id, id)).get();
    if (!row) throw notFound("Sweep", id);
    return toSweep(row);
  }

  /**
   * Validates the search space, expands it (GRID: cartesian product capped by maxRuns; RANDOM:
   * maxRuns seeded draws) and inserts the sweep with all its queued runs in one transaction.
   */
  create(input: CreateSweepInput): Sweep {
    const s = input.searchSpace;
    // Omitted (or explicitly null) lists take the contract's defaults; empty lists are an error.
    const raw = {
      baseModels: s.baseModels,
      headUnits: s.headUnits,
      augmentations: s.augmentations ?? ["none"],
      fineTuneLayers: s.fineTuneLayers ?? [D.fineTuneLayers],
      learningRates: s.learningRates,
      fineTuneLearningRates: s.fineTuneLearningRates ?? [D.fineTuneLearningRate],
      dropouts: s.dropouts ?? [D.dropout],
    };
    for (const [name, list] of Object.entries(raw)) {
      if (!Array.isArray(list) || list.length === 0) throw badInput(`searchSpace.${name} is empty; give at least one value`, `searchSpace.${name}`, list);
    }
    const space: SearchSpaceJson = {
      baseModels: [...new Set(raw.baseModels)],
      headUnits: raw.headUnits.map((h) => [...h]),
      augmentations: [...new Set(raw.augmentations.map((a) => canonicalizeAugmentation(a)))],
      fineTuneLayers: [...new Set(raw.fineTuneLayers)],
      learningRates: [...new Set(raw.learningRates)],
      fineTuneLearningRates: [...new Set(raw.fineTuneLearningRates)],
      dropouts: [...new Set(raw.dropouts)],
    };
    const seed = input.seed ?? 0;
    const validationSplit = input.validationSplit ?? D.validationSplit;
    for (const m of space.baseModels) this.catalog.inputSizeOf(m, null, "searchSpace.baseModels");

    const maxRuns = input.maxRuns ?? null;
    if (input.strategy === SweepStrategy.RANDOM && maxRuns === null) {
      throw badInput("A RANDOM sweep needs maxRuns (how many points to draw)", "maxRuns", null);
    }
    const size = input.strategy === SweepStrategy.GRID ? Math.min(gridSize(space), maxRuns ?? Infinity) : (maxRuns as number);
    if (size > MAX_SWEEP_RUNS) throw badInput(`The sweep would create ${size} runs; the limit is ${MAX_SWEEP_RUNS} (set maxRuns)`, "maxRuns", maxRuns);
    const points = input.strategy === SweepStrategy.GRID ? expandGrid(space, maxRuns, seed) : expandRandom(space, maxRuns as number, seed);

    // Validate every point before writing anything (bad values surface as BAD_USER_INPUT).
    const name = input.name ?? `sweep-${new Date(this.deps.now()).toISOString().slice(0, 16)}`;
    const newRuns: Omit<NewRun, "sweepId">[] = points.map((p, i) => ({
      name: `${name}-${String(i + 1).padStart(String(points.length).length, "0")}`,
      datasetId: input.datasetId,
      experimentId: input.experimentId,
      hyperparameters: resolveHyperparameters(
        {
          ...p,
          epochs: input.epochs,
          fineTuneEpochs: input.fineTuneEpochs,
          batchSize: input.batchSize,
          validationSplit,
          seed,
          // Fixed for every run; resolveHyperparameters checks the floor against each point's rates.
          earlyStoppingPatience: input.earlyStoppingPatience ?? null,
          reduceLrPatience: input.reduceLrPatience ?? null,
          reduceLrFactor: input.reduceLrFactor,
          minLearningRate: input.minLearningRate,
        },
        this.catalog,
      ),
    }));

    return writeTx(this.deps, (outbox) => {
      if (!this.deps.db.select({ id: experiments.id }).from(experiments).where(eq(experiments.id, input.experimentId)).get()) {
        throw notFound("Experiment", input.experimentId);
      }
      if (!this.deps.db.select({ id: datasets.id }).from(datasets).where(eq(datasets.id, input.datasetId)).get()) {
        throw notFound("Dataset", input.datasetId);
      }
      const now = this.deps.now();
      const row = this.deps.db
        .insert(sweeps)
        .values({
          id: newId(now),
          name,
          experimentId: input.experimentId,
          datasetId: input.datasetId,
          strategy: input.strategy,
          searchSpace: space,
          maxRuns,
          seed,
          earlyTermination: input.earlyTermination,
          epochs: input.epochs,
          fineTuneEpochs: input.fineTuneEpochs,
          batchSize: input.batchSize,
          validationSplit,
          status: SweepStatus.RUNNING,
          createdAt: now,
        })
        .returning()
        .get();
      this.runs.insertQueued(
        newRuns.map((r) => ({ ...r, sweepId: row.id })),
        outbox,
      );
      return toSweep(row);
    });
  }

  /** Cancels the sweep: queued runs end CANCELED now, running ones at their next heartbeat. */
  cancel(id: string): Sweep {
    return writeTx(this.deps, (outbox) => {
      const sweep = this.get(id);
      if (sweep.status !== SweepStatus.RUNNING) throw conflict(`Sweep ${id} is already ${sweep.status}`);
      this.deps.db.update(sweeps).set({ status: SweepStatus.CANCELED }).where(eq(sweeps.id, id)).run();
      const live = this.deps.db
        .select()
        .from(runs)
        .where(and(eq(runs.sweepId, id), inArray(runs.status, [RunStatus.QUEUED, RunStatus.RUNNING])))
        .all();
      for (const row of live) this.runs.cancelInTx(row, outbox, true);
      return { ...sweep, status: SweepStatus.CANCELED };
    });
  }

  /** The sweep's runs in creation order. */
  runsOf(id: string): Run[] {
    return this.deps.db.select().from(runs).where(eq(runs.sweepId, id)).orderBy(runs.createdAt, runs.id).all().map(toRun);
  }

  /** Run counts by status. */
  progress(id: string): SweepProgress {
    const rows = this.deps.db
      .select({ status: runs.status, n: sql<number>`count(*)` })
      .from(runs)
      .where(eq(runs.sweepId, id))
      .groupBy(runs.status)
      .all();
    const by = (s: RunStatus) => rows.find((r) => r.status === s)?.n ?? 0;
    return {
      total: rows.reduce((a, r) => a + r.n, 0),
      queued: by(RunStatus.QUEUED),
      running: by(RunStatus.RUNNING),
      completed: by(RunStatus.COMPLETED),
      failed: by(RunStatus.FAILED),
      canceled: by(RunStatus.CANCELED),
      stoppedEarly: by(RunStatus.STOPPED_EARLY),
    };
  }

  /** The run with the highest best val accuracy. */
  bestRun(id: string): Run | null {
    const row = this.deps.db
      .select()
      .from(runs)
      .where(and(eq(runs.sweepId, id), isNotNull(runs.bestValAccuracy)))
      .orderBy(desc(runs.bestValAccuracy), runs.id)
      .limit(1)
      .get();
    return row ? toRun(row) : null;
  }

  /**
   * Per numeric hyperparameter that varies, its Spearman (and Pearson) correlation with best val
   * accuracy over finished runs (COMPLETED or STOPPED_EARLY). Learning rates enter Pearson on a
   * log10 scale, the scale they are searched on; Spearman is scale-free. Sorted by |Spearman|.
   */
  importance(id: string): ParameterImportance[] {
    const rows = this.deps.db
      .select()
      .from(runs)
      .where(and(eq(runs.sweepId, id), inArray(runs.status, [RunStatus.COMPLETED, RunStatus.STOPPED_EARLY]), isNotNull(runs.bestValAccuracy)))
      .all();
    if (rows.length < 3) return [];
    const ys = rows.map((r) => r.bestValAccuracy as number);
    const params: [string, (r: (typeof rows)[number]) => number][] = [
      ["learningRate", (r) => Math.log10(r.learningRate)],
      ["fineTuneLearningRate", (r) => Math.log10(r.fineTuneLearningRate)],
      ["dropout", (r) => r.dropout],
      ["fineTuneLayers", (r) => r.fineTuneLayers],
      ["headUnits", (r) => r.headUnitsTotal],
      ["inputSize", (r) => r.inputSize],
    ];
    const out: ParameterImportance[] = [];
    for (const [parameter, get] of params) {
      const xs = rows.map(get);
      if (new Set(xs).size < 2) continue;
      out.push({ parameter, correlation: spearman(xs, ys), pearson: pearson(xs, ys), runCount: rows.length });
    }
    return out.sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation));
  }
}
