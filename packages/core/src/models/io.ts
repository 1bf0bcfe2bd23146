/**
 * File IOHandlers for LayersModels. `tf.loadLayersModel('file://…')` and `model.save('file://…')`
 * need @tensorflow/tfjs-node, which cannot be assumed, so Graft reads and writes the files itself.
 */
import * as tf from "@tensorflow/tfjs";
import { createHash } from "node:crypto";
import { promises as fsp } from "node:fs";
import path from "node:path";
import { BadInputError, GraftError } from "../errors";

/** The subset of a TF.js `model.json` Graft reads. */
export interface ModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  modelTopology: object;
  weightsManifest: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
}

/** Parses and sanity-checks a `model.json` text; `source` names it in errors. */
export function parseModelJson(text: string, source: string): ModelJson {
  let mj: unknown;
  try {
    mj = JSON.parse(text);
  } catch (cause) {
    throw new BadInputError(`${source} is not valid JSON`, { cause });
  }
  const m = mj as Partial<ModelJson> | null;
  if (
    m === null ||
    typeof m !== "object" ||
    typeof m.modelTopology !== "object" ||
    m.modelTopology === null ||
    !Array.isArray(m.weightsManifest)
  ) {
    throw new BadInputError(`${source} is not a TF.js LayersModel model.json (needs modelTopology and weightsManifest)`);
  }
  return m as ModelJson;
}

/** A loaded model.json with its weights, and a hash that identifies the weights. */
export interface ModelArtifactsWithHash {
  artifacts: tf.io.ModelArtifacts;
  /** sha256 of the concatenated weight bytes (manifest order). */
  weightsSha256: string;
}

/** Reads `model.json` and its shards (groups in order, then paths in order) into artifacts. */
export async function readModelArtifacts(jsonPath: string): Promise<ModelArtifactsWithHash> {
  let text: string;
  try {
    text = await fsp.readFile(jsonPath, "utf8");
  } catch (cause) {
    throw new GraftError("NOT_FOUND", `Cannot read model file ${JSON.stringify(jsonPath)}`, { cause });
  }
  const mj = parseModelJson(text, jsonPath);
  const dir = path.dirname(jsonPath);
  const parts: Buffer[] = [];
  for (const group of mj.weightsManifest) {
    for (const p of group.paths) {
      const shard = path.join(dir, p);
      try {
        parts.push(await fsp.readFile(shard));
      } catch (cause) {
        throw new GraftError("NOT_FOUND", `Weight file ${JSON.stringify(shard)} named by ${jsonPath} is missing`, { cause });
      }
    }
  }
  const buf = Buffer.concat(parts);
  // Copy out of Node's shared Buffer pool: tf reads the whole ArrayBuffer, not the view.
  const weightData = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  return {
    artifacts: {
      modelTopology: mj.modelTopology,
      weightSpecs: mj.weightsManifest.flatMap((g) => g.weights),
      weightData,
      format: mj.format,
      generatedBy: mj.generatedBy,
      convertedBy: mj.convertedBy ?? undefined,
    },
    weightsSha256: createHash("sha256").update(buf).digest("hex"),
  };
}

/** An IOHandler that loads a LayersModel from a local `model.json` path. */
export function fileLoadHandler(jsonPath: string): tf.io.IOHandler {
  return { load: async () => (await readModelArtifacts(jsonPath)).artifacts };
}

/** Loads a LayersModel from a local `model.json` without tfjs-node. */
export async function loadLayersModelFromFile(jsonPath: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileLoadHandler(jsonPath));
}

/**
 * An IOHandler that saves a model as `<dir>/model.json` + `<dir>/weights.bin`, writing to temp
 * names first and renaming, so a crash never leaves a half-written checkpoint under the real names.
 */
export function fileSaveHandler(dir: string): tf.io.IOHandler {
  return {
    save: async (artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> => {
      await fsp.mkdir(dir, { recursive: true });
      const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const modelJson = {
        format: artifacts.format ?? "layers-model",
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        modelTopology: artifacts.modelTopology,
        trainingConfig: artifacts.trainingConfig,
        weightsManifest: [{ paths: ["weights.bin"], weights: artifacts.weightSpecs ?? [] }],
      };
      const stamp = `${process.pid}-${Date.now()}`;
      const binTmp = path.join(dir, `.weights.bin.${stamp}.tmp`);
      const jsonTmp = path.join(dir, `.model.json.${stamp}.tmp`);
      await fsp.writeFile(binTmp, new Uint8Array(weightData));
      await fsp.writeFile(jsonTmp, JSON.stringify(modelJson));
      await fsp.rename(binTmp, path.join(dir, "weights.bin"));
      await fsp.rename(jsonTmp, path.join(dir, "model.json"));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
}
