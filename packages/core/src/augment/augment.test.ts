import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import type { AugmentationOp } from "../types";
import { createRng } from "../util/random";
import { affineRow, augmentBatch, drawImageParams, type AugmentOptions, type ImageParams } from "./augment";
import { AUGMENTATION_PRESETS } from "../contract";

const N = 6;
const H = 8;
const W = 10;

/** A batch where every pixel value encodes (image, y, x, channel), so any move is visible. */
function gradientBatch(): tf.Tensor4D {
  const data = new Float32Array(N * H * W * 3);
  let i = 0;
  for (let n = 0; n < N; n++)
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 3; c++) data[i++] = n * 20 + y * 10 + x * 2 + c;
  return tf.tensor4d(data, [N, H, W, 3]);
}

/** The parameters augmentBatch will draw for a seed (same rng sequence). */
function expectedParams(ops: AugmentationOp[], seed: number, n = N): ImageParams[] {
  const rng = createRng(seed);
  const opts = {
    rotationDegrees: 20,
    zoom: 0.15,
    translate: 0.1,
    brightness: 0.2,
    contrast: 0.2,
    fillMode: "reflect" as const,
    implementation: "auto" as const,
  };
  return Array.from({ length: n }, () => drawImageParams(new Set(ops), rng, opts));
}

describe("affineRow", () => {
  it("is the identity without rotation, zoom or shift", () => {
    const id: ImageParams = { flip: false, vflip: false, angle: 0, scale: 1, shiftX: 0, shiftY: 0, brightness: 0, contrast: 1 };
    expect(affineRow(id, 5, 7)).toEqual([1, -0, 0, 0, 1, 0, 0, 0]);
  });

  it("rotates about the centre: a 90° turn maps output (0,0) to input (2,0) on 3×3", () => {
    const row = affineRow(
      { flip: false, vflip: false, angle: Math.PI / 2, scale: 1, shiftX: 0, shiftY: 0, brightness: 0, contrast: 1 },
      3,
      3,
    );
    const [a0, a1, a2, b0, b1, b2] = row as [number, number, number, number, number, number];
    expect(a0 * 0 + a1 * 0 + a2).toBeCloseTo(2, 12);
    expect(b0 * 0 + b1 * 0 + b2).toBeCloseTo(0, 12);
    // The centre is fixed.
    expect(a0 + a1 + a2).toBeCloseTo(1, 12);
    expect(b0 + b1 + b2).toBeCloseTo(1, 12);
  });
});

const CASES = [
  ["cpu", "js"],
  ["cpu", "kernels"],
  ["wasm", "js"],
  ["wasm", "kernels"],
] as const;

describe.each(CASES)("augmentBatch on the %s backend with the %s implementation", (backend, implementation) => {
  const augment = (
    images: tf.Tensor4D,
    ops: AugmentationOp[],
    rng: ReturnType<typeof createRng>,
    options: AugmentOptions = {},
  ): tf.Tensor4D => augmentBatch(images, ops, rng, { implementation, ...options });

  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    await tf.ready();
  });

  it("keeps shape and dtype, stays in 0..255, and leaks no tensors (heavy, strong options)", () => {
    const images = tf.tidy(() => gradientBatch().mul<tf.Tensor4D>(2));
    const before = tf.memory().numTensors;
    const out = augment(images, AUGMENTATION_PRESETS.heavy as AugmentationOp[], createRng(3), {
      brightness: 0.9,
      contrast: 0.9,
      rotationDegrees: 45,
    });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(out.shape).toEqual([N, H, W, 3]);
    expect(out.dtype).toBe("float32");
    const values = out.dataSync();
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(255);
    // Brightness 0.9 must push some pixels to the clip bounds.
    expect(values.some((v) => v === 255 || v === 0)).toBe(true);
    tf.dispose([images, out]);
  });

  it("is deterministic for a seed and differs across seeds", () => {
    const images = gradientBatch();
    const ops = AUGMENTATION_PRESETS.heavy as AugmentationOp[];
    const a = augment(images, ops, createRng(11)).dataSync();
    const b = augment(images, ops, createRng(11)).dataSync();
    const c = augment(images, ops, createRng(12)).dataSync();
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });

  it("flip mirrors exactly the images whose coin came up, and vflip the rows", () => {
    const images = gradientBatch();
    const original = images.arraySync();
    for (const [op, axis] of [
      ["flip", 2],
      ["vflip", 1],
    ] as const) {
      const seed = 5;
      const params = expectedParams([op], seed);
      const mirrored = tf.reverse(images, axis).arraySync();
      const out = augment(images, [op], createRng(seed)).arraySync();
      const flips = params.map((p) => (op === "flip" ? p.flip : p.vflip));
      expect(flips.some(Boolean) && flips.some((f) => !f)).toBe(true);
      out.forEach((image, n) => expect(image).toEqual(flips[n] ? mirrored[n] : original[n]));
    }
    // Pixel check without the helper: first pixel of a mirrored image is the old last column.
    const flippedIndex = expectedParams(["flip"], 5).findIndex((p) => p.flip);
    const out = augment(images, ["flip"], createRng(5)).arraySync();
    expect(out[flippedIndex]?.[0]?.[0]).toEqual(original[flippedIndex]?.[0]?.[W - 1]);
  });

  it("a zero-strength rotation leaves images unchanged; a real one moves pixels", () => {
    const images = gradientBatch();
    const same = augment(images, ["rotate"], createRng(1), { rotationDegrees: 0 });
    expect(Array.from(same.dataSync())).toEqual(Array.from(images.dataSync()));
    const turned = augment(images, ["rotate", "translate"], createRng(1));
    expect(Array.from(turned.dataSync())).not.toEqual(Array.from(images.dataSync()));
  });

  it("brightness shifts each image by its own drawn offset; contrast keeps a flat image", () => {
    const flat = tf.fill([N, 4, 4, 3], 128) as tf.Tensor4D;
    const params = expectedParams(["brightness"], 9);
    const out = augment(flat, ["brightness"], createRng(9)).arraySync();
    out.forEach((image, n) => expect(image[2]?.[3]?.[1]).toBeCloseTo(128 + (params[n]?.brightness as number), 3));
    const contrasted = augment(flat, ["contrast"], createRng(9)).dataSync();
    expect(contrasted.every((v) => Math.abs(v - 128) < 1e-3)).toBe(true);
  });

  it("contrast scales distances from each channel mean by the drawn factor", () => {
    // One image: half the pixels 100, half 140 (mean 120).
    const data = Array.from({ length: 16 }, (_, i) => (i < 8 ? 100 : 140)).flatMap((v) => [v, v, v]);
    const image = tf.tensor4d(data, [1, 4, 4, 3]);
    const factor = expectedParams(["contrast"], 4, 1)[0]?.contrast as number;
    const out = augment(image, ["contrast"], createRng(4)).dataSync();
    expect(out[0]).toBeCloseTo(120 - 20 * factor, 3);
    expect(out[47]).toBeCloseTo(120 + 20 * factor, 3);
  });

  it("rejects a non-batch tensor and bad options, quoting them", () => {
    expect(() => augment(tf.zeros([4, 4, 3]) as unknown as tf.Tensor4D, ["flip"], createRng(1))).toThrow(/received shape \[4, 4, 3\]/);
    expect(() => augment(gradientBatch(), ["zoom"], createRng(1), { zoom: -1 })).toThrow(/zoom must be a non-negative number, received -1/);
    expect(() => augment(gradientBatch(), ["blur" as AugmentationOp], createRng(1))).toThrow(/"blur"/);
  });
});

describe("augmentBatch across backends and implementations", () => {
  it("gives the same images on cpu/wasm × js/kernels for the same seed", async () => {
    const results: Float32Array[] = [];
    for (const [backend, implementation] of CASES) {
      await tf.setBackend(backend);
      const images = gradientBatch();
      const out = augmentBatch(images, AUGMENTATION_PRESETS.heavy as AugmentationOp[], createRng(21), { implementation });
      results.push(out.dataSync() as Float32Array);
      tf.dispose([images, out]);
    }
    const [first, ...others] = results as [Float32Array, ...Float32Array[]];
    for (const other of others) {
      let maxDiff = 0;
      first.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - (other[i] as number)))));
      expect(maxDiff).toBeLessThan(1e-2);
    }
  });
});

describe("tf.image.transform batch handling (why augmentBatch splits batches on cpu)", () => {
  it.each(["cpu", "wasm"])("%s: every image of a batch is transformed by augmentBatch", async (backend) => {
    await tf.setBackend(backend);
    // A shift of 0 px keeps images as they are: all images must come back, not only the first.
    const images = tf.tidy(() => gradientBatch().add<tf.Tensor4D>(1));
    const out = augmentBatch(images, ["zoom"], createRng(2), { zoom: 0, implementation: "kernels" });
    expect(Array.from(out.dataSync())).toEqual(Array.from(images.dataSync()));
    tf.dispose([images, out]);
  });
});

describe("reflect fill", () => {
  it.each(["js", "kernels"] as const)("%s matches TensorFlow's reflect (the cpu reference kernel, one image)", async (implementation) => {
    await tf.setBackend("cpu");
    const image = tf.tidy(() => gradientBatch().slice([2, 0, 0, 0], [1, H, W, 3]));
    const ops: AugmentationOp[] = ["rotate", "zoom", "translate"];
    const params = expectedParams(ops, 8, 1);
    const reference = tf.image.transform(image, tf.tensor2d([affineRow(params[0] as ImageParams, H, W)]), "bilinear", "reflect");
    const ours = augmentBatch(image, ops, createRng(8), { implementation });
    const a = reference.dataSync();
    const b = ours.dataSync();
    let maxDiff = 0;
    a.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - (b[i] as number)))));
    expect(maxDiff).toBeLessThan(1e-3);
  });
});

describe("wasm kernel coverage", () => {
  it("registers every kernel the `kernels` implementation uses", () => {
    const used = [
      "Cast",
      "Reverse",
      "Transform",
      "MirrorPad",
      "Multiply",
      "Add",
      "Sub",
      "Mean",
      "ClipByValue",
      "SplitV",
      "Concat",
      "Reshape",
    ];
    expect(used.filter((name) => tf.getKernel(name, "wasm") === undefined)).toEqual([]);
  });
});
