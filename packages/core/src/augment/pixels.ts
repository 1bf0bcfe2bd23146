/**
 * Augmentation on a plain Float32Array (NHWC), for the host-memory backends (`cpu`, `wasm`).
 * tfjs' pure-JS `cpu` kernels walk tensors element by element through generic index helpers, so a
 * flip of one 32×224×224×3 batch takes seconds there; these loops do the whole heavy preset in
 * tens of milliseconds and follow TensorFlow's Transform kernel (reflect/nearest coordinate
 * mapping, then bilinear sampling) so both paths give the same images.
 */
import type { ImageParams } from "./augment";

/** Which stages run (ops not enabled keep identity parameters anyway; this skips the work). */
export interface PixelStages {
  affine: boolean;
  brightness: boolean;
  contrast: boolean;
}

/** TensorFlow's `reflect` ([dcba|abcd|dcba]) then clamp, as in the Transform kernel. */
function reflectCoord(coord: number, len: number): number {
  let c = coord;
  if (len <= 1) return 0;
  const size2 = 2 * len;
  if (c < 0) {
    if (c < -size2) c = size2 * Math.trunc(-c / size2) + c;
    c = c < -len ? c + size2 : -c - 1;
  } else if (c > len - 1) {
    c -= size2 * Math.trunc(c / size2);
    if (c >= len) c = size2 - c - 1;
  }
  return Math.min(Math.max(c, 0), len - 1);
}

function nearestCoord(coord: number, len: number): number {
  return Math.min(Math.max(coord, 0), len - 1);
}

const clip255 = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

/**
 * Augments `data` (shape `[n, height, width, channels]`) image by image with `params[i]`, in the
 * order of {@link augmentBatch}: flips, affine (bilinear, `fillMode`), brightness, contrast, each
 * photometric stage clipped to 0..255, and a final clip. Returns a new array.
 */
export function augmentPixels(
  data: Float32Array,
  shape: readonly [number, number, number, number],
  params: readonly ImageParams[],
  stages: PixelStages,
  rows: readonly (readonly number[])[],
  fillMode: "reflect" | "nearest",
): Float32Array {
  const [n, height, width, channels] = shape;
  const imageSize = height * width * channels;
  const out = new Float32Array(data.length);
  const mapCoord = fillMode === "reflect" ? reflectCoord : nearestCoord;
  for (let i = 0; i < n; i++) {
    const p = params[i] as ImageParams;
    const src = data.subarray(i * imageSize, (i + 1) * imageSize);
    const dst = out.subarray(i * imageSize, (i + 1) * imageSize);
    // Flips are folded into the sampling: read the source mirrored instead of copying it first.
    const sx = (x: number): number => (p.flip ? width - 1 - x : x);
    const sy = (y: number): number => (p.vflip ? height - 1 - y : y);
    if (!stages.affine) {
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const from = (sy(y) * width + sx(x)) * channels;
          const to = (y * width + x) * channels;
          for (let c = 0; c < channels; c++) dst[to + c] = src[from + c] as number;
        }
      }
    } else {
      const [a0, a1, a2, b0, b1, b2] = rows[i] as [number, number, number, number, number, number];
      /** Offset in `src` of integer (x, y) of the flipped image, or -1 outside (TF reads 0 there). */
      const offset = (yy: number, xx: number): number =>
        yy < 0 || yy >= height || xx < 0 || xx >= width ? -1 : (sy(yy) * width + sx(xx)) * channels;
      const at = (o: number, c: number): number => (o < 0 ? 0 : (src[o + c] as number));
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const inX = mapCoord(a0 * x + a1 * y + a2, width);
          const inY = mapCoord(b0 * x + b1 * y + b2, height);
          const x0 = Math.floor(inX);
          const y0 = Math.floor(inY);
          const fx = inX - x0;
          const fy = inY - y0;
          // The four neighbours and their bilinear weights, shared by all channels.
          const o00 = offset(y0, x0);
          const o01 = offset(y0, x0 + 1);
          const o10 = offset(y0 + 1, x0);
          const o11 = offset(y0 + 1, x0 + 1);
          const w00 = (1 - fx) * (1 - fy);
          const w01 = fx * (1 - fy);
          const w10 = (1 - fx) * fy;
          const w11 = fx * fy;
          const to = (y * width + x) * channels;
          for (let c = 0; c < channels; c++) {
            dst[to + c] = w00 * at(o00, c) + w01 * at(o01, c) + w10 * at(o10, c) + w11 * at(o11, c);
          }
        }
      }
    }
    if (stages.brightness) {
      for (let k = 0; k < imageSize; k++) dst[k] = clip255((dst[k] as number) + p.brightness);
    }
    if (stages.contrast) {
      const means = new Float64Array(channels);
      for (let k = 0; k < imageSize; k++) means[k % channels] = (means[k % channels] as number) + (dst[k] as number);
      const pixels = height * width;
      for (let c = 0; c < channels; c++) means[c] = (means[c] as number) / pixels;
      for (let k = 0; k < imageSize; k++) {
        const mean = means[k % channels] as number;
        dst[k] = clip255(((dst[k] as number) - mean) * p.contrast + mean);
      }
    }
    for (let k = 0; k < imageSize; k++) dst[k] = clip255(dst[k] as number);
  }
  return out;
}
