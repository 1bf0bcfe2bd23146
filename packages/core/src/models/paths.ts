/** Default locations from the environment (see docs/ARCHITECTURE.md). */
import os from "node:os";
import path from "node:path";
import type { BaseModelSpec } from "./spec";

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

/**
 * Where a registry model is downloaded from: `GRAFT_MODELS_URL/<name>/model.json` when that
 * variable is set (a mirror holding the same files, checked against the same sha256; tests point
 * it at an unreachable address), else the registry's own URL. Null for models without one.
 */
export function modelDownloadUrl(spec: BaseModelSpec): string | null {
  if (spec.url === null) return null;
  const mirror = process.env.GRAFT_MODELS_URL;
  if (mirror === undefined || mirror === "") return spec.url;
  return `${mirror.replace(/\/+$/, "")}/${encodeURIComponent(spec.name)}/model.json`;
}
