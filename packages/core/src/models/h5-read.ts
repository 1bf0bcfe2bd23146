// jsfive ships no types; an ambient .d.ts is only seen by tsc runs that import this file from
// another package (apps/trainer) when referenced here, and an `import` cannot name a .d.ts.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./jsfive.d.ts" />
/**
 * Reads a Keras weights HDF5 file (`model.save_weights('x.h5')`, Keras 2 layout) with jsfive: root
 * attribute `layer_names`, one group per layer with attribute `weight_names`, each weight a dataset
 * at `<layer>/<weight name>`. Pure JS, so it works on every TF.js backend.
 */
import { File, type Dataset, type Group } from "jsfive";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { BadInputError } from "../errors";

/** One weight tensor of a Keras layer, as stored in the file. */
export interface H5Weight {
  /** Full Keras name, e.g. `conv1_bn/gamma:0`. */
  name: string;
  shape: number[];
  values: Float32Array;
}

/** One layer group of the file, weights in the file's (Keras) order. */
export interface H5Layer {
  name: string;
  weights: H5Weight[];
}

/** A parsed Keras weights file. */
export interface KerasH5Weights {
  path: string;
  /** Layers in `layer_names` order (weightless layers included, with no weights). */
  layers: H5Layer[];
  kerasVersion: string | null;
  /** sha256 of the file's bytes: identifies the weights in feature-cache keys. */
  sha256: string;
}

/** HDF5 fixed-length strings come back NUL-padded (`"conv1\0\0\0"`); Keras names never hold NUL. */
function cleanString(value: unknown, what: string, file: string): string {
  if (typeof value !== "string")
    throw new BadInputError(`${what} in ${JSON.stringify(file)} is not a string, received ${JSON.stringify(value)}`);
  return value.replace(/\0+$/, "");
}

function stringList(value: unknown, what: string, file: string): string[] {
  // A one-element list may be stored as a scalar string attribute.
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list))
    throw new BadInputError(`${what} in ${JSON.stringify(file)} is not a list of names, received ${JSON.stringify(value)?.slice(0, 200)}`);
  return list.map((v) => cleanString(v, what, file));
}

function readDataset(node: Group | Dataset, name: string, file: string): H5Weight {
  if (!("shape" in node) || !Array.isArray(node.shape))
    throw new BadInputError(`Weight ${JSON.stringify(name)} in ${JSON.stringify(file)} is not a dataset`);
  const raw = node.value;
  if (!Array.isArray(raw) && !ArrayBuffer.isView(raw)) {
    throw new BadInputError(
      `Weight ${JSON.stringify(name)} in ${JSON.stringify(file)} is not numeric (dtype ${JSON.stringify(node.dtype)})`,
    );
  }
  const values = Float32Array.from(raw as ArrayLike<number>);
  const size = node.shape.reduce((a, b) => a * b, 1);
  if (values.length !== size)
    throw new BadInputError(
      `Weight ${JSON.stringify(name)} in ${JSON.stringify(file)} holds ${values.length} values for shape ${JSON.stringify(node.shape)}`,
    );
  if (values.some((v) => Number.isNaN(v)))
    throw new BadInputError(`Weight ${JSON.stringify(name)} in ${JSON.stringify(file)} contains NaN`);
  return { name, shape: [...node.shape], values };
}

/**
 * Parses Keras weights from HDF5 bytes; `file` names the source in errors.
 * @throws BadInputError when the bytes are not HDF5 or not a Keras weights file.
 */
export function parseKerasH5(bytes: Uint8Array, file: string): KerasH5Weights {
  // jsfive reads the whole ArrayBuffer: copy the view out of Node's shared Buffer pool.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let h5: File;
  try {
    h5 = new File(buffer, file);
  } catch (cause) {
    throw new BadInputError(
      `${JSON.stringify(file)} is not a readable HDF5 file (${cause instanceof Error ? cause.message.trim() : String(cause)})`,
      { cause },
    );
  }
  // A full-model save (`model.save`) nests the same layout under `model_weights`.
  let root: Group = h5;
  if (!("layer_names" in root.attrs) && root.keys.includes("model_weights")) root = h5.get("model_weights") as Group;
  if (!("layer_names" in root.attrs)) {
    throw new BadInputError(
      `${JSON.stringify(file)} is HDF5 but not Keras weights: no "layer_names" attribute (root attributes: ${JSON.stringify(Object.keys(root.attrs))})`,
    );
  }
  const layers: H5Layer[] = [];
  try {
    for (const layerName of stringList(root.attrs.layer_names, "layer_names", file)) {
      const group = root.get(layerName) as Group;
      const weightNames = stringList(group.attrs.weight_names ?? [], `weight_names of layer ${JSON.stringify(layerName)}`, file);
      layers.push({ name: layerName, weights: weightNames.map((w) => readDataset(group.get(w), w, file)) });
    }
  } catch (cause) {
    if (cause instanceof BadInputError) throw cause;
    throw new BadInputError(
      `${JSON.stringify(file)} is a damaged Keras weights file (${cause instanceof Error ? cause.message.trim() : String(cause)})`,
      { cause },
    );
  }
  const kv = h5.attrs.keras_version;
  return {
    path: file,
    layers,
    kerasVersion: typeof kv === "string" ? kv.replace(/\0+$/, "") : null,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/**
 * Reads and parses a Keras weights `.h5` file.
 * @throws BadInputError quoting the path when it is missing, unreadable or not Keras weights.
 */
export async function readKerasH5(file: string): Promise<KerasH5Weights> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new BadInputError(
      `Cannot read weights file ${JSON.stringify(file)} (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`,
      { cause },
    );
  }
  return parseKerasH5(bytes, file);
}
