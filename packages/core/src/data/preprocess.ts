/**
 * The input scalings that ImageNet-pretrained Keras bases expect. Picking the wrong one silently
 * ruins transfer accuracy, so each base model names its kind in the registry.
 */
import * as tf from "@tensorflow/tfjs";
import { BadInputError } from "../errors";

/**
 * - `mobilenet`: `x / 127.5 - 1` → [-1, 1] (Keras `preprocess_input` mode "tf": MobileNet v1/v2).
 * - `unit`: `x / 255` → [0, 1] (Darknet, EfficientNet-style rescaling layers).
 * - `caffe`: RGB → BGR, then subtract the ImageNet BGR means, no scaling (Keras VGG16/ResNet50).
 * - `none`: the pixels as float32 in [0, 255].
 */
export type Preprocessing = "mobilenet" | "unit" | "caffe" | "none";

/** All kinds, for validation and CLI help. */
export const PREPROCESSING_KINDS: readonly Preprocessing[] = ["mobilenet", "unit", "caffe", "none"];

/** ImageNet channel means in BGR order, as in `keras.applications.imagenet_utils` (caffe mode). */
export const CAFFE_BGR_MEAN: readonly [number, number, number] = [103.939, 116.779, 123.68];

function assertKind(kind: string): asserts kind is Preprocessing {
  if (!(PREPROCESSING_KINDS as readonly string[]).includes(kind)) {
    throw new BadInputError(`Unknown preprocessing "${kind}"; expected one of ${PREPROCESSING_KINDS.join(", ")}`);
  }
}

/**
 * The [min, max] of the output of {@link preprocess} for inputs in [0, 255]. For `caffe` it spans
 * all channels: min is `0 - 123.68` (red), max is `255 - 103.939` (blue).
 * @throws BadInputError for an unknown kind.
 */
export function preprocessingRange(kind: Preprocessing): [number, number] {
  assertKind(kind);
  switch (kind) {
    case "mobilenet":
      return [-1, 1];
    case "unit":
      return [0, 1];
    case "caffe":
      return [-Math.max(...CAFFE_BGR_MEAN), 255 - Math.min(...CAFFE_BGR_MEAN)];
    case "none":
      return [0, 255];
  }
}

/**
 * Scales pixels (uint8 or float in 0..255, NHWC with 3 channels; a single HWC image is accepted
 * and gets a batch axis) into the float32 input a base model expects. Does not dispose `pixels`.
 * @throws BadInputError for an unknown kind or a tensor that is not [n, h, w, 3] / [h, w, 3].
 */
export function preprocess(pixels: tf.Tensor, kind: Preprocessing): tf.Tensor4D {
  assertKind(kind);
  const shape = pixels.shape;
  if (!((shape.length === 4 || shape.length === 3) && shape[shape.length - 1] === 3)) {
    throw new BadInputError(`preprocess expects an NHWC tensor with 3 channels, received shape [${shape.join(", ")}]`);
  }
  return tf.tidy(() => {
    const x = (shape.length === 3 ? pixels.expandDims(0) : pixels).toFloat() as tf.Tensor4D;
    switch (kind) {
      case "mobilenet":
        return x.div(127.5).sub(1);
      case "unit":
        return x.div(255);
      case "caffe":
        return tf.reverse(x, -1).sub(tf.tensor1d([...CAFFE_BGR_MEAN]));
      case "none":
        return x;
    }
  });
}

/**
 * {@link preprocess} on NHWC pixels in host memory (float32, or the decoder's bytes), bit for bit: each step is one float32
 * operation, as the kernels do (a float32 divide or subtract computed in float64 and rounded once
 * is the correctly rounded float32 result). Returns a new array.
 * @throws BadInputError for an unknown kind or a length that is not a multiple of 3.
 */
export function preprocessPixels(pixels: Float32Array | Uint8Array, kind: Preprocessing): Float32Array {
  assertKind(kind);
  if (pixels.length % 3 !== 0) throw new BadInputError(`preprocessPixels expects RGB pixels, received ${pixels.length} values`);
  const out = new Float32Array(pixels.length);
  const f = Math.fround;
  switch (kind) {
    case "mobilenet":
      for (let i = 0; i < pixels.length; i++) out[i] = f(f((pixels[i] as number) / 127.5) - 1);
      return out;
    case "unit":
      for (let i = 0; i < pixels.length; i++) out[i] = f((pixels[i] as number) / 255);
      return out;
    case "caffe": {
      const [b, g, r] = CAFFE_BGR_MEAN.map(f) as [number, number, number];
      for (let i = 0; i < pixels.length; i += 3) {
        out[i] = f((pixels[i + 2] as number) - b);
        out[i + 1] = f((pixels[i + 1] as number) - g);
        out[i + 2] = f((pixels[i] as number) - r);
      }
      return out;
    }
    case "none":
      out.set(pixels);
      return out;
  }
}
