import * as tf from "@tensorflow/tfjs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select";
import { foldModel, layerCount, runGraph } from "../features/graph";
import { splitGraph } from "../features/split";
import { buildTestModel, testInput } from "../testing/model";
import { loadLayersModelFromFile } from "../models/io";
import { createRng } from "../util/random";
import { buildClassifier, preprocessingJson, saveClassifier, writeBackSteps } from "./checkpoint";
import { createHead, disposeHead, headLogits } from "./head";
import { makeTrainable } from "./trainable";

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor): number => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number);

describe("checkpoint: fine-tuned folded weights written back into a plain classifier", () => {
  beforeAll(async () => {
    await selectBackend("wasm");
  });

  it("predicts exactly what the engine computes, before and after a save/load round trip", async () => {
    const model = buildTestModel(7);
    const graph = foldModel(model);
    const top = splitGraph(graph, layerCount(graph)).top;
    const vars = makeTrainable(model, top.steps);
    // c1, dw, dw2: kernel + bias (bias goes to BN beta); pw: kernel + bias (own bias); pw2: kernel
    // only (no bias, no BN to hold one); lone BN: scale + offset.
    expect(vars).toHaveLength(11);
    // Stand-in for training: move every trainable parameter.
    vars.forEach((v, i) => v.assign(tf.tidy(() => tf.add(tf.mul(v, 1.1), 0.01 * (i + 1)))));
    const head = createHead(6, [4], 3, { headActivation: "gelu", dropout: 0.1 }, createRng(1));
    const x = testInput(8);
    const expected = tf.tidy(() => tf.softmax(headLogits(head, tf.mean(runGraph(graph, x), [1, 2]) as tf.Tensor2D, false)));
    writeBackSteps(model, top.steps);
    const classifier = buildClassifier(model, "lone_bn", head);
    const got = classifier.model.predict(x) as tf.Tensor;
    expect(got.shape).toEqual([2, 3]);
    expect(maxAbsDiff(got, expected)).toBeLessThan(1e-4);

    const dir = mkdtempSync(path.join(os.tmpdir(), "graft-ckpt-"));
    try {
      const prep = preprocessingJson({ name: "tiny", inputSize: 8, preprocessing: "mobilenet", featureLayer: "lone_bn" });
      await saveClassifier(classifier.model, ["a", "b", "c"], dir, prep);
      expect(JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8"))).toEqual(["a", "b", "c"]);
      expect(JSON.parse(readFileSync(path.join(dir, "preprocessing.json"), "utf8"))).toMatchObject({
        inputSize: [8, 8],
        scaling: "mobilenet",
        pixelRange: [-1, 1],
        featureLayer: "lone_bn",
      });
      const loaded = await loadLayersModelFromFile(path.join(dir, "model.json"));
      const again = loaded.predict(x) as tf.Tensor;
      expect(maxAbsDiff(again, expected)).toBeLessThan(1e-4);
      tf.dispose([again]);
      loaded.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Freeing the head layers leaves the base usable.
    classifier.disposeHead();
    const stillWorks = model.predict(x) as tf.Tensor;
    expect(stillWorks.shape).toEqual([2, 1, 1, 6]);
    tf.dispose([x, expected, got, stillWorks]);
    disposeHead(head);
    model.dispose();
  });
});
