/**
 * Grad-CAM looks where the class is decided. Synthetic photos: a red or a blue patch (the class) in
 * one quadrant, and distractor patches of other colours in the three others. A classifier trained
 * on them must peak in the deciding patch's quadrant for at least 90% of held-out images; the same
 * classifier with its head at its initial weights must not (under 40%: it has no reason to prefer
 * the deciding patch over the three distractors).
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select";
import { createRng } from "../util/random";
import { camModel, gradCam, heatmapPeak } from "./grad-cam";

const SIZE = 32;
const PATCH = 8;
const CLASS_COLOURS: [number, number, number][] = [
  [1, -1, -1], // red
  [-1, -1, 1], // blue
];
const DISTRACTORS: [number, number, number][] = [
  [-1, 1, -1], // green
  [1, 1, -1], // yellow
  [1, 1, 1], // white
  [-1, 1, 1], // cyan
];

/** One image in [-1, 1] (mobilenet scaling): grey noise, the class patch in `quadrant`, distractors elsewhere. */
function image(rng: () => number, label: number, quadrant: number): Float32Array {
  const px = Float32Array.from({ length: SIZE * SIZE * 3 }, () => (rng() - 0.5) * 0.4);
  const paint = (q: number, rgb: [number, number, number]) => {
    const top = (q < 2 ? 0 : SIZE / 2) + 4 + Math.floor(rng() * 4);
    const left = (q % 2 === 0 ? 0 : SIZE / 2) + 4 + Math.floor(rng() * 4);
    for (let y = top; y < top + PATCH - 2; y++)
      for (let x = left; x < left + PATCH - 2; x++) for (let c = 0; c < 3; c++) px[(y * SIZE + x) * 3 + c] = rgb[c] as number;
  };
  for (let q = 0; q < 4; q++) {
    if (q === quadrant) paint(q, CLASS_COLOURS[label] as [number, number, number]);
    else paint(q, DISTRACTORS[Math.floor(rng() * DISTRACTORS.length)] as [number, number, number]);
  }
  return px;
}

function dataset(n: number, seed: number) {
  const rng = createRng(seed);
  const labels: number[] = [];
  const quadrants: number[] = [];
  const pixels = new Float32Array(n * SIZE * SIZE * 3);
  for (let i = 0; i < n; i++) {
    labels.push(i % 2);
    quadrants.push(Math.floor(rng() * 4));
    pixels.set(image(rng, i % 2, quadrants[i] as number), i * SIZE * SIZE * 3);
  }
  return { x: tf.tensor4d(pixels, [n, SIZE, SIZE, 3]), labels, quadrants };
}

/** A frozen random conv base (feature map 8×8) with Graft's head: GAP, dropout, softmax Dense. */
function classifier(seed: number): tf.LayersModel {
  const input = tf.input({ shape: [SIZE, SIZE, 3] });
  let x = tf.layers
    .conv2d({
      filters: 16,
      kernelSize: 3,
      strides: 2,
      padding: "same",
      activation: "relu",
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
      name: "c1",
    })
    .apply(input) as tf.SymbolicTensor;
  x = tf.layers
    .conv2d({
      filters: 32,
      kernelSize: 3,
      strides: 2,
      padding: "same",
      activation: "relu",
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
      name: "features",
    })
    .apply(x) as tf.SymbolicTensor;
  x = tf.layers.globalAveragePooling2d({ name: "graft_gap" }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.dropout({ rate: 0.1, name: "graft_dropout_0" }).apply(x) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({
      units: 2,
      activation: "softmax",
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }),
      name: "graft_predictions",
    })
    .apply(x) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  for (const name of ["c1", "features"]) model.getLayer(name).trainable = false;
  return model;
}

/** The share of images whose Grad-CAM (for the true class) peaks in the class patch's quadrant. */
function hitRate(model: tf.LayersModel, data: ReturnType<typeof dataset>): number {
  const cam = camModel(model, "features");
  let hits = 0;
  data.labels.forEach((label, i) => {
    const one = data.x.slice([i, 0, 0, 0], [1, SIZE, SIZE, 3]);
    const { heatmap } = gradCam(cam, one, label);
    one.dispose();
    const { row, column } = heatmapPeak(heatmap);
    const rows = heatmap.length;
    const columns = heatmap[0]?.length ?? 0;
    const quadrant = (row < rows / 2 ? 0 : 2) + (column < columns / 2 ? 0 : 1);
    if (quadrant === data.quadrants[i]) hits++;
  });
  return hits / data.labels.length;
}

describe("Grad-CAM", () => {
  beforeAll(async () => {
    await selectBackend("wasm");
  });

  it("peaks where the class is decided once the head is trained, and not with the initial head", async () => {
    const train = dataset(160, 1);
    const test = dataset(60, 2);
    const untrained = classifier(7);
    const untrainedRate = hitRate(untrained, test);

    const model = classifier(7);
    model.compile({ optimizer: tf.train.adam(0.05), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
    const y = tf.oneHot(tf.tensor1d(train.labels, "int32"), 2);
    await model.fit(train.x, y, { epochs: 40, batchSize: 32, shuffle: false, verbose: 0 });
    const predicted = (model.predict(test.x) as tf.Tensor).argMax(-1).arraySync() as number[];
    const accuracy = predicted.filter((p, i) => p === test.labels[i]).length / predicted.length;
    const trainedRate = hitRate(model, test);
    console.log(`grad-cam: accuracy ${accuracy}, peak in the class quadrant ${trainedRate} trained vs ${untrainedRate} initial head`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    expect(trainedRate).toBeGreaterThanOrEqual(0.9);
    expect(untrainedRate).toBeLessThan(0.4);
    tf.dispose([train.x, test.x, y]);
    model.dispose();
    untrained.dispose();
  }, 120_000);

  it("gives the model's own probabilities, for any class asked, and refuses what it cannot go through", () => {
    const model = classifier(3);
    const cam = camModel(model, "features");
    const x = tf.randomUniform([1, SIZE, SIZE, 3], -1, 1, "float32", 5) as tf.Tensor4D;
    const expected = Array.from((model.predict(x) as tf.Tensor).dataSync());
    const result = gradCam(cam, x, 1);
    expect(result.classIndex).toBe(1);
    result.probabilities.forEach((p, i) => expect(p).toBeCloseTo(expected[i] as number, 5));
    expect(result.heatmap).toHaveLength(8);
    expect(Math.max(...result.heatmap.flat())).toBeLessThanOrEqual(1);
    expect(() => gradCam(cam, x, 2)).toThrow(/classIndex must be in \[0, 1\]; received 2/);
    expect(() => camModel(model, "nope")).toThrow(/no layer "nope"/);
    expect(() => camModel(model, "c1")).toThrow(/cannot go through layer "features" \(Conv2D\)/);
    x.dispose();
    model.dispose();
  });
});
