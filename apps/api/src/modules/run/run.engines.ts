import { isEngineFor, RUN_ENGINE_PARTS, COMPUTE_ENGINES, FROM_CACHE, type RunEnginePart } from "@graft/core/contract";
import { type RunEnginesJson } from "@graft/schema/db";
import { type RunEnginesInput } from "@graft/schema/graphql";
import { badInput, quote } from "../../errors";

/**
 * completeRun's `engines`, checked part by part against the contract's list (the one the engine
 * records from): an unknown engine, "cache" where nothing is cached, or a missing required part is
 * BAD_USER_INPUT naming the field and quoting the value.
 */
export function checkRunEngines(input: RunEnginesInput): RunEnginesJson {
  const value = (part: RunEnginePart): string | null => {
    const v = input[part] ?? null;
    if (!isEngineFor(part, v)) {
      const allowed = [...COMPUTE_ENGINES, ...(RUN_ENGINE_PARTS[part].cache ? [FROM_CACHE] : [])].join(", ");
      throw badInput(
        `engines.${part} must be one of ${allowed}${RUN_ENGINE_PARTS[part].optional ? " or null" : ""}, received ${quote(v)}`,
        `engines.${part}`,
        v,
      );
    }
    return v;
  };
  return {
    features: value("features") as string,
    augmentedEpochs: value("augmentedEpochs"),
    fineTuneBottom: value("fineTuneBottom"),
    trainable: value("trainable") as string,
  };
}
