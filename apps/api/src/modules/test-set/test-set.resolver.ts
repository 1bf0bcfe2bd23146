import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { CompleteTestSetInput, Run, TestSetEvaluation, TestSetJob } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** A run's evaluations on other datasets: asked for by users, done by agents. */
@Resolver(() => Run)
export class TestSetResolver {
  @FieldResolver(() => [TestSetEvaluation], {
    description: "The run's model scored on other registered datasets (evaluateRun), oldest first.",
  })
  async testSetEvaluations(@Root() run: Run, @Ctx() ctx: GraftContext): Promise<TestSetEvaluation[]> {
    return ctx.services.testSets.forRun(run.id);
  }

  @Mutation(() => TestSetEvaluation, {
    description:
      "Queues a finished run's uploaded model for an agent to evaluate on another registered dataset whose classes it knows (field photos beside lab photos); asking again re-queues a finished one.",
  })
  async evaluateRun(
    @Arg("runId", () => ID) runId: string,
    @Arg("datasetId", () => ID) datasetId: string,
    @Ctx() ctx: GraftContext,
  ): Promise<TestSetEvaluation> {
    return ctx.services.testSets.request(runId, datasetId);
  }

  @Mutation(() => TestSetJob, {
    nullable: true,
    description: "Hands the oldest queued evaluation to this agent under a lease; null when none waits.",
  })
  async claimEvaluation(@Arg("agentId", () => ID) agentId: string, @Ctx() ctx: GraftContext): Promise<TestSetJob | null> {
    return ctx.services.testSets.claim(agentId);
  }

  @Mutation(() => TestSetEvaluation)
  async completeEvaluation(
    @Arg("input", () => CompleteTestSetInput) input: CompleteTestSetInput,
    @Ctx() ctx: GraftContext,
  ): Promise<TestSetEvaluation> {
    return ctx.services.testSets.complete(input);
  }

  @Mutation(() => TestSetEvaluation)
  async failEvaluation(
    @Arg("id", () => ID) id: string,
    @Arg("agentId", () => ID) agentId: string,
    @Arg("attempt", () => Int) attempt: number,
    @Arg("error", () => String) error: string,
    @Ctx() ctx: GraftContext,
  ): Promise<TestSetEvaluation> {
    return ctx.services.testSets.fail(id, agentId, attempt, error);
  }
}
