/**
 * What a checkpoint upload must hold, checked before anything is written: a TF.js LayersModel
 * (`model.json` naming one `weights.bin` whose length matches its weight specs), `labels.json`
 * (the class names in output order) and `preprocessing.json` (how pixels are prepared). A model
 * that would not load, or labels that do not fit it, are refused here rather than found broken by
 * whoever downloads it.
 */
import { createHash } from "node:crypto";
import { CHECKPOINT_FILES, type CheckpointFileName } from "@graft/core/contract";
import { type CheckpointFile } from "@graft/schema/db";
import { badInput, quote } from "../../errors";

export { CHECKPOINT_FILES, type CheckpointFileName };

/** A checked upload: each file's bytes, their listing, and the weights' sha256. */
export interface CheckedCheckpoint {
  contents: Map<CheckpointFileName, Buffer>;
  files: CheckpointFile[];
  weightsSha256: string;
  bytes: number;
  labels: string[];
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };
const QUANTIZED_BYTES: Record<string, number> = { uint8: 1, uint16: 2, float16: 2 };

/** Whether `name` is one of the checkpoint's files. */
export function isCheckpointFile(name: string): name is CheckpointFileName {
  return (CHECKPOINT_FILES as readonly string[]).includes(name);
}

function parseJson(name: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw badInput(`${name} is not valid JSON`, name);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Bytes the weight specs of a model.json add up to; BAD_USER_INPUT naming a spec it cannot size. */
function weightBytes(specs: unknown[]): number {
  let total = 0;
  for (const spec of specs) {
    if (!isObject(spec) || !Array.isArray(spec["shape"]) || typeof spec["dtype"] !== "string")
      throw badInput(`model.json has a weight spec without a shape and dtype: ${quote(spec)}`, "model.json");
    const shape = spec["shape"] as unknown[];
    if (!shape.every((d) => Number.isInteger(d) && (d as number) >= 0))
      throw badInput(`model.json weight ${quote(spec["name"])} has shape ${quote(shape)}`, "model.json");
    const quantization = spec["quantization"];
    const per = isObject(quantization) ? QUANTIZED_BYTES[String(quantization["dtype"])] : DTYPE_BYTES[spec["dtype"]];
    if (per === undefined) throw badInput(`model.json weight ${quote(spec["name"])} has dtype ${quote(spec["dtype"])}`, "model.json");
    total += per * (shape as number[]).reduce((a, b) => a * b, 1);
  }
  return total;
}

function checkModelJson(value: unknown, weightsLength: number): void {
  if (!isObject(value) || !isObject(value["modelTopology"]) || !Array.isArray(value["weightsManifest"]))
    throw badInput("model.json is not a TF.js LayersModel (needs modelTopology and weightsManifest)", "model.json");
  const groups = value["weightsManifest"] as unknown[];
  const paths = groups.flatMap((g) => (isObject(g) && Array.isArray(g["paths"]) ? (g["paths"] as unknown[]) : [null]));
  if (paths.length !== 1 || paths[0] !== "weights.bin")
    throw badInput(`model.json must name exactly one weight file, weights.bin; it names ${quote(paths)}`, "model.json");
  const specs = groups.flatMap((g) => (isObject(g) && Array.isArray(g["weights"]) ? (g["weights"] as unknown[]) : []));
  const expected = weightBytes(specs);
  if (expected !== weightsLength)
    throw badInput(`weights.bin has ${weightsLength} bytes but model.json's weights need ${expected}`, "weights.bin", weightsLength);
}

function checkLabels(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((l) => typeof l === "string" && l.length > 0))
    throw badInput("labels.json must be a non-empty JSON array of class names", "labels.json");
  const labels = value as string[];
  if (new Set(labels).size !== labels.length) throw badInput(`labels.json names a class twice: ${quote(labels)}`, "labels.json");
  return labels;
}

/** Scalings `preprocessing.json` may name (core's `Preprocessing`). */
const SCALINGS = new Set(["mobilenet", "unit", "caffe", "none"]);

function checkPreprocessing(value: unknown): void {
  const size = isObject(value) ? value["inputSize"] : undefined;
  if (!Array.isArray(size) || size.length !== 2 || !size.every((d) => Number.isInteger(d) && (d as number) > 0))
    throw badInput("preprocessing.json must be an object with inputSize [height, width]", "preprocessing.json");
  const scaling = (value as Record<string, unknown>)["scaling"];
  if (scaling !== undefined && !SCALINGS.has(String(scaling)))
    throw badInput(`preprocessing.json scaling must be one of ${[...SCALINGS].join(", ")}; got ${quote(scaling)}`, "preprocessing.json");
  const featureLayer = (value as Record<string, unknown>)["featureLayer"];
  if (featureLayer !== undefined && typeof featureLayer !== "string")
    throw badInput(`preprocessing.json featureLayer must be a layer name; got ${quote(featureLayer)}`, "preprocessing.json");
}

/**
 * The units of the model's output layer as its topology records them (a Keras functional or
 * sequential config), or null when the topology does not say (then nothing is compared).
 */
export function outputUnits(topology: unknown): number | null {
  const config = isObject(topology) && isObject(topology["config"]) ? topology["config"] : null;
  const layers = config && Array.isArray(config["layers"]) ? (config["layers"] as unknown[]).filter(isObject) : [];
  const outputs = config?.["output_layers"];
  const outputName = Array.isArray(outputs) && Array.isArray(outputs[0]) ? outputs[0][0] : undefined;
  const layer = outputName === undefined ? layers.at(-1) : layers.find((l) => l["name"] === outputName);
  const units = layer && isObject(layer["config"]) ? layer["config"]["units"] : undefined;
  return Number.isInteger(units) ? (units as number) : null;
}

const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

/**
 * Checks the uploaded parts (file name → bytes): exactly {@link CHECKPOINT_FILES}, each well formed.
 * @throws BAD_USER_INPUT naming the file and what is wrong with it.
 */
export function checkCheckpoint(parts: Map<string, Buffer>): CheckedCheckpoint {
  const unknown = [...parts.keys()].filter((name) => !isCheckpointFile(name));
  if (unknown.length > 0)
    throw badInput(`Unexpected checkpoint file(s) ${quote(unknown)}; expected ${CHECKPOINT_FILES.join(", ")}`, "files");
  const missing = CHECKPOINT_FILES.filter((name) => !parts.has(name));
  if (missing.length > 0) throw badInput(`The checkpoint lacks ${missing.join(", ")}`, "files");
  const contents = new Map<CheckpointFileName, Buffer>(CHECKPOINT_FILES.map((name) => [name, parts.get(name) as Buffer]));
  const weights = contents.get("weights.bin") as Buffer;
  const modelJson = parseJson("model.json", contents.get("model.json") as Buffer);
  checkModelJson(modelJson, weights.length);
  const labels = checkLabels(parseJson("labels.json", contents.get("labels.json") as Buffer));
  const units = outputUnits((modelJson as Record<string, unknown>)["modelTopology"]);
  if (units !== null && units !== labels.length)
    throw badInput(
      `labels.json names ${labels.length} classes but the model's output layer has ${units} units`,
      "labels.json",
      labels.length,
    );
  checkPreprocessing(parseJson("preprocessing.json", contents.get("preprocessing.json") as Buffer));
  const files = CHECKPOINT_FILES.map((name) => {
    const bytes = contents.get(name) as Buffer;
    return { name, bytes: bytes.length, sha256: sha256(bytes) };
  });
  return {
    contents,
    files,
    weightsSha256: sha256(weights),
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    labels,
  };
}
