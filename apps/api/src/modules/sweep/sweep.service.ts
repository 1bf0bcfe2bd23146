import { performance } from "node:perf_hooks";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { and, desc, eq, inArray, isNotNull, sql, type InferSelectModel } from "drizzle-orm";
import { datasets, experiments, newId, runs, type SearchSpaceJson, sweeps } from "@graft/schema/db";
import {
  type CreateSweepInput,
  type EarlyTermination,
  type ExtendSweepInput,
  type ParameterImportance,
  type Run,
  type RunGroup,
  RunStatus,
  type Sweep,
  type SweepProgress,
  SweepStatus,
  SweepStrategy,
} from "@graft/schema/graphql";
import { HYPERPARAMETER_ENTRIES, toWire } from "@graft/core/contract";
import { badInput, conflict, notFound } from "../../errors";
import { type CatalogService } from "../catalog/catalog.service";
import { type Db, firstRow } from "../../db/database";
import { type ServiceDeps } from "../service-deps";
import { type Outbox, writeTx } from "../write-tx";
import { deleteRunsInTx } from "../run/run.delete";
import { refreshSweepStatus } from "../run/run.finish";
import { toRun } from "../run/run.mapper";
import { requeueInTx } from "../run/run.requeue";
import { MAX_PAGE_SIZE } from "../run/run.query";
import { type NewRun, type RunService } from "../run/run.service";
import { sweepImportance } from "./sweep.importance";
import { groupRuns } from "./sweep.groups";
import { canonicalPoint, distinctConfigurations } from "./sweep.conditional";
import { expandGrid, expandRandom, gridSize, queueOrder, type SearchPoint } from "./sweep.expand";
import { runsForPoint, type SweepRunContext } from "./sweep.points";
import { nextTpePoint } from "./sweep.tpe";
import { sweepForKey, sweepRequestSha256 } from "./sweep.idempotency";
import { planExtension } from "./sweep.extend";
import { normalizeSearchSpace, withDefaultLists } from "./sweep.space";

type SweepRow = InferSelectModel<typeof sweeps>;

/** Most runs one sweep may create. */
export const MAX_SWEEP_RUNS = 10_000;

/**
 * Longest a step of sweep creation (checking points, or one transaction writing runs) works before
 * letting other requests in. By time rather than by a row count because the rate varies
 * several-fold with the machine and its load: measured on a busy 2-core machine, 500 rows took
 * 70–185 ms to write, so a fixed chunk tuned on an idle one blocked for too long. The commit
 * after a write slice adds about as long again (WAL pages for the rows and their ~30 indexes),
 * hence 10 ms: slices of 20 ms left `/healthz` p99 near 290 ms there, 10 ms near its idle ~50 ms.
 */
export const SWEEP_SLICE_MS = 10;

/** Points checked, or runs written, between two looks at the clock. */
const SLICE_STEP = 50;

/** Most runs `Sweep.runs` returns at once (and its default): the `runs` query's page bound. */
export const MAX_SWEEP_RUNS_PAGE = MAX_PAGE_SIZE;

/** The catalogue's fixed knobs (a value per sweep), in catalogue order. */
const FIXED_KNOBS = HYPERPARAMETER_ENTRIES.filter(([, spec]) => spec.sweep === "fixed");

/** A sweep's fixed knobs as stored; a knob added after the sweep was stored reads as its default. */
function fixedValues(stored: Readonly<Record<string, unknown>>): { name: string; value: unknown }[] {
  return FIXED_KNOBS.map(([name, spec]) => ({ name, value: Object.hasOwn(stored, name) ? stored[name] : toWire(name, spec.default) }));
}

function toSweep(r: SweepRow): Sweep {
  const fixed = fixedValues(r.fixed);
  const fixedNumber = (name: string) => fixed.find((k) => k.name === name)?.value as number;
  return {
    id: r.id,
    name: r.name,
    status: r.status as SweepStatus,
    strategy: r.strategy as SweepStrategy,
    experimentId: r.experimentId,
    datasetId: r.datasetId,
    searchSpace: withDefaultLists(r.searchSpace) as Sweep["searchSpace"],
    maxRuns: r.maxRuns,
    seed: r.seed,
    repeats: r.repeats,
    earlyTermination: r.earlyTermination as EarlyTermination,
    fixed,
    epochs: fixedNumber("epochs"),
    fineTuneEpochs: fixedNumber("fineTuneEpochs"),
    batchSize: fixedNumber("batchSize"),
    validationSplit: fixedNumber("validationSplit"),
    createdAt: new Date(r.createdAt),
  };
}

/** Sweeps: expansion into queued runs, progress, best run, parameter importance, cancel. */
export class SweepService {
  /** Sweeps whose runs are still being written, so a replayed request can wait for the whole sweep. */
  private readonly creating = new Map<string, Promise<unknown>>();
  /** The last importance computed per sweep, with what it was computed from. */
  private readonly importanceMemo = new Map<string, { key: string; value: ParameterImportance[] }>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly catalog: CatalogService,
    private readonly runs: RunService,
  ) {}

  /** Sweeps, newest first, optionally of one experiment. */
  async list(experimentId?: string | null): Promise<Sweep[]> {
    const rows = await this.deps.db
      .select()
      .from(sweeps)
      .where(experimentId ? eq(sweeps.experimentId, experimentId) : undefined)
      .orderBy(desc(sweeps.createdAt), desc(sweeps.id));
    return rows.map(toSweep);
  }

  /** One sweep, or NOT_FOUND. Inside a transaction pass its `tx`. */
  async get(id: string, tx: Db = this.deps.db): Promise<Sweep> {
    return toSweep(await this.row(id, tx));
  }

  /**
   * Validates the search space, expands it (GRID: its distinct configurations, capped by maxRuns;
   * RANDOM: maxRuns distinct seeded draws; TPE: its first configuration only, the rest sampled at
   * claim time by `TpeSampler`), checks every point, then writes the sweep and its queued runs.
   *
   * Checked and written in slices of about {@link SWEEP_SLICE_MS} with the event loop served
   * between them (one transaction per write slice), because one transaction for 10,000 runs held
   * every other request (and `/healthz`) for seconds. The sweep row goes in with the first slice,
   * so a sweep is never seen without runs.
   * Agents may claim a sweep's first runs while later ones are still being written; that is fine
   * because every run is complete and independent when it appears (its row is written whole), a
   * claim then is only an earlier start, and the early-termination rules compare runs that have
   * reported epochs, which runs not yet written could not have. A cancel meanwhile is honoured:
   * each write slice first checks the sweep is still RUNNING. A write failing part-way (the disk,
   * not the request: everything was checked before the first write) cancels what was written, best
   * effort, so no half sweep is left queued for agents as if it had been created. Only a crash of
   * the process part-way leaves a sweep with fewer runs than planned, its runs still valid.
   */
  async create(input: CreateSweepInput): Promise<Sweep> {
    // A retried launch (same key) gets the sweep it already created, before any work is redone.
    const key = input.idempotencyKey ?? null;
    const requestSha256 = key === null ? null : sweepRequestSha256(input);
    const replayed = key === null ? null : await sweepForKey(this.deps.db, key, requestSha256 as string);
    if (replayed) return this.whenCreated(replayed.id, toSweep(replayed));
    const space = normalizeSearchSpace(input.searchSpace);
    const seed = input.seed ?? 0;
    // The knobs a sweep fixes for every run (epochs, callbacks...), as given; omitted ones take the catalogue's defaults.
    const fixed = Object.fromEntries(
      HYPERPARAMETER_ENTRIES.filter(([, spec]) => spec.sweep === "fixed").map(([name]) => [name, input[name] ?? null]),
    );
    for (const m of space.baseModels as string[]) this.catalog.inputSizeOf(m, null, "searchSpace.baseModels");

    const maxRuns = input.maxRuns ?? null;
    if (input.strategy !== SweepStrategy.GRID && maxRuns === null) {
      const what = input.strategy === SweepStrategy.RANDOM ? "how many points to draw" : "how many configurations TPE may try";
      throw badInput(`A ${input.strategy} sweep needs maxRuns (${what})`, "maxRuns", null);
    }
    const repeats = input.repeats ?? 1;
    const configs = input.strategy === SweepStrategy.GRID ? Math.min(gridSize(space), maxRuns ?? Infinity) : (maxRuns as number);
    const size = configs * repeats;
    if (size > MAX_SWEEP_RUNS) {
      const how = repeats > 1 ? `${configs} configurations × ${repeats} repeats` : `${size} runs`;
      throw badInput(`The sweep would create ${how}; the limit is ${MAX_SWEEP_RUNS} runs (set maxRuns)`, "maxRuns", maxRuns);
    }
    const name = input.name ?? `sweep-${new Date(this.deps.now()).toISOString().slice(0, 16)}`;
    const context = { name, experimentId: input.experimentId, datasetId: input.datasetId, seed, repeats, fixed };
    // TPE samples each configuration when an agent asks (sweep.tpe.ts): every point it may propose is
    // checked now, so a bad combination is the launcher's error, not an agent's failed claim later.
    if (input.strategy === SweepStrategy.TPE) await this.checkEveryPoint(space, seed, context);
    // Configurations differing only in a knob that does not apply (fine-tuning rate at depth 0) are one.
    const points =
      input.strategy === SweepStrategy.GRID
        ? queueOrder(distinctConfigurations(expandGrid(space, maxRuns, seed), fixed), input.earlyTermination, seed)
        : input.strategy === SweepStrategy.RANDOM
          ? expandRandom(space, maxRuns as number, seed, (p) => canonicalPoint(p, fixed))
          : [nextTpePoint({ searchSpace: space, seed, fixed }, []) as SearchPoint];

    // Validate every point before writing anything (bad values surface as BAD_USER_INPUT), in
    // slices: resolving 10,000 points is a few hundred ms of CPU.
    const newRuns: Omit<NewRun, "sweepId">[] = [];
    const width = String(input.strategy === SweepStrategy.TPE ? (maxRuns as number) : points.length).length;
    let sliceStart = performance.now();
    for (const [i, p] of points.entries()) {
      if (i % SLICE_STEP === 0 && performance.now() - sliceStart > SWEEP_SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      newRuns.push(...runsForPoint(p, i, width, context, this.catalog));
    }

    const fixedOf = (newRuns[0] as Omit<NewRun, "sweepId">).hyperparameters;
    // Settles once every run is written (or writing failed); never rejects, like `creating`'s entries.
    let written!: () => void;
    const whenWritten = new Promise<void>((resolve) => (written = resolve));
    let registered: string | null = null;
    try {
      return await this.createInSlices(input, newRuns, fixedOf, { key, requestSha256, space, maxRuns, seed, repeats, name }, (id) => {
        // Registered inside the first transaction, before the sweep row is even written: a replay or
        // an extension that finds the row (its transaction comes next: the lock hands over before
        // this function resumes) finds the entry too. Before, the synchronous transaction and the
        // registration after it ran with nothing in between.
        registered = id;
        this.creating.set(id, whenWritten);
      });
    } finally {
      if (registered !== null) this.creating.delete(registered);
      written();
    }
  }

  /** The writing half of {@link create}: the sweep with its first slice of runs, then the rest. */
  private async createInSlices(
    input: CreateSweepInput,
    newRuns: readonly Omit<NewRun, "sweepId">[],
    fixedOf: NewRun["hyperparameters"],
    values: {
      key: string | null;
      requestSha256: string | null;
      space: SearchSpaceJson;
      maxRuns: number | null;
      seed: number;
      repeats: number;
      name: string;
    },
    register: (sweepId: string) => void,
  ): Promise<Sweep> {
    const { key, requestSha256, space, maxRuns, seed, repeats, name } = values;
    const first = await writeTx(this.deps, async (tx, outbox) => {
      if (!(await firstRow(tx.select({ id: experiments.id }).from(experiments).where(eq(experiments.id, input.experimentId))))) {
        throw notFound("Experiment", input.experimentId);
      }
      if (!(await firstRow(tx.select({ id: datasets.id }).from(datasets).where(eq(datasets.id, input.datasetId))))) {
        throw notFound("Dataset", input.datasetId);
      }
      // Checked again inside the write: two requests with one key may both have passed the first look.
      const raced = key === null ? null : await sweepForKey(tx, key, requestSha256 as string);
      if (raced) return { sweep: toSweep(raced), created: false, now: 0, written: 0 };
      const now = this.deps.now();
      const id = newId(now);
      register(id);
      const [inserted] = await tx
        .insert(sweeps)
        .values({
          id,
          name,
          experimentId: input.experimentId,
          datasetId: input.datasetId,
          strategy: input.strategy,
          searchSpace: space,
          maxRuns,
          seed,
          repeats,
          earlyTermination: input.earlyTermination,
          // Every run shares the fixed knobs: the first run's resolved values are the sweep's.
          fixed: Object.fromEntries(FIXED_KNOBS.map(([knob]) => [knob, fixedOf[knob]])),
          status: SweepStatus.RUNNING,
          createdAt: now,
          idempotencyKey: key,
          requestSha256,
        })
        .returning();
      const row = inserted as SweepRow;
      const written = await this.insertSlice(tx, newRuns, 0, row.id, now, outbox);
      return { sweep: toSweep(row), created: true, now, written };
    });
    if (!first.created) return this.whenCreated(first.sweep.id, first.sweep);
    await this.writeRemainingRuns(first.sweep.id, newRuns, first.written, first.now);
    return this.get(first.sweep.id);
  }

  /**
   * Resolves every configuration of the space (a seeded sample of {@link MAX_SWEEP_RUNS} when it is
   * larger) as a run would be resolved, in slices; the first bad one is BAD_USER_INPUT.
   */
  private async checkEveryPoint(space: SearchSpaceJson, seed: number, context: SweepRunContext): Promise<void> {
    const points = expandGrid(space, gridSize(space) > MAX_SWEEP_RUNS ? MAX_SWEEP_RUNS : null, seed);
    let sliceStart = performance.now();
    for (const [i, p] of points.entries()) {
      if (i % SLICE_STEP === 0 && performance.now() - sliceStart > SWEEP_SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      runsForPoint(canonicalPoint(p, context.fixed), i, 1, { ...context, repeats: 1 }, this.catalog);
    }
  }

  /** `sweep` once any creation of it still writing runs in this process has finished (re-read then). */
  private async whenCreated(id: string, sweep: Sweep): Promise<Sweep> {
    const pending = this.creating.get(id);
    if (!pending) return sweep;
    await pending;
    return this.get(id);
  }

  /**
   * Inserts `items` from index `from` as queued runs of sweep `sweepId` created at `now`, queuing
   * their runUpdated events, until all are written or {@link SWEEP_SLICE_MS} has passed. Call
   * inside a transaction. Returns the index to continue from.
   */
  private async insertSlice(
    tx: Db,
    items: readonly Omit<NewRun, "sweepId">[],
    from: number,
    sweepId: string,
    now: number,
    outbox: Outbox,
  ): Promise<number> {
    const start = performance.now();
    let next = from;
    while (next < items.length && (next === from || performance.now() - start < SWEEP_SLICE_MS)) {
      const step = items.slice(next, next + SLICE_STEP).map((r) => ({ ...r, sweepId }));
      for (const row of await this.deps.database.raw.insertSweepRuns(tx, step, now)) outbox.run(toRun(row));
      next += step.length;
    }
    return next;
  }

  /**
   * Writes the runs from index `from` on, one transaction per slice, yielding to the event loop
   * before each. Stops when the sweep is no longer RUNNING (canceled meanwhile); on a failed
   * write, cancels the sweep (best effort) and rethrows.
   */
  private async writeRemainingRuns(sweepId: string, items: readonly Omit<NewRun, "sweepId">[], from: number, now: number): Promise<void> {
    try {
      for (let next = from; next < items.length;) {
        await yieldToEventLoop();
        const after = await writeTx(this.deps, async (tx, outbox) => {
          const status = (await firstRow(tx.select({ status: sweeps.status }).from(sweeps).where(eq(sweeps.id, sweepId))))?.status;
          return status === SweepStatus.RUNNING ? this.insertSlice(tx, items, next, sweepId, now, outbox) : null;
        });
        if (after === null) return;
        next = after;
      }
    } catch (error) {
      try {
        // One transaction: the half sweep is canceled and its key let go together, so the client's
        // retry (same key, after this error) creates the sweep whole instead of being handed back
        // the half one as if it had been created.
        await writeTx(this.deps, async (tx, outbox) => {
          await tx.update(sweeps).set({ idempotencyKey: null, requestSha256: null }).where(eq(sweeps.id, sweepId));
          const sweep = await this.get(sweepId, tx);
          if (sweep.status === SweepStatus.RUNNING) await this.cancelInTx(tx, sweep, outbox);
        });
      } catch (cancelError) {
        console.error(`[graft-api] could not cancel sweep ${sweepId} after its creation failed part-way:`, cancelError);
      }
      throw error;
    }
  }

  /** Cancels the sweep: queued runs end CANCELED now, running ones at their next heartbeat. */
  async cancel(id: string): Promise<Sweep> {
    return writeTx(this.deps, async (tx, outbox) => {
      const sweep = await this.get(id, tx);
      if (sweep.status !== SweepStatus.RUNNING) throw conflict(`Sweep ${id} is already ${sweep.status}`);
      return this.cancelInTx(tx, sweep, outbox);
    });
  }

  private async cancelInTx(tx: Db, sweep: Sweep, outbox: Outbox): Promise<Sweep> {
    await tx.update(sweeps).set({ status: SweepStatus.CANCELED }).where(eq(sweeps.id, sweep.id));
    const live = await tx
      .select()
      .from(runs)
      .where(and(eq(runs.sweepId, sweep.id), inArray(runs.status, [RunStatus.QUEUED, RunStatus.RUNNING])));
    for (const row of live) await this.runs.cancelInTx(tx, row, outbox, true);
    return { ...sweep, status: SweepStatus.CANCELED };
  }

  /**
   * Widens a RUNNING or COMPLETED sweep (see ExtendSweepInput); the sweep runs again. One
   * transaction: the new space, budget and queued runs appear together.
   * @throws NOT_FOUND; CONFLICT for a CANCELED sweep (resume it first); BAD_USER_INPUT as planExtension.
   */
  async extend(input: ExtendSweepInput): Promise<Sweep> {
    const row = await this.row(input.sweepId);
    if (row.status === SweepStatus.CANCELED) throw conflict(`Sweep ${row.id} is CANCELED; resume it before extending it`);
    // Planned against the runs written so far, an extension would count the rest of the grid as new.
    if (this.creating.has(row.id)) throw conflict(`Sweep ${row.id} is still writing its runs; extend it once they are all queued`);
    const existing = await this.deps.db.select().from(runs).where(eq(runs.sweepId, row.id));
    const plan = planExtension(row, existing, input, MAX_SWEEP_RUNS);
    // TPE may propose any point of the widened space at a claim: check them now, as at creation.
    if (row.strategy === SweepStrategy.TPE) {
      await this.checkEveryPoint(plan.searchSpace, row.seed, row);
    }
    const width = String(plan.firstIndex + plan.points.length).length;
    const items = plan.points.flatMap((p, k) => runsForPoint(p, plan.firstIndex + k, width, row, this.catalog));
    return writeTx(this.deps, async (tx, outbox) => {
      const current = await this.row(row.id, tx);
      if (current.status === SweepStatus.CANCELED) throw conflict(`Sweep ${row.id} is CANCELED; resume it before extending it`);
      // Another extension committed while this one checked points: plan again rather than overwrite it.
      if (JSON.stringify(current.searchSpace) !== JSON.stringify(row.searchSpace) || current.maxRuns !== row.maxRuns) {
        throw conflict(`Sweep ${row.id} was extended meanwhile; try again`);
      }
      await tx
        .update(sweeps)
        .set({ searchSpace: plan.searchSpace, maxRuns: plan.maxRuns, status: SweepStatus.RUNNING })
        .where(eq(sweeps.id, row.id));
      for (const r of await this.deps.database.raw.insertSweepRuns(
        tx,
        items.map((item) => ({ ...item, sweepId: row.id })),
        this.deps.now(),
      ))
        outbox.run(toRun(r));
      // A GRID or RANDOM extension that found nothing new leaves nothing live: the sweep stays complete.
      await refreshSweepStatus(tx, row.id);
      return this.get(row.id, tx);
    });
  }

  /**
   * Resumes a CANCELED sweep: it runs again and its CANCELED runs go back in the queue (a TPE sweep
   * then samples on at the next claim).
   * @throws NOT_FOUND, or CONFLICT when the sweep is not CANCELED.
   */
  async resume(id: string): Promise<Sweep> {
    return writeTx(this.deps, async (tx, outbox) => {
      const row = await this.row(id, tx);
      if (row.status !== SweepStatus.CANCELED) throw conflict(`Sweep ${id} is ${row.status}; only a CANCELED sweep can be resumed`);
      await tx.update(sweeps).set({ status: SweepStatus.RUNNING }).where(eq(sweeps.id, id));
      const canceled = await tx
        .select()
        .from(runs)
        .where(and(eq(runs.sweepId, id), eq(runs.status, RunStatus.CANCELED)));
      for (const r of canceled) await requeueInTx(tx, outbox, r);
      await refreshSweepStatus(tx, id);
      return this.get(id, tx);
    });
  }

  /**
   * Deletes a sweep with its runs and all they own; refused while one of its runs is RUNNING.
   * Returns the deleted runs' ids (their checkpoint files go after the commit).
   */
  async delete(id: string): Promise<string[]> {
    return writeTx(this.deps, async (tx) => {
      await this.row(id, tx);
      const ids = await deleteRunsInTx(tx, eq(runs.sweepId, id), `Sweep ${id}`);
      await tx.delete(sweeps).where(eq(sweeps.id, id));
      return ids;
    });
  }

  private async row(id: string, tx: Db = this.deps.db): Promise<SweepRow> {
    const row = await firstRow(tx.select().from(sweeps).where(eq(sweeps.id, id)));
    if (!row) throw notFound("Sweep", id);
    return row;
  }

  /**
   * The sweep's first `first` runs in creation order (at most {@link MAX_SWEEP_RUNS_PAGE}: a sweep
   * holds up to {@link MAX_SWEEP_RUNS}, and one unbounded read of them all took seconds).
   */
  async runsOf(id: string, first: number = MAX_SWEEP_RUNS_PAGE): Promise<Run[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_SWEEP_RUNS_PAGE) {
      throw badInput(
        `first must be in 0..${MAX_SWEEP_RUNS_PAGE}; got ${first} (page through more with runs(filter: { sweepId }))`,
        "first",
        first,
      );
    }
    return (await this.deps.db.select().from(runs).where(eq(runs.sweepId, id)).orderBy(runs.createdAt, runs.id).limit(first)).map(toRun);
  }

  /** The sweep's runs grouped by configuration (runs differing only in seed), with mean ± std. */
  async groups(id: string): Promise<RunGroup[]> {
    return groupRuns((await this.deps.db.select().from(runs).where(eq(runs.sweepId, id)).orderBy(runs.createdAt, runs.id)).map(toRun));
  }

  /** Run counts by status. */
  async progress(id: string): Promise<SweepProgress> {
    const rows = await this.deps.db
      .select({ status: runs.status, n: sql<number>`count(*)` })
      .from(runs)
      .where(eq(runs.sweepId, id))
      .groupBy(runs.status);
    const by = (s: RunStatus) => rows.find((r) => r.status === s)?.n ?? 0;
    const total = rows.reduce((a, r) => a + r.n, 0);
    const sweep = await this.row(id);
    // A TPE sweep that ended early (space used up, canceled) plans no more than it has.
    const planned =
      sweep.strategy === SweepStrategy.TPE && sweep.status === SweepStatus.RUNNING
        ? Math.max(total, (sweep.maxRuns ?? 0) * sweep.repeats)
        : total;
    return {
      total,
      planned,
      queued: by(RunStatus.QUEUED),
      running: by(RunStatus.RUNNING),
      completed: by(RunStatus.COMPLETED),
      failed: by(RunStatus.FAILED),
      canceled: by(RunStatus.CANCELED),
      stoppedEarly: by(RunStatus.STOPPED_EARLY),
    };
  }

  /** The run with the highest best val accuracy. */
  async bestRun(id: string): Promise<Run | null> {
    const row = await firstRow(
      this.deps.db
        .select()
        .from(runs)
        .where(and(eq(runs.sweepId, id), isNotNull(runs.bestValAccuracy)))
        .orderBy(desc(runs.bestValAccuracy), runs.id)
        .limit(1),
    );
    return row ? toRun(row) : null;
  }

  /**
   * fANOVA importance of every searched knob over the sweep's finished runs (COMPLETED or
   * STOPPED_EARLY, with a best val accuracy), with marginal effects (sweep.importance.ts).
   */
  async importance(id: string): Promise<ParameterImportance[]> {
    const rows = await this.deps.db
      .select()
      .from(runs)
      .where(
        and(eq(runs.sweepId, id), inArray(runs.status, [RunStatus.COMPLETED, RunStatus.STOPPED_EARLY]), isNotNull(runs.bestValAccuracy)),
      )
      .orderBy(runs.createdAt, runs.id);
    const sweep = await this.row(id);
    // The sweep page asks on every refresh; the forest is regrown only when a run finished or went.
    const key = `${rows.length}:${rows.reduce((m, r) => Math.max(m, r.finishedAt ?? 0), 0)}:${JSON.stringify(sweep.searchSpace)}`;
    const cached = this.importanceMemo.get(id);
    if (cached?.key === key) return cached.value;
    const value = sweepImportance(sweep, rows);
    this.importanceMemo.delete(id);
    this.importanceMemo.set(id, { key, value });
    // Least recently computed first out: the sweeps someone is looking at stay.
    if (this.importanceMemo.size > 64) this.importanceMemo.delete(this.importanceMemo.keys().next().value as string);
    return value;
  }
}
