/**
 * A minimal Windows BMP decoder, because sharp 0.34 (libvips without ImageMagick) cannot read BMP
 * while Keras' `flow_from_directory` accepts it. Supports uncompressed (BI_RGB) 1/4/8-bit paletted,
 * 24-bit and 32-bit images and 32-bit BI_BITFIELDS, bottom-up or top-down. RLE and 16-bit are
 * rejected with a clear reason.
 */

/** Decoded pixels: `width*height*3` RGB bytes, row-major from the top-left. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const BI_RGB = 0;
const BI_BITFIELDS = 3;
/** Refuse absurd headers before allocating (a corrupt height could ask for gigabytes). */
const MAX_PIXELS = 100_000_000;

/** True when the bytes start with the BMP signature `BM`. */
export function isBmp(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d;
}

/**
 * Decodes a BMP file to RGB. Alpha (32-bit) is dropped, as Keras' `load_img(color_mode="rgb")` does.
 * @throws Error with the reason when the file is truncated, compressed or of an unsupported depth.
 */
export function decodeBmp(bytes: Uint8Array): RgbImage {
  if (!isBmp(bytes)) throw new Error("not a BMP file (no 'BM' signature)");
  if (bytes.length < 26) throw new Error(`BMP truncated: ${bytes.length} bytes, header needs at least 26`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  if (headerSize < 40) throw new Error(`unsupported BMP header (size ${headerSize}; OS/2 bitmaps are not supported)`);
  if (bytes.length < 14 + headerSize) throw new Error("BMP truncated inside its header");
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bpp = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  if (width <= 0 || height === 0 || width * height > MAX_PIXELS) {
    throw new Error(`BMP has invalid dimensions ${width}x${rawHeight}`);
  }
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  if (dataOffset + stride * height > bytes.length) {
    throw new Error(`BMP truncated: pixel data needs ${dataOffset + stride * height} bytes, file has ${bytes.length}`);
  }

  const out = new Uint8Array(width * height * 3);
  const rowStart = (y: number): number => dataOffset + (topDown ? y : height - 1 - y) * stride;

  if (compression === BI_RGB && (bpp === 24 || bpp === 32)) {
    const step = bpp / 8;
    for (let y = 0; y < height; y++) {
      let src = rowStart(y);
      let dst = y * width * 3;
      for (let x = 0; x < width; x++, src += step, dst += 3) {
        out[dst] = bytes[src + 2] as number;
        out[dst + 1] = bytes[src + 1] as number;
        out[dst + 2] = bytes[src] as number;
      }
    }
    return { width, height, data: out };
  }

  if (compression === BI_BITFIELDS && bpp === 32) {
    // The three masks follow a 40-byte header, or sit at the same offset inside V4/V5 headers.
    if (bytes.length < 66) throw new Error("BMP truncated inside its colour masks");
    const masks = [view.getUint32(54, true), view.getUint32(58, true), view.getUint32(62, true)];
    const channels = masks.map(maskToChannel);
    for (let y = 0; y < height; y++) {
      const row = rowStart(y);
      for (let x = 0; x < width; x++) {
        const value = view.getUint32(row + x * 4, true);
        const dst = (y * width + x) * 3;
        channels.forEach((ch, c) => {
          out[dst + c] = ch(value);
        });
      }
    }
    return { width, height, data: out };
  }

  if (compression === BI_RGB && (bpp === 1 || bpp === 4 || bpp === 8)) {
    const paletteStart = 14 + headerSize;
    const colorsUsed = view.getUint32(46, true);
    const paletteSize = colorsUsed === 0 ? 1 << bpp : colorsUsed;
    if (paletteStart + paletteSize * 4 > dataOffset) throw new Error("BMP palette overlaps the pixel data");
    const perByte = 8 / bpp;
    const mask = (1 << bpp) - 1;
    for (let y = 0; y < height; y++) {
      const row = rowStart(y);
      for (let x = 0; x < width; x++) {
        const byte = bytes[row + Math.floor(x / perByte)] as number;
        const shift = 8 - bpp * ((x % perByte) + 1);
        const index = (byte >> shift) & mask;
        if (index >= paletteSize) throw new Error(`BMP pixel uses colour ${index} beyond the palette of ${paletteSize}`);
        const p = paletteStart + index * 4;
        const dst = (y * width + x) * 3;
        out[dst] = bytes[p + 2] as number;
        out[dst + 1] = bytes[p + 1] as number;
        out[dst + 2] = bytes[p] as number;
      }
    }
    return { width, height, data: out };
  }

  throw new Error(
    `unsupported BMP encoding (${bpp} bits per pixel, compression ${compression}); only uncompressed 1/4/8/24/32-bit is read`,
  );
}

/** Extracts one 8-bit channel from a 32-bit pixel given its bit mask (e.g. 0x00ff0000 → red). */
function maskToChannel(mask: number): (value: number) => number {
  if (mask === 0) return () => 0;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  const max = mask >>> shift;
  return (value) => Math.round((((value & mask) >>> shift) * 255) / max);
}

/**
 * Encodes RGB pixels as a 24-bit bottom-up BMP (or 32-bit top-down with `bits: 32`). Used by the
 * tests to produce BMP fixtures, since sharp cannot write BMP either.
 */
export function encodeBmp(image: RgbImage, options: { bits?: 24 | 32 } = {}): Uint8Array {
  const bits = options.bits ?? 24;
  const { width, height, data } = image;
  const stride = Math.floor((bits * width + 31) / 32) * 4;
  const offset = 54;
  const out = new Uint8Array(offset + stride * height);
  const view = new DataView(out.buffer);
  out[0] = 0x42;
  out[1] = 0x4d;
  view.setUint32(2, out.length, true);
  view.setUint32(10, offset, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  // Negative height means top-down rows: exercise both orientations with the two depths.
  view.setInt32(22, bits === 32 ? -height : height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, bits, true);
  view.setUint32(30, BI_RGB, true);
  view.setUint32(34, stride * height, true);
  for (let y = 0; y < height; y++) {
    const row = offset + (bits === 32 ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * 3;
      const dst = row + x * (bits / 8);
      out[dst] = data[src + 2] as number;
      out[dst + 1] = data[src + 1] as number;
      out[dst + 2] = data[src] as number;
      if (bits === 32) out[dst + 3] = 255;
    }
  }
  return out;
}
