import { describe, expect, it } from "vitest";
import { plannedEpochs } from "./derived";

describe("plannedEpochs", () => {
  it("counts fine-tune epochs only when the run unfreezes layers", () => {
    expect(plannedEpochs({ epochs: 5, fineTuneLayers: 0, fineTuneEpochs: 3 })).toBe(5);
    expect(plannedEpochs({ epochs: 5, fineTuneLayers: 10, fineTuneEpochs: 3 })).toBe(8);
    expect(plannedEpochs({ epochs: 1, fineTuneLayers: 10, fineTuneEpochs: 0 })).toBe(1);
  });
});
