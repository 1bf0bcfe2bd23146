/**
 * Lazy loading of ONNX Runtime (`onnxruntime-node`, an optional dependency): core works without
 * it, and says why it is not used. Only the few members Graft calls are typed here, so core also
 * typechecks where the package is absent.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** An ONNX Runtime tensor (the members Graft reads). */
export interface OrtTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
  dispose?(): void;
}

/** An ONNX Runtime inference session (the members Graft calls). */
export interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, OrtTensor>, fetches?: readonly string[]): Promise<Record<string, OrtTensor>>;
  release(): Promise<void>;
}

/** The `onnxruntime-node` module (the members Graft uses). */
export interface OrtModule {
  InferenceSession: { create(model: string | Uint8Array, options?: Record<string, unknown>): Promise<OrtSession> };
  Tensor: new (type: "float32", data: Float32Array, dims: readonly number[]) => OrtTensor;
  env: { versions?: { common?: string; node?: string } };
}

/** ONNX Runtime when it loads, otherwise null and why. */
export type OrtLoad = { ort: OrtModule; version: string; packageDir: string | null } | { ort: null; reason: string };

const PACKAGE = "onnxruntime-node";
let loading: Promise<OrtLoad> | null = null;

/** The folder of the installed `onnxruntime-node` package, or null. */
export function onnxRuntimePackageDir(): string | null {
  try {
    const main = createRequire(import.meta.url).resolve(PACKAGE);
    let dir = path.dirname(main);
    for (let k = 0; k < 4; k++) {
      if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "bin"))) return dir;
      dir = path.dirname(dir);
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * True when the CUDA execution provider's library sits beside the CPU library in the package
 * (installed by onnxruntime-node's postinstall when allowed; Graft never downloads it).
 */
export function cudaProviderInstalled(packageDir: string | null = onnxRuntimePackageDir()): boolean {
  if (packageDir === null || process.platform !== "linux") return false;
  return existsSync(path.join(packageDir, "bin", "napi-v6", "linux", process.arch, "libonnxruntime_providers_cuda.so"));
}

/**
 * Imports `onnxruntime-node` once. Resolves to `{ ort: null, reason }` when it is disabled
 * (GRAFT_NO_ONNXRUNTIME=1), not installed, or its native library does not load: never throws.
 */
export function loadOnnxRuntime(): Promise<OrtLoad> {
  if (process.env.GRAFT_NO_ONNXRUNTIME === "1") return Promise.resolve({ ort: null, reason: "disabled by GRAFT_NO_ONNXRUNTIME=1" });
  loading ??= (async (): Promise<OrtLoad> => {
    try {
      // A variable specifier: neither tsc nor a bundler needs the optional package to exist.
      const specifier: string = PACKAGE;
      const mod = (await import(specifier)) as OrtModule & { default?: OrtModule };
      const ort = typeof mod.InferenceSession?.create === "function" ? mod : mod.default;
      if (ort === undefined || typeof ort.InferenceSession?.create !== "function")
        return { ort: null, reason: `${PACKAGE} loaded without an InferenceSession` };
      return { ort, version: ort.env.versions?.node ?? ort.env.versions?.common ?? "unknown", packageDir: onnxRuntimePackageDir() };
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return { ort: null, reason: `${PACKAGE} could not be loaded: ${message}` };
    }
  })();
  return loading;
}
