/**
 * A stand-in for `@graft/core` in unit tests: trains nothing, but walks through the configured epochs
 * calling the hooks exactly as the contract says (onEpoch in order, shouldStop after each epoch) and
 * records every request, so tests can check that the trainer passed exactly the run's settings.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { bestEpoch, defaultHyperparameters, fineTunedLayers } from "@graft/core/contract";
import type { TrainConfig, TrainResult } from "@graft/core/types";
import type { Engine, TrainRequest } from "../engine/engine";

/** A fake engine plus what it saw. */
export interface FakeEngine extends Engine {
  requests: TrainRequest[];
  /** Throw this from train() for requests whose dataDir matches. */
  failures: Map<string, Error>;
  epochDelayMs: number;
}

/** Core's defaults (the catalogue's, less the API-only input size), with a 3-epoch run. */
const { inputSize: _apiOnly, ...catalogueDefaults } = defaultHyperparameters();
const DEFAULTS: TrainConfig = { ...catalogueDefaults, epochs: 3 };

/** An error shaped like core's GraftError. */
export function graftError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: "GraftError", code });
}

/** Creates a fake engine. */
export function createFakeEngine(): FakeEngine {
  const engine: FakeEngine = {
    requests: [],
    failures: new Map(),
    epochDelayMs: 0,
    defaultTrainConfig(partial) {
      if (partial.learningRate !== undefined && !(partial.learningRate > 0))
        throw graftError("BAD_INPUT", `learningRate must be > 0, got ${partial.learningRate}`);
      if (partial.baseModel === "nope") throw graftError("NOT_FOUND", `Unknown base model "nope"`);
      return { ...DEFAULTS, ...partial };
    },
    selectBackend: async (preferred) => preferred ?? "cpu",
    async evaluateCheckpoint({ modelDir }) {
      // One image per class of the model's labels, all right: enough to see the report travel.
      const labels = JSON.parse(await readFile(path.join(modelDir, "labels.json"), "utf8")) as string[];
      return {
        labels,
        confusionMatrix: labels.map((_, i) => labels.map((__, j) => (i === j ? 1 : 0))),
        perClass: labels.map((label) => ({ label, precision: 1, recall: 1, f1: 1, support: 1 })),
        accuracy: 1,
        macroF1: 1,
        weightedF1: 1,
        misclassified: [],
      };
    },
    async train(request) {
      engine.requests.push(request);
      const failure = engine.failures.get(request.dataDir);
      if (failure) throw failure;
      const c = request.config;
      const phases: Array<"head" | "fine_tune"> = [
        ...Array.from({ length: c.epochs }, () => "head" as const),
        ...Array.from({ length: c.fineTuneLayers > 0 ? c.fineTuneEpochs : 0 }, () => "fine_tune" as const),
      ];
      request.hooks?.onProgress?.({ stage: "features", done: 10, total: 10 });
      const epochs: TrainResult["epochs"] = [];
      let stoppedReason: string | null = null;
      for (const [i, phase] of phases.entries()) {
        if (engine.epochDelayMs) await new Promise((r) => setTimeout(r, engine.epochDelayMs));
        const record = {
          epoch: i + 1,
          phase,
          loss: 1 / (i + 1),
          accuracy: 0.5 + i / 100,
          valLoss: 1 / (i + 1),
          valAccuracy: 0.5 + i / 50,
          learningRate: c.learningRate,
          durationMs: 5,
          imagesPerSec: 200,
        };
        epochs.push(record);
        await request.hooks?.onEpoch?.(record);
        stoppedReason = (await request.hooks?.shouldStop?.()) ?? null;
        if (stoppedReason) break;
      }
      const best = bestEpoch(epochs);
      // Val loss falls every epoch here, so the delivered (lowest val_loss) and final weights are the last epoch's.
      const last = epochs.at(-1);
      const weights = (dir: string, choice: "best_val_loss" | "last_epoch") => ({
        epoch: last?.epoch ?? 0,
        phase: last?.phase ?? "head",
        choice,
        valLoss: last?.valLoss ?? null,
        valAccuracy: last?.valAccuracy ?? null,
        dir: request.outDir === undefined ? null : path.join(request.outDir, dir),
      });
      if (request.outDir !== undefined) await writeFakeCheckpoint(path.join(request.outDir, "best"));
      return {
        backend: request.backend ?? "cpu",
        engines: {
          features: "cpu",
          augmentedEpochs: c.augmentation.length > 0 ? "cpu" : null,
          fineTuneBottom: c.fineTuneLayers > 0 ? "cpu" : null,
          trainable: "cpu",
        },
        classes: ["a", "b"],
        epochs,
        bestEpoch: best?.epoch ?? null,
        bestValAccuracy: best?.valAccuracy ?? null,
        bestValLoss: best?.valLoss ?? null,
        finalValAccuracy: epochs.at(-1)?.valAccuracy ?? null,
        delivered: weights("best", "best_val_loss"),
        final: weights("checkpoint", "last_epoch"),
        evaluation: {
          labels: ["a", "b"],
          confusionMatrix: [
            [3, 1],
            [0, 4],
          ],
          perClass: [
            { label: "a", precision: 1, recall: 0.75, f1: 0.857, support: 4 },
            { label: "b", precision: 0.8, recall: 1, f1: 0.889, support: 4 },
          ],
          accuracy: 0.875,
          macroF1: 0.873,
          weightedF1: 0.873,
          misclassified: [{ file: "a/1.jpg", trueLabel: "a", predictedLabel: "b", confidence: 0.7 }],
        },
        checkpointDir: request.outDir === undefined ? null : path.join(request.outDir, "checkpoint"),
        stoppedReason,
        skipped: [],
        trainCount: 8,
        validationCount: 8,
        featureCache: { hits: 0, misses: 16, seconds: 0.1 },
        // What core reports: the depth rounded up to a block boundary (the request itself when the base's structure is unknown).
        fineTunedLayers: fineTunedLayers(request.config.baseModel, request.config.fineTuneLayers) ?? request.config.fineTuneLayers,
        datasetSha256: FAKE_DATASET_SHA256,
      };
    },
  };
  return engine;
}

/** The dataset hash every fake run reports. */
export const FAKE_DATASET_SHA256 = "d".repeat(64);

/**
 * A checkpoint folder shaped like core's (a one-tensor LayersModel, labels, preprocessing), so the
 * agent's upload has real files to send; its weights are two float32 zeros.
 */
async function writeFakeCheckpoint(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const modelJson = {
    format: "layers-model",
    modelTopology: { class_name: "Model", config: { name: "fake", layers: [] } },
    weightsManifest: [{ paths: ["weights.bin"], weights: [{ name: "w", shape: [2], dtype: "float32" }] }],
  };
  await writeFile(path.join(dir, "model.json"), JSON.stringify(modelJson));
  await writeFile(path.join(dir, "weights.bin"), new Uint8Array(8));
  await writeFile(path.join(dir, "labels.json"), JSON.stringify(["a", "b"]));
  await writeFile(path.join(dir, "preprocessing.json"), JSON.stringify({ format: "graft-preprocessing/1", inputSize: [224, 224] }));
}
