import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { RunComparison } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** compareRuns. */
@Resolver()
export class ComparisonResolver {
  @Query(() => RunComparison)
  compareRuns(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: GraftContext): RunComparison {
    return ctx.services.comparison.compare(ids);
  }
}
