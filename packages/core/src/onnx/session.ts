/**
 * The frozen base on ONNX Runtime: a feature extractor's folded graph exported to ONNX (cached on
 * disk), run by an `InferenceSession` on the CPU execution provider, or CUDA's when its library is
 * installed in the package (never downloaded). Input is the same preprocessed NHWC batch the TF.js
 * path takes; output the same pooled features.
 */
import os from "node:os";
import { GraftError } from "../errors";
import type { FeatureExtractor } from "../features/extractor";
import type { FoldedGraph } from "../features/graph";
import { cachedOnnxModel } from "./cache";
import { buildOnnxModel, exportFoldedGraphWithInfo, ONNX_FEATURE_MAP, ONNX_FEATURES, ONNX_INPUT, OnnxExportError } from "./export";
import { cudaProviderInstalled, loadOnnxRuntime, type OrtModule, type OrtSession } from "./runtime";

/** Which engine ran the frozen part. */
export type OnnxEngine = "onnxruntime-cpu" | "onnxruntime-cuda";

/** How an ONNX Runtime session is opened. */
export interface OnnxSessionOptions {
  /** Cache root: the exported model goes to `<cacheDir>/onnx/`. null (default) exports in memory. */
  cacheDir?: string | null;
  /** "auto" (default): CUDA then CPU when the CUDA provider is installed; "cpu": CPU only. */
  providers?: "auto" | "cpu";
  /** ONNX Runtime's intra-op threads (default {@link defaultOnnxThreads}). */
  threads?: number;
}

/** Options of {@link createOnnxFeatureExtractor}. */
export interface OnnxFeatureExtractorOptions extends OnnxSessionOptions {
  /** Square input side (default the spec's inputSize). */
  inputSize?: number;
  /** Also output the feature map (for {@link OnnxFeatureExtractor.featureMap}). Default false. */
  featureMap?: boolean;
}

/** ONNX Runtime is not available here: the message says why. */
export class OnnxRuntimeUnavailableError extends GraftError {
  constructor(reason: string) {
    super("UNSUPPORTED", `ONNX Runtime is not available: ${reason}`);
    this.name = "OnnxRuntimeUnavailableError";
  }
}

/**
 * Intra-op threads when the caller sets none: one per core the process may use. Spinning is off
 * (see {@link createSession}), so a thread waiting for work yields its core to the decoder and to
 * TF.js instead of burning it.
 */
export function defaultOnnxThreads(): number {
  return Math.max(1, os.availableParallelism());
}

async function createSession(
  ort: OrtModule,
  model: string | Uint8Array,
  providers: "auto" | "cpu",
  threads: number,
): Promise<{ session: OrtSession; engine: OnnxEngine; cudaError: string | null }> {
  // Spinning threads wait for the next op at full speed: measured here, with the other core busy
  // decoding, 2 spinning threads ran MobileNet v1 0.25 at less than half the speed of 1 thread.
  const base: Record<string, unknown> = {
    graphOptimizationLevel: "all",
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    extra: { session: { intra_op: { allow_spinning: "0" }, inter_op: { allow_spinning: "0" } } },
  };
  let cudaError: string | null = null;
  if (providers === "auto" && cudaProviderInstalled()) {
    try {
      return {
        session: await ort.InferenceSession.create(model, { ...base, executionProviders: ["cuda", "cpu"] }),
        engine: "onnxruntime-cuda",
        cudaError,
      };
    } catch (error) {
      // The CUDA provider is installed but does not start here (no GPU, driver): CPU below, and the caller says why.
      cudaError = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    }
  }
  return {
    session: await ort.InferenceSession.create(model, { ...base, executionProviders: ["cpu"] }),
    engine: "onnxruntime-cpu",
    cudaError,
  };
}

/** Which outputs an exported graph has, and so which the runner can fetch. */
export type OnnxOutput = "pooled" | "map";

/** A folded graph (a whole base, or the frozen bottom of fine-tuning) running on ONNX Runtime. */
export interface OnnxGraphRunner {
  /** The graph's cache identity (`extractorId`): the same graph as on TF.js, so the same feature cache entries. */
  graphId: string;
  engine: OnnxEngine;
  /** Why the installed CUDA provider did not start (the session then runs on CPU); null otherwise. */
  cudaError: string | null;
  /** onnxruntime-node's version. */
  runtimeVersion: string;
  /** Input shape without the batch axis [S, S, 3]. */
  inputShape: [number, number, number];
  /** One image's pooled features [dim]. */
  pooledShape: [number];
  /** One image's output map [h, w, c] (null when the graph does not end in a map). */
  mapShape: [number, number, number] | null;
  /** The exported model: its path in the cache (null without cache), sha256, and whether it was cached. */
  model: { path: string | null; sha256: string; bytes: number; hit: boolean };
  /** Preprocessed NHWC pixels of `n` images → `output`, row-major ([n, dim] or [n, h, w, c]). */
  run(x: Float32Array, n: number, output: OnnxOutput): Promise<Float32Array>;
  dispose(): Promise<void>;
}

/**
 * Exports `graph` to ONNX (or reuses `<cacheDir>/onnx/`, keyed by `graphId`) and opens a session
 * on it. With `map: true` the model also outputs the graph's last map (NHWC), as the fine-tuning
 * boundary needs.
 * @throws OnnxExportError when a layer has no export (the caller keeps TF.js);
 *   OnnxRuntimeUnavailableError when onnxruntime-node cannot be loaded.
 */
export async function createOnnxGraphRunner(
  graph: FoldedGraph,
  target: { graphId: string; inputShape: [number, number, number]; map: boolean },
  options: OnnxSessionOptions = {},
): Promise<OnnxGraphRunner> {
  const loaded = await loadOnnxRuntime();
  if (loaded.ort === null) throw new OnnxRuntimeUnavailableError(loaded.reason);
  const ort = loaded.ort;
  const { graphId, inputShape, map } = target;
  let shapes: { dim: number; mapShape: [number, number, number] | null } | null = null;
  const exportNow = (): Uint8Array => {
    const out = exportFoldedGraphWithInfo(graph, inputShape, { featureMap: map, metadata: { "graft.extractor": graphId } });
    shapes = { dim: out.dim, mapShape: out.featureMapShape };
    return out.bytes;
  };
  const cached = cachedOnnxModel(options.cacheDir ?? null, { graphId, inputShape, featureMap: map }, exportNow);
  // A cache hit skipped the export: build the model once more for its shapes (milliseconds, no I/O).
  const { dim, mapShape } =
    shapes ?? ((m) => ({ dim: m.dim, mapShape: m.featureMapShape }))(buildOnnxModel(graph, inputShape, { featureMap: map }));
  const { session, engine, cudaError } = await createSession(
    ort,
    cached.path ?? cached.bytes,
    options.providers ?? "auto",
    options.threads ?? defaultOnnxThreads(),
  );
  const [h, w] = inputShape;
  let released = false;
  return {
    graphId,
    engine,
    cudaError,
    runtimeVersion: loaded.version,
    inputShape,
    pooledShape: [dim],
    mapShape,
    model: { path: cached.path, sha256: cached.sha256, bytes: cached.bytes.length, hit: cached.hit },
    run: async (x, n, output) => {
      if (released) throw new Error("ONNX Runtime session used after dispose()");
      if (output === "map" && !map) throw new Error("this ONNX model was exported without its feature map output");
      const expected = n * h * w * 3;
      if (!Number.isInteger(n) || n < 1 || x.length !== expected)
        throw new RangeError(`ONNX Runtime: ${n} images of ${h}×${w}×3 need ${expected} values, received ${x.length}`);
      const name = output === "map" ? ONNX_FEATURE_MAP : ONNX_FEATURES;
      const input = new ort.Tensor("float32", x, [n, h, w, 3]);
      const result = await session.run({ [ONNX_INPUT]: input }, [name]);
      const t = result[name];
      if (t === undefined || !(t.data instanceof Float32Array)) throw new Error(`ONNX Runtime returned no float32 ${name}`);
      const data = t.data.slice();
      t.dispose?.();
      input.dispose?.();
      const per = output === "map" ? (mapShape as [number, number, number]).reduce((a, b) => a * b, 1) : dim;
      if (data.length !== n * per) throw new Error(`ONNX Runtime's ${name} has ${data.length / n} values per image, expected ${per}`);
      return data;
    },
    dispose: async () => {
      if (released) return;
      released = true;
      await session.release();
    },
  };
}

/** A feature extractor running on ONNX Runtime. */
export interface OnnxFeatureExtractor {
  /** The TF.js extractor's id: the same graph, so the same feature cache entries. */
  id: string;
  dim: number;
  engine: OnnxEngine;
  /** onnxruntime-node's version. */
  runtimeVersion: string;
  /** Input shape without the batch axis [S, S, 3]. */
  inputShape: [number, number, number];
  /** The exported model: its path in the cache (null without cache), sha256, and whether it was cached. */
  model: { path: string | null; sha256: string; bytes: number; hit: boolean };
  /** Preprocessed NHWC pixels of `n` images → pooled features [n, dim], row-major. */
  pooled(x: Float32Array, n: number): Promise<Float32Array>;
  /** Preprocessed NHWC pixels → feature map [n, h, w, dim] (needs `featureMap: true`). */
  featureMap(x: Float32Array, n: number): Promise<Float32Array>;
  dispose(): Promise<void>;
}

/**
 * A TF.js feature extractor's folded graph on ONNX Runtime ({@link createOnnxGraphRunner} keyed by
 * the extractor's id).
 * @throws OnnxExportError when a layer has no export (the caller keeps TF.js);
 *   OnnxRuntimeUnavailableError when onnxruntime-node cannot be loaded.
 */
export async function createOnnxFeatureExtractor(
  fx: FeatureExtractor,
  options: OnnxFeatureExtractorOptions = {},
): Promise<OnnxFeatureExtractor> {
  if (fx.graph === null) throw new OnnxExportError("the extractor was built with fold: false; ONNX export needs the folded graph");
  const size = options.inputSize ?? fx.spec.inputSize;
  const withMap = options.featureMap ?? false;
  const runner = await createOnnxGraphRunner(fx.graph, { graphId: fx.id, inputShape: [size, size, 3], map: withMap }, options);
  if (runner.pooledShape[0] !== fx.dim) throw new Error(`ONNX export has ${runner.pooledShape[0]} features, the extractor ${fx.dim}`);
  return {
    id: fx.id,
    dim: fx.dim,
    engine: runner.engine,
    runtimeVersion: runner.runtimeVersion,
    inputShape: runner.inputShape,
    model: runner.model,
    pooled: (x, n) => runner.run(x, n, "pooled"),
    featureMap: (x, n) => {
      if (!withMap) return Promise.reject(new Error("ONNX feature extractor was created without featureMap: true"));
      return runner.run(x, n, "map");
    },
    dispose: () => runner.dispose(),
  };
}

/**
 * {@link createOnnxFeatureExtractor}, or null with the reason when the graph has no ONNX export or
 * ONNX Runtime cannot be loaded: the caller then keeps the frozen base on TF.js.
 */
export async function tryCreateOnnxFeatureExtractor(
  fx: FeatureExtractor,
  options: OnnxFeatureExtractorOptions = {},
): Promise<{ extractor: OnnxFeatureExtractor; reason: null } | { extractor: null; reason: string }> {
  try {
    return { extractor: await createOnnxFeatureExtractor(fx, options), reason: null };
  } catch (error) {
    if (error instanceof OnnxExportError || error instanceof OnnxRuntimeUnavailableError) return { extractor: null, reason: error.message };
    throw error;
  }
}
