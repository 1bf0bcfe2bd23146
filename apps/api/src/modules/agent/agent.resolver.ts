import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Agent, HeartbeatInput, RegisterAgentInput, Run, RunControl } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** Agents: list, register, heartbeat. */
@Resolver(() => Agent)
export class AgentResolver {
  @Query(() => [Agent])
  agents(@Ctx() ctx: GraftContext): Agent[] {
    return ctx.services.agents.list();
  }

  @Mutation(() => Agent, { description: "Registers an agent, or updates the one with this name." })
  registerAgent(@Arg("input", () => RegisterAgentInput) input: RegisterAgentInput, @Ctx() ctx: GraftContext): Agent {
    return ctx.services.agents.register(input);
  }

  @Mutation(() => RunControl, { description: "Sign of life; with runId, extends that run's lease and says whether to stop." })
  heartbeat(@Arg("input", () => HeartbeatInput) input: HeartbeatInput, @Ctx() ctx: GraftContext): RunControl {
    return ctx.services.agents.heartbeat(input);
  }

  @FieldResolver(() => Run, { nullable: true })
  currentRun(@Root() a: Agent, @Ctx() ctx: GraftContext): Run | null {
    return a.currentRunId ? (ctx.services.runs.byIds([a.currentRunId])[0] ?? null) : null;
  }
}
