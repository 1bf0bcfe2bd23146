/**
 * ONNX model encoding: the subset of onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto,
 * TensorProto, ValueInfoProto) an exported feature graph needs, written with {@link ProtoWriter}.
 * Field numbers are those of onnx/onnx.proto3.
 */
import { ProtoWriter } from "./protobuf";

/** ONNX IR version the exporter writes (IR 8: ONNX 1.10+, read by every current runtime). */
export const ONNX_IR_VERSION = 8;
/** Default-domain opset the exporter targets. */
export const ONNX_OPSET = 13;

/** TensorProto.DataType values used here. */
export const TensorDataType = { float: 1, int64: 7 } as const;

/** AttributeProto.AttributeType values used here. */
const AttributeType = { float: 1, int: 2, string: 3, floats: 6, ints: 7 } as const;

/** An initializer (constant tensor): float32 or int64, stored as little-endian raw_data. */
export type OnnxTensor =
  | { name: string; dims: readonly number[]; dataType: "float"; data: Float32Array }
  | { name: string; dims: readonly number[]; dataType: "int64"; data: BigInt64Array };

/** A node attribute. */
export type OnnxAttribute =
  | { name: string; type: "float"; value: number }
  | { name: string; type: "int"; value: number }
  | { name: string; type: "string"; value: string }
  | { name: string; type: "floats"; value: readonly number[] }
  | { name: string; type: "ints"; value: readonly number[] };

export interface OnnxNode {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  attributes?: readonly OnnxAttribute[];
}

/** A float tensor graph input/output; a string dimension is symbolic (dim_param), e.g. the batch. */
export interface OnnxValueInfo {
  name: string;
  shape: readonly (number | string)[];
}

export interface OnnxGraph {
  name: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxTensor[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
}

export interface OnnxModel {
  producerName: string;
  producerVersion?: string;
  docString?: string;
  graph: OnnxGraph;
  /** Default: ir_version {@link ONNX_IR_VERSION}. */
  irVersion?: number;
  /** Default: the default domain at {@link ONNX_OPSET}. */
  opsetImports?: readonly { domain: string; version: number }[];
  /** metadata_props: free key/value strings. */
  metadata?: Readonly<Record<string, string>>;
}

/** Little-endian bytes of a typed array (copied when the host is big-endian, never here in practice). */
function littleEndianBytes(data: Float32Array | BigInt64Array): Uint8Array {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  if (littleEndian) return bytes;
  const out = new Uint8Array(bytes.length);
  const size = data.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += size) for (let k = 0; k < size; k++) out[i + k] = bytes[i + size - 1 - k] as number;
  return out;
}

/** Writes a TensorProto's fields. */
export function writeTensor(w: ProtoWriter, t: OnnxTensor): void {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (count !== t.data.length)
    throw new RangeError(`tensor ${t.name}: dims [${t.dims.join(", ")}] hold ${count} values, data has ${t.data.length}`);
  w.packedInts(1, t.dims);
  w.int(2, TensorDataType[t.dataType]);
  w.string(8, t.name);
  w.bytes(9, littleEndianBytes(t.data));
}

/** Writes an AttributeProto's fields. */
export function writeAttribute(w: ProtoWriter, a: OnnxAttribute): void {
  w.string(1, a.name);
  switch (a.type) {
    case "float":
      w.float(2, a.value);
      break;
    case "int":
      w.int(3, a.value);
      break;
    case "string":
      w.string(4, a.value);
      break;
    case "floats":
      w.packedFloats(7, a.value);
      break;
    case "ints":
      w.packedInts(8, a.value);
      break;
  }
  w.int(20, AttributeType[a.type]);
}

/** Writes a NodeProto's fields. */
export function writeNode(w: ProtoWriter, n: OnnxNode): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  if (n.name !== undefined) w.string(3, n.name);
  w.string(4, n.opType);
  for (const a of n.attributes ?? []) w.message(5, (m) => writeAttribute(m, a));
}

/** Writes a ValueInfoProto for a float tensor. */
export function writeValueInfo(w: ProtoWriter, v: OnnxValueInfo): void {
  w.string(1, v.name);
  // TypeProto { tensor_type = 1: Tensor { elem_type = 1, shape = 2: TensorShapeProto { dim = 1 } } }
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int(1, TensorDataType.float);
      tensor.message(2, (shape) => {
        for (const d of v.shape) shape.message(1, (dim) => (typeof d === "number" ? dim.int(1, d) : dim.string(2, d)));
      });
    }),
  );
}

/** Writes a GraphProto's fields. */
export function writeGraph(w: ProtoWriter, g: OnnxGraph): void {
  for (const n of g.nodes) w.message(1, (m) => writeNode(m, n));
  w.string(2, g.name);
  for (const t of g.initializers) w.message(5, (m) => writeTensor(m, t));
  for (const v of g.inputs) w.message(11, (m) => writeValueInfo(m, v));
  for (const v of g.outputs) w.message(12, (m) => writeValueInfo(m, v));
}

/** Serializes a ModelProto. */
export function encodeModel(model: OnnxModel): Uint8Array {
  const w = new ProtoWriter();
  w.int(1, model.irVersion ?? ONNX_IR_VERSION);
  w.string(2, model.producerName);
  if (model.producerVersion !== undefined) w.string(3, model.producerVersion);
  if (model.docString !== undefined) w.string(6, model.docString);
  w.message(7, (m) => writeGraph(m, model.graph));
  for (const o of model.opsetImports ?? [{ domain: "", version: ONNX_OPSET }]) {
    w.message(8, (m) => {
      m.string(1, o.domain);
      m.int(2, o.version);
    });
  }
  // StringStringEntryProto { key = 1, value = 2 }
  for (const [key, value] of Object.entries(model.metadata ?? {})) {
    w.message(14, (m) => {
      m.string(1, key);
      m.string(2, value);
    });
  }
  return w.finish();
}
