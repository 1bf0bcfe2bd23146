/**
 * Feature throughput of every shared base model on every backend, and the achieved GFLOP/s from
 * each model's FLOPs per image (counted on its layer graph, `modelFlops`) against this machine's
 * measured peak (a large wasm matMul).
 */
import * as tf from "@tensorflow/tfjs";
import { selectBackend } from "../src/backend/select";
import { createFeatureExtractor } from "../src/features/extractor";
import { modelFlops } from "../src/features/flops";
import { loadBaseModel } from "../src/models/load";
import { createRng } from "../src/util/random";
import { medianRate } from "./timing";

/** Batch size and time budget per backend: cpu runs a 224 base at 0.5 to 6 img/s, so it gets a small sample. */
export const FEATURE_SAMPLING = {
  wasm: { batch: 32, minSeconds: 3, minCalls: 3, maxCalls: 40 },
  cpu: { batch: 2, minSeconds: 0, minCalls: 1, maxCalls: 1 },
} as const;

/** Backends this bench measures (those available without tfjs-node). */
export type BenchBackend = keyof typeof FEATURE_SAMPLING;

/** One model on one backend. */
export interface FeatureRate {
  imagesPerSecond: number;
  batch: number;
  calls: number;
}

/** Feature rates and FLOPs of every model. */
export interface FeatureResults {
  /** By model, then engine: the TF.js backends measured here, and `onnxruntime` (bench/onnx.ts). */
  rates: Record<string, Partial<Record<BenchBackend | "onnxruntime", FeatureRate>>>;
  flopsPerImage: Record<string, number>;
}

/** A reproducible input batch in [-1, 1] (the models' preprocessing range; the speed does not depend on the values). */
function randomBatch(n: number, size: number, seed: number): tf.Tensor4D {
  const rng = createRng(seed);
  return tf.tensor4d(
    Float32Array.from({ length: n * size * size * 3 }, () => rng() * 2 - 1),
    [n, size, size, 3],
  );
}

/**
 * Pooled features per second of each model on each backend: the folded graph's forward pass on
 * preprocessed input, on the main thread (what `train()` runs with `workers: 0`), median over the
 * backend's sample.
 */
export async function measureFeatures(
  modelsDir: string,
  models: readonly string[],
  backends: readonly BenchBackend[],
  log: (line: string) => void,
): Promise<FeatureResults> {
  const results: FeatureResults = { rates: {}, flopsPerImage: {} };
  for (const backend of backends) {
    await selectBackend(backend);
    const sampling = FEATURE_SAMPLING[backend];
    for (const name of models) {
      const { model, spec } = await loadBaseModel(name, { modelsDir });
      results.flopsPerImage[name] ??= modelFlops(model, spec.featureLayer).perImage;
      const fx = createFeatureExtractor(model, spec);
      const x = randomBatch(sampling.batch, spec.inputSize, 11);
      try {
        const sample = await medianRate(sampling.batch, () => fx.pooled(x), sampling);
        (results.rates[name] ??= {})[backend] = { imagesPerSecond: sample.rate, batch: sampling.batch, calls: sample.calls };
        log(`  features ${name} on ${backend}: ${sample.rate.toFixed(1)} img/s (batch ${sampling.batch}, median of ${sample.calls})`);
      } finally {
        x.dispose();
        fx.dispose();
        model.dispose();
      }
    }
  }
  return results;
}

/** The peak measurement: float32 GFLOP/s of a square matMul. */
export interface PeakResult {
  gflopsPerSecond: number;
  method: string;
}

/** GEMM shapes the peak is taken over: square matMuls, and 1×1 convolutions shaped like the bases' pointwise layers. */
const PEAK_KERNELS: readonly { name: string; flops: number; make: () => { run: () => tf.Tensor; inputs: tf.Tensor[] } }[] = [
  ...[1024, 2048].map((n) => ({
    name: `matMul ${n}×${n}·${n}×${n}`,
    flops: 2 * n ** 3,
    make: () => {
      const a = tf.randomUniform([n, n], -1, 1, "float32", 1);
      const b = tf.randomUniform([n, n], -1, 1, "float32", 2);
      return { run: () => tf.matMul(a, b), inputs: [a, b] };
    },
  })),
  ...(
    [
      [8, 28, 512],
      [32, 14, 768],
    ] as const
  ).map(([n, h, c]) => ({
    name: `1×1 conv2d [${n},${h},${h},${c}]→${c}`,
    flops: 2 * n * h * h * c * c,
    make: () => {
      const x = tf.randomUniform([n, h, h, c], -1, 1, "float32", 3) as tf.Tensor4D;
      const w = tf.randomUniform([1, 1, c, c], -1, 1, "float32", 4) as tf.Tensor4D;
      return { run: () => tf.conv2d(x, w, 1, "same"), inputs: [x, w] };
    },
  })),
];

/**
 * This machine's peak for the kernels a base runs: the best GFLOP/s of the GEMMs in
 * {@link PEAK_KERNELS} (XNNPACK's best-tuned kernels) on the wasm backend, main thread, each the
 * best of `reps` calls after a warm-up. The best, not the median: neighbours on a shared machine
 * only ever slow a call down. The bench measures it before and after the feature section and keeps
 * the higher, so a busy minute does not make the models look faster than the peak.
 */
export async function measureMatMulPeak(reps = 8): Promise<PeakResult> {
  await selectBackend("wasm");
  const results: string[] = [];
  let peak = 0;
  for (const kernel of PEAK_KERNELS) {
    const { run, inputs } = kernel.make();
    try {
      let fastest = Infinity;
      for (let i = 0; i <= reps; i++) {
        const t0 = performance.now();
        const out = run();
        await out.data();
        out.dispose();
        // Call 0 is the warm-up (operator creation, weight packing).
        if (i > 0) fastest = Math.min(fastest, (performance.now() - t0) / 1000);
      }
      const gflops = kernel.flops / fastest / 1e9;
      peak = Math.max(peak, gflops);
      results.push(`${kernel.name} ${gflops.toFixed(1)}`);
    } finally {
      tf.dispose(inputs);
    }
  }
  return {
    gflopsPerSecond: peak,
    method: `wasm, main thread, best of ${reps} calls after a warm-up, highest of: ${results.join(", ")} GFLOP/s`,
  };
}
