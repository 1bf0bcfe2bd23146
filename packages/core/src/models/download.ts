/**
 * Downloads a registry model (model.json + weight shards) into the cache, verifying model.json
 * against the registry's sha256. Files are written under temp names and renamed, and model.json is
 * renamed last, so its presence means the folder is complete.
 */
import { createHash } from "node:crypto";
import { existsSync, promises as fsp } from "node:fs";
import path from "node:path";
import { GraftError } from "../errors";
import { parseModelJson } from "./io";
import type { BaseModelSpec } from "./spec";

/** Progress of a download, in files and bytes received so far. */
export interface DownloadProgress {
  model: string;
  file: string;
  filesDone: number;
  filesTotal: number;
  bytes: number;
}

/** A request that got no file: no network, refused connection, HTTP error. The loader turns it into advice. */
export class DownloadError extends GraftError {
  constructor(code: "FAILURE" | "NOT_FOUND", message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = "DownloadError";
  }
}

async function fetchBytes(url: string): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (cause) {
    // undici says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND...) is in its cause.
    const inner = cause instanceof Error && cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    throw new DownloadError("FAILURE", `Cannot download ${url}: ${cause instanceof Error ? cause.message : String(cause)}${inner}`, { cause });
  }
  if (!res.ok) throw new DownloadError(res.status === 404 ? "NOT_FOUND" : "FAILURE", `Download of ${url} failed: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}-${Date.now()}.tmp`;
  await fsp.writeFile(tmp, bytes);
  await fsp.rename(tmp, file);
}

/**
 * Ensures `<dir>/model.json` and its shards exist, downloading from `spec.url`. A model.json whose
 * sha256 differs from `spec.sha256` is deleted and reported as CHECKSUM_MISMATCH (expected and
 * actual); nothing else is written in that case.
 * @returns the local model.json path.
 */
export async function downloadModel(spec: BaseModelSpec, dir: string, onProgress?: (p: DownloadProgress) => void): Promise<string> {
  if (spec.url === null) throw new GraftError("NOT_FOUND", `Base model ${JSON.stringify(spec.name)} has no download URL`);
  const jsonPath = path.join(dir, "model.json");
  await fsp.mkdir(dir, { recursive: true });
  const jsonBytes = await fetchBytes(spec.url);
  const actual = createHash("sha256").update(jsonBytes).digest("hex");
  if (spec.sha256 !== null && actual !== spec.sha256) {
    // The download is kept only in memory until verified; remove any stale copy as well.
    await fsp.rm(jsonPath, { force: true });
    throw new GraftError("CHECKSUM_MISMATCH", `model.json of ${JSON.stringify(spec.name)} from ${spec.url} has sha256 ${actual}, expected ${spec.sha256}; the file was deleted`);
  }
  const mj = parseModelJson(jsonBytes.toString("utf8"), spec.url);
  const shards = mj.weightsManifest.flatMap((g) => g.paths);
  let bytes = jsonBytes.length;
  let done = 0;
  onProgress?.({ model: spec.name, file: "model.json", filesDone: done, filesTotal: shards.length + 1, bytes });
  for (const shard of shards) {
    const target = path.join(dir, shard);
    if (path.relative(dir, target).startsWith("..")) throw new GraftError("FAILURE", `Weight path ${JSON.stringify(shard)} in ${spec.url} escapes the model folder`);
    if (!existsSync(target)) {
      const data = await fetchBytes(new URL(shard, spec.url).toString());
      await writeAtomic(target, data);
      bytes += data.length;
    }
    done++;
    onProgress?.({ model: spec.name, file: shard, filesDone: done, filesTotal: shards.length + 1, bytes });
  }
  await writeAtomic(jsonPath, jsonBytes);
  onProgress?.({ model: spec.name, file: "model.json", filesDone: shards.length + 1, filesTotal: shards.length + 1, bytes });
  return jsonPath;
}
