import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Agent, HeartbeatInput, RegisterAgentInput, Run, RunControl } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** Agents: list, register, heartbeat. */
@Resolver(() => Agent)
export class AgentResolver {
  @Query(() => [Agent])
  async agents(@Ctx() ctx: GraftContext): Promise<Agent[]> {
    return ctx.services.agents.list();
  }

  @Mutation(() => Agent, { description: "Registers an agent, or updates the one with this name." })
  async registerAgent(@Arg("input", () => RegisterAgentInput) input: RegisterAgentInput, @Ctx() ctx: GraftContext): Promise<Agent> {
    return ctx.services.agents.register(input);
  }

  @Mutation(() => RunControl, { description: "Sign of life; with runId, extends that run's lease and says whether to stop." })
  async heartbeat(@Arg("input", () => HeartbeatInput) input: HeartbeatInput, @Ctx() ctx: GraftContext): Promise<RunControl> {
    return ctx.services.agents.heartbeat(input);
  }

  @FieldResolver(() => Run, { nullable: true })
  async currentRun(@Root() a: Agent, @Ctx() ctx: GraftContext): Promise<Run | null> {
    return a.currentRunId ? ((await ctx.services.runs.byIds([a.currentRunId]))[0] ?? null) : null;
  }
}
