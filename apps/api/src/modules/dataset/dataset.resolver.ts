import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Dataset } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** Datasets: list, get, register. */
@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset])
  async datasets(@Ctx() ctx: GraftContext): Promise<Dataset[]> {
    return ctx.services.datasets.list();
  }

  @Query(() => Dataset)
  async dataset(@Arg("id", () => ID) id: string, @Ctx() ctx: GraftContext): Promise<Dataset> {
    return ctx.services.datasets.get(id);
  }

  @Mutation(() => Dataset, {
    description:
      "Scans a class-folder dataset under an allowed root, decoding every image as training will, and stores its classes, counts and the files training will skip (skippedFiles, with reasons).",
  })
  registerDataset(
    @Arg("path", () => String) path: string,
    @Arg("name", () => String, { nullable: true }) name: string | null,
    @Ctx() ctx: GraftContext,
  ): Promise<Dataset> {
    return ctx.services.datasets.register(path, name);
  }

  @Mutation(() => ID, {
    description:
      "Forgets a dataset with the runs and sweeps trained on it and all they own (and other runs' evaluations on it); refused while one of those runs is RUNNING. The photos on disk stay. Answers the deleted id.",
  })
  async deleteDataset(@Arg("datasetId", () => ID) datasetId: string, @Ctx() ctx: GraftContext): Promise<string> {
    for (const runId of await ctx.services.datasets.delete(datasetId)) await ctx.services.checkpoints.removeFiles(runId);
    return datasetId;
  }
}
