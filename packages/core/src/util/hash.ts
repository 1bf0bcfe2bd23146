/**
 * sha256 of files, lowercase hex: the identity of images (feature-cache keys), of downloaded
 * model files, and of the weights a run records. Free of TF.js, so the CLI and agents can hash
 * without loading the engine (`@graft/core/hash`).
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { pipeline } from "node:stream/promises";

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

/**
 * The identity of a dataset's content: sha256 over its images' "path<TAB>sha256" lines in path
 * order, so renaming, adding, removing or editing any image changes it and nothing else does.
 */
export async function datasetSha256(images: ReadonlyArray<{ file: string; absPath: string }>): Promise<string> {
  const lines: string[] = [];
  const sorted = [...images].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const image of sorted) lines.push(`${image.file}\t${await fileSha256(image.absPath)}\n`);
  return createHash("sha256").update(lines.join("")).digest("hex");
}
