import { describe, expect, it } from "vitest";
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { ImageEntry } from "../types";
import { decodeBatches } from "./batches";
import { decodeImage } from "./image";
import { encodeImage, HAS_PLANT_LEAVES, PLANT_LEAVES, solidBmp, solidRgb, useTempDatasets, type DatasetFiles } from "../testing/dataset";

const dataset = useTempDatasets();

/** Left half red, right half blue: shows whether resizing stretches (Keras) or crops. */
function halves(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(x < width / 2 ? [255, 0, 0] : [0, 0, 255], (y * width + x) * 3);
  return data;
}

const pixelAt = (data: Uint8Array, size: number, x: number, y: number): number[] =>
  Array.from(data.subarray((y * size + x) * 3, (y * size + x) * 3 + 3));

describe("decodeImage", () => {
  it("stretches the whole image to size×size RGB (no crop), like Keras target_size", async () => {
    // 40×10: a centre crop would keep only the middle 10 columns, all near the red/blue border.
    const root = await dataset({ "wide.png": await encodeImage(halves(40, 10), 40, 10, "png") });
    const out = await decodeImage(path.join(root, "wide.png"), 8);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(out.length).toBe(8 * 8 * 3);
    expect(pixelAt(out, 8, 0, 4)).toEqual([255, 0, 0]);
    expect(pixelAt(out, 8, 7, 4)).toEqual([0, 0, 255]);
  });

  it("expands greyscale, drops alpha, and reads BMP", async () => {
    const grey = await sharp(Buffer.alloc(16, 77), { raw: { width: 4, height: 4, channels: 1 } })
      .png()
      .toBuffer();
    const rgba = await sharp(Buffer.from(Array(16).fill([10, 20, 30, 128]).flat()), { raw: { width: 4, height: 4, channels: 4 } })
      .png()
      .toBuffer();
    const root = await dataset({ "g.png": grey, "a.png": rgba, "b.bmp": solidBmp(6, 6, [1, 2, 250], 32) });
    expect(pixelAt(await decodeImage(path.join(root, "g.png"), 2), 2, 1, 1)).toEqual([77, 77, 77]);
    expect(pixelAt(await decodeImage(path.join(root, "a.png"), 2), 2, 0, 0)).toEqual([10, 20, 30]);
    expect(pixelAt(await decodeImage(path.join(root, "b.bmp"), 3), 3, 2, 2)).toEqual([1, 2, 250]);
  });

  it("fails with the path for a broken file and rejects a bad size", async () => {
    const root = await dataset({ "x.jpg": "nope" });
    await expect(decodeImage(path.join(root, "x.jpg"), 4)).rejects.toThrow(/Cannot decode image ".*x\.jpg"/);
    await expect(decodeImage(path.join(root, "x.jpg"), 0)).rejects.toThrow(/positive integer, received 0/);
  });
});

describe("decodeBatches", () => {
  it("streams batches in input order with the right sizes", async () => {
    const colours: [number, number, number][] = [0, 1, 2, 3, 4].map((i) => [i * 50, 255 - i * 50, 7]);
    const files: DatasetFiles = {};
    for (const [i, rgb] of colours.entries()) files[`c/${i}.png`] = await encodeImage(solidRgb(9, 9, rgb), 9, 9, "png");
    const root = await dataset(files);
    // Reverse order, to check output follows the entries and not the file names.
    const entries: ImageEntry[] = colours
      .map((_, i) => ({ file: `c/${i}.png`, absPath: path.join(root, "c", `${i}.png`), label: 0 }))
      .reverse();
    const batches = [];
    for await (const batch of decodeBatches(entries, { size: 4, batchSize: 2, concurrency: 3 })) batches.push(batch);
    expect(batches.map((b) => b.entries.length)).toEqual([2, 2, 1]);
    expect(batches.map((b) => b.pixels.length)).toEqual([96, 96, 48]);
    const firstPixels = batches.flatMap((b) => b.entries.map((_, j) => Array.from(b.pixels.subarray(j * 48, j * 48 + 3))));
    expect(firstPixels).toEqual([...colours].reverse());
  });

  it("rejects with the failing path, and validates options", async () => {
    const root = await dataset({ "ok.png": await encodeImage(solidRgb(4, 4, [1, 1, 1]), 4, 4, "png"), "bad.jpg": "x" });
    const entries: ImageEntry[] = ["ok.png", "bad.jpg"].map((f) => ({ file: f, absPath: path.join(root, f), label: 0 }));
    const consume = async (): Promise<void> => {
      for await (const _ of decodeBatches(entries, { size: 4, batchSize: 1 })) void _;
    };
    await expect(consume()).rejects.toThrow(/bad\.jpg/);
    await expect(decodeBatches(entries, { size: 4, batchSize: 0 }).next()).rejects.toThrow(
      /batchSize must be a positive integer, received 0/,
    );
  });

  it.skipIf(!HAS_PLANT_LEAVES)("decodes real photos at 224 (shared asset)", async () => {
    const dir = path.join(PLANT_LEAVES, "Apple___healthy");
    const names = (await readdir(dir)).sort().slice(0, 32);
    const entries: ImageEntry[] = names.map((n) => ({ file: n, absPath: path.join(dir, n), label: 0 }));
    const started = performance.now();
    let images = 0;
    for await (const batch of decodeBatches(entries, { size: 224, batchSize: 16 })) {
      images += batch.entries.length;
      // Real leaves on a background: not a constant image.
      expect(new Set(batch.pixels.subarray(0, 3000)).size).toBeGreaterThan(20);
    }
    const perSec = images / ((performance.now() - started) / 1000);
    console.info(`decodeBatches: ${images} photos at 224×224 → ${perSec.toFixed(0)} images/s`);
    expect(images).toBe(32);
  });
});
