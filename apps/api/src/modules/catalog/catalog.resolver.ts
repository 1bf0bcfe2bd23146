import { Ctx, Query, Resolver } from "type-graphql";
import { AugmentationPreset, BaseModelInfo } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** Static catalogues: base models and augmentation presets. */
@Resolver()
export class CatalogResolver {
  @Query(() => [BaseModelInfo])
  baseModels(@Ctx() ctx: GraftContext): BaseModelInfo[] {
    return ctx.services.catalog.baseModels();
  }

  @Query(() => [AugmentationPreset])
  augmentationPresets(@Ctx() ctx: GraftContext): AugmentationPreset[] {
    return ctx.services.catalog.augmentationPresets();
  }
}
