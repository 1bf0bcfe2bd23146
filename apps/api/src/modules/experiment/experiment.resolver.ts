import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { CreateExperimentInput, Experiment } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** Experiments: list, get, create, and their run aggregates. */
@Resolver(() => Experiment)
export class ExperimentResolver {
  @Query(() => [Experiment])
  experiments(@Ctx() ctx: GraftContext): Experiment[] {
    return ctx.services.experiments.list();
  }

  @Query(() => Experiment)
  experiment(@Arg("id", () => ID) id: string, @Ctx() ctx: GraftContext): Experiment {
    return ctx.services.experiments.get(id);
  }

  @Mutation(() => Experiment)
  createExperiment(@Arg("input", () => CreateExperimentInput) input: CreateExperimentInput, @Ctx() ctx: GraftContext): Experiment {
    return ctx.services.experiments.create(input);
  }

  @Mutation(() => ID, {
    description:
      "Deletes an experiment with its sweeps and runs and all they own; refused while one of its runs is RUNNING. Answers the deleted id.",
  })
  deleteExperiment(@Arg("experimentId", () => ID) experimentId: string, @Ctx() ctx: GraftContext): string {
    for (const runId of ctx.services.experiments.delete(experimentId)) ctx.services.checkpoints.removeFiles(runId);
    return experimentId;
  }

  @FieldResolver(() => Int)
  runCount(@Root() e: Experiment, @Ctx() ctx: GraftContext): number {
    return ctx.services.experiments.stats(e.id).runCount;
  }

  @FieldResolver(() => Float, { nullable: true })
  bestValAccuracy(@Root() e: Experiment, @Ctx() ctx: GraftContext): number | null {
    return ctx.services.experiments.stats(e.id).bestValAccuracy;
  }
}
