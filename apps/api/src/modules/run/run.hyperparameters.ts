/**
 * The API's one check of a run's hyperparameters: the catalogue's (`@graft/core/contract`), the
 * same rules and messages as core's config check, plus what only the API knows (the registry's
 * input sizes and fine-tune depths) and the base weights' identity.
 */
import {
  HYPERPARAMETER_ENTRIES,
  HyperparameterError,
  type WireHyperparameters,
  fromWire,
  toWire,
  validateHyperparameters,
  withDefaults,
} from "@graft/core/contract";
import { BASE_WEIGHTS_PATH_MAX_LENGTH, SHA256_HEX } from "@graft/schema/base-weights";
import { type HyperparameterInputValues } from "@graft/schema/graphql";
import { badInput, quote } from "../../errors";
import { type CatalogService } from "../catalog/catalog.service";

/** The hyperparameter columns of a runs row: every knob (wire form), the head's total, the weights. */
export type HyperparameterColumns = WireHyperparameters & {
  headUnitsTotal: number;
  baseWeights: string | null;
  baseWeightsSha256: string | null;
};

/** Hyperparameters as callers give them (GraphQL input or sweep expansion); missing ones take defaults. */
export type HyperparameterValues = HyperparameterInputValues & {
  /** Path of a Keras `.h5` weights file on the creating machine; only createRun sets it (not sweeps). */
  baseWeights?: string | null;
  baseWeightsSha256?: string | null;
};

const IDENTITY = ["baseWeights", "baseWeightsSha256"];

/**
 * Validates and normalises one hyperparameter set into row columns: wire values to the catalogue's
 * form (augmentation presets expanded, canonical), defaults for what is missing, then the
 * catalogue's validation with the base model's own depth bound, and back to the wire form.
 * @throws BAD_USER_INPUT naming the field, with the catalogue's one message.
 */
export function resolveHyperparameters(v: HyperparameterValues, catalog: CatalogService): HyperparameterColumns {
  const inputSize = catalog.inputSizeOf(v.baseModel, v.inputSize);
  try {
    const given: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(v)) {
      if (IDENTITY.includes(name) || value === undefined) continue;
      given[name] = value === null ? null : fromWire(name, value);
    }
    const values = validateHyperparameters(withDefaults({ ...given, inputSize }), (c) =>
      catalog.fineTuneDepthProblem(c.baseModel, c.fineTuneLayers),
    );
    const cols: Record<string, unknown> = {};
    for (const [name] of HYPERPARAMETER_ENTRIES) cols[name] = toWire(name, values[name]);
    return {
      ...(cols as WireHyperparameters),
      headUnitsTotal: values.headUnits.reduce((a, b) => a + b, 0),
      ...resolveBaseWeights(v.baseWeights ?? null, v.baseWeightsSha256 ?? null),
    };
  } catch (e) {
    if (e instanceof HyperparameterError) throw badInput(e.message, e.field, e.value);
    throw e;
  }
}

/**
 * The weights a run starts from: both the file's path and its sha256, or neither (the base model's
 * own ImageNet weights). The sha256 is what lets an agent on another machine refuse a different file
 * at the same path, so a path alone is refused, and a sha256 alone names no file. The path is the
 * creating machine's: the API records it and never opens it.
 */
function resolveBaseWeights(path: string | null, sha256: string | null): Pick<HyperparameterColumns, "baseWeights" | "baseWeightsSha256"> {
  if (path === null && sha256 === null) return { baseWeights: null, baseWeightsSha256: null };
  if (sha256 === null) {
    throw badInput(
      `Missing baseWeightsSha256: baseWeights ${quote(path)} was given without the file's sha256 (give both, or neither for the base model's own weights)`,
      "baseWeightsSha256",
      null,
    );
  }
  if (path === null) {
    throw badInput(
      `Missing baseWeights: baseWeightsSha256 ${quote(sha256)} was given without the path of its weights file (give both, or neither for the base model's own weights)`,
      "baseWeights",
      null,
    );
  }
  if (path.length === 0 || path.length > BASE_WEIGHTS_PATH_MAX_LENGTH) {
    throw badInput(`Invalid baseWeights: ${quote(path)} (must be 1 to ${BASE_WEIGHTS_PATH_MAX_LENGTH} characters)`, "baseWeights", path);
  }
  if (!SHA256_HEX.test(sha256)) {
    throw badInput(
      `Invalid baseWeightsSha256: ${quote(sha256)} (must be 64 lowercase hex characters, a sha256)`,
      "baseWeightsSha256",
      sha256,
    );
  }
  return { baseWeights: path, baseWeightsSha256: sha256 };
}
