import * as tf from "@tensorflow/tfjs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select";
import { decodeImage } from "../data/image";
import { preprocess } from "../data/preprocess";
import { scanDataset } from "../data/scan";
import { writeColorSquares } from "../testing/dataset";
import { preprocessingJson, saveClassifier } from "../train/checkpoint";
import { evaluateCheckpoint } from "./checkpoint";

/** A classifier over 8×8 inputs whose "red" logit is the mean red channel and "blue" the mean blue one. */
function redBlueModel(labels: string[]): tf.LayersModel {
  const input = tf.input({ shape: [8, 8, 3] });
  const pooled = tf.layers.globalAveragePooling2d({ name: "graft_gap" }).apply(input) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({ units: labels.length, activation: "softmax", name: "graft_predictions" })
    .apply(pooled) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  const kernel = labels.map((l) => (l === "red" ? [4, 0, 0] : l === "blue" ? [0, 0, 4] : [0, 0, 0]));
  model.getLayer("graft_predictions").setWeights([tf.tensor2d(kernel).transpose(), tf.zeros([labels.length])]);
  return model;
}

describe("evaluateCheckpoint", () => {
  let dir: string;
  let data: { root: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    await selectBackend("wasm");
    dir = mkdtempSync(path.join(os.tmpdir(), "graft-eval-ckpt-"));
    data = await writeColorSquares(5);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await data.cleanup();
  });

  it("scores every image of another dataset in the model's label order, as the model itself predicts", async () => {
    // The model knows a third class the dataset lacks: its row stays empty, the order is the model's.
    const labels = ["blue", "green", "red"];
    const model = redBlueModel(labels);
    const modelDir = path.join(dir, "m");
    await saveClassifier(
      model,
      labels,
      modelDir,
      preprocessingJson({ name: "tiny", inputSize: 8, preprocessing: "mobilenet", featureLayer: "graft_gap" }),
    );
    const report = await evaluateCheckpoint({ modelDir, dataDir: data.root, batchSize: 3 });
    expect(report.labels).toEqual(labels);
    expect(report.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(10);
    expect(report.confusionMatrix[1]).toEqual([0, 0, 0]);
    // The same images through the same model by hand.
    const index = await scanDataset(data.root);
    let correct = 0;
    for (const e of index.images) {
      const x = preprocess(tf.tensor3d(await decodeImage(e.absPath, 8), [8, 8, 3], "int32"), "mobilenet");
      const p = Array.from((model.predict(x) as tf.Tensor).dataSync());
      if (labels[p.indexOf(Math.max(...p))] === index.classes[e.label]) correct++;
      x.dispose();
    }
    expect(report.accuracy).toBe(correct / 10);
    expect(report.accuracy).toBe(1);
    model.dispose();
  });

  it("refuses a dataset whose classes the model does not know, naming them", async () => {
    const model = redBlueModel(["blue", "green"]);
    const modelDir = path.join(dir, "m2");
    await saveClassifier(
      model,
      ["blue", "green"],
      modelDir,
      preprocessingJson({ name: "tiny", inputSize: 8, preprocessing: "mobilenet", featureLayer: "graft_gap" }),
    );
    await expect(evaluateCheckpoint({ modelDir, dataDir: data.root })).rejects.toThrow(
      /class\(es\) \["red"\] are not among the model's labels \["blue","green"\]/,
    );
    model.dispose();
  });
});
