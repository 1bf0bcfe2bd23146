import { describe, expect, it } from "vitest";
import type { EpochWeights } from "@graft/core/types";
import { formatBestEpoch, formatEvaluationHeadline, formatSavedWeights, formatSkipped, SKIPPED_SHOWN } from "./summary";

const weights = (epoch: number, choice: EpochWeights["choice"], dir: string | null): EpochWeights => ({
  epoch,
  phase: epoch > 10 ? "fine_tune" : "head",
  choice,
  valLoss: 0.25,
  valAccuracy: 0.9,
  dir,
});

describe("end-of-run summary", () => {
  it("names both folders with the epoch each holds, the delivered one first and marked as evaluated", () => {
    const lines = formatSavedWeights(
      { delivered: weights(7, "best_val_loss", "/runs/a/best"), final: weights(12, "last_epoch", "/runs/a/checkpoint") },
      "/runs/a",
    );
    expect(lines).toEqual([
      "  best/        weights of epoch 7 (head, lowest val_loss 0.2500, val_acc 0.9000) — the delivered model, evaluated below",
      "  checkpoint/  weights of epoch 12 (fine_tune, last epoch, val_acc 0.9000) — the weights training ended with",
    ]);
  });

  it("says when EarlyStopping put the best weights back into checkpoint/", () => {
    const [, final] = formatSavedWeights(
      { delivered: weights(4, "best_val_loss", "/o/best"), final: weights(4, "restored_best", "/o/checkpoint") },
      "/o",
    );
    expect(final).toContain("weights of epoch 4 (head, restored by EarlyStopping: best val_loss of its phase, val_acc 0.9000)");
  });

  it("shows one folder when nothing went to best/ (no finite val_loss)", () => {
    const only = weights(3, "last_epoch", "/o/checkpoint");
    expect(formatSavedWeights({ delivered: only, final: only }, "/o")).toEqual([
      "  checkpoint/  weights of epoch 3 (head, last epoch, val_acc 0.9000) — the delivered model, evaluated below (no epoch had a finite val_loss, so there is no best/)",
    ]);
  });

  it("heads the evaluation with the delivered epoch and split", () => {
    const evaluation = { labels: ["a"], confusionMatrix: [[9]], perClass: [], accuracy: 1, macroF1: 1, weightedF1: 1, misclassified: [] };
    expect(formatEvaluationHeadline({ delivered: weights(7, "best_val_loss", null), evaluation, validationCount: 9 })).toBe(
      "delivered model (epoch 7) on the validation split (9 images): accuracy 1.0000 · macro F1 1.0000 · weighted F1 1.0000",
    );
  });

  it("names the best epoch (lowest val_loss) with the val_loss and val_acc at it", () => {
    expect(formatBestEpoch({ bestEpoch: 6, bestValLoss: 0.25, bestValAccuracy: 0.9 })).toBe(
      "best epoch 6 (val_loss 0.2500, val_acc 0.9000)",
    );
    expect(formatBestEpoch({ bestEpoch: 2, bestValLoss: 0.25, bestValAccuracy: null })).toBe("best epoch 2 (val_loss 0.2500, val_acc -)");
    expect(formatBestEpoch({ bestEpoch: null, bestValLoss: null, bestValAccuracy: null })).toBe(
      "no best epoch (no epoch had a finite val_loss)",
    );
  });

  it("lists skipped files with reasons, then counts the rest", () => {
    expect(formatSkipped([])).toEqual([]);
    const many = Array.from({ length: SKIPPED_SHOWN + 3 }, (_, i) => ({ file: `a/${i}.gif`, reason: "unsupported extension" }));
    const lines = formatSkipped(many);
    expect(lines[0]).toBe(`skipped ${SKIPPED_SHOWN + 3} file(s) of the dataset (neither trained on nor evaluated):`);
    expect(lines[1]).toBe("  a/0.gif: unsupported extension");
    expect(lines.at(-1)).toBe('  … and 3 more (all listed in metrics.json "skipped")');
    expect(lines).toHaveLength(SKIPPED_SHOWN + 2);
  });
});
