/**
 * The bench's JSON object (`--json`, last line of stdout): every promised figure under a stable
 * name, plus how it was measured. Field by field in packages/core/README.md ("Benchmark JSON").
 */
import os from "node:os";
import * as tf from "@tensorflow/tfjs";
import type { FeatureResults, PeakResult } from "./features";
import type { MoonshotResult } from "./moonshot";
import type { OnnxBench } from "./onnx";
import type { SearchResult } from "./search";
import type { SweepResult } from "./sweep";

/** One baseline-vs-fast-path line of the human-readable table (also in the JSON's `ratios`). */
export interface RatioRow {
  measure: string;
  baseline: string;
  baselineRate: number;
  fast: string;
  fastRate: number;
}

/** Fine-tuning steps per second on each backend, in images (the JSON's `fineTune`). */
export interface FineTuneRates {
  model: string;
  layers: number;
  wasm: { imagesPerSecond: number; batch: number };
  cpu: { imagesPerSecond: number; batch: number };
}

/** The frozen part's forward pass on a worker pool (the workers section), for comparison with `featuresPerSecond`. */
export interface WorkerPoolRate {
  model: string;
  backend: "wasm";
  workers: number;
  imagesPerSecond: number;
  /** The same batches on the main thread, measured just before. */
  mainThreadImagesPerSecond: number;
}

/** Everything the bench measured, as {@link buildReport} takes it. */
export interface Measurements {
  peak: PeakResult;
  features: FeatureResults;
  /** The ONNX Runtime section; null where onnxruntime-node does not load. */
  onnx: OnnxBench | null;
  workerPool: WorkerPoolRate;
  fineTune: FineTuneRates;
  sweep: SweepResult;
  search: SearchResult;
  /** null with --quick. */
  moonshot: MoonshotResult | null;
  rows: readonly RatioRow[];
  loadAverage: { start: number[]; end: number[] };
  seconds: number;
}

/** Achieved GFLOP/s of one model on one backend, and its share of the measured peak. */
export interface AchievedGflops {
  achieved: number;
  fractionOfPeak: number;
  /** ONNX Runtime only: against `gflopsPerSecond.nativePeak`, the peak of its own kernels and threads. */
  fractionOfNativePeak?: number;
}

/** The JSON report. */
export interface BenchReport {
  machine: { cpus: number; node: string; tfjs: string; loadAverage: { start: number[]; end: number[] } };
  featuresPerSecond: Record<string, Record<string, number>>;
  featuresMethod: string;
  featuresPerSecondWorkerPool: WorkerPoolRate;
  /** ONNX Runtime's version, provider and threads, and one augmented epoch on it vs wasm (null without it). */
  onnxruntime: {
    runtime: OnnxBench["runtime"];
    augmentedEpoch: OnnxBench["augmentedEpoch"];
    speedupOverWasm: Record<string, number>;
  } | null;
  gflopsPerSecond: {
    peak: number;
    peakMethod: string;
    /** ONNX Runtime's MatMul 2048² GFLOP/s with its threads (null without it). */
    nativePeak: number | null;
    flopsPerImage: Record<string, number>;
    flopsConvention: string;
    byModel: Record<string, Record<string, AchievedGflops>>;
  };
  headImagesPerSecond: number;
  fineTuneImagesPerSecond: number;
  fineTune: FineTuneRates;
  cachedSweepSpeedup: number;
  cachedSweep: SweepResult;
  search: SearchResult;
  /** 50 head configs over 10,000 images from a cold cache (null with --quick). */
  moonshot: MoonshotResult | null;
  peakRssBytes: number;
  ratios: RatioRow[];
  seconds: number;
}

/** The engines' part of the report: rates by model and engine, GFLOP/s, and ONNX Runtime's figures. */
function engineFigures(
  m: Pick<Measurements, "peak" | "features" | "onnx">,
): Pick<BenchReport, "featuresPerSecond" | "featuresMethod" | "onnxruntime" | "gflopsPerSecond"> {
  const featuresPerSecond: BenchReport["featuresPerSecond"] = {};
  const byModel: BenchReport["gflopsPerSecond"]["byModel"] = {};
  for (const [model, backends] of Object.entries(m.features.rates)) {
    const flops = m.features.flopsPerImage[model] as number;
    for (const [backend, rate] of Object.entries(backends)) {
      (featuresPerSecond[model] ??= {})[backend] = rate.imagesPerSecond;
      const achieved = (rate.imagesPerSecond * flops) / 1e9;
      (byModel[model] ??= {})[backend] = {
        achieved,
        fractionOfPeak: achieved / m.peak.gflopsPerSecond,
        ...(backend === "onnxruntime" && m.onnx !== null ? { fractionOfNativePeak: achieved / m.onnx.nativePeak } : {}),
      };
    }
  }
  return {
    featuresPerSecond,
    featuresMethod:
      "pooled features per second: the folded graph's forward pass on preprocessed 224×224 input, main thread (train() with workers 0); wasm: batch 32, median of ≥3 s of calls after a warm-up; cpu: batch 2, one call after a warm-up; onnxruntime: the same graph exported to ONNX, batch 32, median of ≥3 s of calls after a warm-up, intra-op threads = the cores present",
    onnxruntime:
      m.onnx === null
        ? null
        : {
            runtime: m.onnx.runtime,
            augmentedEpoch: m.onnx.augmentedEpoch,
            speedupOverWasm: Object.fromEntries(
              Object.entries(featuresPerSecond)
                .filter(([, r]) => r["onnxruntime"] !== undefined && r["wasm"] !== undefined)
                .map(([model, r]) => [model, (r["onnxruntime"] as number) / (r["wasm"] as number)]),
            ),
          },
    gflopsPerSecond: {
      peak: m.peak.gflopsPerSecond,
      peakMethod: m.peak.method,
      nativePeak: m.onnx?.nativePeak ?? null,
      flopsPerImage: m.features.flopsPerImage,
      flopsConvention:
        "2 per multiply-add of Conv2D, DepthwiseConv2D and Dense layers up to the feature layer, plus 1 per bias add (BN, activations, pooling and Add not counted)",
      byModel,
    },
  };
}

/** Assembles the report; `peakRssBytes` is this process's maximum resident set so far (worker threads included). */
export function buildReport(m: Measurements): BenchReport {
  return {
    machine: { cpus: os.cpus().length, node: process.version, tfjs: tf.version.tfjs, loadAverage: m.loadAverage },
    ...engineFigures(m),
    featuresPerSecondWorkerPool: m.workerPool,
    headImagesPerSecond: m.sweep.headImagesPerSecond,
    fineTuneImagesPerSecond: m.fineTune.wasm.imagesPerSecond,
    fineTune: m.fineTune,
    cachedSweepSpeedup: m.sweep.speedup,
    cachedSweep: m.sweep,
    search: m.search,
    moonshot: m.moonshot,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    ratios: [...m.rows],
    seconds: m.seconds,
  };
}

/** The JSON report of `--only search`: the machine, the search section, and the process's figures. */
export interface SearchOnlyReport {
  machine: BenchReport["machine"];
  search: SearchResult;
  peakRssBytes: number;
  seconds: number;
}

/** Assembles the `--only search` report. */
export function buildSearchOnlyReport(m: {
  search: SearchResult;
  loadAverage: { start: number[]; end: number[] };
  seconds: number;
}): SearchOnlyReport {
  return {
    machine: { cpus: os.cpus().length, node: process.version, tfjs: tf.version.tfjs, loadAverage: m.loadAverage },
    search: m.search,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    seconds: m.seconds,
  };
}

/** The JSON report of `--only onnx`: wasm and ONNX Runtime side by side. */
export type OnnxOnlyReport = Pick<
  BenchReport,
  "machine" | "featuresPerSecond" | "featuresMethod" | "onnxruntime" | "gflopsPerSecond" | "peakRssBytes" | "seconds"
>;

/** Assembles the `--only onnx` report. */
export function buildOnnxOnlyReport(m: Pick<Measurements, "peak" | "features" | "onnx" | "loadAverage" | "seconds">): OnnxOnlyReport {
  return {
    machine: { cpus: os.cpus().length, node: process.version, tfjs: tf.version.tfjs, loadAverage: m.loadAverage },
    ...engineFigures(m),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    seconds: m.seconds,
  };
}
