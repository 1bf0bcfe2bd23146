import { enginesFor, isEngineFor, RUN_ENGINE_PARTS, type RunEnginePart } from "@graft/core/contract";
import { type RunEnginesJson } from "@graft/schema/db";
import { type RunEnginesInput } from "@graft/schema/graphql";
import { badInput, quote } from "../../errors";

/**
 * completeRun's `engines`, checked part by part against the contract's list (the one the engine
 * records from): an unknown engine, "cache" where nothing is cached, ONNX Runtime for the trainable
 * part, a missing required part, or a trainable engine other than the run's `backend` is
 * BAD_USER_INPUT naming the field and quoting the value.
 */
export function checkRunEngines(input: RunEnginesInput, backend: string | null | undefined): RunEnginesJson {
  const value = (part: RunEnginePart): string | null => {
    const v = input[part] ?? null;
    if (!isEngineFor(part, v)) {
      throw badInput(
        `engines.${part} must be one of ${enginesFor(part).join(", ")}${RUN_ENGINE_PARTS[part].optional ? " or null" : ""}, received ${quote(v)}`,
        `engines.${part}`,
        v,
      );
    }
    return v;
  };
  const trainable = value("trainable") as string;
  // The same fact twice in one input: they must agree.
  if (backend && backend !== trainable)
    throw badInput(
      `engines.trainable must be the run's backend ${quote(backend)}, received ${quote(trainable)}`,
      "engines.trainable",
      trainable,
    );
  return {
    features: value("features") as string,
    augmentedEpochs: value("augmentedEpochs"),
    fineTuneBottom: value("fineTuneBottom"),
    trainable,
  };
}
