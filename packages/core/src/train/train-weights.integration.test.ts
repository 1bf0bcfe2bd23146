/**
 * `train()` with `weights: <keras .h5>` on a small plant-leaves subset (3 classes × 10 photos, 2
 * epochs; skips when the shared assets are absent): the run completes, evaluates, and keys its
 * feature cache by the .h5 rather than the ImageNet model.json.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plantLeavesDir, sharedModelsDir } from "../models/shared-dir";
import { defaultTrainConfig } from "./config";
import { train } from "./train";

const leaves = plantLeavesDir();
const modelsDir = sharedModelsDir();
if (leaves === null || modelsDir === null)
  console.warn("shared plant-leaves/models absent (../shared or GRAFT_SHARED_DIR): skipping train() with .h5 weights");

describe.skipIf(leaves === null || modelsDir === null)("train() with Keras .h5 weights", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "graft-train-h5-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("trains mobilenet_v1_0.25_224 with the no-top .h5 on 3 classes × 10 images and returns an evaluation", async () => {
    const data = path.join(tmp, "data");
    const classes = readdirSync(leaves!, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
      .slice(0, 3);
    for (const c of classes) {
      mkdirSync(path.join(data, c), { recursive: true });
      for (const f of readdirSync(path.join(leaves!, c)).sort().slice(0, 10)) copyFileSync(path.join(leaves!, c, f), path.join(data, c, f));
    }
    const config = defaultTrainConfig({ baseModel: "mobilenet_v1_0.25_224", headUnits: [], epochs: 2, seed: 7 });
    const run = (weights?: string) =>
      train({
        dataDir: data,
        config,
        backend: "wasm",
        modelsDir: modelsDir!,
        cacheDir: path.join(tmp, "cache"),
        ...(weights === undefined ? {} : { weights }),
      });
    const h5 = path.join(modelsDir!, "keras-h5", "mobilenet_2_5_224_tf_no_top.h5");
    const withH5 = await run(h5);
    expect(withH5.classes).toEqual(classes);
    expect(withH5.epochs).toHaveLength(2);
    expect(withH5.trainCount + withH5.validationCount).toBe(30);
    expect(withH5.evaluation.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(withH5.validationCount);
    expect(withH5.featureCache.misses).toBe(30);
    // Same weights, different identity: the ImageNet run must not reuse the .h5 run's features.
    const imagenet = await run();
    expect(imagenet.featureCache).toMatchObject({ hits: 0, misses: 30 });
    // …yet the weights are bit-identical, so the metrics are the same.
    expect(imagenet.epochs.map((r) => [r.loss, r.valAccuracy])).toEqual(withH5.epochs.map((r) => [r.loss, r.valAccuracy]));
  }, 300_000);

  it("fails with a BAD_INPUT error quoting a missing .h5 path", async () => {
    const missing = path.join(tmp, "missing.h5");
    const config = defaultTrainConfig({ baseModel: "mobilenet_v1_0.25_224", epochs: 1 });
    await expect(
      train({ dataDir: leaves!, config, backend: "wasm", modelsDir: modelsDir!, cacheDir: path.join(tmp, "cache"), weights: missing }),
    ).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: expect.stringContaining(JSON.stringify(missing)),
    });
  }, 120_000);
});
