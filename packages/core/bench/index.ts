/**
 * `npm run bench -w packages/core [-- --json] [-- --quick]`: throughput of the engine's fast paths,
 * each against a baseline measured in the same run on the same machine (ratios are what to compare
 * across machines), then the figures the README promises:
 *
 * 1. feature extraction, tf.layers graph vs folded graph (wasm)
 * 2. one fine-tuning step of MobileNet v1 0.25's top 20 layers, cpu vs wasm
 * 3. extractFeatures on real photos, cache miss (decode + forward) vs cache hit
 * 4. the frozen part on 2 worker threads vs the main thread (wasm): first feature extraction of
 *    real photos, and one augmented epoch's batches
 * 5. features per second of every shared model on wasm and cpu, with GFLOP/s against a measured
 *    matMul peak; the same on ONNX Runtime (`bench/onnx.ts`) with its native MatMul peak, and one
 *    augmented epoch with the frozen part on wasm vs ONNX Runtime
 * 6. a sweep of 8 head configurations × 10 epochs with the feature cache vs the plain Keras way
 *    (`--quick`: the plain way on 2 configs × 2 epochs, scaled up, and said so)
 * 7. search (`bench/search.ts`): TPE vs random search over 5 seeds on a grid of 324 head configs ×
 *    27 epochs, and a Hyperband sweep against the same runs trained to the end (`--quick`: 60
 *    configs × 9 epochs, and said so); `--only search` runs this section alone
 * 8. the moonshot (`bench/moonshot.ts`): 50 head configurations over 10,000 images (plant-leaves
 *    expanded with seeded augmentations) from a cold cache, one train() after another (not with
 *    `--quick`; `--only moonshot` runs it alone); `--only onnx` runs section 5's engines alone
 *
 * With `--json` the last line of stdout is one JSON object with every figure (documented in
 * packages/core/README.md). Needs the shared assets (../shared or GRAFT_SHARED_DIR); exits with a
 * message without them.
 */
import * as tf from "@tensorflow/tfjs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { selectBackend } from "../src/backend/select";
import { scanDataset } from "../src/data/scan";
import { createFeatureExtractor } from "../src/features/extractor";
import { extractFeatures } from "../src/features/extract";
import { runGraph } from "../src/features/graph";
import { splitGraph } from "../src/features/split";
import { FrozenPartPool } from "../src/features/workers/pool";
import { loadBaseModel } from "../src/models/load";
import { plantLeavesDir, sharedModelsDir } from "../src/models/shared-dir";
import { augmentedSource } from "../src/train/augmented-source";
import { makeTrainable } from "../src/train/trainable";
import { createRng } from "../src/util/random";
import { measureFeatures, measureMatMulPeak, type BenchBackend } from "./features";
import { buildOnnxOnlyReport, buildReport, buildSearchOnlyReport, type FineTuneRates, type RatioRow, type WorkerPoolRate } from "./report";
import { measureMoonshot } from "./moonshot";
import { measureOnnx } from "./onnx";
import { measureSearch } from "./search";
import { measureCachedSweep, SWEEP_EPOCHS, SWEEP_CONFIGS } from "./sweep";
import { imagesPerSec } from "./timing";

const BASE = "mobilenet_v1_0.25_224";

function randomTensor(shape: number[], seed: number): tf.Tensor {
  const rng = createRng(seed);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1),
    shape,
  );
}

const rows: RatioRow[] = [];
const fmt = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

async function benchExtraction(modelsDir: string): Promise<void> {
  await selectBackend("wasm");
  const { model, spec } = await loadBaseModel(BASE, { modelsDir });
  const layers = createFeatureExtractor(model, spec, { fold: false });
  const folded = createFeatureExtractor(model, spec);
  const x = randomTensor([16, 224, 224, 3], 1) as tf.Tensor4D;
  const slow = await imagesPerSec(16, 3, () => layers.pooled(x));
  const fast = await imagesPerSec(16, 3, () => folded.pooled(x));
  rows.push({
    measure: `feature extraction ${BASE} (wasm, batch 16)`,
    baseline: "tf.layers graph",
    baselineRate: slow,
    fast: "folded BN + fused act",
    fastRate: fast,
  });
  x.dispose();
  folded.dispose();
  model.dispose();
}

/** One optimizer step on the top 20 layers + GAP, from cached boundary maps. */
async function fineTuneRate(backend: string, modelsDir: string, batch: number, reps: number): Promise<number> {
  await selectBackend(backend);
  const { model, spec } = await loadBaseModel(BASE, { modelsDir });
  const fx = createFeatureExtractor(model, spec);
  const parts = splitGraph(fx.graph!, 20);
  const vars = makeTrainable(model, parts.top.steps);
  const shape = (model.getLayer(parts.bottom.output).outputShape as number[]).slice(1);
  const x = randomTensor([batch, ...shape], 2);
  const target = randomTensor([batch, spec.featureDim], 3);
  const optimizer = tf.train.adam(1e-5);
  const rate = await imagesPerSec(batch, reps, () =>
    optimizer.minimize(
      () => tf.losses.meanSquaredError(target, tf.mean(runGraph(parts.top, x, { training: true }), [1, 2])) as tf.Scalar,
      true,
      vars,
    ),
  );
  tf.dispose([x, target, ...vars]);
  optimizer.dispose();
  fx.dispose();
  model.dispose();
  return rate;
}

async function benchFineTune(modelsDir: string): Promise<FineTuneRates> {
  const cpu = await fineTuneRate("cpu", modelsDir, 4, 1);
  const wasm = await fineTuneRate("wasm", modelsDir, 16, 3);
  rows.push({
    measure: `fine-tune step, top 20 layers of ${BASE}`,
    baseline: "cpu (batch 4)",
    baselineRate: cpu,
    fast: "wasm + composed grads (batch 16)",
    fastRate: wasm,
  });
  return { model: BASE, layers: 20, wasm: { imagesPerSecond: wasm, batch: 16 }, cpu: { imagesPerSecond: cpu, batch: 4 } };
}

async function benchCache(modelsDir: string, dataDir: string): Promise<void> {
  await selectBackend("wasm");
  const { model, spec, weightsSha256 } = await loadBaseModel(BASE, { modelsDir });
  const fx = createFeatureExtractor(model, spec, { weightsSha256 });
  const index = await scanDataset(dataDir);
  const entries = index.images.filter((_, i) => i % 12 === 0); // 60 photos across all classes
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "graft-bench-"));
  try {
    const options = {
      graphId: fx.id,
      inputSize: spec.inputSize,
      preprocessing: spec.preprocessing,
      compute: (x: tf.Tensor4D) => fx.pooled(x),
      itemShape: [fx.dim],
      cacheDir,
      batchSize: 16,
    };
    const miss = await extractFeatures(entries, options);
    const hit = await extractFeatures(entries, options);
    if (hit.hits !== entries.length) throw new Error(`expected ${entries.length} cache hits, got ${hit.hits}`);
    rows.push({
      measure: `extractFeatures, ${entries.length} plant-leaves photos`,
      baseline: "cache miss (decode + forward)",
      baselineRate: entries.length / miss.seconds,
      fast: "cache hit",
      fastRate: entries.length / hit.seconds,
    });
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
    fx.dispose();
    model.dispose();
  }
}

/** Images per second of extractFeatures (decode + forward, no cache) and of one augmented epoch, main thread vs a 2-worker pool. */
async function benchWorkers(modelsDir: string, dataDir: string): Promise<WorkerPoolRate> {
  let pool2: WorkerPoolRate | null = null;
  await selectBackend("wasm");
  const { model, spec, weightsSha256 } = await loadBaseModel(BASE, { modelsDir });
  const fx = createFeatureExtractor(model, spec, { weightsSha256 });
  const index = await scanDataset(dataDir);
  const entries = index.images.filter((_, i) => i % 6 === 0); // 120 photos across all classes
  const t0 = performance.now();
  const pool = await FrozenPartPool.start({ workers: 2, backend: "wasm", baseModel: BASE, modelsDir });
  console.log(`  worker pool (2 × wasm) started in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    // The forward pass alone, on preprocessed pixels: what the pool parallelises.
    const x = randomTensor([32, 224, 224, 3], 4) as tf.Tensor4D;
    const xs = x.dataSync() as Float32Array;
    const forwardMain = await imagesPerSec(32, 10, () => fx.pooled(x));
    await pool.run({ kind: "pooled" }, xs, 32);
    const p0 = performance.now();
    for (let i = 0; i < 10; i++) await pool.run({ kind: "pooled" }, xs, 32);
    const forwardPool = (32 * 10) / ((performance.now() - p0) / 1000);
    rows.push({
      measure: `forward pass only, ${BASE} pooled, batch 32 (split 2 × 16)`,
      baseline: "main thread",
      baselineRate: forwardMain,
      fast: "2 worker threads",
      fastRate: forwardPool,
    });
    pool2 = { model: BASE, backend: "wasm", workers: 2, imagesPerSecond: forwardPool, mainThreadImagesPerSecond: forwardMain };
    x.dispose();

    const options = {
      graphId: fx.id,
      inputSize: spec.inputSize,
      preprocessing: spec.preprocessing,
      compute: (x: tf.Tensor4D) => fx.pooled(x),
      itemShape: [fx.dim],
      cacheDir: null,
      batchSize: 32,
    };
    const bound = pool.bind({ kind: "pooled" });
    await extractFeatures(entries.slice(0, 8), { ...options, pool: bound }); // warm-up: the workers' first kernels
    const main = await extractFeatures(entries, options);
    const pooled = await extractFeatures(entries, { ...options, pool: bound });
    rows.push({
      measure: `extractFeatures, ${entries.length} plant-leaves photos, no cache (decode + forward)`,
      baseline: "main thread",
      baselineRate: entries.length / main.seconds,
      fast: "2 worker threads",
      fastRate: entries.length / pooled.seconds,
    });

    const ops = ["flip", "rotate", "brightness"] as const;
    const epochRate = async (withPool: boolean): Promise<number> => {
      const source = await augmentedSource(entries, {
        inputSize: spec.inputSize,
        preprocessing: spec.preprocessing,
        ops: [...ops],
        rng: createRng(7),
        compute: (x) => fx.pooled(x),
        ...(withPool ? { pool: bound } : {}),
      });
      const started = performance.now();
      for (let begin = 0; begin < entries.length; begin += 32) {
        const x = await source.batch(Array.from({ length: Math.min(32, entries.length - begin) }, (_, k) => begin + k));
        await x.data();
        x.dispose();
      }
      return entries.length / ((performance.now() - started) / 1000);
    };
    const epochMain = await epochRate(false);
    const epochPool = await epochRate(true);
    rows.push({
      measure: `augmented epoch (flip, rotate, brightness), ${entries.length} photos, batch 32`,
      baseline: "main thread",
      baselineRate: epochMain,
      fast: "2 worker threads",
      fastRate: epochPool,
    });
  } finally {
    await pool.dispose();
    fx.dispose();
    model.dispose();
  }
  if (pool2 === null) throw new Error("the worker pool's forward pass was not measured");
  return pool2;
}

/** The shared models this bench measures: every folder of `<shared>/models` with a model.json that the registry knows. */
const FEATURE_MODELS = ["mobilenet_v1_0.25_224", "mobilenet_v1_0.75_224", "mobilenet_v2_0.35_224_no_top", "darknet_tiny_224"];
const BACKENDS: BenchBackend[] = ["wasm", "cpu"];

/** Sections `--only` can pick. */
const ONLY_SECTIONS = ["search", "onnx", "moonshot"];

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const quick = process.argv.includes("--quick");
  const onlyAt = process.argv.indexOf("--only");
  const only = onlyAt < 0 ? null : (process.argv[onlyAt + 1] ?? "");
  if (only !== null && !ONLY_SECTIONS.includes(only)) {
    console.log(`bench: --only takes one of ${ONLY_SECTIONS.join(", ")}, received ${JSON.stringify(only)}`);
    process.exitCode = 2;
    return;
  }
  const modelsDir = sharedModelsDir();
  const dataDir = plantLeavesDir();
  if (modelsDir === null || dataDir === null) {
    console.log("bench: shared assets absent (../shared or GRAFT_SHARED_DIR); nothing to measure");
    if (json) console.log(JSON.stringify({ error: "shared assets absent (../shared or GRAFT_SHARED_DIR)" }));
    return;
  }
  const loadStart = os.loadavg();
  const started = performance.now();
  console.log(
    `bench on ${os.cpus().length} CPU(s), node ${process.version}, tfjs ${tf.version.tfjs}, load average ${loadStart.map((l) => l.toFixed(2)).join(" ")}`,
  );
  const log = (line: string): void => console.log(line);
  if (only === "search") {
    const search = await measureSearch(dataDir, modelsDir, { quick }, log);
    const seconds = (performance.now() - started) / 1000;
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 2 ** 10).toFixed(0)} MiB · ${seconds.toFixed(0)} s in all`);
    if (json) console.log(JSON.stringify(buildSearchOnlyReport({ search, loadAverage: { start: loadStart, end: os.loadavg() }, seconds })));
    return;
  }
  if (only === "moonshot") {
    const moonshot = await measureMoonshot(dataDir, modelsDir, log);
    const seconds = (performance.now() - started) / 1000;
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 2 ** 10).toFixed(0)} MiB · ${seconds.toFixed(0)} s in all`);
    if (json)
      console.log(
        JSON.stringify({
          machine: { cpus: os.cpus().length, node: process.version, loadAverage: { start: loadStart, end: os.loadavg() } },
          moonshot,
          seconds,
        }),
      );
    return;
  }
  if (only === "onnx") {
    // The engines side by side, without the rest: wasm's rates, then ONNX Runtime's, in one run.
    const peak = await measureMatMulPeak();
    log(`  peak: ${peak.gflopsPerSecond.toFixed(1)} GFLOP/s (${peak.method})`);
    const features = await measureFeatures(modelsDir, FEATURE_MODELS, ["wasm"], log);
    const onnx = await measureOnnx(modelsDir, dataDir, FEATURE_MODELS, features, log);
    const seconds = (performance.now() - started) / 1000;
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 2 ** 10).toFixed(0)} MiB · ${seconds.toFixed(0)} s in all`);
    if (json)
      console.log(
        JSON.stringify(buildOnnxOnlyReport({ peak, features, onnx, loadAverage: { start: loadStart, end: os.loadavg() }, seconds })),
      );
    return;
  }
  const peakBefore = await measureMatMulPeak();
  log(`  peak: ${peakBefore.gflopsPerSecond.toFixed(1)} GFLOP/s (${peakBefore.method})`);
  const features = await measureFeatures(modelsDir, FEATURE_MODELS, BACKENDS, log);
  const onnx = await measureOnnx(modelsDir, dataDir, FEATURE_MODELS, features, log);
  const peakAfter = await measureMatMulPeak();
  log(`  peak again: ${peakAfter.gflopsPerSecond.toFixed(1)} GFLOP/s (${peakAfter.method})`);
  const peak = peakAfter.gflopsPerSecond > peakBefore.gflopsPerSecond ? peakAfter : peakBefore;
  await benchExtraction(modelsDir);
  const fineTune = await benchFineTune(modelsDir);
  await benchCache(modelsDir, dataDir);
  const workerPool = await benchWorkers(modelsDir, dataDir);
  const sweep = await measureCachedSweep(
    dataDir,
    modelsDir,
    quick ? { configs: 2, epochs: 2 } : { configs: SWEEP_CONFIGS.length, epochs: SWEEP_EPOCHS },
    log,
  );
  const search = await measureSearch(dataDir, modelsDir, { quick }, log);
  // Minutes of its own (and 10,000 images written once): not in --quick.
  const moonshot = quick ? null : await measureMoonshot(dataDir, modelsDir, log);
  console.log("");
  for (const r of rows) {
    console.log(
      `${r.measure}\n  ${r.baseline}: ${fmt(r.baselineRate)} img/s   ${r.fast}: ${fmt(r.fastRate)} img/s   ratio ×${(r.fastRate / r.baselineRate).toFixed(1)}`,
    );
  }
  const report = buildReport({
    peak,
    features,
    onnx,
    workerPool,
    fineTune,
    sweep,
    search,
    moonshot,
    rows,
    loadAverage: { start: loadStart, end: os.loadavg() },
    seconds: (performance.now() - started) / 1000,
  });
  console.log(
    `cached sweep (${sweep.configs} head configs × ${sweep.epochsPerConfig} epochs, ${sweep.images} photos)\n  plain Keras way: ${sweep.plainSeconds.toFixed(1)} s${sweep.extrapolated ? " (extrapolated)" : ""}   feature cache: ${sweep.cachedSeconds.toFixed(1)} s   ratio ×${sweep.speedup.toFixed(1)}   same metrics: ${sweep.sameMetrics ? "yes" : "NO"}`,
  );
  console.log(
    `search over ${search.space.configs} configs × ${search.space.epochsPerConfig} epochs\n  runs to within ${search.tolerance * 100} points of the grid's best (median of ${search.seeds.length} seeds): TPE ${search.tpe.median} (${(100 * search.tpe.fractionOfGrid).toFixed(1)}%)   random ${search.random.median} (${(100 * search.random.fractionOfGrid).toFixed(1)}%)\n  Hyperband ×${search.hyperband.gridOrder.speedup.toFixed(2)} in grid order, ×${search.hyperband.randomOrder.speedup.toFixed(2)} in a shuffled order (vs ${search.grid.seconds.toFixed(1)} s trained to the end)   best ${search.hyperband.gridOrder.best.toFixed(4)} / ${search.hyperband.randomOrder.best.toFixed(4)} vs ${search.grid.best.toFixed(4)}`,
  );
  console.log(`peak RSS ${(report.peakRssBytes / 2 ** 20).toFixed(0)} MiB · ${report.seconds.toFixed(0)} s in all`);
  if (json) console.log(JSON.stringify(report));
}

await main();
