import { describe, expect, it } from "vitest";
import { bestEpoch, type EpochScore, isBetterEpoch, plannedEpochs } from "./derived";

describe("plannedEpochs", () => {
  it("counts fine-tune epochs only when the run unfreezes layers", () => {
    expect(plannedEpochs({ epochs: 5, fineTuneLayers: 0, fineTuneEpochs: 3 })).toBe(5);
    expect(plannedEpochs({ epochs: 5, fineTuneLayers: 10, fineTuneEpochs: 3 })).toBe(8);
    expect(plannedEpochs({ epochs: 1, fineTuneLayers: 10, fineTuneEpochs: 0 })).toBe(1);
  });
});

const e = (epoch: number, valLoss: number | null, valAccuracy: number | null = 0.5): EpochScore => ({ epoch, valLoss, valAccuracy });

describe("bestEpoch", () => {
  it("is the lowest val_loss epoch, not the most accurate one, and reports the val accuracy at it", () => {
    const records = [e(1, 0.9, 0.6), e(2, 0.4, 0.7), e(3, 0.5, 0.9), e(4, 0.45, 0.8)];
    expect(bestEpoch(records)).toBe(records[1]);
    expect(bestEpoch(records)).toEqual({ epoch: 2, valLoss: 0.4, valAccuracy: 0.7 });
  });

  it("keeps the earlier epoch on a tie, in whatever order the records come", () => {
    expect(bestEpoch([e(1, 0.5), e(2, 0.3, 0.6), e(3, 0.3, 0.9)])?.epoch).toBe(2);
    expect(bestEpoch([e(3, 0.3, 0.9), e(1, 0.5), e(2, 0.3, 0.6)])?.epoch).toBe(2);
  });

  it("never picks an epoch whose val_loss is null, NaN or infinite", () => {
    expect(
      bestEpoch([e(1, null, 0.99), e(2, 0.8, 0.5), e(3, Number.NaN, 0.99), e(4, Number.POSITIVE_INFINITY), e(5, Number.NEGATIVE_INFINITY)])
        ?.epoch,
    ).toBe(2);
    expect(bestEpoch([e(1, Number.NaN), e(2, 0.8)])?.epoch).toBe(2);
  });

  it("is null when no epoch has a finite val_loss, or there are none", () => {
    expect(bestEpoch([e(1, null, 0.9), e(2, Number.NaN, 0.9)])).toBeNull();
    expect(bestEpoch([])).toBeNull();
  });

  it("keeps a null val accuracy at the best epoch as it is", () => {
    expect(bestEpoch([e(1, 0.5, null), e(2, 0.6, 0.9)])).toEqual({ epoch: 1, valLoss: 0.5, valAccuracy: null });
  });

  it("picks the epoch a save_best_only val_loss checkpoint keeps: the first to reach the minimum", () => {
    // What ModelCheckpoint (mode min, no min_delta, strict improvement) does, epoch by epoch.
    const losses = [0.8, 0.5, 0.5, 0.7, 0.2, 0.2, Number.NaN, 0.3];
    let saved: number | null = null;
    let best = Number.POSITIVE_INFINITY;
    losses.forEach((loss, i) => {
      if (!Number.isNaN(loss) && loss < best) [best, saved] = [loss, i + 1];
    });
    expect(bestEpoch(losses.map((loss, i) => e(i + 1, loss)))?.epoch).toBe(saved);
    expect(saved).toBe(5);
  });
});

describe("isBetterEpoch", () => {
  it("takes any finite val_loss over nothing yet, or over a current best without one", () => {
    expect(isBetterEpoch(e(3, 0.9), null)).toBe(true);
    expect(isBetterEpoch(e(3, 0.9), e(1, null))).toBe(true);
    expect(isBetterEpoch(e(3, 0.9), e(1, Number.NaN))).toBe(true);
  });

  it("is strict on val_loss alone: lower wins, higher loses whatever the accuracy", () => {
    expect(isBetterEpoch(e(5, 0.3, 0.1), e(2, 0.4, 0.9))).toBe(true);
    expect(isBetterEpoch(e(5, 0.5, 0.99), e(2, 0.4, 0.1))).toBe(false);
  });

  it("breaks a val_loss tie by the earlier epoch, so the order of arrival does not matter", () => {
    expect(isBetterEpoch(e(4, 0.4), e(2, 0.4))).toBe(false);
    expect(isBetterEpoch(e(2, 0.4), e(4, 0.4))).toBe(true);
    expect(isBetterEpoch(e(2, 0.4), e(2, 0.4))).toBe(false);
  });

  it("never lets an epoch without a finite val_loss win", () => {
    for (const loss of [null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(isBetterEpoch(e(1, loss, 1), null)).toBe(false);
      expect(isBetterEpoch(e(1, loss, 1), e(2, 0.9, 0))).toBe(false);
    }
  });
});
