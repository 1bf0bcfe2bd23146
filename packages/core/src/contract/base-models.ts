/**
 * What a fine-tune depth means for a registered base, by one rule: the API refuses a bad depth when
 * a run or sweep is created, `train()` refuses it before loading anything, and the run page shows
 * the depth really unfrozen. The numbers are the registry's static `baseLayerCount` and
 * `fineTuneDepths` (measured on the real graphs, see models/fine-tune-structure.test.ts). PURE: no
 * TensorFlow.js.
 */
import { BASE_MODELS } from "../models/registry";
import type { BaseModelSpec } from "../models/spec";

/** The registry entry of `baseModel` when it is a registered name whose structure is known; else null (a model.json path, an unknown name, or a base like EfficientNetB0 whose graph only the loaded files tell). */
function knownStructure(baseModel: string): (BaseModelSpec & { baseLayerCount: number; fineTuneDepths: readonly number[] }) | null {
  if (!Object.prototype.hasOwnProperty.call(BASE_MODELS, baseModel)) return null;
  const spec = BASE_MODELS[baseModel] as BaseModelSpec;
  if (spec.baseLayerCount === null || spec.fineTuneDepths === null) return null;
  return spec as BaseModelSpec & { baseLayerCount: number; fineTuneDepths: readonly number[] };
}

/**
 * The rule a `depth` too deep for `baseModel` breaks, in the words of the catalogue's
 * `fineTuneLayers must be <rule>, received <depth>` (`at most 81, the layers of mobilenet_v1_0.25_224
 * up to its feature layer conv_pw_13_relu`), or null when the base takes it. Null too when the
 * registry does not know the base's structure (a model.json path, EfficientNetB0): only its loaded
 * graph bounds the depth, at train time. Whether `depth` is an integer ≥ 0 at all is the catalogue's check.
 */
export function fineTuneDepthLimit(baseModel: string, depth: number): string | null {
  const spec = knownStructure(baseModel);
  if (spec === null || !(depth > spec.baseLayerCount)) return null;
  return `at most ${spec.baseLayerCount}, the layers of ${spec.name} up to its feature layer ${spec.featureLayer}`;
}

/**
 * Why `depth` cannot be `fineTuneLayers` for `baseModel`, naming the value and the base's limit
 * (`fineTuneLayers must be at most 81, the layers of mobilenet_v1_0.25_224 up to its feature layer
 * conv_pw_13_relu, received 500`), or null when it can. A depth that is not an integer ≥ 0 is always
 * a problem; 0 (no fine-tuning) never is; a base whose structure the registry does not know is
 * bounded only by its loaded graph ({@link fineTuneDepthLimit}).
 */
export function fineTuneDepthProblem(baseModel: string, depth: number): string | null {
  if (!Number.isInteger(depth) || depth < 0) return `fineTuneLayers must be an integer ≥ 0, received ${String(depth)}`;
  const limit = fineTuneDepthLimit(baseModel, depth);
  return limit === null ? null : `fineTuneLayers must be ${limit}, received ${depth}`;
}

/**
 * The base layers fine-tuning really unfreezes for a requested depth: core rounds it UP to the
 * first block boundary (`fineTuneDepths`) that is not smaller, so conv+BN+activation groups and
 * residual blocks are never cut. 0 for depth 0; null when the registry does not know the base's
 * structure or the depth is impossible ({@link fineTuneDepthProblem}).
 */
export function fineTunedLayers(baseModel: string, requested: number): number | null {
  if (requested === 0) return 0;
  if (fineTuneDepthProblem(baseModel, requested) !== null) return null;
  const spec = knownStructure(baseModel);
  if (spec === null) return null;
  return spec.fineTuneDepths.find((d) => d >= requested) ?? null;
}
