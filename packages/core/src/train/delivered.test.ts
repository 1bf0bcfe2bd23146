import { describe, expect, it } from "vitest";
import { CallbackList } from "../callbacks/callback";
import { EarlyStopping } from "../callbacks/early-stopping";
import { runEpochs, series } from "../testing/callback-context";
import type { EpochRecord, Phase } from "../types";
import { handedOver, restoredEpoch } from "./delivered";

const record = (epoch: number, phase: Phase, valLoss: number, valAccuracy: number): EpochRecord => ({
  epoch,
  phase,
  loss: 1,
  accuracy: 0.5,
  valLoss,
  valAccuracy,
  learningRate: 1e-3,
  durationMs: 1,
  imagesPerSec: 1,
});
const records = [record(1, "head", 0.9, 0.6), record(2, "head", 0.5, 0.8), record(3, "head", 0.7, 0.9), record(4, "fine_tune", 0.6, 0.85)];
const dirs = { best: "/out/best", final: "/out/checkpoint" };

describe("handedOver: which epochs best/ and checkpoint/ hold", () => {
  it("delivers ModelCheckpoint's epoch from best/ and labels checkpoint/ as the last epoch", () => {
    const { delivered, final } = handedOver(records, null, 1, dirs);
    expect(delivered).toEqual({ epoch: 2, phase: "head", choice: "best_val_loss", valLoss: 0.5, valAccuracy: 0.8, dir: "/out/best" });
    expect(final).toEqual({ epoch: 4, phase: "fine_tune", choice: "last_epoch", valLoss: 0.6, valAccuracy: 0.85, dir: "/out/checkpoint" });
  });

  it("says so when EarlyStopping restored an earlier epoch into the final weights", () => {
    expect(handedOver(records, 3, 1, dirs).final).toMatchObject({ epoch: 3, choice: "restored_best", valAccuracy: 0.9 });
  });

  it("delivers the final weights when no epoch was ever saved (no finite val_loss)", () => {
    const { delivered, final } = handedOver(records, null, null, { best: null, final: null });
    expect(delivered).toEqual(final);
    expect(delivered).toMatchObject({ epoch: 4, choice: "last_epoch", dir: null });
  });

  it("refuses an epoch it has no record of", () => {
    expect(() => handedOver(records, null, 9, dirs)).toThrow(/no epoch record 10/);
  });
});

describe("restoredEpoch", () => {
  it("reads EarlyStopping's restore as a 1-based epoch, and null without EarlyStopping", async () => {
    const es = new EarlyStopping({ patience: 5, restoreBestWeights: true });
    await runEpochs([es], series([1.0, 0.7, 0.8]));
    expect(restoredEpoch(new CallbackList([es]))).toBe(2);
    expect(restoredEpoch(new CallbackList([]))).toBeNull();
  });
});
