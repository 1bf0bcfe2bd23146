import { getBaseModelSpec, isBaseModelName, listBaseModels } from "@graft/core/registry";
import { AUGMENTATION_PRESETS } from "@graft/schema/hyperparameters";
import { type AugmentationPreset, type BaseModelInfo } from "@graft/schema/graphql";
import { badInput } from "../../errors";

/** Base models and augmentation presets: static data from the registry and the schema package. */
export class CatalogService {
  /** The registry's base models, smallest first. */
  baseModels(): BaseModelInfo[] {
    return listBaseModels().map((s) => ({ name: s.name, inputSize: s.inputSize, description: s.description }));
  }

  /** The augmentation presets with their canonical op lists. */
  augmentationPresets(): AugmentationPreset[] {
    return Object.entries(AUGMENTATION_PRESETS).map(([name, ops]) => ({ name, ops: ops.length === 0 ? "none" : ops.join(",") }));
  }

  /**
   * The input size of a base model: a registry name, or a path to a user `model.json` (whose size
   * the caller gives, default 224). Anything else is BAD_USER_INPUT listing the known names.
   */
  inputSizeOf(baseModel: string, explicit: number | null | undefined, field = "baseModel"): number {
    if (isBaseModelName(baseModel)) {
      const size = getBaseModelSpec(baseModel).inputSize;
      if (explicit != null && explicit !== size) {
        throw badInput(`inputSize ${explicit} does not match ${baseModel}'s input size ${size}`, "inputSize", explicit);
      }
      return size;
    }
    if (/model\.json$/.test(baseModel) && (baseModel.startsWith("/") || baseModel.startsWith("."))) return explicit ?? 224;
    const known = listBaseModels().map((s) => s.name);
    throw badInput(`Unknown base model ${JSON.stringify(baseModel)}; known base models: ${known.join(", ")} (or a path to a model.json)`, field, baseModel);
  }
}
