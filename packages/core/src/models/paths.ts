/** Default locations from the environment (see docs/ARCHITECTURE.md). */
import os from "node:os";
import path from "node:path";

/** `GRAFT_CACHE_DIR`, else `~/.cache/graft`: downloaded weights and the feature cache. */
export function defaultCacheDir(): string {
  const env = process.env.GRAFT_CACHE_DIR;
  return env !== undefined && env !== "" ? path.resolve(env) : path.join(os.homedir(), ".cache", "graft");
}

/** `GRAFT_MODELS_DIR`: local weights, one folder per registry name; null when unset. */
export function defaultModelsDir(): string | null {
  const env = process.env.GRAFT_MODELS_DIR;
  return env !== undefined && env !== "" ? path.resolve(env) : null;
}
