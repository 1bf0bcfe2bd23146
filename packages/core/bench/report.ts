/**
 * The bench's JSON object (`--json`, last line of stdout): every promised figure under a stable
 * name, plus how it was measured. Field by field in packages/core/README.md ("Benchmark JSON").
 */
import os from "node:os";
import * as tf from "@tensorflow/tfjs";
import type { FeatureResults, PeakResult } from "./features";
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
  workerPool: WorkerPoolRate;
  fineTune: FineTuneRates;
  sweep: SweepResult;
  search: SearchResult;
  rows: readonly RatioRow[];
  loadAverage: { start: number[]; end: number[] };
  seconds: number;
}

/** Achieved GFLOP/s of one model on one backend, and its share of the measured peak. */
export interface AchievedGflops {
  achieved: number;
  fractionOfPeak: number;
}

/** The JSON report. */
export interface BenchReport {
  machine: { cpus: number; node: string; tfjs: string; loadAverage: { start: number[]; end: number[] } };
  featuresPerSecond: Record<string, Record<string, number>>;
  featuresMethod: string;
  featuresPerSecondWorkerPool: WorkerPoolRate;
  gflopsPerSecond: {
    peak: number;
    peakMethod: string;
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
  peakRssBytes: number;
  ratios: RatioRow[];
  seconds: number;
}

/** Assembles the report; `peakRssBytes` is this process's maximum resident set so far (worker threads included). */
export function buildReport(m: Measurements): BenchReport {
  const featuresPerSecond: BenchReport["featuresPerSecond"] = {};
  const byModel: BenchReport["gflopsPerSecond"]["byModel"] = {};
  for (const [model, backends] of Object.entries(m.features.rates)) {
    const flops = m.features.flopsPerImage[model] as number;
    for (const [backend, rate] of Object.entries(backends)) {
      (featuresPerSecond[model] ??= {})[backend] = rate.imagesPerSecond;
      const achieved = (rate.imagesPerSecond * flops) / 1e9;
      (byModel[model] ??= {})[backend] = { achieved, fractionOfPeak: achieved / m.peak.gflopsPerSecond };
    }
  }
  return {
    machine: { cpus: os.cpus().length, node: process.version, tfjs: tf.version.tfjs, loadAverage: m.loadAverage },
    featuresPerSecond,
    featuresMethod:
      "pooled features per second: the folded graph's forward pass on preprocessed 224×224 input, main thread (train() with workers 0); wasm: batch 32, median of ≥3 s of calls after a warm-up; cpu: batch 2, one call after a warm-up",
    featuresPerSecondWorkerPool: m.workerPool,
    gflopsPerSecond: {
      peak: m.peak.gflopsPerSecond,
      peakMethod: m.peak.method,
      flopsPerImage: m.features.flopsPerImage,
      flopsConvention:
        "2 per multiply-add of Conv2D, DepthwiseConv2D and Dense layers up to the feature layer, plus 1 per bias add (BN, activations, pooling and Add not counted)",
      byModel,
    },
    headImagesPerSecond: m.sweep.headImagesPerSecond,
    fineTuneImagesPerSecond: m.fineTune.wasm.imagesPerSecond,
    fineTune: m.fineTune,
    cachedSweepSpeedup: m.sweep.speedup,
    cachedSweep: m.sweep,
    search: m.search,
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
