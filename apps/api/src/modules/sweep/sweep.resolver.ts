import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  CreateSweepInput,
  Dataset,
  ExtendSweepInput,
  Experiment,
  ParameterImportance,
  Run,
  RunGroup,
  Sweep,
  SweepProgress,
} from "@graft/schema/graphql";
import { type GraftContext } from "../../context";
import { MAX_SWEEP_RUNS_PAGE } from "./sweep.service";

/** Sweeps: list, get, create, cancel, and their runs, progress, best run and importance. */
@Resolver(() => Sweep)
export class SweepResolver {
  @Query(() => [Sweep])
  async sweeps(@Arg("experimentId", () => ID, { nullable: true }) experimentId: string | null, @Ctx() ctx: GraftContext): Promise<Sweep[]> {
    return ctx.services.sweeps.list(experimentId);
  }

  @Query(() => Sweep)
  async sweep(@Arg("id", () => ID) id: string, @Ctx() ctx: GraftContext): Promise<Sweep> {
    return ctx.services.sweeps.get(id);
  }

  @Mutation(() => Sweep, {
    description:
      "Expands a search space (GRID or seeded RANDOM) into queued runs. Every point is checked before anything is written; the runs are then written in chunks, the sweep appearing with its first chunk.",
  })
  createSweep(@Arg("input", () => CreateSweepInput) input: CreateSweepInput, @Ctx() ctx: GraftContext): Promise<Sweep> {
    return ctx.services.sweeps.create(input);
  }

  @Mutation(() => Sweep, { description: "Queued runs end CANCELED now; running ones learn it at their next heartbeat." })
  async cancelSweep(@Arg("sweepId", () => ID) sweepId: string, @Ctx() ctx: GraftContext): Promise<Sweep> {
    return ctx.services.sweeps.cancel(sweepId);
  }

  @Mutation(() => Sweep, {
    description:
      "Widens a RUNNING or COMPLETED sweep: values added to its lists, a larger maxRuns, or both. GRID queues the new combinations, RANDOM draws more, TPE samples on from what it knows. The sweep runs again.",
  })
  extendSweep(@Arg("input", () => ExtendSweepInput) input: ExtendSweepInput, @Ctx() ctx: GraftContext): Promise<Sweep> {
    return ctx.services.sweeps.extend(input);
  }

  @Mutation(() => Sweep, { description: "A CANCELED sweep runs again; its CANCELED runs go back in the queue." })
  async resumeSweep(@Arg("sweepId", () => ID) sweepId: string, @Ctx() ctx: GraftContext): Promise<Sweep> {
    return ctx.services.sweeps.resume(sweepId);
  }

  @Mutation(() => ID, {
    description:
      "Deletes a sweep with its runs and all they own (epochs, predictions, checkpoints...); refused while one of its runs is RUNNING. Answers the deleted id.",
  })
  async deleteSweep(@Arg("sweepId", () => ID) sweepId: string, @Ctx() ctx: GraftContext): Promise<string> {
    for (const runId of await ctx.services.sweeps.delete(sweepId)) await ctx.services.checkpoints.removeFiles(runId);
    return sweepId;
  }

  @FieldResolver(() => Experiment)
  async experiment(@Root() s: Sweep, @Ctx() ctx: GraftContext): Promise<Experiment> {
    return ctx.services.experiments.get(s.experimentId);
  }

  @FieldResolver(() => Dataset)
  async dataset(@Root() s: Sweep, @Ctx() ctx: GraftContext): Promise<Dataset> {
    return ctx.services.datasets.get(s.datasetId);
  }

  @FieldResolver(() => [Run], {
    description: `The sweep's first runs in creation order: \`first\` of them, at most ${MAX_SWEEP_RUNS_PAGE} (the default). Page through all of them with \`runs(filter: { sweepId })\`.`,
  })
  async runs(
    @Root() s: Sweep,
    @Arg("first", () => Int, { defaultValue: MAX_SWEEP_RUNS_PAGE, nullable: true }) first: number | null,
    @Ctx() ctx: GraftContext,
  ): Promise<Run[]> {
    return ctx.services.sweeps.runsOf(s.id, first ?? MAX_SWEEP_RUNS_PAGE);
  }

  @FieldResolver(() => SweepProgress)
  async progress(@Root() s: Sweep, @Ctx() ctx: GraftContext): Promise<SweepProgress> {
    return ctx.services.sweeps.progress(s.id);
  }

  @FieldResolver(() => Run, { nullable: true })
  async bestRun(@Root() s: Sweep, @Ctx() ctx: GraftContext): Promise<Run | null> {
    return ctx.services.sweeps.bestRun(s.id);
  }

  @FieldResolver(() => [RunGroup], {
    description: "Runs that differ only in their training seed (the sweep's repeats), with mean ± std of each summary metric.",
  })
  async groups(@Root() s: Sweep, @Ctx() ctx: GraftContext): Promise<RunGroup[]> {
    return ctx.services.sweeps.groups(s.id);
  }

  @FieldResolver(() => [ParameterImportance])
  async importance(@Root() s: Sweep, @Ctx() ctx: GraftContext): Promise<ParameterImportance[]> {
    return ctx.services.sweeps.importance(s.id);
  }
}
