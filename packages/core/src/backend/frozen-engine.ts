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
import type { ComputeEngine } from "../contract/engines";
import { GraftError } from "../errors";
import type { FoldedGraph } from "../features/graph";
import type { PooledCompute } from "../features/workers/pool";
import { OnnxExportError } from "../onnx/export";
import { createOnnxGraphRunner, OnnxRuntimeUnavailableError, type OnnxGraphRunner, type OnnxOutput } from "../onnx/session";

/** Names a user may give `--backend`/`GRAFT_BACKEND` for ONNX Runtime. */
export const ONNXRUNTIME_ALIASES: readonly string[] = ["onnxruntime", "onnxruntime-node", "ort", "onnx"];

/** True when `requested` (a `--backend` value) names ONNX Runtime. */
export function isOnnxRuntimeRequest(requested: string | undefined | null): boolean {
  return requested !== undefined && requested !== null && ONNXRUNTIME_ALIASES.includes(requested.trim().toLowerCase());
}

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

  constructor(private readonly options: FrozenEngineOptions) {}

  /** Whether ONNX Runtime is tried at all: not on native TensorFlow or when a TF.js backend was named. */
  get triesOnnxRuntime(): boolean {
    const { request, backend } = this.options;
    return request === "onnxruntime" || (request === "auto" && backend !== "tensorflow");
  }

  private runner(graph: FoldedGraph, graphId: string, inputShape: [number, number, number], map: boolean): Promise<OnnxGraphRunner | null> {
    const key = `${graphId}:${String(map)}`;
    let pending = this.runners.get(key);
    if (pending === undefined) {
      pending = createOnnxGraphRunner(graph, { graphId, inputShape, map }, { cacheDir: this.options.cacheDir }).catch((error: unknown) => {
        if (!(error instanceof OnnxExportError || error instanceof OnnxRuntimeUnavailableError)) throw error;
        if (this.options.request === "onnxruntime")
          throw new GraftError("UNSUPPORTED", `Backend "onnxruntime" was requested but cannot run this base: ${error.message}`);
        noticeOnce(`${error.message}; the frozen base runs on ${this.options.backend}`, this.options.log ?? console.warn);
        return null;
      });
      this.runners.set(key, pending);
    }
    return pending;
  }

  /**
   * The frozen part `graph` (`graphId` its feature-cache identity) producing `output` per image of
   * `itemShape`; `fallback` is the same function on TF.js, used when ONNX Runtime cannot run it.
   */
  compute(
    graph: FoldedGraph,
    graphId: string,
    inputShape: [number, number, number],
    output: OnnxOutput,
    itemShape: readonly number[],
    fallback: (x: tf.Tensor4D) => tf.Tensor,
  ): FrozenCompute {
    let used: ComputeEngine | null = null;
    if (!this.triesOnnxRuntime) return { pool: undefined, used: () => used };
    const pool: PooledCompute = {
      // Two in flight: the next batch is decoded and preprocessed while ONNX Runtime's threads run this one.
      workers: 2,
      run: async (pixels, n) => {
        const shape = [n, ...itemShape];
        const runner = await this.runner(graph, graphId, inputShape, output === "map");
        if (runner === null) {
          used = this.options.backend as ComputeEngine;
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
    const runners = [...this.runners.values()];
    this.runners.clear();
    for (const r of runners) await (await r.catch(() => null))?.dispose();
  }
}
