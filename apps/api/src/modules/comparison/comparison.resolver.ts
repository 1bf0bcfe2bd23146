import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { RunComparison, RunFilter, RunGroupPage } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** compareRuns, and the seed groups of a filter's runs. */
@Resolver()
export class ComparisonResolver {
  @Query(() => RunComparison)
  async compareRuns(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: GraftContext): Promise<RunComparison> {
    return ctx.services.comparison.compare(ids);
  }

  @Query(() => RunGroupPage, {
    description:
      "The runs a filter selects (the oldest `first`, at most 500), grouped by configuration: runs that differ only in their training seed, with mean ± std.",
  })
  async runGroups(
    @Arg("filter", () => RunFilter, { nullable: true }) filter: RunFilter | null,
    @Arg("first", () => Int, { defaultValue: 500, nullable: true }) first: number | null,
    @Ctx() ctx: GraftContext,
  ): Promise<RunGroupPage> {
    return ctx.services.comparison.groupsOf(filter, first ?? 500);
  }
}
