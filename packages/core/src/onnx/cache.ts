/**
 * On-disk cache of exported ONNX models, keyed like the feature cache: the extractor id (model
 * name + weights sha256 + feature layer) plus the exporter version and the input shape. Each model
 * is `<cacheDir>/onnx/<key>.onnx` with a sidecar `<key>.json` holding the sha256 of its bytes; a
 * missing, torn or altered file is exported again. Writes are atomic (temp file + rename).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ONNX_EXPORTER_VERSION } from "./export";

/** What identifies an exported model. */
export interface OnnxKeyParts {
  /** `extractorId(spec, weightsSha256, layer)`, the feature cache's graph id. */
  graphId: string;
  /** Input shape without the batch axis [H, W, C]. */
  inputShape: readonly [number, number, number];
  /** Whether the model also outputs the feature map. */
  featureMap: boolean;
}

/** The cache key: sha256 over the graph id, exporter version, input shape and outputs, hex. */
export function onnxModelKey(parts: OnnxKeyParts): string {
  return createHash("sha256")
    .update(JSON.stringify([parts.graphId, ONNX_EXPORTER_VERSION, parts.inputShape, parts.featureMap]))
    .digest("hex")
    .slice(0, 40);
}

/** The sidecar of a cached model. */
export interface OnnxSidecar {
  sha256: string;
  bytes: number;
  exporter: string;
  graphId: string;
  inputShape: [number, number, number];
  featureMap: boolean;
}

/** A model read from or written to the cache. */
export interface CachedOnnxModel {
  /** Path of the .onnx file (null when no cache dir was given). */
  path: string | null;
  bytes: Uint8Array;
  sha256: string;
  /** True when the bytes came from the cache. */
  hit: boolean;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function writeAtomic(file: string, data: Uint8Array | string): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** A folder of exported models (`<cacheDir>/onnx`). */
export class OnnxModelCache {
  constructor(readonly root: string) {}

  /** `<root>/<key>.onnx` */
  modelPath(key: string): string {
    return path.join(this.root, `${key}.onnx`);
  }

  private sidecarPath(key: string): string {
    return path.join(this.root, `${key}.json`);
  }

  /** The cached model, or null when absent, torn or not matching its sidecar's sha256. */
  get(key: string): CachedOnnxModel | null {
    const file = this.modelPath(key);
    const side = this.sidecarPath(key);
    if (!existsSync(file) || !existsSync(side)) return null;
    let sidecar: Partial<OnnxSidecar>;
    try {
      sidecar = JSON.parse(readFileSync(side, "utf8")) as Partial<OnnxSidecar>;
    } catch {
      return null;
    }
    const buf = readFileSync(file);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    const digest = sha256(bytes);
    if (sidecar.sha256 !== digest || sidecar.bytes !== bytes.length || sidecar.exporter !== ONNX_EXPORTER_VERSION) return null;
    return { path: file, bytes, sha256: digest, hit: true };
  }

  /** Stores a model and then its sidecar, each atomically: a reader sees both or a miss. */
  put(key: string, bytes: Uint8Array, parts: OnnxKeyParts): CachedOnnxModel {
    mkdirSync(this.root, { recursive: true });
    const digest = sha256(bytes);
    const file = this.modelPath(key);
    writeAtomic(file, bytes);
    const sidecar: OnnxSidecar = {
      sha256: digest,
      bytes: bytes.length,
      exporter: ONNX_EXPORTER_VERSION,
      graphId: parts.graphId,
      inputShape: [parts.inputShape[0], parts.inputShape[1], parts.inputShape[2]],
      featureMap: parts.featureMap,
    };
    writeAtomic(this.sidecarPath(key), `${JSON.stringify(sidecar, null, 2)}\n`);
    return { path: file, bytes, sha256: digest, hit: false };
  }
}

/**
 * The exported model for `parts`: from `<cacheDir>/onnx` when present and intact, otherwise
 * `exportModel()` (stored there when `cacheDir` is not null).
 */
export function cachedOnnxModel(cacheDir: string | null, parts: OnnxKeyParts, exportModel: () => Uint8Array): CachedOnnxModel {
  if (cacheDir === null) {
    const bytes = exportModel();
    return { path: null, bytes, sha256: sha256(bytes), hit: false };
  }
  const cache = new OnnxModelCache(path.join(cacheDir, "onnx"));
  const key = onnxModelKey(parts);
  return cache.get(key) ?? cache.put(key, exportModel(), parts);
}
