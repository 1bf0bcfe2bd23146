import { describe, expect, it } from "vitest";
import { BEST_VAL_ACCURACY, f1Key, fineTuneStart, lastValue, medianValue, normaliseRun, orderEpochs, paramsOf, runColor } from "./run-data";

const hp = {
  baseModel: "mobilenet_v1_0.25_224",
  headUnits: [256, 128],
  augmentation: "flip",
  learningRate: 0.001,
  fineTuneLayers: 2,
  dropout: 0.2,
};

describe("orderEpochs", () => {
  it("puts the head phase before fine-tuning even when fine-tune epochs restart at 1", () => {
    const ordered = orderEpochs([
      { epoch: 1, phase: "FINE_TUNE" as const, loss: 0.3, accuracy: 0.9 },
      { epoch: 2, phase: "HEAD" as const, loss: 0.5, accuracy: 0.8 },
      { epoch: 1, phase: "HEAD" as const, loss: 0.9, accuracy: 0.5 },
    ]);
    expect(ordered.map((o) => [o.step, o.epoch.phase, o.epoch.epoch])).toEqual([
      [1, "HEAD", 1],
      [2, "HEAD", 2],
      [3, "FINE_TUNE", 1],
    ]);
  });
});

describe("normaliseRun", () => {
  const epochs = [
    { epoch: 1, phase: "HEAD" as const, loss: 1.2, accuracy: 0.4, valLoss: 1.1, valAccuracy: 0.5 },
    { epoch: 2, phase: "HEAD" as const, loss: 0.8, accuracy: 0.6, valLoss: null, valAccuracy: null },
    { epoch: 3, phase: "FINE_TUNE" as const, loss: 0.5, accuracy: 0.8, valLoss: 0.6, valAccuracy: 0.75 },
  ];
  const run = normaliseRun(
    {
      id: "r1",
      name: "run one",
      hyperparameters: hp,
      bestValAccuracy: 0.75,
      bestEpoch: 3,
      evaluation: {
        labels: ["a", "b"],
        confusionMatrix: [
          [3, 1],
          [0, 4],
        ],
        perClass: [
          { label: "a", f1: 0.86 },
          { label: "b", f1: 0.89 },
        ],
      },
    },
    epochs,
    "#123456",
  );

  it("maps epochs to step series and skips missing validation values", () => {
    expect(run.metrics.loss!.map((p) => p.value)).toEqual([1.2, 0.8, 0.5]);
    expect(run.metrics.val_accuracy!.map((p) => [p.step, p.value, p.phase])).toEqual([
      [1, 0.5, "HEAD"],
      [3, 0.75, "FINE_TUNE"],
    ]);
  });
  it("adds summary and per-class metrics and keeps the run's own matrix", () => {
    expect(run.metrics[BEST_VAL_ACCURACY]).toEqual([{ step: 3, value: 0.75, phase: "FINE_TUNE" }]);
    expect(lastValue(run, f1Key("b"))).toBe(0.89);
    expect(run.confusion).toEqual({
      labels: ["a", "b"],
      matrix: [
        [3, 1],
        [0, 4],
      ],
    });
    expect(run.color).toBe("#123456");
  });
  it("prefers an aligned matrix when given", () => {
    const aligned = {
      labels: ["a", "b", "c"],
      matrix: [
        [3, 1, 0],
        [0, 4, 0],
        [0, 0, 0],
      ],
    };
    expect(normaliseRun({ id: "r", name: "r", hyperparameters: hp }, [], "#000", aligned).confusion).toBe(aligned);
  });

  it("keeps each epoch's matrix in epoch order, with the run's own label order", () => {
    const m = (n: number) => [
      [n, 0],
      [0, n],
    ];
    const run = normaliseRun(
      { id: "r", name: "r", hyperparameters: hp, evaluation: { labels: ["x", "y"], confusionMatrix: m(9) } },
      [
        { epoch: 2, phase: "HEAD", confusionMatrix: m(2) },
        { epoch: 1, phase: "HEAD", confusionMatrix: m(1) },
        { epoch: 3, phase: "HEAD", confusionMatrix: null },
      ],
      "#000",
    );
    expect(run.epochMatrices).toEqual([
      { epoch: 1, matrix: m(1) },
      { epoch: 2, matrix: m(2) },
    ]);
    expect(run.matrixLabels).toEqual(["x", "y"]);
  });
  it("finds where fine-tuning starts", () => {
    expect(fineTuneStart(run)).toBe(3);
    expect(fineTuneStart(normaliseRun({ id: "r", name: "r", hyperparameters: hp }, epochs.slice(0, 2), "#000"))).toBeUndefined();
  });
});

describe("paramsOf / runColor", () => {
  it("flattens head units to a category and keeps numbers numeric", () => {
    expect(paramsOf(hp)).toMatchObject({ head: "256,128", learningRate: 0.001, fineTuneLayers: 2, dropout: 0.2 });
    expect(paramsOf({ ...hp, headUnits: [] }).head).toBe("linear");
  });
  it("gives 20 distinct colours, then wraps, and rejects bad indexes", () => {
    const colours = Array.from({ length: 20 }, (_, i) => runColor(i));
    expect(new Set(colours).size).toBe(20);
    expect(runColor(20)).toBe(runColor(0));
    expect(() => runColor(-1)).toThrow(/-1/);
  });
});

describe("normaliseRun with a diverged run and the per-epoch rates", () => {
  // As the API serves a diverged run: loss null from epoch 3 (NaN has no JSON form), the rate cut
  // by ReduceLROnPlateau after epoch 2, no validation split.
  const epochs = [
    {
      epoch: 1,
      phase: "HEAD" as const,
      loss: 1.2,
      accuracy: 0.4,
      valLoss: null,
      valAccuracy: null,
      learningRate: 1e-3,
      durationMs: 2400,
      imagesPerSec: 200,
    },
    {
      epoch: 2,
      phase: "HEAD" as const,
      loss: 9.5,
      accuracy: 0.3,
      valLoss: null,
      valAccuracy: null,
      learningRate: 1e-3,
      durationMs: 1200,
      imagesPerSec: 400,
    },
    {
      epoch: 3,
      phase: "HEAD" as const,
      loss: null,
      accuracy: null,
      valLoss: null,
      valAccuracy: null,
      learningRate: 5e-4,
      durationMs: 1000,
      imagesPerSec: 480,
    },
    {
      epoch: 4,
      phase: "HEAD" as const,
      loss: Number.NaN,
      accuracy: 0.2,
      valLoss: null,
      valAccuracy: null,
      learningRate: 5e-4,
      durationMs: 1000,
      imagesPerSec: 480,
    },
  ];
  const run = normaliseRun({ id: "d", name: "diverged", hyperparameters: hp }, epochs, "#000");

  it("keeps only finite values in the series and records the steps left out as gaps", () => {
    expect(run.metrics.loss!.map((p) => [p.step, p.value])).toEqual([
      [1, 1.2],
      [2, 9.5],
    ]);
    expect(run.gaps.loss).toEqual([3, 4]);
    expect(run.gaps.accuracy).toEqual([3]);
    expect(
      Object.values(run.metrics)
        .flat()
        .every((p) => Number.isFinite(p.value)),
    ).toBe(true);
  });
  it("does not call a run without a validation split diverged", () => {
    expect(run.metrics.val_loss).toEqual([]);
    expect(run.gaps.val_loss).toBeUndefined();
    expect(run.gaps.val_accuracy).toBeUndefined();
  });
  it("draws the learning rate, img/s and epoch time per epoch, with medians for the run page", () => {
    expect(run.metrics.learning_rate!.map((p) => p.value)).toEqual([1e-3, 1e-3, 5e-4, 5e-4]);
    expect(run.metrics.epoch_seconds!.map((p) => p.value)).toEqual([2.4, 1.2, 1, 1]);
    expect(medianValue(run, "images_per_sec")).toBe(440);
    expect(medianValue(run, "epoch_seconds")).toBe(1.1);
    expect(medianValue(run, "nothing")).toBeUndefined();
  });
});
