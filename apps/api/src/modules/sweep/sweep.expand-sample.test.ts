import { describe, expect, it } from "vitest";
import { SHUFFLED_GRID_MAX, expandGrid, gridSize } from "./sweep.expand";

// Every list at its 50-value maximum: a grid of 50^7 ≈ 7.8e11 points.
const fifty = <T>(make: (i: number) => T): T[] => Array.from({ length: 50 }, (_, i) => make(i));
const huge = {
  baseModels: fifty((i) => `m${i}`),
  headUnits: fifty((i) => [8 + i]),
  augmentations: fifty((i) => `a${i}`),
  fineTuneLayers: fifty((i) => i),
  learningRates: fifty((i) => 0.0001 * (i + 1)),
  fineTuneLearningRates: fifty((i) => 0.00001 * (i + 1)),
  dropouts: fifty((i) => i / 100),
};

describe("sampling a capped grid far larger than memory", () => {
  it("draws maxRuns distinct points in grid order without building the grid", () => {
    expect(gridSize(huge)).toBeGreaterThan(SHUFFLED_GRID_MAX);
    const started = performance.now();
    const points = expandGrid(huge, 10_000, 3);
    // Shuffling every index of this grid threw (or exhausted the heap) before.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(points).toHaveLength(10_000);
    expect(new Set(points.map((p) => JSON.stringify(p))).size).toBe(10_000);
    // Row-major grid index (base model slowest, dropout fastest): strictly increasing = grid order.
    const at = <T>(list: T[], v: T) => list.findIndex((x) => JSON.stringify(x) === JSON.stringify(v));
    const index = (p: (typeof points)[number]) =>
      [
        at(huge.baseModels, p.baseModel),
        at(huge.headUnits, p.headUnits),
        at(huge.augmentations, p.augmentation),
        at(huge.fineTuneLayers, p.fineTuneLayers),
        at(huge.learningRates, p.learningRate),
        at(huge.fineTuneLearningRates, p.fineTuneLearningRate),
        at(huge.dropouts, p.dropout),
      ].reduce((acc, i) => acc * 50 + i, 0);
    const indices = points.map(index);
    expect(indices.every((v, i) => i === 0 || v > (indices[i - 1] as number))).toBe(true);
  });

  it("is reproducible per seed", () => {
    expect(expandGrid(huge, 100, 9)).toEqual(expandGrid(huge, 100, 9));
    expect(expandGrid(huge, 100, 9)).not.toEqual(expandGrid(huge, 100, 10));
  });
});
