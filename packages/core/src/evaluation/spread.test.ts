import { describe, expect, it } from "vitest";
import { meanStd } from "./spread";

describe("meanStd", () => {
  it("gives the mean and the sample standard deviation of the finite values", () => {
    expect(meanStd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, std: Math.sqrt(32 / 7), n: 8 });
    expect(meanStd([0.5, null, undefined, Number.NaN])).toEqual({ mean: 0.5, std: null, n: 1 });
    expect(meanStd([])).toEqual({ mean: null, std: null, n: 0 });
  });
});
