/**
 * Export of a folded feature graph ({@link foldModel}) to ONNX, written by Graft itself: the folded
 * convolutions (BN already inside the kernel and bias, activation fused), stand-alone affine maps
 * and activations, and the tf.layers layers the shared bases use (padding, additions, pooling...).
 * A layer without an export is an {@link OnnxExportError} naming it; the caller then keeps the
 * frozen base on TF.js.
 *
 * The model reads NHWC float input `input` [N, H, W, C] (N symbolic), transposes it to NCHW once,
 * and writes `features` [N, dim] (the mean over H and W of the feature map, as the extractor's
 * `pooled`), and optionally `feature_map` [N, h, w, dim] (NHWC again).
 */
import type * as tf from "@tensorflow/tfjs";
import { GraftError } from "../errors";
import type { ActivationStep, ConvStep, FoldedGraph, FusedActivation, Step } from "../features/graph";
import { encodeModel, ONNX_OPSET, type OnnxAttribute, type OnnxModel, type OnnxNode, type OnnxTensor } from "./model";

/** Bumped whenever the exported bytes for the same graph change: part of the ONNX cache key. */
export const ONNX_EXPORTER_VERSION = "graft-onnx-1";

/** Names of the exported model's inputs and outputs. */
export const ONNX_INPUT = "input";
export const ONNX_FEATURES = "features";
export const ONNX_FEATURE_MAP = "feature_map";

/** A graph the exporter cannot write: the message names the layer and its class. */
export class OnnxExportError extends GraftError {
  /** The layer that has no export (null for graph-level problems). */
  readonly layer: string | null;
  readonly layerClass: string | null;

  constructor(message: string, layer: string | null = null, layerClass: string | null = null) {
    super("UNSUPPORTED", message);
    this.name = "OnnxExportError";
    this.layer = layer;
    this.layerClass = layerClass;
  }
}

/** Options of {@link exportFoldedGraph}. */
export interface OnnxExportOptions {
  /** Also output the feature map `feature_map` (NHWC). Default false. */
  featureMap?: boolean;
  /** Graph name written into the model (default "graft_features"). */
  name?: string;
  /** Extra metadata_props (e.g. the extractor id). */
  metadata?: Readonly<Record<string, string>>;
}

/** The exported model with what the caller needs to run it. */
export interface OnnxExport {
  bytes: Uint8Array;
  /** Input shape without the batch axis: [H, W, C]. */
  inputShape: [number, number, number];
  /** Width of `features`. */
  dim: number;
  /** Shape of one image's feature map [h, w, dim] (null when the graph output is not rank 4). */
  featureMapShape: [number, number, number] | null;
}

/** Shape of a tensor inside the exported graph, without the batch axis (rank 4 is NCHW inside). */
type Shape = { rank: 4; h: number; w: number; c: number } | { rank: 2; c: number };

type Config = Record<string, unknown>;

function pair(v: unknown, fallback: number): [number, number] {
  if (typeof v === "number") return [v, v];
  if (Array.isArray(v) && v.length === 2) return [Number(v[0]), Number(v[1])];
  return [fallback, fallback];
}

/**
 * TF's padding of one spatial dimension as [begin, end]: "same" pads to ceil(in / stride) outputs,
 * the odd pixel at the end; "valid" pads nothing. Returns the output size too.
 */
export function tfPadding(
  size: number,
  kernel: number,
  stride: number,
  dilation: number,
  pad: "same" | "valid",
): { begin: number; end: number; out: number } {
  const effective = (kernel - 1) * dilation + 1;
  if (pad === "valid") return { begin: 0, end: 0, out: Math.floor((size - effective) / stride) + 1 };
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + effective - size, 0);
  const begin = Math.floor(total / 2);
  return { begin, end: total - begin, out };
}

/** TF [kh, kw, in, out] → ONNX [out, in, kh, kw]. */
function convKernel(data: Float32Array, [kh, kw, cin, cout]: [number, number, number, number]): Float32Array {
  const out = new Float32Array(data.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let ci = 0; ci < cin; ci++)
        for (let co = 0; co < cout; co++) out[((co * cin + ci) * kh + y) * kw + x] = data[((y * kw + x) * cin + ci) * cout + co] as number;
  return out;
}

/** TF depthwise [kh, kw, in, mult] → ONNX grouped [in·mult, 1, kh, kw] (output channel ci·mult + m, as TF). */
function depthwiseKernel(data: Float32Array, [kh, kw, cin, mult]: [number, number, number, number]): Float32Array {
  const out = new Float32Array(data.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let ci = 0; ci < cin; ci++)
        for (let m = 0; m < mult; m++) out[((ci * mult + m) * kh + y) * kw + x] = data[((y * kw + x) * cin + ci) * mult + m] as number;
  return out;
}

/** NHWC axis → NCHW axis for a rank-4 tensor. */
const NCHW_AXIS = [0, 2, 3, 1] as const;

class Builder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  readonly shapes = new Map<string, Shape>();
  private readonly names = new Set<string>();
  private readonly scalars = new Map<number, string>();

  /** A fresh tensor name derived from `base`. */
  fresh(base: string): string {
    let name = base;
    for (let k = 1; this.names.has(name); k++) name = `${base}_${k}`;
    this.names.add(name);
    return name;
  }

  node(opType: string, inputs: string[], output: string, attributes: OnnxAttribute[] = []): string {
    this.nodes.push({ opType, inputs, outputs: [output], name: `${output}/${opType}`, attributes });
    return output;
  }

  floats(base: string, dims: number[], data: Float32Array): string {
    const name = this.fresh(base);
    this.initializers.push({ name, dims, dataType: "float", data });
    return name;
  }

  int64s(base: string, values: number[]): string {
    const name = this.fresh(base);
    this.initializers.push({ name, dims: [values.length], dataType: "int64", data: BigInt64Array.from(values.map((v) => BigInt(v))) });
    return name;
  }

  /** A shared float scalar initializer. */
  scalar(value: number): string {
    const known = this.scalars.get(value);
    if (known !== undefined) return known;
    const name = this.floats(`const_${String(value).replace(/[^0-9a-z]/gi, "_")}`, [], Float32Array.of(value));
    this.scalars.set(value, name);
    return name;
  }

  /** Writes `activation` of `x` into `out`. */
  activation(x: string, activation: FusedActivation, alpha: number, out: string): string {
    switch (activation) {
      case "linear":
        return this.node("Identity", [x], out);
      case "relu":
        return this.node("Relu", [x], out);
      case "relu6":
        return this.node("Clip", [x, this.scalar(0), this.scalar(6)], out);
      case "leakyrelu":
        return this.node("LeakyRelu", [x], out, [{ name: "alpha", type: "float", value: alpha }]);
      case "elu":
        // tf.elu (and the fused kernels) use alpha 1.
        return this.node("Elu", [x], out, [{ name: "alpha", type: "float", value: 1 }]);
      case "sigmoid":
        return this.node("Sigmoid", [x], out);
    }
  }
}

function unsupported(step: Step, why: string): OnnxExportError {
  const cls = step.kind === "layer" ? step.layer.getClassName() : step.kind;
  return new OnnxExportError(
    `layer ${JSON.stringify(step.name)} (class ${cls}) has no ONNX export${why === "" ? "" : ` (${why})`}; the frozen base runs on TF.js instead`,
    step.name,
    cls,
  );
}

function spatial(step: Step, shape: Shape): { h: number; w: number; c: number } {
  if (shape.rank !== 4) throw unsupported(step, "expects a rank-4 input");
  return shape;
}

function convStep(b: Builder, step: ConvStep, x: string, shape: Shape, out: string): Shape {
  const { h, w, c } = spatial(step, shape);
  const [kh, kw, kin, kmult] = step.kernel.shape;
  if (kin !== c) throw unsupported(step, `kernel expects ${kin} input channels, the input has ${c}`);
  const data = step.kernel.dataSync() as Float32Array;
  const cout = step.depthwise ? kin * kmult : kmult;
  const weights = step.depthwise ? depthwiseKernel(data, [kh, kw, kin, kmult]) : convKernel(data, [kh, kw, kin, kmult]);
  const wName = b.floats(`${step.name}/W`, step.depthwise ? [cout, 1, kh, kw] : [cout, kin, kh, kw], weights);
  const bName = b.floats(`${step.name}/B`, [cout], Float32Array.from(step.bias.dataSync()));
  const ph = tfPadding(h, kh, step.strides[0], step.dilations[0], step.pad);
  const pw = tfPadding(w, kw, step.strides[1], step.dilations[1], step.pad);
  if (ph.out < 1 || pw.out < 1) throw unsupported(step, `a ${kh}×${kw} kernel does not fit a ${h}×${w} input`);
  const attributes: OnnxAttribute[] = [
    { name: "kernel_shape", type: "ints", value: [kh, kw] },
    { name: "strides", type: "ints", value: step.strides },
    { name: "dilations", type: "ints", value: step.dilations },
    { name: "pads", type: "ints", value: [ph.begin, pw.begin, ph.end, pw.end] },
    { name: "group", type: "int", value: step.depthwise ? kin : 1 },
  ];
  const convOut = step.activation === "linear" ? out : b.fresh(`${step.name}/conv`);
  b.node("Conv", [x, wName, bName], convOut, attributes);
  if (step.activation !== "linear") b.activation(convOut, step.activation, step.alpha, out);
  return { rank: 4, h: ph.out, w: pw.out, c: cout };
}

function activationStep(b: Builder, step: ActivationStep, x: string, shape: Shape, out: string): Shape {
  b.activation(x, step.activation, step.alpha, out);
  return shape;
}

function channelParam(b: Builder, base: string, t: tf.Tensor, shape: Shape): string {
  const data = Float32Array.from(t.dataSync());
  if (data.length !== shape.c) throw new OnnxExportError(`${base} has ${data.length} values for ${shape.c} channels`);
  return b.floats(base, shape.rank === 4 ? [1, shape.c, 1, 1] : [1, shape.c], data);
}

/** Pooling (MaxPooling2D / AveragePooling2D) with TF's padding. */
function poolStep(b: Builder, step: Step, layer: tf.layers.Layer, x: string, shape: Shape, out: string, op: string): Shape {
  const c = layer.getConfig() as Config;
  if ((c.dataFormat ?? "channelsLast") !== "channelsLast") throw unsupported(step, "channelsFirst");
  const { h, w } = spatial(step, shape);
  const [kh, kw] = pair(c.poolSize, 2);
  const [sh, sw] = c.strides == null ? [kh, kw] : pair(c.strides, 1);
  const pad = c.padding === "same" ? "same" : "valid";
  const ph = tfPadding(h, kh, sh, 1, pad);
  const pw = tfPadding(w, kw, sw, 1, pad);
  if (ph.out < 1 || pw.out < 1) throw unsupported(step, `a ${kh}×${kw} pool does not fit a ${h}×${w} input`);
  // MaxPool ignores padded cells; AveragePool's default count_include_pad = 0 averages only real
  // cells, as TF's "same" average pooling does.
  b.node(op, [x], out, [
    { name: "kernel_shape", type: "ints", value: [kh, kw] },
    { name: "strides", type: "ints", value: [sh, sw] },
    { name: "pads", type: "ints", value: [ph.begin, pw.begin, ph.end, pw.end] },
  ]);
  return { rank: 4, h: ph.out, w: pw.out, c: shape.c };
}

/** ZeroPadding2D's [[top, bottom], [left, right]]. */
function zeroPadding(v: unknown): [[number, number], [number, number]] {
  if (typeof v === "number")
    return [
      [v, v],
      [v, v],
    ];
  if (Array.isArray(v) && v.length === 2) {
    const [a, b] = v as unknown[];
    if (typeof a === "number" && typeof b === "number")
      return [
        [a, a],
        [b, b],
      ];
    return [pair(a, 0), pair(b, 0)];
  }
  return [
    [1, 1],
    [1, 1],
  ];
}

/** Activation functions of an `Activation` layer that foldModel does not fuse. */
function extraActivation(b: Builder, step: Step, name: unknown, x: string, shape: Shape, out: string): Shape {
  switch (name) {
    case "tanh":
      b.node("Tanh", [x], out);
      return shape;
    case "softplus":
      b.node("Softplus", [x], out);
      return shape;
    case "softsign":
      b.node("Softsign", [x], out);
      return shape;
    case "selu":
      // ONNX's default alpha and gamma are Keras's SELU constants.
      b.node("Selu", [x], out);
      return shape;
    case "hard_sigmoid":
    case "hardSigmoid":
      b.node("HardSigmoid", [x], out, [
        { name: "alpha", type: "float", value: 0.2 },
        { name: "beta", type: "float", value: 0.5 },
      ]);
      return shape;
    case "swish": {
      const s = b.node("Sigmoid", [x], b.fresh(`${step.name}/sigmoid`));
      b.node("Mul", [x, s], out);
      return shape;
    }
    case "softmax":
      b.node("Softmax", [x], out, [{ name: "axis", type: "int", value: 1 }]);
      return shape;
    default:
      throw unsupported(step, `activation ${JSON.stringify(name)}`);
  }
}

const ELEMENTWISE: Record<string, string> = {
  Add: "Sum",
  Multiply: "Mul",
  Maximum: "Max",
  Minimum: "Min",
  Average: "Mean",
};

function layerStep(b: Builder, step: Step & { kind: "layer" }, xs: string[], shapes: Shape[], out: string): Shape {
  const layer = step.layer;
  const cls = layer.getClassName();
  const c = layer.getConfig() as Config;
  const x = xs[0] as string;
  const shape = shapes[0] as Shape;
  switch (cls) {
    case "Dropout":
    case "SpatialDropout1D":
    case "SpatialDropout2D":
    case "GaussianDropout":
    case "GaussianNoise":
    case "AlphaDropout":
      // Identity at inference.
      b.node("Identity", [x], out);
      return shape;
    case "ZeroPadding2D": {
      if ((c.dataFormat ?? "channelsLast") !== "channelsLast") throw unsupported(step, "channelsFirst");
      const { h, w } = spatial(step, shape);
      const [[top, bottom], [left, right]] = zeroPadding(c.padding);
      const pads = b.int64s(`${step.name}/pads`, [0, 0, top, left, 0, 0, bottom, right]);
      b.node("Pad", [x, pads], out, [{ name: "mode", type: "string", value: "constant" }]);
      return { rank: 4, h: h + top + bottom, w: w + left + right, c: shape.c };
    }
    case "Add":
    case "Multiply":
    case "Maximum":
    case "Minimum":
    case "Average": {
      if (xs.length < 2) throw unsupported(step, `${xs.length} input`);
      const same = shapes.every((s) => JSON.stringify(s) === JSON.stringify(shape));
      if (!same) throw unsupported(step, "inputs of different shapes (broadcasting)");
      const op = ELEMENTWISE[cls] as string;
      if (op === "Mul") {
        // Mul is binary: chain it.
        let acc = x;
        xs.slice(1).forEach((t, k) => {
          acc = b.node("Mul", [acc, t], k === xs.length - 2 ? out : b.fresh(`${step.name}/mul`));
        });
      } else b.node(xs.length === 2 && op === "Sum" ? "Add" : op, xs, out);
      return shape;
    }
    case "Subtract": {
      if (xs.length !== 2) throw unsupported(step, `${xs.length} inputs`);
      b.node("Sub", xs, out);
      return shape;
    }
    case "Concatenate": {
      const rank = shape.rank;
      if (shapes.some((s) => s.rank !== rank)) throw unsupported(step, "inputs of different ranks");
      const axis = Number(c.axis ?? -1);
      if (rank === 2) {
        if (axis !== -1 && axis !== 1) throw unsupported(step, `axis ${axis}`);
        b.node("Concat", xs, out, [{ name: "axis", type: "int", value: 1 }]);
        return { rank: 2, c: shapes.reduce((n, s) => n + s.c, 0) };
      }
      const a = axis < 0 ? axis + 4 : axis;
      if (a < 1 || a > 3) throw unsupported(step, `axis ${axis}`);
      const s4 = shapes as { rank: 4; h: number; w: number; c: number }[];
      const first = s4[0] as { h: number; w: number; c: number };
      const sum = (k: "h" | "w" | "c"): number => s4.reduce((n, s) => n + s[k], 0);
      b.node("Concat", xs, out, [{ name: "axis", type: "int", value: NCHW_AXIS[a] as number }]);
      return { rank: 4, h: a === 1 ? sum("h") : first.h, w: a === 2 ? sum("w") : first.w, c: a === 3 ? sum("c") : first.c };
    }
    case "MaxPooling2D":
      return poolStep(b, step, layer, x, shape, out, "MaxPool");
    case "AveragePooling2D":
      return poolStep(b, step, layer, x, shape, out, "AveragePool");
    case "GlobalAveragePooling2D":
    case "GlobalMaxPooling2D": {
      if ((c.dataFormat ?? "channelsLast") !== "channelsLast") throw unsupported(step, "channelsFirst");
      spatial(step, shape);
      const op = cls === "GlobalAveragePooling2D" ? "GlobalAveragePool" : "GlobalMaxPool";
      if (c.keepDims === true) {
        b.node(op, [x], out);
        return { rank: 4, h: 1, w: 1, c: shape.c };
      }
      const pooled = b.node(op, [x], b.fresh(`${step.name}/pool`));
      b.node("Flatten", [pooled], out, [{ name: "axis", type: "int", value: 1 }]);
      return { rank: 2, c: shape.c };
    }
    case "Flatten": {
      if (shape.rank === 2) {
        b.node("Identity", [x], out);
        return shape;
      }
      // Keras flattens NHWC: back to channels-last first.
      const nhwc = b.node("Transpose", [x], b.fresh(`${step.name}/nhwc`), [{ name: "perm", type: "ints", value: [0, 2, 3, 1] }]);
      b.node("Flatten", [nhwc], out, [{ name: "axis", type: "int", value: 1 }]);
      return { rank: 2, c: shape.h * shape.w * shape.c };
    }
    case "Activation":
      return extraActivation(b, step, c.activation, x, shape, out);
    case "ReLU": {
      // foldModel fuses relu and relu6; another maxValue is a clip.
      const max = Number(c.maxValue);
      if (!Number.isFinite(max)) throw unsupported(step, `maxValue ${String(c.maxValue)}`);
      b.node("Clip", [x, b.scalar(0), b.scalar(max)], out);
      return shape;
    }
    case "ThresholdedReLU":
      b.node("ThresholdedRelu", [x], out, [{ name: "alpha", type: "float", value: Number(c.theta ?? 1) }]);
      return shape;
    case "Softmax": {
      const axis = Number(c.axis ?? -1);
      if (axis !== -1 && axis !== (shape.rank === 4 ? 3 : 1)) throw unsupported(step, `axis ${axis}`);
      b.node("Softmax", [x], out, [{ name: "axis", type: "int", value: 1 }]);
      return shape;
    }
    default:
      throw unsupported(step, "");
  }
}

/** Builds the ONNX model of `graph` for inputs of shape [N, ...inputShape] (NHWC). */
export function buildOnnxModel(
  graph: FoldedGraph,
  inputShape: readonly [number, number, number],
  options: OnnxExportOptions = {},
): { model: OnnxModel; dim: number; featureMapShape: [number, number, number] | null } {
  const [h, w, c] = inputShape;
  if (![h, w, c].every((v) => Number.isInteger(v) && v > 0))
    throw new OnnxExportError(`input shape must be 3 positive integers [H, W, C], received [${inputShape.join(", ")}]`);
  const b = new Builder();
  b.fresh(ONNX_INPUT);
  b.fresh(ONNX_FEATURES);
  b.fresh(ONNX_FEATURE_MAP);
  /** Graph tensor name (layer name) → ONNX tensor name. */
  const tensors = new Map<string, string>();
  const inputName = b.node("Transpose", [ONNX_INPUT], b.fresh(graph.input), [{ name: "perm", type: "ints", value: [0, 3, 1, 2] }]);
  tensors.set(graph.input, inputName);
  b.shapes.set(inputName, { rank: 4, h, w, c });

  for (const step of graph.steps) {
    const xs = step.inputs.map((n) => {
      const t = tensors.get(n);
      if (t === undefined)
        throw new OnnxExportError(`step ${JSON.stringify(step.name)} reads ${JSON.stringify(n)}, which was not computed`);
      return t;
    });
    const shapes = xs.map((t) => b.shapes.get(t) as Shape);
    const out = b.fresh(step.name);
    let shape: Shape;
    if (step.kind !== "layer" && xs.length !== 1) throw unsupported(step, `${xs.length} inputs`);
    const x = xs[0] as string;
    switch (step.kind) {
      case "conv":
        shape = convStep(b, step, x, shapes[0] as Shape, out);
        break;
      case "affine": {
        const s = shapes[0] as Shape;
        const scaled = b.node("Mul", [x, channelParam(b, `${step.name}/scale`, step.scale, s)], b.fresh(`${step.name}/mul`));
        b.node("Add", [scaled, channelParam(b, `${step.name}/offset`, step.offset, s)], out);
        shape = s;
        break;
      }
      case "activation":
        shape = activationStep(b, step, x, shapes[0] as Shape, out);
        break;
      case "layer":
        shape = layerStep(b, step, xs, shapes, out);
        break;
    }
    tensors.set(step.name, out);
    b.shapes.set(out, shape);
  }

  const last = tensors.get(graph.output);
  if (last === undefined) throw new OnnxExportError(`graph output ${JSON.stringify(graph.output)} was not computed`);
  const shape = b.shapes.get(last) as Shape;
  const outputs = [];
  let featureMapShape: [number, number, number] | null = null;
  if (shape.rank === 4) {
    b.node("ReduceMean", [last], ONNX_FEATURES, [
      { name: "axes", type: "ints", value: [2, 3] },
      { name: "keepdims", type: "int", value: 0 },
    ]);
    outputs.push({ name: ONNX_FEATURES, shape: ["N", shape.c] });
    featureMapShape = [shape.h, shape.w, shape.c];
    if (options.featureMap === true) {
      b.node("Transpose", [last], ONNX_FEATURE_MAP, [{ name: "perm", type: "ints", value: [0, 2, 3, 1] }]);
      outputs.push({ name: ONNX_FEATURE_MAP, shape: ["N", shape.h, shape.w, shape.c] });
    }
  } else {
    if (options.featureMap === true)
      throw new OnnxExportError(`graph output ${JSON.stringify(graph.output)} is not a feature map (rank 2)`);
    b.node("Identity", [last], ONNX_FEATURES);
    outputs.push({ name: ONNX_FEATURES, shape: ["N", shape.c] });
  }
  const model: OnnxModel = {
    producerName: "graft",
    producerVersion: ONNX_EXPORTER_VERSION,
    docString: `Graft folded feature graph ${graph.input} → ${graph.output}, opset ${ONNX_OPSET}`,
    graph: {
      name: options.name ?? "graft_features",
      nodes: b.nodes,
      initializers: b.initializers,
      inputs: [{ name: ONNX_INPUT, shape: ["N", h, w, c] }],
      outputs,
    },
    metadata: { "graft.exporter": ONNX_EXPORTER_VERSION, "graft.input": graph.input, "graft.output": graph.output, ...options.metadata },
  };
  return { model, dim: shape.c, featureMapShape };
}

/**
 * Exports `graph` (from {@link foldModel}) for NHWC input [N, ...inputShape] to ONNX bytes (IR 8,
 * opset 13): `input` → `features` [N, dim] (and `feature_map` with `featureMap: true`).
 * @throws OnnxExportError naming the first layer the exporter does not know.
 */
export function exportFoldedGraph(
  graph: FoldedGraph,
  inputShape: readonly [number, number, number],
  options: OnnxExportOptions = {},
): Uint8Array {
  return encodeModel(buildOnnxModel(graph, inputShape, options).model);
}

/** {@link exportFoldedGraph} with the shapes the caller needs to run the model. */
export function exportFoldedGraphWithInfo(
  graph: FoldedGraph,
  inputShape: readonly [number, number, number],
  options: OnnxExportOptions = {},
): OnnxExport {
  const { model, dim, featureMapShape } = buildOnnxModel(graph, inputShape, options);
  return { bytes: encodeModel(model), inputShape: [inputShape[0], inputShape[1], inputShape[2]], dim, featureMapShape };
}
