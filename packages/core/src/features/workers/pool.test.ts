import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../../backend/select";
import { scanDataset } from "../../data/scan";
import { encodeImage, solidRgb, useTempDatasets } from "../../testing/dataset";
import { BadInputError } from "../../errors";
import { loadBaseModel } from "../../models/load";
import { sharedModelsDir } from "../../models/shared-dir";
import { createRng } from "../../util/random";
import { extractFeatures } from "../extract";
import { createFeatureExtractor, type FeatureExtractor } from "../extractor";
import { runGraph } from "../graph";
import { splitGraph } from "../split";
import { FrozenPartPool, runningPoolWorkers } from "./pool";

const BASE = "mobilenet_v1_0.25_224";
const modelsDir = sharedModelsDir();
if (modelsDir === null)
  console.warn(`shared models absent (../shared/models or GRAFT_SHARED_DIR): skipping the FrozenPartPool tests on ${BASE}`);

/** Preprocessed-looking pixels in [-1, 1], seeded. */
function pixels(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * 224 * 224 * 3 }, () => rng() * 2 - 1);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

async function mainThread(
  fn: (x: tf.Tensor4D) => tf.Tensor,
  px: Float32Array,
  n: number,
): Promise<{ values: Float32Array; shape: number[] }> {
  const out = tf.tidy(() => fn(tf.tensor4d(px, [n, 224, 224, 3])));
  const values = (await out.data()) as Float32Array;
  const shape = out.shape.slice();
  out.dispose();
  return { values, shape };
}

describe.skipIf(modelsDir === null)(`FrozenPartPool on ${BASE} (2 wasm workers)`, () => {
  const tempDataset = useTempDatasets();
  let fx: FeatureExtractor;
  let dispose: () => void = () => undefined;
  let pool: FrozenPartPool;
  beforeAll(async () => {
    await selectBackend("wasm");
    const { model, spec, weightsSha256 } = await loadBaseModel(BASE, { modelsDir: modelsDir as string });
    fx = createFeatureExtractor(model, spec, { weightsSha256 });
    dispose = () => {
      fx.dispose();
      model.dispose();
    };
    pool = await FrozenPartPool.start({ workers: 2, backend: "wasm", baseModel: BASE, modelsDir: modelsDir as string });
  }, 120_000);
  afterAll(async () => {
    await pool?.dispose();
    dispose();
  });

  it("computes the main thread's pooled features and split-boundary maps, in request order, for odd batch sizes", async () => {
    expect(pool.size).toBe(2);
    expect(pool.inputSize).toBe(224);
    const parts = splitGraph(fx.graph!, 6);
    const boundary = { kind: "boundary", fineTuneLayers: 6, boundary: parts.bottom.output } as const;
    const a = pixels(7, 1);
    const b = pixels(33, 2);
    // All four in flight at once: each batch is split across both workers, answers keep their request.
    const [pa, pb, ba, bb] = await Promise.all([
      pool.run({ kind: "pooled" }, a, 7),
      pool.run({ kind: "pooled" }, b, 33),
      pool.run(boundary, a, 7),
      pool.run(boundary, b, 33),
    ]);
    const bottom = (x: tf.Tensor4D): tf.Tensor => runGraph(parts.bottom, x);
    for (const [got, fn, px, n] of [
      [pa, (x: tf.Tensor4D) => fx.pooled(x), a, 7],
      [pb, (x: tf.Tensor4D) => fx.pooled(x), b, 33],
      [ba, bottom, a, 7],
      [bb, bottom, b, 33],
    ] as const) {
      const want = await mainThread(fn, px, n);
      expect(got.shape).toEqual(want.shape);
      expect(maxAbsDiff(got.values, want.values)).toBeLessThanOrEqual(1e-5);
    }
    expect(pb.shape).toEqual([33, fx.dim]);
    expect(ba.shape.length).toBe(4);
  }, 300_000);

  it("gives extractFeatures the main thread's outputs with several batches in flight", async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 11; i++)
      files[`c${i % 2}/img${i}.png`] = await encodeImage(solidRgb(40, 30, [20 * i, 255 - 20 * i, (70 * i) % 256]), 40, 30, "png");
    const entries = (await scanDataset(await tempDataset(files))).images;
    const common = {
      graphId: fx.id,
      inputSize: 224,
      preprocessing: fx.spec.preprocessing,
      compute: (x: tf.Tensor4D) => fx.pooled(x),
      itemShape: [fx.dim],
      cacheDir: null,
      batchSize: 4,
    };
    const want = await extractFeatures(entries, common);
    const progress: number[] = [];
    const got = await extractFeatures(entries, {
      ...common,
      pool: pool.bind({ kind: "pooled" }),
      onProgress: (done) => progress.push(done),
    });
    expect(got.misses).toBe(11);
    expect(progress).toEqual([0, 4, 8, 11]);
    expect(maxAbsDiff(got.data, want.data)).toBeLessThanOrEqual(1e-5);
  }, 120_000);

  it("rejects a request the worker cannot serve, naming the worker and the cause, and keeps serving", async () => {
    const wrong = { kind: "boundary", fineTuneLayers: 6, boundary: "not_a_layer" } as const;
    await expect(pool.run(wrong, pixels(1, 3), 1)).rejects.toThrow(
      /frozen-part worker 1\/2 failed: split boundary mismatch.*"not_a_layer"/,
    );
    await expect(pool.run({ kind: "pooled" }, new Float32Array(5), 1)).rejects.toThrow(/received 5 values/);
    const again = await pool.run({ kind: "pooled" }, pixels(3, 4), 3);
    expect(again.shape).toEqual([3, fx.dim]);
  }, 120_000);

  it("fails to start on a weights file that does not exist, naming the worker and the path, and leaves no worker running", async () => {
    const started = FrozenPartPool.start({
      workers: 2,
      backend: "wasm",
      baseModel: BASE,
      modelsDir: modelsDir as string,
      weights: "/nonexistent/graft-weights.h5",
    });
    await expect(started).rejects.toThrow(BadInputError);
    await expect(started).rejects.toThrow(/frozen-part worker [12]\/2 failed to start: .*\/nonexistent\/graft-weights\.h5/);
    // Only this describe's own pool (2 threads) is still running.
    expect(runningPoolWorkers()).toBe(2);
  }, 120_000);

  it("disposes idempotently: threads exit, later requests reject", async () => {
    const other = await FrozenPartPool.start({ workers: 2, backend: "cpu", baseModel: BASE, modelsDir: modelsDir as string });
    expect(runningPoolWorkers()).toBe(4);
    await Promise.all([other.dispose(), other.dispose()]);
    await other.dispose();
    expect(runningPoolWorkers()).toBe(2);
    await expect(other.run({ kind: "pooled" }, pixels(1, 5), 1)).rejects.toThrow(/disposed/);
  }, 120_000);
});

describe("FrozenPartPool.start arguments", () => {
  it("quotes a worker count outside [1, 64]", async () => {
    for (const workers of [0, -1, 1.5, 65]) {
      await expect(FrozenPartPool.start({ workers, backend: "wasm", baseModel: BASE })).rejects.toThrow(
        `received ${JSON.stringify(workers)}`,
      );
    }
    expect(runningPoolWorkers()).toBe(0);
  });
});
