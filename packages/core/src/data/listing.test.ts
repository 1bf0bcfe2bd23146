import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { listDataset } from "./listing";
import { scanDataset } from "./scan";
import { encodeImage, solidRgb, useTempDatasets } from "../testing/dataset";

const dataset = useTempDatasets();

const jpg = (rgb: [number, number, number]): Promise<Buffer> => encodeImage(solidRgb(48, 48, rgb), 48, 48, "jpeg");
const gif = (): Promise<Buffer> =>
  sharp(solidRgb(8, 8, [9, 9, 9]), { raw: { width: 8, height: 8, channels: 3 } })
    .gif()
    .toBuffer();

/** 12 files with an image-like name (the API used to count all 12); 9 of them train. */
async function unreadableDataset(): Promise<string> {
  const good = await jpg([200, 30, 30]);
  return dataset({
    "healthy/1.jpg": good,
    "healthy/2.jpg": await jpg([190, 40, 30]),
    "healthy/3.jpg": await jpg([180, 50, 30]),
    "healthy/4.jpg": await jpg([170, 60, 30]),
    "healthy/5.jpg": await jpg([160, 70, 30]),
    "healthy/corrupt.jpg": good.subarray(0, Math.floor(good.length / 2)),
    "rust/1.jpg": await jpg([20, 30, 200]),
    "rust/2.jpg": await jpg([20, 40, 190]),
    "rust/3.jpg": await jpg([20, 50, 180]),
    "rust/4.jpg": await jpg([20, 60, 170]),
    "rust/anim.gif": await gif(),
    "rust/empty.jpg": "",
  });
}

describe("listDataset: one rule for which files are images", () => {
  it("reports a corrupt jpg, a .gif and a zero-byte file with their reasons, and counts only what trains", async () => {
    const root = await unreadableDataset();
    const listing = await listDataset(root);
    expect(listing.classes).toEqual(["healthy", "rust"]);
    expect(listing.counts).toEqual([5, 4]);
    expect(listing.images).toHaveLength(9);
    const reasons = Object.fromEntries(listing.skipped.map((s) => [s.file, s.reason]));
    expect(Object.keys(reasons)).toEqual(["healthy/corrupt.jpg", "rust/anim.gif", "rust/empty.jpg"]);
    expect(reasons["healthy/corrupt.jpg"]).toMatch(/cannot decode: .*(premature end|truncated|corrupt)/i);
    expect(reasons["rust/anim.gif"]).toBe('unsupported extension ".gif" (images are jpg, jpeg, png, webp, bmp)');
    expect(reasons["rust/empty.jpg"]).toBe("empty file (0 bytes)");
  });

  it("agrees with scanDataset, the set training uses: same images, same skipped files", async () => {
    const root = await unreadableDataset();
    // One after the other: libvips' error text is per process, so concurrent decodes can garble it.
    const listing = await listDataset(root);
    const index = await scanDataset(root);
    expect(index.images.map((i) => [i.file, i.label])).toEqual(listing.images.map((i) => [i.file, i.label]));
    expect(index.counts).toEqual(listing.counts);
    expect(index.skipped).toEqual(listing.skipped);
  });

  it("sees a file that changed since the last listing (the probe memo is keyed by size, mtime and inode)", async () => {
    const root = await unreadableDataset();
    expect((await listDataset(root)).counts).toEqual([5, 4]);
    writeFileSync(path.join(root, "healthy", "2.jpg"), "no longer a JPEG");
    writeFileSync(path.join(root, "rust", "empty.jpg"), await jpg([20, 70, 160]));
    const again = await listDataset(root);
    expect(again.counts).toEqual([4, 5]);
    expect(again.skipped.map((s) => s.file)).toEqual(["healthy/2.jpg", "healthy/corrupt.jpg", "rust/anim.gif"]);
  });

  it("applies no training thresholds: one class with one image lists, and scanDataset refuses it", async () => {
    const root = await dataset({ "only/a.jpg": await jpg([1, 2, 3]) });
    expect((await listDataset(root)).counts).toEqual([1]);
    await expect(scanDataset(root)).rejects.toThrow(/at least 2 class folders, found 1 \("only"\)/);
    await expect(listDataset(path.join(root, "nope"))).rejects.toThrow(/"[^"]*nope" does not exist/);
  });
});

describe("module boundary", () => {
  it("loads no TensorFlow.js, directly or through its imports (the API imports it as @graft/core/listing)", () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      expect(source, file).not.toMatch(/from "@tensorflow|import\("@tensorflow/);
      for (const [, spec] of source.matchAll(/from "(\.{1,2}\/[^"]+)"/g)) {
        // A folder import (`./contract`) is its index.ts.
        const base = path.resolve(path.dirname(file), spec as string);
        visit(existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, "index.ts"));
      }
    };
    visit(path.join(dir, "listing.ts"));
    // listing → image → bmp, manifest → csv, pool, errors, types: all read.
    expect(seen.size).toBeGreaterThanOrEqual(7);
  });
});
