import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Dataset } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** Datasets: list, get, register. */
@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset])
  datasets(@Ctx() ctx: GraftContext): Dataset[] {
    return ctx.services.datasets.list();
  }

  @Query(() => Dataset)
  dataset(@Arg("id", () => ID) id: string, @Ctx() ctx: GraftContext): Dataset {
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
}
