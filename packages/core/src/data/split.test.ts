import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DatasetIndex, ImageEntry } from "../types";
import { scanDataset } from "./scan";
import { splitDataset } from "./split";
import { HAS_PLANT_LEAVES, PLANT_LEAVES } from "../testing/dataset";

/** An in-memory index: `spec[c]` lists the group of each image of class c (null: no group). */
function makeIndex(spec: (string | null)[][]): DatasetIndex {
  const images: ImageEntry[] = [];
  spec.forEach((groups, label) =>
    groups.forEach((group, i) => {
      const file = `c${label}/img${String(i).padStart(3, "0")}.jpg`;
      images.push({ file, absPath: `/data/${file}`, label, ...(group === null ? {} : { group }) });
    }),
  );
  return { root: "/data", classes: spec.map((_, c) => `c${c}`), counts: spec.map((g) => g.length), images, skipped: [] };
}

const files = (list: ImageEntry[]): string[] => list.map((i) => i.file);
const count = (list: ImageEntry[], label: number): number => list.filter((i) => i.label === label).length;

describe("splitDataset", () => {
  const index = makeIndex([Array(10).fill(null), Array(20).fill(null), Array(3).fill(null), Array(2).fill(null)]);

  it("is stratified: round(n * split) per class, at least 1 on each side", () => {
    const { train, validation } = splitDataset(index, { validationSplit: 0.2, seed: 1 });
    expect([0, 1, 2, 3].map((c) => count(validation, c))).toEqual([2, 4, 1, 1]);
    expect([0, 1, 2, 3].map((c) => count(train, c))).toEqual([8, 16, 2, 1]);
    expect(new Set([...files(train), ...files(validation)]).size).toBe(35);
  });

  it("is deterministic for a seed, independent of input order, and differs across seeds", () => {
    const a = splitDataset(index, { validationSplit: 0.3, seed: 42 });
    const reversed = { ...index, images: [...index.images].reverse() };
    const b = splitDataset(reversed, { validationSplit: 0.3, seed: 42 });
    expect(files(b.validation)).toEqual(files(a.validation));
    expect(files(b.train)).toEqual(files(a.train));
    const c = splitDataset(index, { validationSplit: 0.3, seed: 43 });
    expect(files(c.validation)).not.toEqual(files(a.validation));
  });

  it.each([0, 1, -0.1, 1.5, Number.NaN])("rejects validationSplit %s, quoting it", (value) => {
    expect(() => splitDataset(index, { validationSplit: value, seed: 1 })).toThrow(
      new RegExp(`strictly between 0 and 1, received ${String(value)}`),
    );
  });

  it("byGroup never puts a group on both sides, and keeps each class on both sides", () => {
    // Class 0: groups of uneven sizes; class 1: two groups; class 2: ungrouped images.
    const grouped = makeIndex([
      ["a", "a", "a", "b", "b", "c", "d", "d", "d", "d", "e", "f"],
      ["g", "g", "g", "h"],
      [null, null, null, null, null],
    ]);
    for (let seed = 0; seed < 25; seed++) {
      const { train, validation } = splitDataset(grouped, { validationSplit: 0.25, seed, byGroup: true });
      const trainGroups = new Set(train.map((i) => i.group ?? i.file));
      expect(validation.filter((i) => trainGroups.has(i.group ?? i.file))).toEqual([]);
      for (const label of [0, 1, 2]) {
        expect(count(validation, label)).toBeGreaterThan(0);
        expect(count(train, label)).toBeGreaterThan(0);
      }
      expect(train.length + validation.length).toBe(grouped.images.length);
    }
  });

  it("byGroup places a group spanning classes by its first class", () => {
    const spanning = makeIndex([
      ["x", "x", "y", "z"],
      ["x", "w", "v", "u"],
    ]);
    for (let seed = 0; seed < 10; seed++) {
      const { validation } = splitDataset(spanning, { validationSplit: 0.5, seed, byGroup: true });
      const xSides = new Set(spanning.images.filter((i) => i.group === "x").map((i) => validation.includes(i)));
      expect(xSides.size).toBe(1);
    }
  });
});

describe.skipIf(!HAS_PLANT_LEAVES)("splitDataset on plant-leaves (shared asset)", () => {
  it("group split leaks no leaf_group; stratified split is reproducible", async () => {
    const index = await scanDataset(PLANT_LEAVES, { manifest: { path: path.join(PLANT_LEAVES, "manifest.csv"), column: "leaf_group" } });
    const { train, validation } = splitDataset(index, { validationSplit: 0.2, seed: 7, byGroup: true });
    const trainGroups = new Set(train.map((i) => i.group));
    expect(validation.filter((i) => trainGroups.has(i.group))).toEqual([]);
    expect(train.length + validation.length).toBe(720);
    const perClass = index.classes.map((_, c) => count(validation, c));
    console.info(`plant-leaves group split, validation per class: ${perClass.join(", ")}`);
    // Grouping makes class shares approximate, but each class stays near its 24-image target.
    for (const n of perClass) expect(Math.abs(n - 24)).toBeLessThanOrEqual(6);

    const plain = splitDataset(index, { validationSplit: 0.2, seed: 7 });
    expect(index.classes.map((_, c) => count(plain.validation, c))).toEqual([24, 24, 24, 24, 24, 24]);
    // Without groups, photos of the same leaf do end up on both sides: the reason byGroup exists.
    const plainTrainGroups = new Set(plain.train.map((i) => i.group));
    expect(plain.validation.some((i) => plainTrainGroups.has(i.group))).toBe(true);
    expect(files(splitDataset(index, { validationSplit: 0.2, seed: 7 }).validation)).toEqual(files(plain.validation));
  });
});
