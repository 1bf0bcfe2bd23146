/**
 * A minimal protobuf writer: just what ONNX's ModelProto needs (varints, length-delimited fields,
 * fixed32 floats, packed repeated scalars). No dependency; the output is standard wire format, so
 * any protobuf parser (ONNX Runtime's included) reads it.
 */

/** Wire types of the protobuf encoding. */
export const WireType = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;

const textEncoder = new TextEncoder();

/** An append-only byte buffer with protobuf field writers. */
export class ProtoWriter {
  private buf = new Uint8Array(256);
  private len = 0;
  private readonly view4 = new DataView(new ArrayBuffer(4));

  /** Bytes written so far. */
  get length(): number {
    return this.len;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Appends raw bytes. */
  raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
    return this;
  }

  /**
   * Appends a varint. Negative values are written as their 64-bit two's complement (10 bytes), as
   * protobuf does for int32/int64 fields. Numbers must be safe integers; use a bigint beyond 2^53.
   */
  varint(value: number | bigint): this {
    let v: bigint;
    if (typeof value === "number") {
      if (!Number.isSafeInteger(value)) throw new RangeError(`varint: ${value} is not a safe integer (pass a bigint)`);
      v = BigInt(value);
    } else v = value;
    if (v < -(1n << 63n) || v >= 1n << 64n) throw new RangeError(`varint: ${v} does not fit in 64 bits`);
    if (v < 0n) v += 1n << 64n;
    // Fast path for small non-negative values (tags, lengths, most dims).
    if (v < 0x80n) {
      this.reserve(1);
      this.buf[this.len++] = Number(v);
      return this;
    }
    this.reserve(10);
    while (v >= 0x80n) {
      this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
    return this;
  }

  /** Appends a field tag (field number and wire type). */
  tag(field: number, wireType: number): this {
    return this.varint(field * 8 + wireType);
  }

  /** A varint field (int32, int64, uint64, enum, bool). */
  int(field: number, value: number | bigint): this {
    return this.tag(field, WireType.varint).varint(value);
  }

  /** A fixed32 float field (little-endian IEEE 754 single). */
  float(field: number, value: number): this {
    this.tag(field, WireType.fixed32);
    return this.float32(value);
  }

  /** The 4 little-endian bytes of a float32, without a tag. */
  float32(value: number): this {
    this.view4.setFloat32(0, value, true);
    return this.raw(new Uint8Array(this.view4.buffer));
  }

  /** A length-delimited bytes field. */
  bytes(field: number, value: Uint8Array): this {
    return this.tag(field, WireType.lengthDelimited).varint(value.length).raw(value);
  }

  /** A length-delimited UTF-8 string field. */
  string(field: number, value: string): this {
    return this.bytes(field, textEncoder.encode(value));
  }

  /** An embedded message field: `build` writes the message's fields into a fresh writer. */
  message(field: number, build: (w: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  /** A packed repeated varint field (skipped when empty, as protobuf does). */
  packedInts(field: number, values: readonly (number | bigint)[]): this {
    if (values.length === 0) return this;
    const inner = new ProtoWriter();
    for (const v of values) inner.varint(v);
    return this.bytes(field, inner.finish());
  }

  /** A packed repeated float field (skipped when empty). */
  packedFloats(field: number, values: readonly number[]): this {
    if (values.length === 0) return this;
    const data = new Uint8Array(values.length * 4);
    const view = new DataView(data.buffer);
    values.forEach((v, i) => view.setFloat32(i * 4, v, true));
    return this.bytes(field, data);
  }

  /** The bytes written (a copy trimmed to length). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
