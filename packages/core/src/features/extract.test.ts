import * as tf from "@tensorflow/tfjs";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select";
import { scanDataset } from "../data/scan";
import { loadBaseModel } from "../models/load";
import { plantLeavesDir, sharedModelsDir } from "../models/shared-dir";
import type { ImageEntry } from "../types";
import { createFeatureExtractor, type FeatureExtractor } from "./extractor";
import { extractFeatures, type ExtractOptions } from "./extract";

const modelsDir = sharedModelsDir();
const leaves = plantLeavesDir();
if (modelsDir === null || leaves === null) console.warn("shared assets absent: skipping extractFeatures tests");

describe.skipIf(modelsDir === null || leaves === null)("extractFeatures with the on-disk cache", () => {
  let tmp = "";
  let fx: FeatureExtractor;
  let entries: ImageEntry[] = [];
  let options: ExtractOptions;
  beforeAll(async () => {
    await selectBackend("wasm");
    tmp = mkdtempSync(path.join(os.tmpdir(), "graft-fx-"));
    const { model, spec, weightsSha256 } = await loadBaseModel("mobilenet_v1_0.25_224", { modelsDir });
    fx = createFeatureExtractor(model, spec, { weightsSha256 });
    const index = await scanDataset(leaves!);
    // Two images per class, from different classes, so rows must differ.
    entries = index.classes.flatMap((_, c) => index.images.filter((e) => e.label === c).slice(0, 2));
    options = {
      graphId: fx.id,
      inputSize: 224,
      preprocessing: "mobilenet",
      compute: (x) => fx.pooled(x),
      itemShape: [fx.dim],
      cacheDir: tmp,
      batchSize: 5,
    };
  });
  afterAll(() => {
    fx?.dispose();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("computes misses, then serves identical rows from the cache", async () => {
    const progress: number[] = [];
    const first = await extractFeatures(entries, { ...options, onProgress: (d) => progress.push(d) });
    expect(first.misses).toBe(entries.length);
    expect(first.hits).toBe(0);
    expect(progress.at(-1)).toBe(entries.length);
    expect(readdirSync(path.join(tmp, "features")).length).toBeGreaterThan(0);
    const second = await extractFeatures(entries, options);
    expect(second.hits).toBe(entries.length);
    expect(second.misses).toBe(0);
    expect(Array.from(second.data)).toEqual(Array.from(first.data));
    // Rows of different images differ and are not all zero.
    const row = (k: number): number[] => Array.from(first.data.subarray(k * fx.dim, (k + 1) * fx.dim));
    expect(row(0)).not.toEqual(row(2));
    expect(Math.max(...row(0))).toBeGreaterThan(0);
  });

  it("gives the same rows without a cache and on a partial hit (order preserved)", async () => {
    const uncached = await extractFeatures(entries, { ...options, cacheDir: null });
    expect(uncached.hits).toBe(0);
    const reversed = entries.slice().reverse();
    const extra = await extractFeatures(reversed, options);
    expect(extra.hits).toBe(entries.length);
    const n = entries.length;
    for (const k of [0, n - 1]) {
      const a = Array.from(uncached.data.subarray(k * fx.dim, (k + 1) * fx.dim));
      const b = Array.from(extra.data.subarray((n - 1 - k) * fx.dim, (n - k) * fx.dim));
      a.forEach((v, j) => expect(Math.abs(v - (b[j] as number))).toBeLessThan(1e-5));
    }
  });

  it("keys on the graph: another graph id misses", async () => {
    const other = await extractFeatures(entries.slice(0, 2), { ...options, graphId: "different" });
    expect(other.misses).toBe(2);
    expect(tf.memory().numTensors).toBeLessThan(1000);
  });
});
