import { describe, expect, it } from "vitest";
import { expandGrid, expandRandom, gridSize, queueOrder } from "./sweep.expand";

const space = {
  baseModels: ["a", "b"],
  headUnits: [[128], [256, 64]],
  augmentations: ["none", "flip"],
  fineTuneLayers: [0],
  learningRates: [0.001, 0.01, 0.1],
  fineTuneLearningRates: [0.00001],
  dropouts: [0.2],
};

describe("sweep expansion", () => {
  it("GRID yields every combination exactly once", () => {
    const points = expandGrid(space, null, 0);
    expect(points).toHaveLength(gridSize(space));
    expect(points).toHaveLength(24);
    const keys = new Set(points.map((p) => JSON.stringify(p)));
    expect(keys.size).toBe(24);
    expect(points[0]).toMatchObject({ baseModel: "a", headUnits: [128], augmentation: "none", learningRate: 0.001 });
  });

  it("GRID capped by maxRuns is a seeded subset", () => {
    const a = expandGrid(space, 5, 7);
    const b = expandGrid(space, 5, 7);
    const c = expandGrid(space, 5, 8);
    expect(a).toHaveLength(5);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const all = expandGrid(space, null, 0).map((p) => JSON.stringify(p));
    for (const p of a) expect(all).toContain(JSON.stringify(p));
  });

  it("RANDOM is reproducible per seed and draws from the lists", () => {
    const a = expandRandom(space, 10, 1);
    expect(a).toEqual(expandRandom(space, 10, 1));
    expect(a).not.toEqual(expandRandom(space, 10, 2));
    for (const p of a) {
      expect(space.baseModels).toContain(p.baseModel);
      expect(space.learningRates).toContain(p.learningRate);
    }
  });
});

describe("queueOrder", () => {
  const points = Array.from({ length: 30 }, (_, i) => ({ learningRate: i }));
  it("keeps grid order without a rule, and shuffles it, seeded, with one", () => {
    expect(queueOrder(points, "NONE", 1)).toEqual(points);
    expect(queueOrder(points, null, 1)).toEqual(points);
    const shuffledOnce = queueOrder(points, "HYPERBAND", 1);
    expect(shuffledOnce).not.toEqual(points);
    expect([...shuffledOnce].sort((a, b) => Number(a.learningRate) - Number(b.learningRate))).toEqual(points);
    expect(queueOrder(points, "HYPERBAND", 1)).toEqual(shuffledOnce);
    expect(queueOrder(points, "ASHA", 2)).not.toEqual(shuffledOnce);
  });
});
