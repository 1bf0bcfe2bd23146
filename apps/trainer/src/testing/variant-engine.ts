/**
 * The fake engine with its numbers shifted by a "variant", so that the results of two agents (two
 * attempts of one run) can be told apart once the API has stored them. Used by fake-agent.ts.
 */
import { bestEpoch } from "@graft/core/contract";
import type { TrainResult } from "@graft/core/types";
import type { Engine } from "../engine/engine";
import { createFakeEngine } from "./fake-engine";

type EpochRecord = TrainResult["epochs"][number];

/**
 * Val accuracy of `epoch` under variant `v`: rises with every epoch from 0.5 towards 0.9 (so the last
 * epoch is the best), 0.2 lower per variant step; stays within (0, 1) for variants 0 and 1.
 */
export function variantValAccuracy(epoch: number, v: number): number {
  return 0.5 + (0.4 * epoch) / (epoch + 10) - 0.2 * v;
}

/** Evaluation accuracy under variant `v`. */
export function variantAccuracy(v: number): number {
  return (875 - 125 * v) / 1000;
}

/** An epoch record of the fake engine with variant `v`'s metrics (they depend on the epoch number only). */
export function variantEpoch(record: EpochRecord, v: number): EpochRecord {
  const valAccuracy = variantValAccuracy(record.epoch, v);
  return { ...record, loss: 1 / record.epoch + v, accuracy: valAccuracy + 0.05, valLoss: 1 / record.epoch + v, valAccuracy };
}

/** The fake engine, with every metric shifted by `variant` and each epoch taking `epochMs`. */
export function variantEngine(variant: number, epochMs: number): Engine {
  const base = createFakeEngine();
  base.epochDelayMs = epochMs;
  return {
    ...base,
    async train(request) {
      const onEpoch = request.hooks?.onEpoch;
      const hooks = { ...request.hooks, ...(onEpoch ? { onEpoch: (record: EpochRecord) => onEpoch(variantEpoch(record, variant)) } : {}) };
      const result = await base.train({ ...request, hooks });
      const epochs = result.epochs.map((e) => variantEpoch(e, variant));
      const best = bestEpoch(epochs);
      return {
        ...result,
        epochs,
        bestEpoch: best?.epoch ?? null,
        bestValAccuracy: best?.valAccuracy ?? null,
        bestValLoss: best?.valLoss ?? null,
        finalValAccuracy: epochs.at(-1)?.valAccuracy ?? null,
        evaluation: { ...result.evaluation, accuracy: variantAccuracy(variant) },
      };
    },
  };
}
