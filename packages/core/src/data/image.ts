/**
 * Reading one image file into pixels. Everything goes through {@link openImage} so that the
 * scanner's validation and the training decode accept exactly the same files.
 */
import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { GraftError } from "../errors";
import { decodeBmp, isBmp } from "./bmp";

/**
 * Opens a file as a sharp pipeline. BMP is decoded here (sharp 0.34 cannot read it); everything
 * else goes to sharp from the bytes. `failOn: "truncated"` makes a cut-off JPEG/PNG an error
 * instead of a silently grey-padded image, while tolerating harmless libjpeg warnings.
 * @throws Error when the file cannot be read or is a malformed BMP.
 */
export async function openImage(absPath: string): Promise<sharp.Sharp> {
  return openImageBytes(await readFile(absPath));
}

/**
 * {@link openImage} for bytes already in memory (an upload). `limitInputPixels` refuses images
 * larger than that many pixels before decoding them (sharp's default is 268 million).
 */
export function openImageBytes(bytes: Uint8Array, limitInputPixels?: number): sharp.Sharp {
  if (isBmp(bytes)) {
    const { width, height, data } = decodeBmp(bytes);
    return sharp(data, { raw: { width, height, channels: 3 } });
  }
  return sharp(bytes, { failOn: "truncated", ...(limitInputPixels === undefined ? {} : { limitInputPixels }) });
}

/** Outcome of {@link probeImage}: usable, or why the file is not usable. */
export type ProbeResult = { ok: true } | { ok: false; reason: string };

/**
 * Checks that a file really decodes, cheaply: a decode to 8×8 lets libjpeg use shrink-on-load
 * (1/8 scale) yet still reads every scanline, so truncated files and non-images are caught.
 * No separate `metadata()` call: it was a second pass over the header costing ~20% of the probe,
 * and a file without dimensions fails the decode anyway. Never throws.
 */
export async function probeImage(absPath: string): Promise<ProbeResult> {
  try {
    const image = await openImage(absPath);
    await image.resize(8, 8, { fit: "fill" }).raw().toBuffer();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describeDecodeError(error) };
  }
}

function describeDecodeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // sharp's wording for non-images is cryptic; say what it means for a dataset file.
  if (/unsupported image format/i.test(message)) return "not a decodable image (unsupported or unrecognised format)";
  return `cannot decode: ${message.split("\n")[0]}`;
}

/**
 * Decodes an image to `size×size×3` RGB bytes (HWC, row-major).
 *
 * Resizing follows Keras' `image_dataset_from_directory(image_size=(size, size))` (and
 * `load_img(target_size=...)` with bilinear interpolation): the whole image is stretched to a square
 * with a bilinear filter, no crop, so nothing at the borders is lost and the aspect ratio changes
 * for non-square photos. libvips' bilinear reduce is antialiased when shrinking (like PIL's). Unlike Keras, the EXIF orientation is applied first (phone photos
 * would otherwise arrive sideways). Alpha is dropped and greyscale is expanded to RGB.
 * @throws GraftError (`FAILURE`) naming the path when the file cannot be decoded.
 */
export async function decodeImage(absPath: string, size: number): Promise<Uint8Array> {
  return decodeWith(() => openImage(absPath), size, absPath);
}

/**
 * {@link decodeImage} for bytes in memory (a photo dropped on the dashboard): the same decode and
 * resize, so the pixels equal those training would read from the same file.
 * @throws GraftError (`FAILURE`) naming `source` when the bytes cannot be decoded.
 */
export async function decodeImageBytes(
  bytes: Uint8Array,
  size: number,
  source = "the image",
  limitInputPixels?: number,
): Promise<Uint8Array> {
  return decodeWith(async () => openImageBytes(bytes, limitInputPixels), size, source);
}

async function decodeWith(open: () => Promise<sharp.Sharp>, size: number, source: string): Promise<Uint8Array> {
  if (!Number.isInteger(size) || size <= 0) {
    throw new GraftError("BAD_INPUT", `decodeImage: size must be a positive integer, received ${String(size)}`);
  }
  try {
    let image = await open();
    if ((await image.metadata()).hasAlpha) {
      // sharp resizes alpha images premultiplied, which shifts colours under partial alpha. Keras
      // (PIL `convert("RGB")`) just drops alpha, so drop it in a first pass, then resize.
      const { data, info } = await image.rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
      image = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    } else {
      image = image.rotate();
    }
    const { data, info } = await image
      .resize(size, size, { fit: "fill", kernel: "linear" })
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 || data.length !== size * size * 3) {
      throw new Error(`decoded to ${info.width}x${info.height}x${info.channels}, expected ${size}x${size}x3`);
    }
    // Copy out of sharp's Buffer so the caller owns a plain, exactly-sized Uint8Array.
    return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  } catch (error) {
    if (error instanceof GraftError) throw error;
    throw new GraftError("FAILURE", `Cannot decode image "${source}": ${(error as Error).message}`, { cause: error });
  }
}
