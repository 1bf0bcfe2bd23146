import { describe, expect, it } from "vitest";
import { groupMean, groupName, groupPercent } from "./groups";

describe("seed groups as shown", () => {
  const metrics = [
    { name: "bestValAccuracy", mean: 0.91, std: 0.021, n: 3 },
    { name: "finalValAccuracy", mean: 0.5, std: null, n: 1 },
    { name: "bestValLoss", mean: null, std: null, n: 0 },
  ];
  it("writes mean ± std in points with n, no spread for one run, a dash before any", () => {
    expect(groupPercent(metrics, "bestValAccuracy")).toBe("91.0% ± 2.1 (n=3)");
    expect(groupPercent(metrics, "finalValAccuracy")).toBe("50.0% (n=1)");
    expect(groupPercent(metrics, "bestValLoss")).toBe("–");
    expect(groupPercent(metrics, "missing")).toBe("–");
  });
  it("sorts by a mean and names a group after its first run", () => {
    expect(groupMean({ key: "k", runIds: [], n: 0, metrics }, "bestValAccuracy")).toBe(0.91);
    expect(groupMean({ key: "k", runIds: [], n: 0, metrics }, "bestValLoss")).toBe(-1);
    expect(groupName("rep-03-s2", "x")).toBe("rep-03");
    expect(groupName(undefined, "x")).toBe("x");
  });
});
