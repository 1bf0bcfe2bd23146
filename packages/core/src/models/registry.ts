/**
 * The base models Graft knows by name. PURE DATA: must not import TensorFlow.js, because the API
 * imports it (`@graft/core/registry`) to list and validate base models.
 */
import { BadInputError } from "../errors";
import { darknetTiny } from "./bases/darknet-tiny";
import { efficientnetB0 } from "./bases/efficientnet-b0";
import { mobilenetV1_025 } from "./bases/mobilenet-v1-025";
import { mobilenetV1_075 } from "./bases/mobilenet-v1-075";
import { mobilenetV2_035 } from "./bases/mobilenet-v2-035";
import { mobilenetV2_050 } from "./bases/mobilenet-v2-050";
import { mobilenetV2_075 } from "./bases/mobilenet-v2-075";
import { mobilenetV2_100 } from "./bases/mobilenet-v2-100";
import { resnet50 } from "./bases/resnet50";
import { vgg16 } from "./bases/vgg16";
import type { BaseModelSpec } from "./spec";

export type { BaseModelSpec, BasePreprocessing, ChecksumPolicy } from "./spec";

const ORDER = [
  mobilenetV1_025,
  mobilenetV1_075,
  mobilenetV2_035,
  mobilenetV2_050,
  mobilenetV2_075,
  mobilenetV2_100,
  darknetTiny,
  vgg16,
  resnet50,
  efficientnetB0,
];

/** Every registered base model, by name (frozen, its list of fine-tune depths too). */
export const BASE_MODELS: Readonly<Record<string, BaseModelSpec>> = Object.freeze(
  Object.fromEntries(
    ORDER.map((s) => [
      s.name,
      Object.freeze({ ...s, fineTuneDepths: s.fineTuneDepths === null ? null : Object.freeze([...s.fineTuneDepths]) }),
    ]),
  ),
);

/** All base models, in registry order (family by family, narrowest width first). */
export function listBaseModels(): BaseModelSpec[] {
  return Object.values(BASE_MODELS);
}

/** True when `name` is a registry name (not a path). */
export function isBaseModelName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(BASE_MODELS, name);
}

/** The spec of a registered base model; an unknown name is a BadInputError listing known ones. */
export function getBaseModelSpec(name: string): BaseModelSpec {
  if (!isBaseModelName(name)) {
    throw new BadInputError(
      `Unknown base model ${JSON.stringify(name)}; known base models: ${Object.keys(BASE_MODELS).join(", ")} (or pass a path to a model.json)`,
    );
  }
  return BASE_MODELS[name] as BaseModelSpec;
}
