import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { CreateExperimentInput, Experiment } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** Experiments: list, get, create, and their run aggregates. */
@Resolver(() => Experiment)
export class ExperimentResolver {
  @Query(() => [Experiment])
  async experiments(@Ctx() ctx: GraftContext): Promise<Experiment[]> {
    return ctx.services.experiments.list();
  }

  @Query(() => Experiment)
  async experiment(@Arg("id", () => ID) id: string, @Ctx() ctx: GraftContext): Promise<Experiment> {
    return ctx.services.experiments.get(id);
  }

  @Mutation(() => Experiment)
  async createExperiment(
    @Arg("input", () => CreateExperimentInput) input: CreateExperimentInput,
    @Ctx() ctx: GraftContext,
  ): Promise<Experiment> {
    return ctx.services.experiments.create(input);
  }

  @Mutation(() => ID, {
    description:
      "Deletes an experiment with its sweeps and runs and all they own; refused while one of its runs is RUNNING. Answers the deleted id.",
  })
  async deleteExperiment(@Arg("experimentId", () => ID) experimentId: string, @Ctx() ctx: GraftContext): Promise<string> {
    for (const runId of await ctx.services.experiments.delete(experimentId)) await ctx.services.checkpoints.removeFiles(runId);
    return experimentId;
  }

  @FieldResolver(() => Int)
  async runCount(@Root() e: Experiment, @Ctx() ctx: GraftContext): Promise<number> {
    return (await ctx.services.experiments.stats(e.id)).runCount;
  }

  @FieldResolver(() => Float, { nullable: true })
  async bestValAccuracy(@Root() e: Experiment, @Ctx() ctx: GraftContext): Promise<number | null> {
    return (await ctx.services.experiments.stats(e.id)).bestValAccuracy;
  }
}
