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

/**
 * This process's recent entries, by cache folder and key. An agent training a sweep reads the same
 * 10,000 entries once per run; from memory that is a map lookup instead of a file each (~0.15 s a
 * run on the moonshot). Per folder, so that a fresh cache folder is cold (tests and benches compare
 * engines by computing into fresh folders).
 */
const recent = new Map<string, Float32Array>();
let recentBytes = 0;
/**
 * Beyond this the oldest entries are dropped: 256 MiB holds the pooled features of 65,000 images
 * of a 1,024-wide base, or fine-tuning maps of about 2,500.
 */
export const RECENT_MAX_BYTES = 256 * 1024 * 1024;

function remember(key: string, values: Float32Array): void {
  const before = recent.get(key);
  if (before !== undefined) {
    recent.delete(key);
    recentBytes -= before.byteLength;
  }
  recent.set(key, values);
  recentBytes += values.byteLength;
  for (const [oldKey, old] of recent) {
    if (recentBytes <= RECENT_MAX_BYTES) break;
    recent.delete(oldKey);
    recentBytes -= old.byteLength;
  }
}

/** A folder of cached per-image outputs: `<root>/<key[0..2]>/<key>.f32`. */
export class FeatureCache {
  /** Shard folders this instance made or found: one mkdir each rather than one per stored entry. */
  private readonly madeDirs = new Set<string>();

  constructor(readonly root: string) {}

  private memoryKey(key: string): string {
    return `${this.root}\n${key}`;
  }

  private file(key: string): string {
    return path.join(this.root, key.slice(0, 2), `${key}.f32`);
  }

  /**
   * The cached values, or null when absent or of the wrong length (a stale or torn file). The
   * array may be shared with later calls: read it, do not write to it.
   */
  get(key: string, length: number): Float32Array | null {
    const known = recent.get(this.memoryKey(key));
    if (known !== undefined && known.length === length) return known;
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
    remember(this.memoryKey(key), out);
    return out;
  }

  /** Stores values atomically (temp file + rename), so readers never see a partial file; keeps a copy of `values` in memory. */
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
    remember(this.memoryKey(key), values.slice());
  }
}
