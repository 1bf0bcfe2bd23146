import { describe, expect, it } from "vitest";
import { encodeModel, type OnnxModel } from "./model";
import { ProtoWriter } from "./protobuf";
import { loadOnnxRuntime } from "./runtime";

const bytes = (build: (w: ProtoWriter) => void): number[] => {
  const w = new ProtoWriter();
  build(w);
  return Array.from(w.finish());
};

/** Reads one varint (as a bigint) from `b` at `pos`. */
function readVarint(b: Uint8Array, pos: number): { value: bigint; next: number } {
  let value = 0n;
  let shift = 0n;
  for (;;) {
    const byte = b[pos++] as number;
    value |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    if ((byte & 0x80) === 0) return { value, next: pos };
  }
}

describe("ProtoWriter", () => {
  it("writes varints as protobuf does", () => {
    expect(bytes((w) => w.varint(0))).toEqual([0]);
    expect(bytes((w) => w.varint(1))).toEqual([1]);
    expect(bytes((w) => w.varint(127))).toEqual([0x7f]);
    expect(bytes((w) => w.varint(128))).toEqual([0x80, 0x01]);
    expect(bytes((w) => w.varint(300))).toEqual([0xac, 0x02]);
    expect(bytes((w) => w.varint(2 ** 32))).toEqual([0x80, 0x80, 0x80, 0x80, 0x10]);
    expect(bytes((w) => w.varint(Number.MAX_SAFE_INTEGER))).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]);
    // 2^63 and 2^64 − 1 as bigints: 10 bytes.
    expect(bytes((w) => w.varint(1n << 63n))).toEqual([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
    expect(bytes((w) => w.varint((1n << 64n) - 1n))).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    for (const v of [0, 5, 150, 16_383, 16_384, 2 ** 31, 2 ** 40 + 7, 2 ** 53 - 1]) {
      const b = new ProtoWriter().varint(v).finish();
      expect(readVarint(b, 0)).toEqual({ value: BigInt(v), next: b.length });
    }
  });

  it("writes negative int64 as 10-byte two's complement varints", () => {
    expect(bytes((w) => w.varint(-1))).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    expect(bytes((w) => w.varint(-2))).toEqual([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    expect(bytes((w) => w.varint(-(2n ** 63n)))).toEqual([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
    const b = new ProtoWriter().varint(-300).finish();
    expect(b.length).toBe(10);
    expect(BigInt.asIntN(64, readVarint(b, 0).value)).toBe(-300n);
    expect(() => new ProtoWriter().varint(2 ** 53)).toThrow(/safe integer/);
    expect(() => new ProtoWriter().varint(1n << 64n)).toThrow(/64 bits/);
    expect(() => new ProtoWriter().varint(0.5)).toThrow(/safe integer/);
  });

  it("writes tags, floats, strings, nested messages and packed fields", () => {
    // Field 1 varint 150: the protobuf docs' example.
    expect(bytes((w) => w.int(1, 150))).toEqual([0x08, 0x96, 0x01]);
    // Field 2 fixed32 float 1.5 = 0x3fc00000, little-endian.
    expect(bytes((w) => w.float(2, 1.5))).toEqual([0x15, 0x00, 0x00, 0xc0, 0x3f]);
    expect(bytes((w) => w.float(2, -0))).toEqual([0x15, 0x00, 0x00, 0x00, 0x80]);
    // Field 2 string "testing".
    expect(bytes((w) => w.string(2, "testing"))).toEqual([0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67]);
    expect(bytes((w) => w.string(4, "é"))).toEqual([0x22, 0x02, 0xc3, 0xa9]);
    // Field 3 message { 1: 150 }.
    expect(bytes((w) => w.message(3, (m) => m.int(1, 150)))).toEqual([0x1a, 0x03, 0x08, 0x96, 0x01]);
    // Field 4 packed [3, 270, 86942]: the protobuf docs' example.
    expect(bytes((w) => w.packedInts(4, [3, 270, 86942]))).toEqual([0x22, 0x06, 0x03, 0x8e, 0x02, 0x9e, 0xa7, 0x05]);
    expect(bytes((w) => w.packedFloats(7, [1, -2]))).toEqual([0x3a, 0x08, 0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0]);
    expect(bytes((w) => w.packedInts(4, []))).toEqual([]);
    // A large field number needs a multi-byte tag: field 20 varint → 0xa0 0x01.
    expect(bytes((w) => w.int(20, 7))).toEqual([0xa0, 0x01, 0x07]);
  });

  it("grows its buffer for large payloads", () => {
    const payload = new Uint8Array(100_000).map((_, i) => i & 0xff);
    const b = new ProtoWriter().bytes(9, payload).finish();
    expect(b.length).toBe(1 + 3 + payload.length);
    expect(Array.from(b.subarray(0, 4))).toEqual([0x4a, 0xa0, 0x8d, 0x06]);
    expect(b[b.length - 1]).toBe(payload[payload.length - 1]);
  });
});

describe("ONNX model encoding, checked by ONNX Runtime", () => {
  it("runs a hand-written model with every attribute and initializer kind the exporter writes", async () => {
    const loaded = await loadOnnxRuntime();
    if (loaded.ort === null) {
      // Only GRAFT_NO_ONNXRUNTIME=1 skips: onnxruntime-node is installed with the repository.
      if (process.env.GRAFT_NO_ONNXRUNTIME === "1") return console.warn(`skipping: ${loaded.reason}`);
      throw new Error(loaded.reason);
    }
    const ort = loaded.ort;
    // y = LeakyRelu(Clip(Transpose(x) * scale + offset, -1, 5)), then ReduceMean over H, W; Pad with
    // negative-free int64 pads; Conv with ints attributes.
    const model: OnnxModel = {
      producerName: "graft-test",
      graph: {
        name: "g",
        nodes: [
          { opType: "Transpose", inputs: ["x"], outputs: ["t"], attributes: [{ name: "perm", type: "ints", value: [0, 3, 1, 2] }] },
          { opType: "Mul", inputs: ["t", "scale"], outputs: ["m"] },
          { opType: "Add", inputs: ["m", "offset"], outputs: ["a"] },
          { opType: "Clip", inputs: ["a", "lo", "hi"], outputs: ["c"] },
          { opType: "LeakyRelu", inputs: ["c"], outputs: ["l"], attributes: [{ name: "alpha", type: "float", value: 0.25 }] },
          { opType: "Pad", inputs: ["l", "pads"], outputs: ["p"], attributes: [{ name: "mode", type: "string", value: "constant" }] },
          {
            opType: "Conv",
            inputs: ["p", "W"],
            outputs: ["conv"],
            attributes: [
              { name: "kernel_shape", type: "ints", value: [1, 1] },
              { name: "group", type: "int", value: 2 },
            ],
          },
          {
            opType: "ReduceMean",
            inputs: ["conv"],
            outputs: ["y"],
            attributes: [
              { name: "axes", type: "ints", value: [2, 3] },
              { name: "keepdims", type: "int", value: 0 },
            ],
          },
        ],
        initializers: [
          { name: "scale", dims: [1, 2, 1, 1], dataType: "float", data: Float32Array.of(2, -1) },
          { name: "offset", dims: [1, 2, 1, 1], dataType: "float", data: Float32Array.of(0.5, 0) },
          { name: "lo", dims: [], dataType: "float", data: Float32Array.of(-1) },
          { name: "hi", dims: [], dataType: "float", data: Float32Array.of(5) },
          { name: "pads", dims: [8], dataType: "int64", data: BigInt64Array.of(0n, 0n, 1n, 0n, 0n, 0n, 0n, 1n) },
          { name: "W", dims: [2, 1, 1, 1], dataType: "float", data: Float32Array.of(1, 3) },
        ],
        inputs: [{ name: "x", shape: ["batch", 2, 2, 2] }],
        outputs: [{ name: "y", shape: ["batch", 2] }],
      },
      metadata: { note: "test" },
    };
    const session = await ort.InferenceSession.create(encodeModel(model));
    expect(session.inputNames).toEqual(["x"]);
    expect(session.outputNames).toEqual(["y"]);
    // Batch of 2 (the symbolic dim): NHWC values.
    const x = Float32Array.from({ length: 16 }, (_, i) => (i - 6) / 2);
    const out = await session.run({ x: new ort.Tensor("float32", x, [2, 2, 2, 2]) });
    const expected: number[] = [];
    for (let n = 0; n < 2; n++) {
      for (let ch = 0; ch < 2; ch++) {
        let sum = 0;
        for (let k = 0; k < 4; k++) {
          const v = x[n * 8 + k * 2 + ch] as number;
          const a = Math.min(5, Math.max(-1, ch === 0 ? v * 2 + 0.5 : -v));
          sum += (a < 0 ? 0.25 * a : a) * (ch === 0 ? 1 : 3);
        }
        // Padding adds 2 zero cells (one row, one column): 3×3 = 9 cells.
        expected.push(sum / 9);
      }
    }
    const y = Array.from(out.y?.data as Float32Array);
    expect(out.y?.dims).toEqual([2, 2]);
    y.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 5));
    await session.release();
  });
});
