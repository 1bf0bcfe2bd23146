import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { PREPROCESSING_KINDS, preprocess, preprocessPixels, preprocessingRange, type Preprocessing } from "./preprocess";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** One 1×1×2 batch holding black and white pixels, as uint8. */
const extremes = (): tf.Tensor4D => tf.tensor4d([0, 0, 0, 255, 255, 255], [1, 1, 2, 3], "int32").cast("int32") as tf.Tensor4D;

describe("preprocess", () => {
  it.each([
    ["mobilenet", [-1, -1, -1, 1, 1, 1]],
    ["unit", [0, 0, 0, 1, 1, 1]],
    ["none", [0, 0, 0, 255, 255, 255]],
  ] as const)("%s maps black and white to the ends of its range", (kind, expected) => {
    const out = preprocess(extremes(), kind);
    expect(out.dtype).toBe("float32");
    expect(Array.from(out.dataSync())).toEqual(expected);
    const [lo, hi] = preprocessingRange(kind);
    expect([lo, hi]).toEqual([expected[0], expected[3]]);
  });

  it("caffe swaps to BGR and subtracts the ImageNet means", () => {
    const rgb = tf.tensor4d([10, 20, 30], [1, 1, 1, 3]);
    const out = Array.from(preprocess(rgb, "caffe").dataSync());
    expect(out[0]).toBeCloseTo(30 - 103.939, 4);
    expect(out[1]).toBeCloseTo(20 - 116.779, 4);
    expect(out[2]).toBeCloseTo(10 - 123.68, 4);
    const [lo, hi] = preprocessingRange("caffe");
    const all = preprocess(extremes(), "caffe").dataSync();
    expect(Math.min(...all)).toBeGreaterThanOrEqual(lo - 1e-4);
    expect(Math.max(...all)).toBeLessThanOrEqual(hi + 1e-4);
    expect([lo, hi]).toEqual([-123.68, 255 - 103.939]);
  });

  it("accepts a single HWC image and uint8 input, without leaking tensors", () => {
    const image = tf.tensor3d(new Uint8Array([0, 127, 255, 51, 102, 204]), [1, 2, 3], "int32");
    const before = tf.memory().numTensors;
    const out = preprocess(image, "unit");
    expect(out.shape).toEqual([1, 1, 2, 3]);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(out.dataSync()[5]).toBeCloseTo(0.8, 6);
  });

  it("rejects an unknown kind and a wrong shape, quoting them", () => {
    expect(() => preprocess(extremes(), "torch" as Preprocessing)).toThrow(/Unknown preprocessing "torch"/);
    expect(() => preprocess(tf.zeros([2, 4, 4, 1]), "unit")).toThrow(/received shape \[2, 4, 4, 1\]/);
  });

  it("preprocessPixels gives preprocess's float32 values bit for bit, for every kind", () => {
    // Every byte value, and fractional values as augmentation leaves them, in 4 images of 8×8.
    const pixels = Float32Array.from({ length: 4 * 8 * 8 * 3 }, (_, i) => (i < 256 ? i : Math.fround(((i * 7919) % 25500) / 100)));
    for (const kind of PREPROCESSING_KINDS) {
      const expected = tf.tidy(() => preprocess(tf.tensor4d(pixels, [4, 8, 8, 3]), kind).dataSync());
      expect(Array.from(preprocessPixels(pixels, kind)), kind).toEqual(Array.from(expected));
    }
  });

  it("preprocessPixels takes the decoder's bytes as they are: the same values as the int32 tensor path", () => {
    // Feature extraction hands decoded Uint8Array batches straight to it (no wasm round trip).
    const bytes = Uint8Array.from({ length: 2 * 8 * 16 * 3 }, (_, i) => i % 256);
    for (const kind of PREPROCESSING_KINDS) {
      const expected = tf.tidy(() => preprocess(tf.tensor4d(bytes, [2, 8, 16, 3], "int32"), kind).dataSync());
      expect(Array.from(preprocessPixels(bytes, kind)), kind).toEqual(Array.from(expected));
    }
  });
});
