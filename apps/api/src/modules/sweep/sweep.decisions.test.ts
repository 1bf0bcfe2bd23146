import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { hyperbandBracketOf, hyperbandRungs } from "@graft/core/search";
import { decisionEpochs, hyperbandOf } from "./sweep.decisions";

const sweep = (policy: string | null, epochs = 27, searchSpace: Record<string, unknown[]> = {}) => ({
  policy,
  fixed: { epochs, fineTuneEpochs: 5 },
  searchSpace,
});

describe("decisionEpochs", () => {
  it("is a HYPERBAND run's bracket rungs, which depend on its id", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const id = `run-${i}`;
      const { options, bracket } = hyperbandOf(sweep("HYPERBAND"), id);
      expect(options.maxEpochs).toBe(27);
      expect(bracket).toBe(hyperbandBracketOf(id, options));
      const epochs = decisionEpochs(sweep("HYPERBAND"), id, 27);
      expect(epochs).toEqual(hyperbandRungs(bracket, options));
      seen.add(epochs.join(","));
    }
    // Every bracket of a 27-epoch sweep shows up among 200 runs: [1,3,9], [3,9], [9] and none.
    expect([...seen].sort()).toEqual(["", "1,3,9", "3,9", "9"]);
  });

  it("spans fine-tuning epochs when the sweep searches a depth above 0", () => {
    expect(hyperbandOf(sweep("HYPERBAND", 4, { fineTuneLayers: [0, 10] }), "r").options.maxEpochs).toBe(9);
    expect(hyperbandOf(sweep("HYPERBAND", 4, { fineTuneLayers: [0] }), "r").options.maxEpochs).toBe(4);
  });

  it("is the ASHA rungs and MEDIAN's epochs from its grace on, before the last epoch", () => {
    expect(decisionEpochs(sweep("ASHA"), "r", 27)).toEqual([1, 3, 9]);
    expect(decisionEpochs(sweep("ASHA"), "r", 28)).toEqual([1, 3, 9, 27]);
    expect(decisionEpochs(sweep("MEDIAN"), "r", 6)).toEqual([3, 4, 5]);
    expect(decisionEpochs(sweep("NONE"), "r", 27)).toEqual([]);
    expect(decisionEpochs(sweep(null), "r", 27)).toEqual([]);
    expect(decisionEpochs(sweep("ASHA"), "r", 1)).toEqual([]);
  });
});
