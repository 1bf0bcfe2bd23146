/**
 * The frozen base on ONNX Runtime against wasm, in the same run: pooled features per second of
 * every shared model (the same folded graph, exported), the native peak the runtime reaches on a
 * large MatMul (for its fraction of peak), and one augmented epoch on each engine.
 */
import { selectBackend } from "../src/backend/select";
import { scanDataset } from "../src/data/scan";
import { createFeatureExtractor } from "../src/features/extractor";
import { loadBaseModel } from "../src/models/load";
import { encodeModel } from "../src/onnx/model";
import { loadOnnxRuntime } from "../src/onnx/runtime";
import { createOnnxGraphRunner, defaultOnnxThreads } from "../src/onnx/session";
import { augmentedSource } from "../src/train/augmented-source";
import { createRng } from "../src/util/random";
import type { FeatureResults } from "./features";
import { medianRate } from "./timing";

/** Batch and time budget of ONNX Runtime's feature rates: as wasm's (FEATURE_SAMPLING.wasm). */
const ORT_SAMPLING = { batch: 32, minSeconds: 3, minCalls: 3, maxCalls: 40 };

/** What this section measured. */
export interface OnnxBench {
  /** onnxruntime-node's version, the execution provider and its intra-op threads. */
  runtime: { version: string; engine: string; threads: number };
  /** float32 GFLOP/s of a 2048² MatMul on ONNX Runtime (best of 8 after a warm-up): the native peak its kernels reach here. */
  nativePeak: number;
  /** One augmented epoch (flip, rotate, brightness), images per second, the frozen part on each engine. */
  augmentedEpoch: { images: number; wasm: number; onnxruntime: number; speedup: number };
}

/** `count` reproducible values in [-1, 1] (the models' preprocessing range; the speed does not depend on them). */
function uniform(count: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: count }, () => rng() * 2 - 1);
}

/** float32 GFLOP/s of C = A·B (n×n) on ONNX Runtime with `threads` intra-op threads: best of `reps` after a warm-up. */
async function nativeMatMulPeak(n: number, threads: number, reps = 8): Promise<number> {
  const loaded = await loadOnnxRuntime();
  if (loaded.ort === null) throw new Error(loaded.reason);
  const bytes = encodeModel({
    producerName: "graft-bench",
    graph: {
      name: "matmul",
      nodes: [{ opType: "MatMul", inputs: ["a", "b"], outputs: ["c"] }],
      initializers: [{ name: "b", dims: [n, n], dataType: "float", data: uniform(n * n, 5) }],
      inputs: [{ name: "a", shape: [n, n] }],
      outputs: [{ name: "c", shape: [n, n] }],
    },
  });
  const session = await loaded.ort.InferenceSession.create(bytes, {
    executionProviders: ["cpu"],
    intraOpNumThreads: threads,
    extra: { session: { intra_op: { allow_spinning: "0" } } },
  });
  try {
    const a = new loaded.ort.Tensor("float32", uniform(n * n, 6), [n, n]);
    let fastest = Infinity;
    for (let i = 0; i <= reps; i++) {
      const t0 = performance.now();
      await session.run({ a }, ["c"]);
      if (i > 0) fastest = Math.min(fastest, (performance.now() - t0) / 1000);
    }
    return (2 * n ** 3) / fastest / 1e9;
  } finally {
    await session.release();
  }
}

/**
 * Adds an `onnxruntime` rate per model to `features.rates` (batch 32, median of ≥ 3 s of calls
 * after a warm-up, as wasm's), then measures the native peak and one augmented epoch of
 * `BASE` on both engines.
 */
export async function measureOnnx(
  modelsDir: string,
  dataDir: string,
  models: readonly string[],
  features: FeatureResults,
  log: (line: string) => void,
): Promise<OnnxBench | null> {
  const loaded = await loadOnnxRuntime();
  if (loaded.ort === null) {
    log(`  onnxruntime: not measured (${loaded.reason})`);
    return null;
  }
  await selectBackend("wasm");
  const threads = defaultOnnxThreads();
  let engine = "onnxruntime-cpu";
  for (const name of models) {
    const { model, spec, weightsSha256 } = await loadBaseModel(name, { modelsDir });
    const fx = createFeatureExtractor(model, spec, { weightsSha256 });
    const size = spec.inputSize;
    const runner = await createOnnxGraphRunner(fx.graph!, { graphId: fx.id, inputShape: [size, size, 3], map: false });
    engine = runner.engine;
    try {
      const x = uniform(ORT_SAMPLING.batch * size * size * 3, 11);
      const { rate, calls } = await medianRate(ORT_SAMPLING.batch, () => runner.run(x, ORT_SAMPLING.batch, "pooled"), ORT_SAMPLING);
      (features.rates[name] ??= {}).onnxruntime = { imagesPerSecond: rate, batch: ORT_SAMPLING.batch, calls };
      const wasm = features.rates[name]?.wasm?.imagesPerSecond;
      log(
        `  features ${name} on ${runner.engine} (${threads} threads): ${rate.toFixed(1)} img/s (batch ${ORT_SAMPLING.batch}, median of ${calls})${wasm === undefined ? "" : `, ×${(rate / wasm).toFixed(2)} wasm`}`,
      );
    } finally {
      await runner.dispose();
      fx.dispose();
      model.dispose();
    }
  }
  const nativePeak = await nativeMatMulPeak(2048, threads);
  log(`  onnxruntime native peak: ${nativePeak.toFixed(1)} GFLOP/s (MatMul 2048², ${threads} threads)`);
  const augmentedEpoch = await measureAugmentedEpoch(modelsDir, dataDir, log);
  return { runtime: { version: loaded.version, engine, threads }, nativePeak, augmentedEpoch };
}

/** One augmented epoch's batches of 120 photos, the frozen part on wasm (main thread) and on ONNX Runtime, in this order. */
async function measureAugmentedEpoch(
  modelsDir: string,
  dataDir: string,
  log: (line: string) => void,
): Promise<OnnxBench["augmentedEpoch"]> {
  const name = "mobilenet_v1_0.25_224";
  const { model, spec, weightsSha256 } = await loadBaseModel(name, { modelsDir });
  const fx = createFeatureExtractor(model, spec, { weightsSha256 });
  const size = spec.inputSize;
  const runner = await createOnnxGraphRunner(fx.graph!, { graphId: fx.id, inputShape: [size, size, 3], map: false });
  const index = await scanDataset(dataDir);
  const entries = index.images.filter((_, i) => i % 6 === 0);
  const ops = ["flip", "rotate", "brightness"] as const;
  try {
    const epochRate = async (onnx: boolean): Promise<number> => {
      const source = await augmentedSource(entries, {
        inputSize: size,
        preprocessing: spec.preprocessing,
        ops: [...ops],
        rng: createRng(7),
        compute: (x) => fx.pooled(x),
        ...(onnx
          ? {
              pool: {
                workers: 2,
                run: async (pixels: Float32Array, n: number) => ({ values: await runner.run(pixels, n, "pooled"), shape: [n, fx.dim] }),
              },
            }
          : {}),
      });
      const batches = async (): Promise<void> => {
        for (let begin = 0; begin < entries.length; begin += 32) {
          const x = await source.batch(Array.from({ length: Math.min(32, entries.length - begin) }, (_, k) => begin + k));
          await x.data();
          x.dispose();
        }
      };
      await batches(); // warm-up epoch: kernels, allocations
      const started = performance.now();
      await batches();
      return entries.length / ((performance.now() - started) / 1000);
    };
    const wasm = await epochRate(false);
    const onnxruntime = await epochRate(true);
    log(
      `  augmented epoch (${ops.join(", ")}), ${entries.length} photos, ${name}: wasm ${wasm.toFixed(1)} img/s, ${runner.engine} ${onnxruntime.toFixed(1)} img/s, ×${(onnxruntime / wasm).toFixed(2)}`,
    );
    return { images: entries.length, wasm, onnxruntime, speedup: onnxruntime / wasm };
  } finally {
    await runner.dispose();
    fx.dispose();
    model.dispose();
  }
}
