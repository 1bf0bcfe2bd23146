import { type BaseModelSpec, getBaseModelSpec, isBaseModelName, listBaseModels } from "@graft/core/registry";
import {
  AUGMENTATION_PRESETS,
  HYPERPARAMETER_ENTRIES,
  type HyperparameterSpec,
  fineTuneDepthLimit,
  nullWord,
  ruleOf,
  toWire,
} from "@graft/core/contract";
import { type AugmentationPreset, type BaseModelInfo, ChecksumPolicy, type HyperparameterInfo, runFieldOf } from "@graft/schema/graphql";
import { badInput } from "../../errors";

/** Base models and augmentation presets: static data from the registry and the schema package. */
export class CatalogService {
  /** The registry's base models, smallest first, with how their downloads are checked and the fine-tune depths they take. */
  baseModels(): BaseModelInfo[] {
    return listBaseModels().map((s) => ({
      name: s.name,
      inputSize: s.inputSize,
      description: s.description,
      checksum: CHECKSUM_POLICIES[s.checksum],
      baseLayerCount: s.baseLayerCount,
      fineTuneDepths: s.fineTuneDepths === null ? null : [...s.fineTuneDepths],
    }));
  }

  /**
   * Why `depth` is too deep a `fineTuneLayers` for `baseModel`, as the rule it breaks (`at most 81,
   * the layers of mobilenet_v1_0.25_224 up to its feature layer conv_pw_13_relu`: the catalogue
   * words it `fineTuneLayers must be <rule>, received <depth>`), or null when the base takes it. The
   * registry's own bound (`@graft/core/contract`'s fineTuneDepthLimit), the one `train()` applies, so
   * a run or sweep the trainer would refuse is refused when it is created. Null for a model.json
   * path or a base whose structure the registry does not know (EfficientNetB0): the trainer bounds
   * those by the loaded graph.
   */
  fineTuneDepthProblem(baseModel: string, depth: number): string | null {
    return fineTuneDepthLimit(baseModel, depth);
  }

  /** The hyperparameter catalogue as clients read it: the dashboard derives its form, tables and charts from it. */
  hyperparameterCatalog(): HyperparameterInfo[] {
    return HYPERPARAMETER_ENTRIES.map(([name, spec]) => hyperparameterInfo(name, spec));
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
    throw badInput(
      `Unknown base model ${JSON.stringify(baseModel)}; known base models: ${known.join(", ")} (or a path to a model.json)`,
      field,
      baseModel,
    );
  }
}

const CHECKSUM_POLICIES: Record<BaseModelSpec["checksum"], ChecksumPolicy> = {
  pinned: ChecksumPolicy.PINNED,
  recorded: ChecksumPolicy.RECORDED,
  none: ChecksumPolicy.NONE,
};

function hyperparameterInfo(name: string, spec: HyperparameterSpec): HyperparameterInfo {
  const numeric = spec.kind === "float" || spec.kind === "int" || spec.kind === "units" ? spec : null;
  const bounded = spec.kind === "float" ? spec : null;
  return {
    name,
    label: spec.label,
    description: spec.description,
    kind: spec.kind,
    phase: spec.phase,
    appliesWhen: spec.appliesWhen ? { ...spec.appliesWhen } : null,
    crossRules: (spec.crossRules ?? []).map((r) => ({
      relation: r.relation,
      other: r.relation === "below" ? r.other : null,
      min: r.relation === "atLeast" ? r.min : null,
      appliesWhen: r.appliesWhen ? { ...r.appliesWhen } : null,
      qualifier: r.qualifier ?? null,
    })),
    flag: spec.flag,
    sweep: spec.sweep,
    searchField: spec.searchField ?? null,
    searchRequired: spec.searchRequired === true,
    inputRequired: spec.inputRequired === true,
    nullable: spec.nullable,
    nullText: spec.nullable ? nullWord(spec) : null,
    sortField: spec.sortable ? runFieldOf(name) : null,
    default: toWire(name, spec.default),
    min: numeric?.min ?? null,
    max: numeric?.max ?? null,
    exclusiveMin: bounded?.exclusiveMin === true,
    exclusiveMax: bounded?.exclusiveMax === true,
    scale: spec.kind === "float" || spec.kind === "int" ? spec.scale : null,
    values: spec.kind === "enum" || spec.kind === "ops" ? [...spec.values] : [],
    presets:
      spec.kind === "ops"
        ? Object.entries(spec.presets).map(([preset, ops]) => ({ name: preset, ops: ops.length === 0 ? "none" : ops.join(",") }))
        : [],
    maxLength: spec.kind === "units" || spec.kind === "text" ? spec.maxLength : null,
    rule: ruleOf(spec),
  };
}
