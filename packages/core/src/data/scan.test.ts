import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BadInputError } from "../errors";
import { scanDataset } from "./scan";
import { encodeImage, HAS_PLANT_LEAVES, PLANT_LEAVES, solidBmp, solidRgb, useTempDatasets } from "../testing/dataset";

const dataset = useTempDatasets();

const png = (rgb: [number, number, number]): Promise<Buffer> => encodeImage(solidRgb(16, 12, rgb), 16, 12, "png");
const jpg = (rgb: [number, number, number]): Promise<Buffer> => encodeImage(solidRgb(64, 64, rgb), 64, 64, "jpeg");

describe("scanDataset", () => {
  it("lists classes in sorted order, keeps good images and skips bad ones with reasons", async () => {
    const good = await jpg([200, 30, 30]);
    const root = await dataset({
      "zebra/a.png": await png([1, 2, 3]),
      "zebra/b.PNG": await png([4, 5, 6]),
      "zebra/nested/c.bmp": solidBmp(5, 4, [9, 9, 9]),
      "zebra/d.webp": await encodeImage(solidRgb(8, 8, [7, 7, 7]), 8, 8, "webp"),
      "apple/1.jpg": good,
      "apple/2.JPEG": await jpg([10, 200, 10]),
      "apple/truncated.jpg": good.subarray(0, Math.floor(good.length / 2)),
      "apple/fake.jpg": "this is text, not a JPEG",
      "apple/notes.txt": "hello",
      "apple/.hidden.jpg": "ignored entirely",
      ".git/x.png": await png([0, 0, 0]),
      "stray.jpg": good,
    });
    const index = await scanDataset(root, { concurrency: 3 });
    expect(index.root).toBe(root);
    expect(index.classes).toEqual(["apple", "zebra"]);
    expect(index.counts).toEqual([2, 4]);
    expect(index.images.map((i) => [i.file, i.label])).toEqual([
      ["apple/1.jpg", 0],
      ["apple/2.JPEG", 0],
      ["zebra/a.png", 1],
      ["zebra/b.PNG", 1],
      ["zebra/d.webp", 1],
      ["zebra/nested/c.bmp", 1],
    ]);
    expect(index.images[0]?.absPath).toBe(path.join(root, "apple", "1.jpg"));
    expect(index.images.every((i) => i.group === undefined)).toBe(true);
    const skipped = Object.fromEntries(index.skipped.map((s) => [s.file, s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(["apple/fake.jpg", "apple/notes.txt", "apple/truncated.jpg"]);
    expect(skipped["apple/truncated.jpg"]).toMatch(/premature end|truncated/i);
    expect(skipped["apple/fake.jpg"]).toMatch(/not a decodable image/);
    expect(skipped["apple/notes.txt"]).toMatch(/unsupported extension "\.txt"/);
  });

  it("rejects a missing root, a file as root, and fewer than 2 classes", async () => {
    const root = await dataset({ "only/a.png": await png([1, 1, 1]), "only/b.png": await png([2, 2, 2]) });
    await expect(scanDataset(path.join(root, "nope"))).rejects.toThrow(/"[^"]*nope" does not exist/);
    await expect(scanDataset(path.join(root, "only", "a.png"))).rejects.toThrow(/is not a directory/);
    await expect(scanDataset(root)).rejects.toThrow(/at least 2 class folders, found 1 \("only"\)/);
    await expect(scanDataset(root)).rejects.toBeInstanceOf(BadInputError);
  });

  it("rejects a class with fewer than 2 usable images, naming it", async () => {
    const root = await dataset({
      "a/1.png": await png([1, 1, 1]),
      "a/2.png": await png([2, 2, 2]),
      "b/1.png": await png([3, 3, 3]),
      "b/2.jpg": "broken",
    });
    await expect(scanDataset(root)).rejects.toThrow(/"b" has 1/);
  });

  it("rejects a dataset with no usable image", async () => {
    const root = await dataset({ "a/x.jpg": "no", "b/y.png": "no" });
    await expect(scanDataset(root)).rejects.toThrow(/no usable images \(2 file\(s\) skipped\)/);
  });

  it("assigns groups from a manifest; empty or missing rows make an image its own group", async () => {
    const root = await dataset({
      "a/1.png": await png([1, 1, 1]),
      "a/2.png": await png([2, 2, 2]),
      "b/1.png": await png([3, 3, 3]),
      "b/2.png": await png([4, 4, 4]),
      "meta.csv": 'file,"leaf group",other\n./a/1.png,"leaf, 1",x\na/2.png,"leaf, 1",y\nb/1.png,,z\n',
    });
    const index = await scanDataset(root, { manifest: { path: path.join(root, "meta.csv"), column: "leaf group" } });
    expect(index.images.map((i) => i.group)).toEqual(["leaf, 1", "leaf, 1", "b/1.png", "b/2.png"]);
    await expect(scanDataset(root, { manifest: { path: "meta.csv", column: "leaf_group" } })).rejects.toThrow(
      /no column "leaf_group"; columns are: "file", "leaf group", "other"/,
    );
  });
});

describe.skipIf(!HAS_PLANT_LEAVES)("scanDataset on plant-leaves (shared asset)", () => {
  it("finds 6 classes of 120 photos with leaf groups from the manifest", async () => {
    const started = performance.now();
    const index = await scanDataset(PLANT_LEAVES, { manifest: { path: path.join(PLANT_LEAVES, "manifest.csv"), column: "leaf_group" } });
    const seconds = (performance.now() - started) / 1000;
    console.info(`scanned ${index.images.length} plant-leaves photos in ${seconds.toFixed(2)} s`);
    expect(index.classes).toEqual(
      (await readdir(PLANT_LEAVES, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort(),
    );
    expect(index.classes).toHaveLength(6);
    expect(index.counts).toEqual([120, 120, 120, 120, 120, 120]);
    expect(index.skipped).toEqual([]);
    // Black rot has no leaf ids: every image is its own group.
    const blackRot = index.images.filter((i) => i.label === index.classes.indexOf("Apple___Black_rot"));
    expect(blackRot.every((i) => i.group === i.file)).toBe(true);
    const scab = new Set(index.images.filter((i) => i.label === 0).map((i) => i.group));
    expect(scab.size).toBe(108);
  });
});
