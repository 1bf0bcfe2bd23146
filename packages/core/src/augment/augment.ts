/**
 * Seeded random augmentation of an image batch. Two implementations give the same images: typed-
 * array loops (./pixels) for the host-memory backends `cpu` and `wasm`, and TF.js ops that exist on
 * every backend including wasm (Reverse, Transform, MirrorPad, Mul/Add/Sub, Mean, ClipByValue) for
 * the others. The random parameters are drawn once, in JS, so the seed alone decides the output.
 */
import * as tf from "@tensorflow/tfjs";
import { BadInputError } from "../errors";
import type { AugmentationOp } from "../types";
import { uniform, type Rng } from "../util/random";
import { AUGMENTATION_OPS } from "../contract";
import { augmentPixels } from "./pixels";

/** Backends whose tensors live in host memory, where the typed-array path is the fast one. */
const HOST_BACKENDS: ReadonlySet<string> = new Set(["cpu", "wasm"]);

/** Strengths of the random ops (Keras preprocessing-layer factors). */
export interface AugmentOptions {
  /** Rotation drawn from ±this many degrees. */
  rotationDegrees?: number;
  /** Scale drawn from [1 - zoom, 1 + zoom]; below 1 zooms in. */
  zoom?: number;
  /** Shift drawn from ±this fraction of the width / height. */
  translate?: number;
  /** Added value drawn from ±this fraction of 255 (Keras RandomBrightness). */
  brightness?: number;
  /** Contrast factor drawn from [1 - c, 1 + c] around each image's channel means (Keras RandomContrast). */
  contrast?: number;
  /** How pixels sampled from outside the image are filled; default `reflect` (Keras' default). */
  fillMode?: "reflect" | "nearest";
  /**
   * `js` runs typed-array loops on the host (fast on `cpu`/`wasm`, whose data lives in host
   * memory); `kernels` runs TF.js ops on the current backend (for GPU/native backends); `auto`
   * (default) picks `js` on `cpu` and `wasm`, `kernels` elsewhere. Both give the same images.
   */
  implementation?: "auto" | "js" | "kernels";
}

/** The random values of one image; drawn in canonical op order so a seed replays exactly. */
export interface ImageParams {
  flip: boolean;
  vflip: boolean;
  angle: number;
  scale: number;
  shiftX: number;
  shiftY: number;
  brightness: number;
  contrast: number;
}

const DEFAULTS: Required<Omit<AugmentOptions, "fillMode" | "implementation">> = {
  rotationDegrees: 20,
  zoom: 0.15,
  translate: 0.1,
  brightness: 0.2,
  contrast: 0.2,
};

function resolveOptions(options: AugmentOptions): Required<AugmentOptions> {
  const resolved: Required<AugmentOptions> = { ...DEFAULTS, fillMode: "reflect", implementation: "auto", ...options };
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const value = resolved[key];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new BadInputError(`augmentation option ${key} must be a non-negative number, received ${String(value)}`);
    }
  }
  if (resolved.zoom >= 1) throw new BadInputError(`augmentation option zoom must be below 1, received ${resolved.zoom}`);
  if (resolved.contrast > 1) throw new BadInputError(`augmentation option contrast must be at most 1, received ${resolved.contrast}`);
  if (resolved.fillMode !== "reflect" && resolved.fillMode !== "nearest") {
    throw new BadInputError(`augmentation option fillMode must be "reflect" or "nearest", received "${String(resolved.fillMode)}"`);
  }
  if (!["auto", "js", "kernels"].includes(resolved.implementation)) {
    throw new BadInputError(
      `augmentation option implementation must be "auto", "js" or "kernels", received "${String(resolved.implementation)}"`,
    );
  }
  return resolved;
}

/**
 * Draws one image's parameters. Only enabled ops consume randomness, in canonical order; disabled
 * ones take their identity value.
 */
export function drawImageParams(ops: ReadonlySet<AugmentationOp>, rng: Rng, options: Required<AugmentOptions>): ImageParams {
  const maxAngle = (options.rotationDegrees * Math.PI) / 180;
  return {
    flip: ops.has("flip") ? rng() < 0.5 : false,
    vflip: ops.has("vflip") ? rng() < 0.5 : false,
    angle: ops.has("rotate") ? uniform(rng, -maxAngle, maxAngle) : 0,
    scale: ops.has("zoom") ? uniform(rng, 1 - options.zoom, 1 + options.zoom) : 1,
    shiftX: ops.has("translate") ? uniform(rng, -options.translate, options.translate) : 0,
    shiftY: ops.has("translate") ? uniform(rng, -options.translate, options.translate) : 0,
    brightness: ops.has("brightness") ? uniform(rng, -options.brightness, options.brightness) * 255 : 0,
    contrast: ops.has("contrast") ? uniform(rng, 1 - options.contrast, 1 + options.contrast) : 1,
  };
}

/**
 * The 8-number projective transform of `tf.image.transform` for one image: it maps each output
 * pixel to the input point `c + scale·R(angle)·(out − c) + shift`, c the image centre.
 */
export function affineRow(p: ImageParams, height: number, width: number): number[] {
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const a0 = p.scale * Math.cos(p.angle);
  const a1 = -p.scale * Math.sin(p.angle);
  const b0 = p.scale * Math.sin(p.angle);
  const b1 = p.scale * Math.cos(p.angle);
  const a2 = cx - a0 * cx - a1 * cy + p.shiftX * width;
  const b2 = cy - b0 * cx - b1 * cy + p.shiftY * height;
  return [a0, a1, a2, b0, b1, b2, 0, 0];
}

/**
 * Applies one projective transform per image, bilinear, filling outside pixels by `fillMode`.
 *
 * Two tfjs 4.22 kernel bugs are worked around here:
 * - the `wasm` Transform kernel treats `reflect` like `wrap` for coordinates below 0, so `reflect`
 *   is built from ops instead: the batch is mirror-padded (`symmetric`, i.e. Keras' `dcba|abcd|dcba`)
 *   by half its size, the transform is shifted into the padded frame and run with `nearest` fill,
 *   which only clamps points farther out than the padding. Both backends then agree.
 * - the `cpu` Transform kernel returns after the first image of a batch (a `return` inside its batch
 *   loop leaves the rest at the fill value 0), so on `cpu` each image gets its own call; other
 *   backends take the whole batch in one call.
 */
function affineTransform(x: tf.Tensor4D, rows: number[][], fillMode: "reflect" | "nearest"): tf.Tensor4D {
  const [, height, width] = x.shape;
  let input = x;
  let shifted = rows;
  if (fillMode === "reflect") {
    const padY = Math.min(height, Math.ceil(height / 2));
    const padX = Math.min(width, Math.ceil(width / 2));
    input = tf.mirrorPad(
      x,
      [
        [0, 0],
        [padY, padY],
        [padX, padX],
        [0, 0],
      ],
      "symmetric",
    );
    shifted = rows.map(
      ([a0, a1, a2, b0, b1, b2, c0, c1]) => [a0, a1, (a2 as number) + padX, b0, b1, (b2 as number) + padY, c0, c1] as number[],
    );
  }
  const run = (images: tf.Tensor4D, transform: number[][]): tf.Tensor4D =>
    tf.image.transform(images, tf.tensor2d(transform.flat(), [transform.length, 8], "float32"), "bilinear", "nearest", 0, [height, width]);
  if (tf.getBackend() !== "cpu" || shifted.length === 1) return run(input, shifted);
  const images = tf.split<tf.Tensor4D>(input, shifted.length, 0);
  return tf.concat(
    images.map((image, i) => run(image, [shifted[i] as number[]])),
    0,
  );
}

/** `[n, 1, 1, 1]` per-image values, to broadcast over pixels. */
function perImage(values: number[]): tf.Tensor4D {
  return tf.tensor4d(values, [values.length, 1, 1, 1], "float32");
}

/** Replaces the images whose `mask` is true by `changed` (exact: multiplies by 0 and 1). */
function select(images: tf.Tensor4D, changed: tf.Tensor4D, mask: boolean[]): tf.Tensor4D {
  if (mask.every((m) => m)) return changed;
  if (!mask.some((m) => m)) return images;
  const m = perImage(mask.map((v) => (v ? 1 : 0)));
  return images.mul<tf.Tensor4D>(tf.sub(1, m)).add<tf.Tensor4D>(changed.mul(m));
}

/** Whether the current backend keeps tensors in host memory, where {@link augmentHostBatch} is the fast path. */
export function usesHostMemory(): boolean {
  return HOST_BACKENDS.has(tf.getBackend());
}

function checkOps(
  ops: readonly AugmentationOp[],
  options: AugmentOptions,
): { opts: Required<AugmentOptions>; enabled: Set<AugmentationOp> } {
  const unknown = ops.filter((op) => !AUGMENTATION_OPS.includes(op));
  if (unknown.length > 0) throw new BadInputError(`Unknown augmentation "${unknown[0]}"; valid ops are ${AUGMENTATION_OPS.join(", ")}`);
  return { opts: resolveOptions(options), enabled: new Set(ops) };
}

/**
 * {@link augmentBatch}'s typed-array path on pixels already in host memory (float32 in 0..255,
 * NHWC): the same parameters drawn from `rng` in the same order, the same images. For callers that
 * hand the result to another engine (ONNX Runtime) and so need no tensor round trip.
 * @throws BadInputError for an unknown op or invalid options.
 */
export function augmentHostBatch(
  input: Float32Array,
  shape: readonly [number, number, number, number],
  ops: readonly AugmentationOp[],
  rng: Rng,
  options: AugmentOptions = {},
): Float32Array {
  const { opts, enabled } = checkOps(ops, options);
  const [n, height, width] = shape;
  const params = Array.from({ length: n }, () => drawImageParams(enabled, rng, opts));
  const affine = enabled.has("rotate") || enabled.has("zoom") || enabled.has("translate");
  const rows = affine ? params.map((p) => affineRow(p, height, width)) : [];
  const stages = { affine, brightness: enabled.has("brightness"), contrast: enabled.has("contrast") };
  return augmentPixels(input, shape, params, stages, rows, opts.fillMode);
}

/**
 * Randomly augments a batch (float32 in 0..255, NHWC), each image with its own seeded parameters.
 * Order: flip, vflip, one affine transform for rotate+zoom+translate (bilinear, `fillMode`),
 * brightness, contrast, each photometric step clipped to 0..255 as Keras does. Returns a new
 * tensor (the input is not disposed); with no ops it returns a copy. The random parameters are
 * drawn from `rng` in JS before any tensor work, so the result depends only on the seed, not on
 * the backend or `options.implementation`.
 * @throws BadInputError for a tensor that is not rank 4 or for invalid options.
 */
export function augmentBatch(images: tf.Tensor4D, ops: readonly AugmentationOp[], rng: Rng, options: AugmentOptions = {}): tf.Tensor4D {
  if (images.rank !== 4) {
    throw new BadInputError(`augmentBatch expects an NHWC batch, received shape [${images.shape.join(", ")}]`);
  }
  const { opts, enabled } = checkOps(ops, options);
  if (opts.implementation === "js" || (opts.implementation === "auto" && usesHostMemory())) {
    const input = images.dtype === "float32" ? (images.dataSync() as Float32Array) : Float32Array.from(images.dataSync());
    return tf.tensor4d(augmentHostBatch(input, images.shape, ops, rng, options), images.shape, "float32");
  }
  const [n, height, width] = images.shape;
  const params = Array.from({ length: n }, () => drawImageParams(enabled, rng, opts));
  const affine = enabled.has("rotate") || enabled.has("zoom") || enabled.has("translate");

  return tf.tidy(() => {
    let x: tf.Tensor4D = images.toFloat();
    if (enabled.has("flip"))
      x = select(
        x,
        tf.reverse(x, 2),
        params.map((p) => p.flip),
      );
    if (enabled.has("vflip"))
      x = select(
        x,
        tf.reverse(x, 1),
        params.map((p) => p.vflip),
      );
    if (affine) {
      x = affineTransform(
        x,
        params.map((p) => affineRow(p, height, width)),
        opts.fillMode,
      );
    }
    if (enabled.has("brightness")) {
      x = tf.clipByValue(x.add<tf.Tensor4D>(perImage(params.map((p) => p.brightness))), 0, 255);
    }
    if (enabled.has("contrast")) {
      const mean = x.mean([1, 2], true);
      x = tf.clipByValue(
        x
          .sub<tf.Tensor4D>(mean)
          .mul<tf.Tensor4D>(perImage(params.map((p) => p.contrast)))
          .add<tf.Tensor4D>(mean),
        0,
        255,
      );
    }
    // Bilinear resampling of in-range pixels stays in range, but clip anyway so that callers can
    // rely on 0..255 whatever ops ran.
    return tf.clipByValue(x, 0, 255);
  });
}
