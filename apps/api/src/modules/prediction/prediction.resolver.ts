import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { GroupComparison, PairedComparison, PredictionPage, Run } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";
import { MAX_PREDICTIONS_PAGE } from "./prediction.service";

/** Per-image predictions of a run, and the paired comparison of two runs. */
@Resolver(() => Run)
export class PredictionResolver {
  @FieldResolver(() => PredictionPage, {
    nullable: true,
    description: `Every validation image's prediction of the delivered model, in validation order, ${MAX_PREDICTIONS_PAGE} at most per page; null until the run completes (or for runs completed before predictions were kept).`,
  })
  async predictions(
    @Root() run: Run,
    @Arg("first", () => Int, { defaultValue: 100, nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraftContext,
  ): Promise<PredictionPage | null> {
    return ctx.services.predictions.page(run.id, first ?? 100, after ?? null);
  }

  @Query(() => PairedComparison, {
    description:
      "Is run B better than run A? Image by image on the same validation set (paired bootstrap 95% interval, exact McNemar, per-class recall, flips), else unpaired.",
  })
  async pairedComparison(
    @Arg("a", () => ID) a: string,
    @Arg("b", () => ID) b: string,
    @Arg("seed", () => Int, { defaultValue: 0, nullable: true, description: "Seeds the bootstrap: the same seed, the same interval." })
    seed: number | null,
    @Ctx() ctx: GraftContext,
  ): Promise<PairedComparison> {
    return ctx.services.predictions.paired(a, b, seed ?? 0);
  }

  @Query(() => GroupComparison, {
    description:
      "Is configuration B better than configuration A over their training seeds? Two groups of runs (a sweep's repeats) on one validation set: mean accuracies, spread, and a two-level bootstrap 95% interval.",
  })
  async groupComparison(
    @Arg("a", () => [ID]) a: string[],
    @Arg("b", () => [ID]) b: string[],
    @Arg("seed", () => Int, { defaultValue: 0, nullable: true, description: "Seeds the bootstrap." }) seed: number | null,
    @Ctx() ctx: GraftContext,
  ): Promise<GroupComparison> {
    return ctx.services.predictions.groups(a, b, seed ?? 0);
  }
}
