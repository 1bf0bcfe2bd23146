import { describe, expect, it } from "vitest";
import { BEST_EPOCH_LABEL, bestEpochSummary } from "./best-epoch-labels";

describe("best epoch labels", () => {
  it("name the rule (lowest val loss) and show the val acc and val loss at that epoch", () => {
    expect(BEST_EPOCH_LABEL).toBe("best epoch (lowest val loss)");
    expect(bestEpochSummary({ bestEpoch: 6, bestValLoss: 0.2513, bestValAccuracy: 0.91 })).toBe(
      "epoch 6 · val acc 91.0% · val loss 0.2513",
    );
  });

  it("show a dash while no epoch has a val loss", () => {
    expect(bestEpochSummary({ bestEpoch: null, bestValLoss: null, bestValAccuracy: null })).toBe("–");
    expect(bestEpochSummary({})).toBe("–");
  });
});
