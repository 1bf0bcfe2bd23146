/**
 * Downloads a registry model (model.json + weight shards) into the cache and verifies it by the
 * base's checksum policy: `pinned`, against the registry's sha256 of model.json (and of the weights
 * when the registry has it); `recorded` (trust on first use), against the sha256s its first download
 * wrote to `sha256.recorded` beside the files, writing that file when there is none. Files are
 * written under temp names and renamed, and model.json is renamed last, so its presence means the
 * folder is complete (and, for a recorded base, its hashes recorded).
 */
import { createHash } from "node:crypto";
import { existsSync, promises as fsp } from "node:fs";
import path from "node:path";
import { GraftError } from "../errors";
import { parseModelJson, type ModelJson } from "./io";
import type { BaseModelSpec } from "./spec";

/** The file, beside a cached model.json, that holds the sha256s of a `recorded` base's first download. */
export const RECORDED_SHA256_FILE = "sha256.recorded";

/** The content of {@link RECORDED_SHA256_FILE}. */
export interface RecordedChecksums {
  model: string;
  /** sha256 of model.json's bytes. */
  modelJson: string;
  /** sha256 of the weight files concatenated in manifest order (the `weightsSha256` runs record). */
  weights: string;
  /** Where the files were first downloaded from, and when. */
  url: string;
  recordedAt: string;
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** sha256 of a model's weight files concatenated in manifest order (groups, then paths). */
async function weightsSha256(dir: string, mj: ModelJson): Promise<string> {
  const hash = createHash("sha256");
  for (const p of mj.weightsManifest.flatMap((g) => g.paths)) hash.update(await fsp.readFile(path.join(dir, p)));
  return hash.digest("hex");
}

/** The checksums a recorded base's first download wrote in `dir`, or null when there are none yet. */
export async function readRecordedChecksums(dir: string): Promise<RecordedChecksums | null> {
  const file = path.join(dir, RECORDED_SHA256_FILE);
  let text: string;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let r: Partial<RecordedChecksums> | null = null;
  try {
    r = JSON.parse(text) as Partial<RecordedChecksums> | null;
  } catch {
    // Reported below: a record that cannot be read must not be silently replaced.
  }
  const hex = /^[0-9a-f]{64}$/;
  if (
    r === null ||
    typeof r !== "object" ||
    typeof r.modelJson !== "string" ||
    !hex.test(r.modelJson) ||
    typeof r.weights !== "string" ||
    !hex.test(r.weights)
  ) {
    throw new GraftError(
      "CHECKSUM_MISMATCH",
      `${file} is not a checksum record (it needs the sha256s "modelJson" and "weights"); delete the folder ${dir} to download the model again and trust what comes`,
    );
  }
  return r as RecordedChecksums;
}

/** `what`: the files and where they came from, e.g. `model.json of "x" from URL`. */
function recordedMismatch(dir: string, what: string, actual: string, recorded: string): GraftError {
  return new GraftError(
    "CHECKSUM_MISMATCH",
    `${what}: sha256 ${actual}, but the first download recorded ${recorded} in ${path.join(dir, RECORDED_SHA256_FILE)}; the files changed since, so they are refused. ` +
      `If the change is expected, delete the folder ${dir} to download again and record the new files.`,
  );
}

/**
 * Checks the complete cached copy of a `recorded` base in `dir` against its record, and writes the
 * record when there is none yet (a copy cached before records existed is trusted as it is now).
 * @returns the recorded checksums.
 * @throws CHECKSUM_MISMATCH naming the file, both hashes and what to delete when they differ.
 */
export async function verifyRecordedModel(spec: BaseModelSpec, dir: string): Promise<RecordedChecksums> {
  const jsonBytes = await fsp.readFile(path.join(dir, "model.json"));
  const mj = parseModelJson(jsonBytes.toString("utf8"), path.join(dir, "model.json"));
  return checkOrRecord(spec, dir, sha256(jsonBytes), await weightsSha256(dir, mj), spec.url ?? "(local copy)");
}

async function checkOrRecord(
  spec: BaseModelSpec,
  dir: string,
  modelJson: string,
  weights: string,
  url: string,
): Promise<RecordedChecksums> {
  const recorded = await readRecordedChecksums(dir);
  if (recorded !== null) {
    if (recorded.modelJson !== modelJson)
      throw recordedMismatch(dir, `model.json of ${JSON.stringify(spec.name)} in ${dir}`, modelJson, recorded.modelJson);
    if (recorded.weights !== weights)
      throw recordedMismatch(dir, `The weights of ${JSON.stringify(spec.name)} in ${dir}`, weights, recorded.weights);
    return recorded;
  }
  const record: RecordedChecksums = { model: spec.name, modelJson, weights, url, recordedAt: new Date().toISOString() };
  await writeAtomic(path.join(dir, RECORDED_SHA256_FILE), Buffer.from(`${JSON.stringify(record, null, 2)}\n`));
  return record;
}

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
    throw new DownloadError("FAILURE", `Cannot download ${url}: ${cause instanceof Error ? cause.message : String(cause)}${inner}`, {
      cause,
    });
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
 * actual); nothing else is written in that case. Weights that differ from `spec.weightsSha256` are
 * deleted and refused the same way. A `recorded` base (no `spec.sha256`) is held to the sha256s in
 * `sha256.recorded` (CHECKSUM_MISMATCH, and model.json is not written, when they differ), or has
 * them recorded there by this first download.
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
    throw new GraftError(
      "CHECKSUM_MISMATCH",
      `model.json of ${JSON.stringify(spec.name)} from ${spec.url} has sha256 ${actual}, expected ${spec.sha256}; the file was deleted`,
    );
  }
  const recorded = spec.sha256 === null ? await readRecordedChecksums(dir) : null;
  if (recorded !== null && recorded.modelJson !== actual) {
    await fsp.rm(jsonPath, { force: true });
    throw recordedMismatch(dir, `model.json of ${JSON.stringify(spec.name)} from ${spec.url}`, actual, recorded.modelJson);
  }
  const mj = parseModelJson(jsonBytes.toString("utf8"), spec.url);
  const shards = mj.weightsManifest.flatMap((g) => g.paths);
  let bytes = jsonBytes.length;
  let done = 0;
  onProgress?.({ model: spec.name, file: "model.json", filesDone: done, filesTotal: shards.length + 1, bytes });
  for (const shard of shards) {
    const target = path.join(dir, shard);
    if (path.relative(dir, target).startsWith(".."))
      throw new GraftError("FAILURE", `Weight path ${JSON.stringify(shard)} in ${spec.url} escapes the model folder`);
    if (!existsSync(target)) {
      const data = await fetchBytes(new URL(shard, spec.url).toString());
      await writeAtomic(target, data);
      bytes += data.length;
    }
    done++;
    onProgress?.({ model: spec.name, file: shard, filesDone: done, filesTotal: shards.length + 1, bytes });
  }
  const weights = await weightsSha256(dir, mj);
  const expectedWeights = spec.weightsSha256 ?? recorded?.weights ?? null;
  if (expectedWeights !== null && weights !== expectedWeights) {
    // Deleted, so that a retry downloads them again rather than failing on the same bytes.
    await Promise.all(shards.map((s) => fsp.rm(path.join(dir, s), { force: true })));
    if (recorded !== null)
      throw recordedMismatch(dir, `The weights of ${JSON.stringify(spec.name)} from ${spec.url}`, weights, recorded.weights);
    throw new GraftError(
      "CHECKSUM_MISMATCH",
      `The weights of ${JSON.stringify(spec.name)} from ${spec.url} have sha256 ${weights}, expected ${expectedWeights}; the files were deleted`,
    );
  }
  if (spec.sha256 === null) await checkOrRecord(spec, dir, actual, weights, spec.url);
  await writeAtomic(jsonPath, jsonBytes);
  onProgress?.({ model: spec.name, file: "model.json", filesDone: shards.length + 1, filesTotal: shards.length + 1, bytes });
  return jsonPath;
}
