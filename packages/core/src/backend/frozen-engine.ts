/**
 * Which engine runs the frozen part of a run (feature extraction, augmented epochs, the frozen
 * bottom of fine-tuning). The trainable part always runs on the TF.js backend; the frozen part may
 * run on ONNX Runtime instead, which is several times faster on a CPU than wasm
 * (packages/core/README.md, "ONNX Runtime for the frozen base").
 *
 * Order without an override: native TensorFlow when tfjs-node is the backend, then ONNX Runtime
 * (CUDA provider when installed, else CPU), then the backend itself (wasm, then cpu). The user's
 * `--backend`/`GRAFT_BACKEND` overrides: `onnxruntime` requires it, a TF.js backend name keeps the
 * frozen part on that backend.
 */
import * as tf from "@tensorflow/tfjs";
import { isOnnxRuntimeRequest, type ComputeEngine } from "../contract/engines";
import { GraftError } from "../errors";
import type { FoldedGraph } from "../features/graph";
import type { PooledCompute } from "../features/workers/pool";
import { createOnnxGraphRunner, type OnnxGraphRunner, type OnnxOutput } from "../onnx/session";

/** What the user asked for the frozen part: "auto", ONNX Runtime, or the TF.js backend. */
export type FrozenRequest = "auto" | "onnxruntime" | "tfjs";

/** The frozen-part request of `preferred`, else of `GRAFT_BACKEND` (the one place that reads it for this). */
export function frozenRequest(preferred?: string): FrozenRequest {
  const requested = preferred !== undefined && preferred !== "" ? preferred : process.env.GRAFT_BACKEND;
  if (requested === undefined || requested.trim() === "") return "auto";
  return isOnnxRuntimeRequest(requested) ? "onnxruntime" : "tfjs";
}

const noticed = new Set<string>();

/** Prints a fallback's reason once per process: an agent runs many runs and the reason does not change. */
function noticeOnce(line: string, log: (line: string) => void): void {
  if (noticed.has(line)) return;
  noticed.add(line);
  log(line);
}

/** A frozen part as train() uses it: the compute for `extractFeatures`/`augmentedSource`, and what ran it. */
export interface FrozenCompute {
  /** ONNX Runtime's compute; undefined when the part stays on TF.js (the caller's own paths). */
  pool: PooledCompute | undefined;
  /** The engine that computed at least one batch so far; null while nothing has run. */
  used(): ComputeEngine | null;
}

/** Options of {@link FrozenEngine}. */
export interface FrozenEngineOptions {
  request: FrozenRequest;
  /** The TF.js backend selectBackend chose. */
  backend: string;
  cacheDir: string | null;
  /** ONNX Runtime's intra-op threads (default `defaultOnnxThreads()`: one per core). */
  threads?: number;
  /** Where a fallback's one line goes (default console.warn). */
  log?: (line: string) => void;
}

/**
 * The frozen part's engine for one run. ONNX Runtime sessions open on the first batch that needs
 * them (a run whose features are all cached never pays for one); if the export or the runtime is
 * not available, that batch and the rest run on the TF.js backend, with one line saying why (an
 * explicit `onnxruntime` request fails instead).
 */
export class FrozenEngine {
  private readonly runners = new Map<string, Promise<OnnxGraphRunner | null>>();
  private disposed = false;

  constructor(private readonly options: FrozenEngineOptions) {}

  /** Whether ONNX Runtime is tried at all: not on native TensorFlow or when a TF.js backend was named. */
  get triesOnnxRuntime(): boolean {
    const { request, backend } = this.options;
    return request === "onnxruntime" || (request === "auto" && backend !== "tensorflow");
  }

  private runner(graph: FoldedGraph, graphId: string, inputShape: [number, number, number], map: boolean): Promise<OnnxGraphRunner | null> {
    if (this.disposed) return Promise.reject(new Error("FrozenEngine used after dispose()"));
    const key = `${graphId}:${String(map)}`;
    let pending = this.runners.get(key);
    if (pending === undefined) {
      const log = this.options.log ?? console.warn;
      pending = createOnnxGraphRunner(
        graph,
        { graphId, inputShape, map },
        {
          cacheDir: this.options.cacheDir,
          ...(this.options.threads === undefined ? {} : { threads: this.options.threads }),
        },
      ).then(
        (runner) => {
          if (runner.cudaError !== null)
            noticeOnce(`ONNX Runtime's CUDA provider did not start (${runner.cudaError}): the frozen base runs on its CPU provider`, log);
          return runner;
        },
        (error: unknown) => {
          // Any failure to export or open a session: an unknown layer, a missing runtime, an op the
          // runtime refuses. Asked for explicitly, that is the run's error; otherwise TF.js runs it.
          const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
          if (this.options.request === "onnxruntime")
            throw new GraftError("UNSUPPORTED", `Backend "onnxruntime" was requested but cannot run this base: ${reason}`);
          noticeOnce(`${reason}; the frozen base runs on ${this.options.backend}`, log);
          return null;
        },
      );
      this.runners.set(key, pending);
    }
    return pending;
  }

  /**
   * The frozen part `graph` (`graphId` its feature-cache identity) producing `output` per image of
   * `itemShape`. When ONNX Runtime cannot run it, `fallbackPool` (the TF.js worker pool, when the
   * run has one) or else `fallback` (the same function on TF.js, main thread) does.
   */
  compute(
    graph: FoldedGraph,
    graphId: string,
    inputShape: [number, number, number],
    output: OnnxOutput,
    itemShape: readonly number[],
    fallback: (x: tf.Tensor4D) => tf.Tensor,
    fallbackPool?: PooledCompute,
  ): FrozenCompute {
    let used: ComputeEngine | null = null;
    if (!this.triesOnnxRuntime) return { pool: fallbackPool, used: () => used };
    const pool: PooledCompute = {
      // Two in flight: sharp decodes the next batch on libuv's threads while this one runs (ONNX
      // Runtime's run blocks the main thread, so preprocessing does not overlap it).
      workers: Math.max(2, fallbackPool?.workers ?? 0),
      run: async (pixels, n) => {
        const shape = [n, ...itemShape];
        const runner = await this.runner(graph, graphId, inputShape, output === "map");
        if (runner === null) {
          used = this.options.backend as ComputeEngine;
          if (fallbackPool !== undefined) return fallbackPool.run(pixels, n);
          const out = tf.tidy(() => fallback(tf.tensor4d(pixels, [n, ...inputShape])));
          const values = (await out.data()) as Float32Array;
          out.dispose();
          return { values, shape };
        }
        used = runner.engine;
        return { values: await runner.run(pixels, n, output), shape };
      },
    };
    return { pool, used: () => used };
  }

  /** Releases the sessions opened. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const runners = [...this.runners.values()];
    this.runners.clear();
    // Every session is released even if one fails to; a failure here never hides the run's own error.
    await Promise.allSettled(runners.map(async (r) => (await r.catch(() => null))?.dispose()));
  }
}
