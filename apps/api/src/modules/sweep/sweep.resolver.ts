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
  sweeps(@Arg("experimentId", () => ID, { nullable: true }) experimentId: string | null, @Ctx() ctx: GraftContext): Sweep[] {
    return ctx.services.sweeps.list(experimentId);
  }

  @Query(() => Sweep)
  sweep(@Arg("id", () => ID) id: string, @Ctx() ctx: GraftContext): Sweep {
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
  cancelSweep(@Arg("sweepId", () => ID) sweepId: string, @Ctx() ctx: GraftContext): Sweep {
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
  resumeSweep(@Arg("sweepId", () => ID) sweepId: string, @Ctx() ctx: GraftContext): Sweep {
    return ctx.services.sweeps.resume(sweepId);
  }

  @Mutation(() => ID, {
    description:
      "Deletes a sweep with its runs and all they own (epochs, predictions, checkpoints...); refused while one of its runs is RUNNING. Answers the deleted id.",
  })
  deleteSweep(@Arg("sweepId", () => ID) sweepId: string, @Ctx() ctx: GraftContext): string {
    for (const runId of ctx.services.sweeps.delete(sweepId)) ctx.services.checkpoints.removeFiles(runId);
    return sweepId;
  }

  @FieldResolver(() => Experiment)
  experiment(@Root() s: Sweep, @Ctx() ctx: GraftContext): Experiment {
    return ctx.services.experiments.get(s.experimentId);
  }

  @FieldResolver(() => Dataset)
  dataset(@Root() s: Sweep, @Ctx() ctx: GraftContext): Dataset {
    return ctx.services.datasets.get(s.datasetId);
  }

  @FieldResolver(() => [Run], {
    description: `The sweep's first runs in creation order: \`first\` of them, at most ${MAX_SWEEP_RUNS_PAGE} (the default). Page through all of them with \`runs(filter: { sweepId })\`.`,
  })
  runs(
    @Root() s: Sweep,
    @Arg("first", () => Int, { defaultValue: MAX_SWEEP_RUNS_PAGE, nullable: true }) first: number | null,
    @Ctx() ctx: GraftContext,
  ): Run[] {
    return ctx.services.sweeps.runsOf(s.id, first ?? MAX_SWEEP_RUNS_PAGE);
  }

  @FieldResolver(() => SweepProgress)
  progress(@Root() s: Sweep, @Ctx() ctx: GraftContext): SweepProgress {
    return ctx.services.sweeps.progress(s.id);
  }

  @FieldResolver(() => Run, { nullable: true })
  bestRun(@Root() s: Sweep, @Ctx() ctx: GraftContext): Run | null {
    return ctx.services.sweeps.bestRun(s.id);
  }

  @FieldResolver(() => [RunGroup], {
    description: "Runs that differ only in their training seed (the sweep's repeats), with mean ± std of each summary metric.",
  })
  groups(@Root() s: Sweep, @Ctx() ctx: GraftContext): RunGroup[] {
    return ctx.services.sweeps.groups(s.id);
  }

  @FieldResolver(() => [ParameterImportance])
  importance(@Root() s: Sweep, @Ctx() ctx: GraftContext): ParameterImportance[] {
    return ctx.services.sweeps.importance(s.id);
  }
}
