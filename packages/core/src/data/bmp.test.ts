import { describe, expect, it } from "vitest";
import { decodeBmp, encodeBmp, isBmp } from "./bmp";

/** A 3×2 image with a different colour per pixel, so row order and channel order both show. */
const pixels = Uint8Array.from([
  255,
  0,
  0,
  0,
  255,
  0,
  0,
  0,
  255, // top row: red, green, blue
  10,
  20,
  30,
  40,
  50,
  60,
  70,
  80,
  90, // bottom row
]);

describe("BMP", () => {
  it.each([24, 32] as const)("round-trips a %i-bit image (bottom-up 24, top-down 32)", (bits) => {
    const bytes = encodeBmp({ width: 3, height: 2, data: pixels }, { bits });
    expect(isBmp(bytes)).toBe(true);
    const decoded = decodeBmp(bytes);
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
    expect(Array.from(decoded.data)).toEqual(Array.from(pixels));
  });

  it("reads an 8-bit paletted image", () => {
    // 2×1, palette [blue, white] (BGR0 entries), pixels index 1 then 0; rows padded to 4 bytes.
    const header = new Uint8Array(54 + 8 + 4);
    const view = new DataView(header.buffer);
    header.set([0x42, 0x4d]);
    view.setUint32(10, 62, true);
    view.setUint32(14, 40, true);
    view.setInt32(18, 2, true);
    view.setInt32(22, 1, true);
    view.setUint16(26, 1, true);
    view.setUint16(28, 8, true);
    view.setUint32(46, 2, true);
    header.set([255, 0, 0, 0, 255, 255, 255, 0], 54);
    header.set([1, 0, 0, 0], 62);
    expect(Array.from(decodeBmp(header).data)).toEqual([255, 255, 255, 0, 0, 255]);
  });

  it("rejects truncated pixel data with the sizes in the reason", () => {
    const bytes = encodeBmp({ width: 3, height: 2, data: pixels });
    expect(() => decodeBmp(bytes.subarray(0, bytes.length - 5))).toThrow(/truncated.*needs \d+ bytes, file has \d+/);
  });

  it("rejects RLE compression and non-BMP bytes", () => {
    const bytes = encodeBmp({ width: 3, height: 2, data: pixels });
    new DataView(bytes.buffer).setUint32(30, 1, true);
    expect(() => decodeBmp(bytes)).toThrow(/unsupported BMP encoding.*compression 1/);
    expect(() => decodeBmp(new TextEncoder().encode("hello"))).toThrow(/not a BMP/);
  });
});
