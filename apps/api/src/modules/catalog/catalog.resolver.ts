import { Ctx, Query, Resolver } from "type-graphql";
import { AugmentationPreset, BaseModelInfo, HyperparameterInfo } from "@graft/schema/graphql";
import { type GraftContext } from "../../context";

/** Static catalogues: base models, augmentation presets and the hyperparameter catalogue. */
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

  @Query(() => [HyperparameterInfo], {
    description: "Every hyperparameter a run has: name, type, default, bounds, when it applies, and the rule its values must meet.",
  })
  hyperparameterCatalog(@Ctx() ctx: GraftContext): HyperparameterInfo[] {
    return ctx.services.catalog.hyperparameterCatalog();
  }
}
