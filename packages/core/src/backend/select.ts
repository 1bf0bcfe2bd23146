/**
 * Picks the fastest TensorFlow.js backend available on this machine and remembers the choice,
 * because every run's result records which backend produced it (metrics differ slightly).
 */
import * as tf from "@tensorflow/tfjs";
import { createRequire } from "node:module";
import path from "node:path";
import { BadInputError, GraftError } from "../errors";
import { isOnnxRuntimeRequest } from "../contract/engines";
import { registerWasmGradientKernels } from "./wasm-grad-kernels";

/** Backend names `selectBackend` understands, fastest first. */
export const BACKEND_NAMES = ["tensorflow", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Aliases users type (`GRAFT_BACKEND=node`) mapped to tf backend names. */
const ALIASES: Record<string, BackendName> = {
  tensorflow: "tensorflow",
  node: "tensorflow",
  "tfjs-node": "tensorflow",
  "tfjs-node-gpu": "tensorflow",
  gpu: "tensorflow",
  wasm: "wasm",
  cpu: "cpu",
};

let chosen: string | null = null;
let pending: Promise<string> | null = null;

/** The backend chosen by the last `selectBackend`, or null before the first call. */
export function currentBackend(): string | null {
  return chosen;
}

/**
 * Loads tfjs-node(-gpu) if installed. They are optional peer dependencies that register the
 * native `tensorflow` backend on import; a missing package or a broken native binding means
 * "not available", never an error.
 */
async function tryNative(): Promise<boolean> {
  for (const pkg of ["@tensorflow/tfjs-node-gpu", "@tensorflow/tfjs-node"]) {
    try {
      await import(/* @vite-ignore */ pkg);
      if (tf.findBackendFactory("tensorflow") !== null) return true;
    } catch {
      // not installed or its native library failed to load: try the next one
    }
  }
  return false;
}

/**
 * Points the wasm backend at the `.wasm` binaries of the installed package. In Node the default
 * (a URL relative to the script) does not resolve, so the directory is found with createRequire.
 */
async function prepareWasm(): Promise<void> {
  const wasm = await import("@tensorflow/tfjs-backend-wasm");
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist");
  wasm.setWasmPaths(dir + path.sep);
  registerWasmGradientKernels();
}

async function activate(name: BackendName): Promise<boolean> {
  if (name === "tensorflow" && !(await tryNative())) return false;
  if (name === "wasm") await prepareWasm();
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** A backend name, or null for "choose" when the request names ONNX Runtime (it runs the frozen part only). */
function normalise(requested: string, source: string): BackendName | null {
  if (isOnnxRuntimeRequest(requested)) return null;
  const key = requested.trim().toLowerCase();
  const name = ALIASES[key];
  if (name === undefined) {
    throw new BadInputError(
      `Unknown backend ${JSON.stringify(requested)} (from ${source}); valid backends: ${[...Object.keys(ALIASES), "onnxruntime"].join(", ")}`,
    );
  }
  return name;
}

/**
 * Activates a TensorFlow.js backend and returns its name.
 *
 * Order without an override: tfjs-node-gpu / tfjs-node (`tensorflow`), then `wasm` (SIMD; the
 * composed gradient kernels are registered so fine-tuning works), then `cpu`. The `preferred`
 * argument, else the `GRAFT_BACKEND` environment variable, forces one backend (`onnxruntime` names
 * the frozen part's engine, see `FrozenEngine`, and leaves this choice automatic); an unknown name is a
 * {@link BadInputError}, and a known one that cannot start is a `GraftError` UNSUPPORTED.
 */
export async function selectBackend(preferred?: string): Promise<string> {
  const fromEnv = process.env.GRAFT_BACKEND;
  const requested =
    preferred !== undefined && preferred !== ""
      ? normalise(preferred, "argument")
      : fromEnv !== undefined && fromEnv !== ""
        ? normalise(fromEnv, "GRAFT_BACKEND")
        : null;
  // Serialise concurrent callers: tf.setBackend is global state.
  const previous = pending ?? Promise.resolve("");
  const next = previous
    .catch(() => "")
    .then(async () => {
      if (requested !== null) {
        if (chosen === requested && tf.getBackend() === requested) return requested;
        if (!(await activate(requested))) {
          throw new GraftError(
            "UNSUPPORTED",
            `Backend ${JSON.stringify(requested)} is not available on this machine${requested === "tensorflow" ? " (install @tensorflow/tfjs-node or @tensorflow/tfjs-node-gpu)" : ""}`,
          );
        }
        chosen = requested;
        return requested;
      }
      if (chosen !== null && tf.getBackend() === chosen) return chosen;
      for (const name of BACKEND_NAMES) {
        if (await activate(name)) {
          chosen = name;
          return name;
        }
      }
      throw new GraftError("FAILURE", "No TensorFlow.js backend could be started (tried tensorflow, wasm, cpu)");
    });
  pending = next;
  return next;
}
