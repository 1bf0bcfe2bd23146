/**
 * The three gradient kernels tfjs-backend-wasm 4.22 lacks, composed from kernels it has.
 *
 * Fine-tuning a convolutional base needs Conv2DBackpropFilter (weight gradient of a conv) and both
 * depthwise backprops. Without them the wasm backend throws mid-training, and the only fallback
 * (`cpu`) is ~70× slower. Each kernel here is written with the public tf ops (slice, matMul,
 * depthwiseConv2d, pad): they run as wasm kernels, so the composition stays fast.
 */
import * as tf from "@tensorflow/tfjs";

type Pad = "valid" | "same" | number | tf.backend_util.ExplicitPadding;
type Pair = [number, number] | number;
type Shape4 = [number, number, number, number];

interface ConvGeometry {
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  padTop: number;
  padLeft: number;
  padBottom: number;
  padRight: number;
  outH: number;
  outW: number;
}

function pair(v: Pair): [number, number] {
  return typeof v === "number" ? [v, v] : v;
}

/** Padding and output size exactly as the forward kernel computed them (same helper tf uses). */
function geometry(
  xShape: Shape4,
  filterShape: Shape4,
  strides: Pair,
  dilations: Pair,
  pad: Pad,
  rounding: "floor" | "round" | "ceil" | undefined,
  depthwise: boolean,
): ConvGeometry {
  const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, dilations, pad, rounding, depthwise);
  const [strideH, strideW] = pair(strides);
  const [dilationH, dilationW] = pair(dilations);
  return {
    strideH,
    strideW,
    dilationH,
    dilationW,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
    padBottom: info.padInfo.bottom,
    padRight: info.padInfo.right,
    outH: info.outHeight,
    outW: info.outWidth,
  };
}

function padInput(x: tf.Tensor4D, g: ConvGeometry): tf.Tensor4D {
  if (g.padTop === 0 && g.padBottom === 0 && g.padLeft === 0 && g.padRight === 0) return x;
  return tf.pad(x, [
    [0, 0],
    [g.padTop, g.padBottom],
    [g.padLeft, g.padRight],
    [0, 0],
  ]);
}

/**
 * dW[i, j, ci, co] = Σ_{n,ho,wo} x_pad[n, ho·s + i, wo·s + j, ci] · dy[n, ho, wo, co].
 *
 * That sum is itself a convolution once batch and channels swap roles: x_pad as [Cin, H, W, N]
 * (batch Cin, channels N), dy as a [Ho, Wo, N, Cout] filter with dilation s, stride 1. One wasm
 * conv2d call instead of a loop over taps (wasm's slices are slow). A 1×1 stride-1 unpadded conv
 * is a single matMul.
 */
export function conv2dBackpropFilter(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: Shape4,
  strides: Pair,
  pad: Pad,
  rounding?: "floor" | "round" | "ceil",
): tf.Tensor4D {
  return tf.tidy(() => {
    const [fh, fw, cin, cout] = filterShape;
    const g = geometry(x.shape, filterShape, strides, 1, pad, rounding, false);
    const xPad = padInput(x, g);
    const rows = dy.shape[0] * g.outH * g.outW;
    if (fh === 1 && fw === 1 && xPad.shape[1] === g.outH && xPad.shape[2] === g.outW) {
      // Explicit transpose: wasm's matMul with transposeA is ~4× slower than transpose + matMul.
      return tf.matMul(tf.transpose(xPad.reshape([rows, cin])), dy.reshape([rows, cout])).reshape(filterShape) as tf.Tensor4D;
    }
    const xT = tf.transpose(xPad, [3, 1, 2, 0]);
    const dyT = tf.transpose(dy, [1, 2, 0, 3]);
    const full = tf.conv2d(xT, dyT, 1, "valid", "NHWC", [g.strideH, g.strideW]);
    // Output rows beyond the filter size come from padded leftovers: keep the first fh × fw.
    return tf.transpose(tf.slice(full, [0, 0, 0, 0], [cin, fh, fw, cout]), [1, 2, 0, 3]);
  });
}

/**
 * dF[i, j, c, m] = Σ_{n,ho,wo} x_pad[n, ho·s + i, wo·s + j, c] · dy[n, ho, wo, c·M + m], computed
 * as one depthwise conv over [1, H, W, N·C·M] (each (n, c, m) a channel) with dy as a dilated
 * [Ho, Wo] filter, then summed over n.
 */
export function depthwiseBackpropFilter(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: Shape4,
  strides: Pair,
  dilations: Pair,
  pad: Pad,
  rounding?: "floor" | "round" | "ceil",
): tf.Tensor4D {
  return tf.tidy(() => {
    const [fh, fw, c, m] = filterShape;
    const g = geometry(x.shape, filterShape, strides, dilations, pad, rounding, true);
    if (g.dilationH !== 1 || g.dilationW !== 1)
      throw new Error("DepthwiseConv2dNativeBackpropFilter on wasm: dilations > 1 are not supported (tf's gradient rejects them too)");
    const n = x.shape[0];
    let xPad = padInput(x, g);
    // Each output channel c·M + m reads input channel c: repeat the input M times along channels.
    if (m > 1) xPad = tf.tile(xPad.expandDims(4), [1, 1, 1, 1, m]).reshape([n, xPad.shape[1], xPad.shape[2], c * m]) as tf.Tensor4D;
    const [, hp, wp] = xPad.shape;
    const xCh = tf.transpose(xPad, [1, 2, 0, 3]).reshape([1, hp, wp, n * c * m]) as tf.Tensor4D;
    const dyF = tf.transpose(dy, [1, 2, 0, 3]).reshape([g.outH, g.outW, n * c * m, 1]) as tf.Tensor4D;
    const full = tf.depthwiseConv2d(xCh, dyF, 1, "valid", "NHWC", [g.strideH, g.strideW]);
    const taps = tf.slice(full, [0, 0, 0, 0], [1, fh, fw, n * c * m]).reshape([fh, fw, n, c * m]);
    return tf.sum(taps, 2).reshape(filterShape) as tf.Tensor4D;
  });
}

/** Inserts (s - 1) zeros between rows/columns: the transpose of a strided read. */
function dilateByStride(dy: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  if (sh === 1 && sw === 1) return dy;
  const [n, h, w, c] = dy.shape;
  const spread = tf.pad(dy.reshape([n, h, 1, w, 1, c]), [
    [0, 0],
    [0, 0],
    [0, sh - 1],
    [0, 0],
    [0, sw - 1],
    [0, 0],
  ]);
  // The trailing zeros after the last row/column are not part of the transpose: cut them.
  return spread.reshape([n, h * sh, w * sw, c]).slice([0, 0, 0, 0], [n, (h - 1) * sh + 1, (w - 1) * sw + 1, c]) as tf.Tensor4D;
}

/**
 * dx = full correlation of the stride-dilated dy with the spatially flipped filter, then the
 * forward padding is cut away. For channel multiplier M > 1 the M partial results are summed.
 */
export function depthwiseBackpropInput(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  inputShape: Shape4,
  strides: Pair,
  dilations: Pair,
  pad: Pad,
  rounding?: "floor" | "round" | "ceil",
): tf.Tensor4D {
  return tf.tidy(() => {
    const [fh, fw, c, m] = filter.shape;
    const g = geometry(inputShape, filter.shape, strides, dilations, pad, rounding, true);
    const [n, h, w] = inputShape;
    const hPad = h + g.padTop + g.padBottom;
    const wPad = w + g.padLeft + g.padRight;
    const flipped = tf.reverse(filter, [0, 1]);
    const dyDil = dilateByStride(dy.reshape([n, g.outH, g.outW, c * m]) as tf.Tensor4D, g.strideH, g.strideW);
    const extH = (fh - 1) * g.dilationH;
    const extW = (fw - 1) * g.dilationW;
    const dyFull = tf.pad(dyDil, [
      [0, 0],
      [extH, extH],
      [extW, extW],
      [0, 0],
    ]);
    let full: tf.Tensor4D;
    if (m === 1) {
      full = tf.depthwiseConv2d(dyFull, flipped, 1, "valid", "NHWC", [g.dilationH, g.dilationW]);
    } else {
      const dy5 = dyFull.reshape([n, dyFull.shape[1], dyFull.shape[2], c, m]);
      const parts: tf.Tensor4D[] = [];
      for (let k = 0; k < m; k++) {
        const dyK = dy5.slice([0, 0, 0, 0, k], [-1, -1, -1, -1, 1]).reshape([n, dyFull.shape[1], dyFull.shape[2], c]) as tf.Tensor4D;
        const fK = flipped.slice([0, 0, 0, k], [-1, -1, -1, 1]) as tf.Tensor4D;
        parts.push(tf.depthwiseConv2d(dyK, fK, 1, "valid", "NHWC", [g.dilationH, g.dilationW]));
      }
      full = tf.addN(parts);
    }
    // Rows of the padded input that no output window reached (stride leftovers) get zero gradient.
    const missH = hPad - full.shape[1];
    const missW = wPad - full.shape[2];
    if (missH > 0 || missW > 0)
      full = tf.pad(full, [
        [0, 0],
        [0, Math.max(0, missH)],
        [0, Math.max(0, missW)],
        [0, 0],
      ]);
    return full.slice([0, g.padTop, g.padLeft, 0], [n, h, w, c]);
  });
}

/**
 * The tensor handle a kernel receives, as a public Tensor the ops above accept. The backend's own
 * reference count is raised first: disposing the wrapper (end of tidy) lowers it again, and without
 * the raise it would free the caller's input (the other backprop kernel reads the same dy).
 */
function asTensor<R extends tf.Rank>(info: tf.TensorInfo, backend: tf.KernelBackend): tf.Tensor<R> {
  backend.incRef(info.dataId);
  return tf.engine().makeTensorFromTensorInfo(info, backend) as tf.Tensor<R>;
}

/** Kernel attributes arrive as an untyped bag; these are the fields the three kernels read. */
interface BackpropAttrs {
  strides: Pair;
  pad: Pad;
  dilations?: Pair;
  dimRoundingMode?: "floor" | "round" | "ceil";
  filterShape?: Shape4;
  inputShape?: Shape4;
  dataFormat?: string;
}

function readAttrs(attrs: tf.NamedAttrMap | undefined, kernel: string): BackpropAttrs {
  const a = (attrs ?? {}) as unknown as BackpropAttrs;
  if (a.dataFormat !== undefined && a.dataFormat !== "NHWC") {
    throw new Error(`${kernel} on wasm supports dataFormat "NHWC" only, received ${JSON.stringify(a.dataFormat)}`);
  }
  return a;
}

/**
 * Runs `body` on tensors made from the kernel inputs inside a tidy, so every intermediate is freed
 * and only the result (returned to the engine as a Tensor, which it accepts as-is) survives.
 */
function composite(body: () => tf.Tensor): tf.TensorInfo {
  return tf.tidy(body);
}

let registered = false;

/** Names of the kernels this module adds to the wasm backend. */
export const WASM_GRADIENT_KERNELS = [
  "Conv2DBackpropFilter",
  "DepthwiseConv2dNativeBackpropInput",
  "DepthwiseConv2dNativeBackpropFilter",
] as const;

/**
 * Registers the composed kernels for `wasm` (idempotent). Kernels the wasm package already
 * provides (a future version) are left alone.
 */
export function registerWasmGradientKernels(): void {
  if (registered) return;
  registered = true;
  const add = (kernelName: string, kernelFunc: tf.KernelFunc): void => {
    if (tf.getKernel(kernelName, "wasm") !== undefined) return;
    tf.registerKernel({ kernelName, backendName: "wasm", kernelFunc });
  };
  add("Conv2DBackpropFilter", ({ inputs, attrs, backend }) => {
    const a = readAttrs(attrs, "Conv2DBackpropFilter");
    return composite(() =>
      conv2dBackpropFilter(
        asTensor(inputs.x as tf.TensorInfo, backend as tf.KernelBackend),
        asTensor(inputs.dy as tf.TensorInfo, backend as tf.KernelBackend),
        a.filterShape as Shape4,
        a.strides,
        a.pad,
        a.dimRoundingMode,
      ),
    );
  });
  add("DepthwiseConv2dNativeBackpropFilter", ({ inputs, attrs, backend }) => {
    const a = readAttrs(attrs, "DepthwiseConv2dNativeBackpropFilter");
    return composite(() =>
      depthwiseBackpropFilter(
        asTensor(inputs.x as tf.TensorInfo, backend as tf.KernelBackend),
        asTensor(inputs.dy as tf.TensorInfo, backend as tf.KernelBackend),
        a.filterShape as Shape4,
        a.strides,
        a.dilations ?? 1,
        a.pad,
        a.dimRoundingMode,
      ),
    );
  });
  add("DepthwiseConv2dNativeBackpropInput", ({ inputs, attrs, backend }) => {
    const a = readAttrs(attrs, "DepthwiseConv2dNativeBackpropInput");
    return composite(() =>
      depthwiseBackpropInput(
        asTensor(inputs.dy as tf.TensorInfo, backend as tf.KernelBackend),
        asTensor(inputs.filter as tf.TensorInfo, backend as tf.KernelBackend),
        a.inputShape as Shape4,
        a.strides,
        a.dilations ?? 1,
        a.pad,
        a.dimRoundingMode,
      ),
    );
  });
}
