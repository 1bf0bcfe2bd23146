import { describe, expect, it } from "vitest";
import { groupBootstrapInterval, mcnemarExactP, pairedBootstrapInterval, unpairedBootstrapInterval } from "./paired";

describe("mcnemarExactP (exact binomial McNemar, two-sided)", () => {
  it("matches values computed by hand from Binomial(n, ½)", () => {
    // b = 1, c = 9: n = 10, P(X ≤ 1) = (1 + 10) / 1024; two-sided doubles it.
    expect(mcnemarExactP(1, 9)).toBeCloseTo(22 / 1024, 12);
    expect(mcnemarExactP(9, 1)).toBeCloseTo(22 / 1024, 12);
    // b = 0, c = 5: 2 · (1/32).
    expect(mcnemarExactP(0, 5)).toBeCloseTo(0.0625, 12);
    // b = 2, c = 8: n = 10, P(X ≤ 2) = (1 + 10 + 45) / 1024.
    expect(mcnemarExactP(2, 8)).toBeCloseTo((2 * 56) / 1024, 12);
    // Balanced: the doubled tail passes 1 and is capped.
    expect(mcnemarExactP(5, 5)).toBe(1);
    expect(mcnemarExactP(0, 0)).toBe(1);
  });

  it("matches the published exact p of a classic table, and stays finite for large counts", () => {
    // Agresti's presidential-approval table (discordant 150 and 86): exact two-sided p = 3.7159e-5
    // (2 · Σ_{i ≤ 86} C(236, i) / 2^236, summed in exact integers).
    expect(mcnemarExactP(150, 86)).toBeCloseTo(3.715936139571442e-5, 15);
    expect(mcnemarExactP(5000, 5100)).toBeGreaterThan(0.3);
    expect(Number.isFinite(mcnemarExactP(0, 5000))).toBe(true);
  });

  it("refuses counts that are not whole numbers ≥ 0, quoting them", () => {
    expect(() => mcnemarExactP(-1, 2)).toThrow("b must be a whole number ≥ 0, received -1");
    expect(() => mcnemarExactP(1, 2.5)).toThrow("c must be a whole number ≥ 0, received 2.5");
  });
});

describe("bootstrap intervals", () => {
  const a = Array.from({ length: 100 }, (_, i) => i % 10 !== 0); // 90% right
  const b = Array.from({ length: 100 }, (_, i) => i % 20 !== 0); // 95% right, right wherever a is

  it("are deterministic for a seed", () => {
    expect(pairedBootstrapInterval(a, b, 7)).toEqual(pairedBootstrapInterval(a, b, 7));
    expect(unpairedBootstrapInterval(a, b, 7)).toEqual(unpairedBootstrapInterval(a, b, 7));
  });

  it("bracket the observed difference, and a paired interval is tighter than an unpaired one", () => {
    const paired = pairedBootstrapInterval(a, b, 1);
    const unpaired = unpairedBootstrapInterval(a, b, 1);
    for (const ci of [paired, unpaired]) {
      expect(ci.low).toBeLessThanOrEqual(0.05);
      expect(ci.high).toBeGreaterThanOrEqual(0.05);
    }
    // B never loses an image A wins: every paired resample's difference is ≥ 0.
    expect(paired.low).toBeGreaterThanOrEqual(0);
    expect(unpaired.low).toBeLessThan(0);
    expect(paired.high - paired.low).toBeLessThan(unpaired.high - unpaired.low);
  });

  it("is a single point when the runs agree on every image", () => {
    expect(pairedBootstrapInterval(a, a, 3)).toEqual({ low: 0, high: 0 });
  });

  it("refuses mismatched or empty inputs", () => {
    expect(() => pairedBootstrapInterval([true], [true, false], 1)).toThrow("received 1 and 2");
    expect(() => pairedBootstrapInterval([], [], 1)).toThrow("at least one image");
    expect(() => unpairedBootstrapInterval([], [true], 1)).toThrow("received 0 and 1");
  });
});

describe("groupBootstrapInterval (two-level: seeds and images)", () => {
  const run = (wrong: number[]) => Array.from({ length: 50 }, (_, i) => !wrong.includes(i));
  const a = [run([0, 1, 2, 3, 4]), run([0, 1, 2, 5, 6]), run([0, 1, 7, 8, 9])]; // 90% each
  const b = [run([0]), run([0, 1]), run([1])]; // 98%, 96%, 98%

  it("is deterministic for a seed and brackets the difference of the group means", () => {
    const ci = groupBootstrapInterval(a, b, 5);
    expect(groupBootstrapInterval(a, b, 5)).toEqual(ci);
    const diff = (0.98 + 0.96 + 0.98) / 3 - 0.9;
    expect(ci.low).toBeLessThanOrEqual(diff);
    expect(ci.high).toBeGreaterThanOrEqual(diff);
    expect(ci.low).toBeGreaterThan(0);
  });

  it("is wider than one pair's paired interval when the seeds disagree", () => {
    const groups = groupBootstrapInterval([run([]), run([0, 1, 2, 3, 4, 5, 6, 7])], [run([0, 1, 2, 3]), run([0, 1, 2, 3])], 1);
    const pair = pairedBootstrapInterval(run([]), run([0, 1, 2, 3]), 1);
    expect(groups.high - groups.low).toBeGreaterThan(pair.high - pair.low);
  });

  it("refuses empty groups and runs of another length, naming them", () => {
    expect(() => groupBootstrapInterval([], b, 1)).toThrow("received 0 and 3");
    expect(() => groupBootstrapInterval([run([])], [[true]], 1)).toThrow("one entry per image (50), received 1");
  });
});
