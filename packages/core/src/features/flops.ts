/**
 * Floating-point operations per image of a model's layer graph, for the bench's achieved GFLOP/s.
 * Convention: 2 FLOPs per multiply-add of Conv2D, DepthwiseConv2D and Dense layers (the
 * "mult-adds" MobileNet papers quote, doubled), plus one per bias add. BatchNormalization,
 * activations, pooling and Add are not counted: the folded graph fuses the first two into the
 * convolutions, and all of them together are a few percent of the convolutions' work.
 */
import type * as tf from "@tensorflow/tfjs";
import { BadInputError } from "../errors";

/** FLOPs of one counted layer. */
export interface LayerFlops {
  name: string;
  className: string;
  flops: number;
}

/** What {@link modelFlops} returns. */
export interface ModelFlops {
  /** Total per image, up to and including the output layer asked for. */
  perImage: number;
  /** The counted layers, in model order. */
  layers: LayerFlops[];
}

type Config = Record<string, unknown>;

function pair(v: unknown): [number, number] {
  if (typeof v === "number") return [v, v];
  if (Array.isArray(v) && v.length === 2) return [Number(v[0]), Number(v[1])];
  throw new Error(`expected a number or a pair, got ${JSON.stringify(v)}`);
}

function dims(shape: unknown, what: string): number[] {
  // A layer called once has a single shape; [null, h, w, c] with the batch dimension first.
  if (!Array.isArray(shape)) throw new BadInputError(`${what} has no known shape (${JSON.stringify(shape)})`);
  const s = Array.isArray(shape[0]) ? (shape[0] as unknown[]) : (shape as unknown[]);
  const out = s.slice(1).map(Number);
  if (out.some((d) => !Number.isFinite(d)))
    throw new BadInputError(`${what} has a dynamic shape ${JSON.stringify(shape)}; FLOPs need a fixed input size`);
  return out;
}

/** Channels of a layer's (first) input, from the node that called it. */
function inputChannels(layer: tf.layers.Layer): number {
  return dims(layer.inboundNodes[0]?.inputShapes, layer.name).at(-1) as number;
}

/** FLOPs of one layer per image, or null for a layer this convention does not count. */
function layerFlops(layer: tf.layers.Layer): number | null {
  const c = layer.getConfig() as Config;
  const bias = c.useBias !== false;
  switch (layer.getClassName()) {
    case "Conv2D": {
      const [h, w, cout] = dims(layer.outputShape, layer.name) as [number, number, number];
      const cin = inputChannels(layer);
      const [kh, kw] = pair(c.kernelSize);
      return 2 * h * w * kh * kw * cin * cout + (bias ? h * w * cout : 0);
    }
    case "DepthwiseConv2D": {
      const [h, w, cout] = dims(layer.outputShape, layer.name) as [number, number, number];
      const [kh, kw] = pair(c.kernelSize);
      return 2 * h * w * kh * kw * cout + (bias ? h * w * cout : 0);
    }
    case "Dense": {
      const out = dims(layer.outputShape, layer.name).at(-1) as number;
      const inp = inputChannels(layer);
      return 2 * inp * out + (bias ? out : 0);
    }
    default:
      return null;
  }
}

/**
 * FLOPs per image of `model` up to `outputLayer` (default: its output): only that layer's
 * ancestors count, so a feature extractor is not charged for the ImageNet top it never runs.
 * @throws BadInputError for an unknown layer name or a model without a fixed input size.
 */
export function modelFlops(model: tf.LayersModel, outputLayer?: string): ModelFlops {
  const target = outputLayer ?? model.outputs[0]?.sourceLayer.name;
  const byName = new Map(model.layers.map((l) => [l.name, l]));
  if (target === undefined || !byName.has(target)) throw new BadInputError(`Layer ${JSON.stringify(target)} is not in the model`);
  const keep = new Set<string>();
  const stack = [target];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (keep.has(name)) continue;
    keep.add(name);
    for (const node of byName.get(name)?.inboundNodes ?? []) stack.push(...node.inboundLayers.map((l) => l.name));
  }
  const layers: LayerFlops[] = [];
  for (const layer of model.layers) {
    if (!keep.has(layer.name)) continue;
    const flops = layerFlops(layer);
    if (flops !== null) layers.push({ name: layer.name, className: layer.getClassName(), flops });
  }
  return { perImage: layers.reduce((sum, l) => sum + l.flops, 0), layers };
}
