/**
 * Messages between the main thread and a frozen-part worker. Plain data only (structured clone);
 * pixels and outputs travel as transferred ArrayBuffers, never copied.
 */

/** The backends a worker can run: tfjs-node (`tensorflow`) is multi-threaded already, so it never gets a pool. */
export type WorkerBackend = "wasm" | "cpu";

/** How a worker loads the base: the same arguments the main thread gave `loadBaseModel`. */
export interface WorkerBaseSpec {
  /** Registry name or model.json path. */
  baseModel: string;
  /** `LoadBaseModelOptions.modelsDir`; omitted means the default (`GRAFT_MODELS_DIR`). */
  modelsDir?: string | null;
  cacheDir?: string;
  /** `"imagenet"` or a Keras `.h5` path. */
  weights?: string;
  /** The sha256 the `.h5` file must have: the main thread's, so every worker loads the same bytes. */
  expectedWeightsSha256?: string;
}

/** What a worker is started with (its `workerData`). */
export interface WorkerSetup extends WorkerBaseSpec {
  backend: WorkerBackend;
}

/**
 * Which function of the frozen base a request asks for: global-average-pooled features at
 * `spec.featureLayer` (the extractor's `pooled`), or the bottom part's output at the fine-tuning
 * split of `splitGraph(graph, fineTuneLayers)`; `boundary` is the tensor name the main thread got,
 * checked by the worker so both sides provably run the same subgraph.
 */
export type FrozenOutput = { kind: "pooled" } | { kind: "boundary"; fineTuneLayers: number; boundary: string };

/** Main thread → worker: one chunk of preprocessed pixels [n, s, s, 3]. */
export interface ComputeRequest {
  id: number;
  output: FrozenOutput;
  n: number;
  pixels: ArrayBuffer;
}

/** Worker → main thread. */
export type WorkerMessage =
  | { type: "ready"; inputSize: number }
  | { type: "result"; id: number; shape: number[]; values: ArrayBuffer }
  | { type: "error"; id: number | null; error: SerializedError };

/** An error as data: structured clone would drop a GraftError's class and code. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

/** Turns anything thrown into {@link SerializedError}. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === "string" ? { code } : {}) };
  }
  return { name: "Error", message: String(error) };
}
