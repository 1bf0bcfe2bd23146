import { describe, expect, it } from "vitest";
import { DEFAULT_HYPERBAND, hyperbandBracketCount, hyperbandBracketOf, hyperbandDecision, hyperbandRungs } from "./hyperband";

const O27 = { ...DEFAULT_HYPERBAND, maxEpochs: 27 };

describe("hyperband brackets", () => {
  it("counts floor(log_eta(maxEpochs / minEpoch)) + 1 brackets, at least 1", () => {
    expect(hyperbandBracketCount(O27)).toBe(4);
    expect(hyperbandBracketCount({ ...DEFAULT_HYPERBAND, maxEpochs: 26 })).toBe(3);
    expect(hyperbandBracketCount({ ...DEFAULT_HYPERBAND, maxEpochs: 243 })).toBe(6);
    expect(hyperbandBracketCount({ eta: 2, minEpoch: 2, maxEpochs: 20 })).toBe(4);
    expect(hyperbandBracketCount({ ...DEFAULT_HYPERBAND, maxEpochs: 1 })).toBe(1);
    expect(hyperbandBracketCount({ eta: 3, minEpoch: 5, maxEpochs: 2 })).toBe(1);
    expect(() => hyperbandBracketCount({ eta: 1, minEpoch: 1, maxEpochs: 10 })).toThrow(RangeError);
  });

  it("places rungs at minEpoch·eta^(bracket+k) below maxEpochs", () => {
    expect([0, 1, 2, 3].map((b) => hyperbandRungs(b, O27))).toEqual([[1, 3, 9], [3, 9], [9], []]);
    const o10 = { ...DEFAULT_HYPERBAND, maxEpochs: 10 };
    expect([0, 1, 2].map((b) => hyperbandRungs(b, o10))).toEqual([[1, 3, 9], [3, 9], [9]]);
    expect(hyperbandRungs(0, { eta: 2, minEpoch: 2, maxEpochs: 16 })).toEqual([2, 4, 8]);
  });

  it("assigns brackets stably, in proportion to their budgets", () => {
    // Budgets ⌈4·3^s / (s + 1)⌉ for s = 3, 2, 1, 0: 27, 12, 6, 4 of 49.
    const expected = [27 / 49, 12 / 49, 6 / 49, 4 / 49];
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 3000; i++) {
      const b = hyperbandBracketOf(`run_${i.toString(36)}`, O27);
      counts[b] = (counts[b] as number) + 1;
    }
    counts.forEach((n, b) => expect(Math.abs(n / 3000 - (expected[b] as number))).toBeLessThan(0.03));
    expect(hyperbandBracketOf("run_abc", O27)).toBe(hyperbandBracketOf("run_abc", O27));
    expect(hyperbandBracketOf("anything", { ...DEFAULT_HYPERBAND, maxEpochs: 2 })).toBe(0);
  });
});

describe("hyperbandDecision", () => {
  it("keeps the top max(1, floor(n / eta)) at a rung and stops the rest", () => {
    const peers = [0.9, 0.8, 0.7, 0.65, 0.6, 0.5, 0.4, 0.3];
    const stopped = hyperbandDecision(0.6123, peers, 3, 1, O27);
    expect(stopped).toMatchObject({ stop: true, bracket: 1, rung: 0, rank: 5, of: 9, keep: 3 });
    expect(stopped?.reason).toBe("HYPERBAND bracket 1 rung epoch 3: best val accuracy 0.6123 ranks 5 of 9; only the top 3 continue");
    const promoted = hyperbandDecision(0.85, peers, 9, 1, O27);
    expect(promoted).toMatchObject({ stop: false, rung: 1, rank: 2, of: 9, keep: 3 });
    expect(promoted?.reason).toContain("promoted");
    expect(hyperbandDecision(0.5, [0.9, 0.4], 1, 0, O27)).toMatchObject({ stop: true, rank: 2, keep: 1 });
  });

  it("ranks ties together", () => {
    expect(hyperbandDecision(0.7, [0.9, 0.7, 0.7, 0.7, 0.1], 1, 0, O27)).toMatchObject({ stop: false, rank: 2, of: 6, keep: 2 });
    expect(hyperbandDecision(0.5, [0.5, 0.5], 1, 0, O27)).toMatchObject({ stop: false, rank: 1, keep: 1 });
  });

  it("lets a run continue while fewer than eta runs reached the rung", () => {
    const d = hyperbandDecision(0.1, [0.9], 1, 0, O27);
    expect(d).toMatchObject({ stop: false, of: 2, rank: 2 });
    expect(d?.reason).toContain("too few");
  });

  it("decides nothing off the bracket's rungs or without a value", () => {
    expect(hyperbandDecision(0.1, [0.9, 0.8, 0.7], 2, 0, O27)).toBeNull();
    expect(hyperbandDecision(0.1, [0.9, 0.8, 0.7], 1, 1, O27)).toBeNull();
    expect(hyperbandDecision(0.1, [0.9, 0.8, 0.7], 27, 0, O27)).toBeNull();
    expect(hyperbandDecision(0.1, [0.9, 0.8, 0.7], 9, 3, O27)).toBeNull();
    expect(hyperbandDecision(null, [0.9, 0.8, 0.7], 1, 0, O27)).toBeNull();
  });
});
