/**
 * sha256 of files, lowercase hex: the identity of images (feature-cache keys), of downloaded
 * model files, and of the weights a run records. Free of TF.js, so the CLI and agents can hash
 * without loading the engine (`@graft/core/hash`).
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { mapConcurrent } from "../data/pool";
import { StatMemo } from "./stat-memo";

/**
 * Reads the file whole: for the many small files of a dataset and for model.json files, where a
 * stream's setup costs more than the hashing (2.8× slower over the 720 plant-leaves photos).
 */
export async function fileSha256(file: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
}

/** Streams the file: for weights files, which run to hundreds of MB (VGG16's is over 500). */
export async function largeFileSha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/** sha256s of this process's images, read again only when a file's stat stamp changes. */
const rememberedHashes = new StatMemo<string>();

/**
 * Every image's sha256 by absolute path (8 at a time): a run hashes its images here and both the
 * dataset's identity and the feature cache's keys are made from it. Each file is read once per
 * process while unchanged: the later runs of a sweep only stat its 10,000 images (1 s → 0.1 s).
 */
export async function imageHashes(images: ReadonlyArray<{ absPath: string }>): Promise<Map<string, string>> {
  const hashes = await mapConcurrent(images, 8, (image) => rememberedHashes.get(image.absPath, () => fileSha256(image.absPath)));
  return new Map(images.map((image, i) => [image.absPath, hashes[i] as string]));
}

/**
 * The identity of a dataset's content: sha256 over its images' "path<TAB>sha256" lines in path
 * order (the sha256s from {@link imageHashes}), so renaming, adding, removing or editing any image
 * changes it and nothing else does.
 */
export function datasetSha256(images: ReadonlyArray<{ file: string; absPath: string }>, hashes: ReadonlyMap<string, string>): string {
  const sorted = [...images].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const lines = sorted.map((image) => {
    const sha = hashes.get(image.absPath);
    if (sha === undefined) throw new Error(`internal: no sha256 for ${image.absPath}`);
    return `${image.file}\t${sha}\n`;
  });
  return createHash("sha256").update(lines.join("")).digest("hex");
}
