import { Arg, Ctx, ID, Int, Mutation, Resolver, Root, Subscription } from "type-graphql";
import { Epoch, EpochInput, LogEpochsResult } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";
import { TOPICS } from "../../pubsub";

/** Epoch logging and the per-run epoch stream. */
@Resolver(() => Epoch)
export class EpochResolver {
  @Mutation(() => LogEpochsResult, {
    description:
      "Idempotent per (run, epoch): a retried batch inserts nothing twice. CONFLICT (extensions.reason SUPERSEDED) when `attempt` (or, without it, the agent) no longer owns the run.",
  })
  async logEpochs(
    @Arg("runId", () => ID) runId: string,
    @Arg("agentId", () => ID, { nullable: true }) agentId: string | null,
    @Arg("epochs", () => [EpochInput]) epochs: EpochInput[],
    @Arg("attempt", () => Int, {
      nullable: true,
      description: "The run's `attempts` as claimRun answered it: which claim these epochs belong to.",
    })
    attempt: number | null,
    @Ctx() ctx: GraftContext,
  ): Promise<LogEpochsResult> {
    return ctx.services.epochs.log(runId, agentId, epochs, attempt);
  }

  @Subscription(() => Epoch, {
    description: "Epochs of one run as they are logged, in order.",
    topics: TOPICS.EPOCH_LOGGED,
    topicId: ({ args }) => (args as { runId: string }).runId,
  })
  epochLogged(@Root() epoch: Epoch, @Arg("runId", () => ID) _runId: string): Epoch {
    return epoch;
  }
}
