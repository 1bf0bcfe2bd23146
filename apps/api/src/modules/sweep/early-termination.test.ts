import { describe, expect, it } from "vitest";
import { ashaShouldStop, isAshaRung, median, medianShouldStop } from "./early-termination";

describe("median stopping rule", () => {
  it("computes medians of odd and even lists", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("stops a run below the peers' median only after the grace period and with enough peers", () => {
    const peers = [0.8, 0.7, 0.9];
    expect(medianShouldStop(0.5, peers, 3)).toBe(true);
    expect(medianShouldStop(0.85, peers, 3)).toBe(false);
    expect(medianShouldStop(0.5, peers, 2)).toBe(false); // grace
    expect(medianShouldStop(0.5, [0.8, 0.9], 5)).toBe(false); // too few peers
    expect(medianShouldStop(null, peers, 5)).toBe(false);
  });
});

describe("ASHA", () => {
  it("puts rungs at 1, 3, 9, 27", () => {
    expect([1, 2, 3, 4, 9, 10, 27].map((e) => isAshaRung(e))).toEqual([true, false, true, false, true, false, true]);
  });

  it("keeps the top third at a rung and stops the rest", () => {
    // 6 runs at the rung: keep 2.
    const peers = [0.9, 0.8, 0.5, 0.4, 0.3];
    expect(ashaShouldStop(0.95, peers, 3)).toBe(false);
    expect(ashaShouldStop(0.85, peers, 3)).toBe(false);
    expect(ashaShouldStop(0.6, peers, 3)).toBe(true);
    expect(ashaShouldStop(0.1, peers, 2)).toBe(false); // not a rung
    expect(ashaShouldStop(0.1, [0.9], 1)).toBe(false); // fewer than η runs recorded
  });
});
