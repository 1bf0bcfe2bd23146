/**
 * On-disk cache of per-image model outputs (pooled features, or the frozen part's feature map for
 * fine-tuning). One raw little-endian float32 file per image and graph, so a dataset that gains
 * images only computes the new ones, and two runs with the same base share the work.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What makes a cached output valid: the graph (model + weights + layer), input pipeline, image. */
export interface FeatureKeyParts {
  /** Extractor id: sha of model name + weights hash + output layer. */
  graphId: string;
  preprocessing: string;
  inputSize: number;
  /** sha256 of the image file's bytes. */
  imageSha256: string;
}

/** The cache key: sha256 over all parts, hex. */
export function featureKey(parts: FeatureKeyParts): string {
  return createHash("sha256").update(`${parts.graphId}\n${parts.preprocessing}\n${parts.inputSize}\n${parts.imageSha256}`).digest("hex");
}

/** A folder of cached per-image outputs: `<root>/<key[0..2]>/<key>.f32`. */
export class FeatureCache {
  /** Shard folders this instance made or found: one mkdir each rather than one per stored entry. */
  private readonly madeDirs = new Set<string>();

  constructor(readonly root: string) {}

  private file(key: string): string {
    return path.join(this.root, key.slice(0, 2), `${key}.f32`);
  }

  /** The cached values, or null when absent or of the wrong length (a stale or torn file). */
  get(key: string, length: number): Float32Array | null {
    // No existsSync first: a sweep reads every image's entry once per run, and the extra stat was
    // a fifth of the syscalls of a hit.
    let buf: Buffer;
    try {
      buf = readFileSync(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    if (buf.byteLength !== length * 4) return null;
    // Copy into an aligned buffer: a pooled Buffer may start at an odd byte offset.
    const out = new Float32Array(length);
    new Uint8Array(out.buffer).set(buf);
    return out;
  }

  /** Stores values atomically (temp file + rename), so readers never see a partial file. */
  put(key: string, values: Float32Array): void {
    const file = this.file(key);
    const dir = path.dirname(file);
    if (!this.madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    try {
      writeFileSync(tmp, bytes);
    } catch (error) {
      // The folder went away since (someone cleared the cache): make it again, once.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      mkdirSync(dir, { recursive: true });
      writeFileSync(tmp, bytes);
    }
    renameSync(tmp, file);
  }
}
