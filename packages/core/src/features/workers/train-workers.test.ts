import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeColorSquares } from "../../testing/dataset";
import { BadInputError } from "../../errors";
import { sharedModelsDir } from "../../models/shared-dir";
import { defaultTrainConfig } from "../../train/config";
import { train } from "../../train/train";
import type { TrainResult } from "../../types";
import { FrozenPartPool, runningPoolWorkers } from "./pool";

const modelsDir = sharedModelsDir();
if (modelsDir === null) console.warn("shared models absent (../shared/models or GRAFT_SHARED_DIR): skipping train() with workers");

describe.skipIf(modelsDir === null)("train() with frozen-part workers", () => {
  let root = "";
  let cleanup: () => Promise<void> = async () => undefined;
  const tmp = mkdtempSync(path.join(os.tmpdir(), "graft-train-workers-"));
  beforeAll(async () => {
    ({ root, cleanup } = await writeColorSquares(7));
  });
  afterAll(async () => {
    await cleanup();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("gives the main thread's epoch metrics with 2 workers, with augmentation and fine-tuning, and stops its workers", async () => {
    // batchSize 5: each augmented batch is split 3 + 2 across the workers.
    const config = defaultTrainConfig({
      epochs: 2,
      batchSize: 5,
      augmentation: ["flip", "rotate", "brightness"],
      fineTuneLayers: 6,
      fineTuneEpochs: 1,
      validationSplit: 0.34,
      seed: 11,
    });
    // Separate feature caches, so both runs compute every validation feature themselves.
    const run = (workers: number): Promise<TrainResult> =>
      train({
        dataDir: root,
        config,
        backend: "wasm",
        modelsDir: modelsDir as string,
        cacheDir: path.join(tmp, `cache-${workers}`),
        workers,
      });
    const start = vi.spyOn(FrozenPartPool, "start");
    const main = await run(0);
    expect(start).not.toHaveBeenCalled();
    const pooled = await run(2);
    // One pool for the whole run (both phases), disposed in train()'s finally.
    expect(start).toHaveBeenCalledTimes(1);
    start.mockRestore();
    expect(runningPoolWorkers()).toBe(0);
    expect(pooled.featureCache.misses).toBe(main.featureCache.misses);
    expect(pooled.epochs.map((r) => [r.epoch, r.phase])).toEqual(main.epochs.map((r) => [r.epoch, r.phase]));
    expect(pooled.epochs.map((r) => r.phase)).toEqual(["head", "head", "fine_tune"]);
    pooled.epochs.forEach((r, i) => {
      const m = main.epochs[i]!;
      for (const key of ["loss", "accuracy", "valLoss", "valAccuracy", "learningRate"] as const) {
        expect(Math.abs((r[key] as number) - (m[key] as number)), `${key} of epoch ${r.epoch}`).toBeLessThanOrEqual(1e-5);
      }
    });
    expect(Math.abs((pooled.finalValAccuracy as number) - (main.finalValAccuracy as number))).toBeLessThanOrEqual(1e-5);
  }, 600_000);

  it("rejects a bad workers value before loading anything, quoting it", async () => {
    const config = defaultTrainConfig({ epochs: 1 });
    await expect(
      train({ dataDir: root, config, backend: "wasm", modelsDir: modelsDir as string, cacheDir: tmp, workers: -2 }),
    ).rejects.toThrow(BadInputError);
    await expect(
      train({ dataDir: root, config, backend: "wasm", modelsDir: modelsDir as string, cacheDir: tmp, workers: "all" as unknown as number }),
    ).rejects.toThrow('received "all"');
  });
});
