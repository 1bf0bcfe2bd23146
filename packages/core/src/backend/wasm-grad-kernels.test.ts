import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng } from "../util/random";
import { selectBackend } from "./select";

type Shape4 = [number, number, number, number];

function randomArray(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng() * 2 - 1);
}

const size = (s: number[]): number => s.reduce((a, b) => a * b, 1);

/** Gradients of sum(op(x, f) * w) w.r.t. x and f on the current backend, as plain arrays. */
function grads(
  op: (x: tf.Tensor4D, f: tf.Tensor4D) => tf.Tensor4D,
  xShape: Shape4,
  fShape: Shape4,
  seed: number,
): { dx: Float32Array; df: Float32Array } {
  return tf.tidy(() => {
    const x = tf.tensor4d(randomArray(size(xShape), seed), xShape);
    const f = tf.tensor4d(randomArray(size(fShape), seed + 1), fShape);
    const yShape = op(x, f).shape;
    const w = tf.tensor(randomArray(size(yShape), seed + 2), yShape);
    const [dx, df] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(op(a as tf.Tensor4D, b as tf.Tensor4D), w)))([x, f]);
    return { dx: dx!.dataSync() as Float32Array, df: df!.dataSync() as Float32Array };
  });
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

interface Case {
  name: string;
  xShape: Shape4;
  fShape: Shape4;
  stride: number;
  pad: "same" | "valid";
  dilation?: number;
}

const conv2dCases: Case[] = [
  { name: "3x3 s1 same", xShape: [2, 9, 9, 3], fShape: [3, 3, 3, 5], stride: 1, pad: "same" },
  { name: "3x3 s2 same (odd size)", xShape: [2, 9, 9, 4], fShape: [3, 3, 4, 6], stride: 2, pad: "same" },
  { name: "3x3 s2 valid (even size)", xShape: [1, 10, 8, 2], fShape: [3, 3, 2, 3], stride: 2, pad: "valid" },
  { name: "1x1 s1 valid", xShape: [3, 5, 5, 8], fShape: [1, 1, 8, 4], stride: 1, pad: "valid" },
  { name: "5x3 s3 same", xShape: [1, 11, 10, 2], fShape: [5, 3, 2, 2], stride: 3, pad: "same" },
];

const depthwiseCases: Case[] = [
  { name: "3x3 s1 same m1", xShape: [2, 8, 8, 4], fShape: [3, 3, 4, 1], stride: 1, pad: "same" },
  { name: "3x3 s2 same m1 (odd)", xShape: [2, 9, 9, 3], fShape: [3, 3, 3, 1], stride: 2, pad: "same" },
  { name: "3x3 s2 same m1 (even)", xShape: [1, 10, 10, 3], fShape: [3, 3, 3, 1], stride: 2, pad: "same" },
  { name: "3x3 s2 valid m2", xShape: [1, 9, 8, 2], fShape: [3, 3, 2, 2], stride: 2, pad: "valid" },
];

describe("wasm gradient kernels match cpu", () => {
  let before: string;
  beforeAll(() => {
    before = tf.getBackend();
  });
  afterAll(async () => {
    if (before) await tf.setBackend(before);
  });

  const check = async (c: Case, op: (x: tf.Tensor4D, f: tf.Tensor4D) => tf.Tensor4D, seed: number): Promise<void> => {
    await selectBackend("cpu");
    const ref = grads(op, c.xShape, c.fShape, seed);
    await selectBackend("wasm");
    const tensorsBefore = tf.memory().numTensors;
    const got = grads(op, c.xShape, c.fShape, seed);
    // The composed kernels free their intermediates (and do not free their inputs early).
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(maxAbsDiff(got.dx, ref.dx)).toBeLessThan(1e-4);
    expect(maxAbsDiff(got.df, ref.df)).toBeLessThan(1e-4);
    // Guard against a vacuous pass: the reference gradients are not all zero.
    expect(Math.max(...Array.from(ref.df, Math.abs))).toBeGreaterThan(0.1);
  };

  conv2dCases.forEach((c, k) => {
    it(`conv2d ${c.name}`, async () => {
      await check(c, (x, f) => tf.conv2d(x, f, c.stride, c.pad), 100 + k * 10);
    });
  });

  depthwiseCases.forEach((c, k) => {
    it(`depthwiseConv2d ${c.name}`, async () => {
      const d = c.dilation ?? 1;
      await check(c, (x, f) => tf.depthwiseConv2d(x, f, c.stride, c.pad, "NHWC", [d, d]), 300 + k * 10);
    });
  });

  it("fused conv2d with bias (the fine-tuning path) also differentiates on wasm", async () => {
    const c: Case = { name: "fused", xShape: [2, 7, 7, 3], fShape: [3, 3, 3, 4], stride: 2, pad: "same" };
    const bias = randomArray(4, 9);
    await check(
      c,
      (x, f) => tf.fused.conv2d({ x, filter: f, strides: c.stride, pad: c.pad, bias: tf.tensor1d(bias), activation: "relu" }),
      900,
    );
  });
});
