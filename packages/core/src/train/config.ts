/**
 * TrainConfig defaults and validation, both derived from the hyperparameter catalogue
 * (`../contract`): core, the API and the dashboard refuse the same values with the same message.
 * Every impossible hyperparameter is a BadInputError quoting the value received, so `graft train`
 * and the API can show it as is.
 */
import { HyperparameterError, type TrainKnob, defaultHyperparameters, validateHyperparameters, withDefaults } from "../contract";
import { BadInputError } from "../errors";
import type { TrainConfig } from "../types";

/** The catalogue's knobs minus the API-derived ones (inputSize comes from the base model here). */
function trainKnobsOf(values: Readonly<Record<string, unknown>>): TrainConfig {
  const { inputSize: _apiOnly, ...config } = values as Record<TrainKnob | "inputSize", unknown>;
  void _apiOnly;
  return config as unknown as TrainConfig;
}

/** The defaults: a fast, sensible head-only run on the smallest base (the catalogue's). */
export const DEFAULT_TRAIN_CONFIG: Readonly<TrainConfig> = Object.freeze(trainKnobsOf(defaultHyperparameters()));

/** Runs `fn`, turning the contract's HyperparameterError into core's BadInputError (same message). */
function asBadInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HyperparameterError) throw new BadInputError(e.message, { cause: e });
    throw e;
  }
}

/**
 * Checks every field of a complete config against the catalogue, then the rules across fields.
 * `baseLayerCount`, when known (after loading the base), bounds `fineTuneLayers`.
 * @throws BadInputError naming the field and quoting the value.
 */
export function validateTrainConfig(config: TrainConfig, baseLayerCount?: number): TrainConfig {
  if (config === null || typeof config !== "object") throw new BadInputError(`config must be an object, received ${String(config)}`);
  const baseLimit = (c: TrainConfig): string | null =>
    baseLayerCount !== undefined && c.fineTuneLayers > baseLayerCount
      ? `at most ${baseLayerCount}, the layers of ${c.baseModel} up to its feature layer`
      : null;
  return asBadInput(() =>
    validateHyperparameters(config as TrainConfig & { inputSize: number }, baseLimit as (c: unknown) => string | null),
  );
}

/**
 * A complete, validated config: `partial` over {@link DEFAULT_TRAIN_CONFIG}. Unknown keys are
 * rejected (a typo would otherwise silently train with a default).
 */
export function defaultTrainConfig(partial: Partial<TrainConfig> = {}): TrainConfig {
  if (partial === null || typeof partial !== "object")
    throw new BadInputError(`config must be an object, received ${JSON.stringify(partial)}`);
  if ("inputSize" in partial)
    throw new BadInputError(`Unknown TrainConfig field "inputSize"; core reads the input size from the base model`);
  const merged = asBadInput(() => trainKnobsOf(withDefaults(partial)));
  return validateTrainConfig(merged);
}
