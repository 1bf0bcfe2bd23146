import { describe, expect, it } from "vitest";
import { deliveredModel, skippedFilesSummary, validationAccuracyLabel } from "./evaluation-labels";

describe("run page evaluation labels", () => {
  it("call the accuracy what it is: the delivered model's, on the validation split, with its epoch", () => {
    expect(validationAccuracyLabel({ evaluatedEpoch: 7 })).toBe("validation accuracy (delivered model, epoch 7)");
    expect(validationAccuracyLabel({ evaluatedEpoch: null })).toBe("validation accuracy (delivered model)");
    expect(validationAccuracyLabel(null)).not.toMatch(/test/);
    expect(deliveredModel({ evaluatedEpoch: 12 })).toBe("delivered model, epoch 12");
  });

  it("count the files the run skipped", () => {
    expect(skippedFilesSummary({ skippedFiles: [] })).toBe("none");
    expect(skippedFilesSummary(undefined)).toBe("none");
    expect(skippedFilesSummary({ skippedFiles: [{ file: "a/x.gif", reason: "unsupported" }] })).toBe(
      "1 file (not trained on or evaluated)",
    );
    expect(
      skippedFilesSummary({
        skippedFiles: [
          { file: "a", reason: "r" },
          { file: "b", reason: "r" },
        ],
      }),
    ).toBe("2 files (not trained on or evaluated)");
  });
});
