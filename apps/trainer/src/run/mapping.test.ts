import { describe, expect, it } from "vitest";
import { createFakeEngine } from "../testing/fake-engine";
import { describeFailure } from "./failure";
import { heartbeatInterval } from "./heartbeat";
import {
  baseWeightsOf,
  configToHyperparameters,
  EPOCH_MATRIX_MAX_CLASSES,
  epochToInput,
  evaluationToInput,
  hyperparametersToConfig,
  PREDICTIONS_BUDGET_BYTES,
  predictionsBytes,
} from "./mapping";

const engine = createFakeEngine();
const h = {
  baseModel: "mobilenet_v2_0.35_224_no_top",
  inputSize: 224,
  headUnits: [256, 128],
  dropout: 0.3,
  augmentation: "flip,zoom",
  optimizer: "SGD",
  learningRate: 0.05,
  epochs: 7,
  fineTuneLayers: 20,
  fineTuneEpochs: 3,
  fineTuneLearningRate: 1e-4,
  batchSize: 8,
  seed: 3,
  validationSplit: 0.25,
  earlyStoppingPatience: null,
  reduceLrPatience: 4,
  reduceLrFactor: 0.2,
  minLearningRate: 1e-6,
  baseWeights: null,
  baseWeightsSha256: null,
};

describe("hyperparameter mapping", () => {
  it("keeps every value of the run and round-trips", () => {
    const partial = hyperparametersToConfig(h);
    expect(partial).toEqual({
      baseModel: h.baseModel,
      headUnits: [256, 128],
      dropout: 0.3,
      optimizer: "sgd",
      learningRate: 0.05,
      epochs: 7,
      batchSize: 8,
      fineTuneLayers: 20,
      fineTuneEpochs: 3,
      fineTuneLearningRate: 1e-4,
      augmentation: ["flip", "zoom"],
      seed: 3,
      validationSplit: 0.25,
      earlyStoppingPatience: null,
      reduceLrPatience: 4,
      reduceLrFactor: 0.2,
      minLearningRate: 1e-6,
      // A nullable knob the catalogue added after this fixture was written: absent reads as null.
      splitSeed: null,
    });
    const back = configToHyperparameters(engine.defaultTrainConfig(partial), null);
    const { inputSize: _ignored, ...rest } = h;
    // headActivation, labelSmoothing and splitSeed: knobs the catalogue added after this fixture was written, at their defaults.
    expect(back).toEqual({ ...rest, optimizer: "sgd", headActivation: "relu", labelSmoothing: 0, splitSeed: null });
  });

  it("carries ReduceLROnPlateau off (a null or absent patience) with its factor and floor, both ways", () => {
    const { reduceLrPatience: _absent, ...withoutPatience } = h;
    expect(hyperparametersToConfig({ ...withoutPatience, reduceLrFactor: 0.5, minLearningRate: 0 })).toMatchObject({
      reduceLrPatience: null,
      reduceLrFactor: 0.5,
      minLearningRate: 0,
    });
    const stored = configToHyperparameters(
      engine.defaultTrainConfig({ reduceLrPatience: 3, reduceLrFactor: 0.1, minLearningRate: 1e-7 }),
      null,
    );
    expect(stored).toMatchObject({ reduceLrPatience: 3, reduceLrFactor: 0.1, minLearningRate: 1e-7 });
    expect(configToHyperparameters(engine.defaultTrainConfig({}), null)).toMatchObject({
      reduceLrPatience: null,
      reduceLrFactor: 0.5,
      minLearningRate: 0,
    });
  });

  it("carries the base weights file (path and sha256) beside the config, both ways, and refuses half a pair", () => {
    const weights = { path: "/w/no_top.h5", sha256: "ab".repeat(32) };
    expect(configToHyperparameters(engine.defaultTrainConfig({}), weights)).toMatchObject({
      baseWeights: weights.path,
      baseWeightsSha256: weights.sha256,
    });
    expect(configToHyperparameters(engine.defaultTrainConfig({}), null)).toMatchObject({ baseWeights: null, baseWeightsSha256: null });
    expect(baseWeightsOf({ baseWeights: weights.path, baseWeightsSha256: weights.sha256 })).toEqual(weights);
    expect(baseWeightsOf(h)).toBeNull();
    expect(baseWeightsOf({})).toBeNull();
    // Weights are core's TrainOptions.weights, not part of the TrainConfig.
    expect(hyperparametersToConfig({ ...h, baseWeights: weights.path, baseWeightsSha256: weights.sha256 })).toEqual(
      hyperparametersToConfig(h),
    );
    expect(() => baseWeightsOf({ baseWeights: weights.path, baseWeightsSha256: null })).toThrow(
      `"${weights.path}" but no baseWeightsSha256`,
    );
    expect(() => baseWeightsOf({ baseWeightsSha256: weights.sha256 })).toThrow(`"${weights.sha256}" but no baseWeights path`);
  });

  it("maps 'none' to no augmentation and rejects an unknown optimizer quoting it", () => {
    expect(hyperparametersToConfig({ ...h, augmentation: "none" }).augmentation).toEqual([]);
    expect(configToHyperparameters(engine.defaultTrainConfig({ augmentation: [] }), null).augmentation).toBe("none");
    expect(() => hyperparametersToConfig({ ...h, optimizer: "lion" })).toThrow(/"lion"/);
  });

  it("converts phases, and sends non-finite metrics as null (no sentinel number)", () => {
    const input = epochToInput({
      epoch: 4,
      phase: "fine_tune",
      loss: Number.NaN,
      accuracy: 0.5,
      valLoss: Number.POSITIVE_INFINITY,
      valAccuracy: 0.4,
      learningRate: 1e-4,
      durationMs: 10,
      imagesPerSec: 50,
    });
    expect(input.phase).toBe("FINE_TUNE");
    expect(input.loss).toBeNull();
    expect(input.accuracy).toBe(0.5);
    expect(input.valLoss).toBeNull();
    expect(
      epochToInput({
        epoch: 1,
        phase: "head",
        loss: 0.5,
        accuracy: Number.NaN,
        valLoss: null,
        valAccuracy: null,
        learningRate: 1e-3,
        durationMs: Number.NaN,
        imagesPerSec: 5,
      }),
    ).toEqual({
      epoch: 1,
      phase: "HEAD",
      loss: 0.5,
      accuracy: null,
      valLoss: null,
      valAccuracy: null,
      learningRate: 1e-3,
      durationMs: 0,
      imagesPerSec: 5,
    });
    expect(JSON.parse(JSON.stringify(input))).toEqual(input);
  });

  it("keeps only contract fields of an evaluation and rounds counts", () => {
    const report = {
      labels: ["a"],
      confusionMatrix: [[2.0000001]],
      perClass: [{ label: "a", precision: Number.NaN, recall: 1, f1: 1, support: 2 }],
      accuracy: 1,
      macroF1: 1,
      weightedF1: 1,
      misclassified: [],
      extra: 1,
    };
    const out = evaluationToInput(report);
    expect(out.confusionMatrix).toEqual([[2]]);
    expect(out.perClass[0]?.precision).toBe(0);
    expect(out).not.toHaveProperty("extra");
    expect(out).not.toHaveProperty("evaluatedEpoch");
    // With the run: the delivered epoch and the skipped files travel with the evaluation.
    const withRun = evaluationToInput(report, {
      delivered: { epoch: 6 },
      skipped: [{ file: "a/x.gif", reason: 'unsupported extension ".gif"' }],
    });
    expect(withRun).toMatchObject({ evaluatedEpoch: 6, skippedFiles: [{ file: "a/x.gif", reason: 'unsupported extension ".gif"' }] });
    expect(out).not.toHaveProperty("predictions");
  });

  it("sends every image's prediction as float32 little-endian base64, bit for bit", () => {
    const probabilities = Float32Array.from([0.1, 0.9, 0.75, 0.25, 1 / 3, 2 / 3]);
    const report = {
      labels: ["a", "b"],
      confusionMatrix: [
        [1, 0],
        [1, 1],
      ],
      perClass: [],
      accuracy: 2 / 3,
      macroF1: 0.6,
      weightedF1: 0.6,
      misclassified: [],
      // A view into a larger buffer, as a slice of the model's output would be.
      predictions: {
        files: ["a/1.jpg", "b/1.jpg", "b/2.jpg"],
        yTrue: [1, 0, 1],
        probabilities: new Float32Array([9, ...probabilities]).subarray(1),
      },
    };
    const out = evaluationToInput(report);
    expect(out.predictions?.files).toEqual(["a/1.jpg", "b/1.jpg", "b/2.jpg"]);
    expect(out.predictions?.yTrue).toEqual([1, 0, 1]);
    const bytes = Buffer.from(out.predictions?.probabilitiesBase64 ?? "", "base64");
    expect(bytes.length).toBe(6 * 4);
    expect(Array.from({ length: 6 }, (_, i) => bytes.readFloatLE(i * 4))).toEqual(Array.from(probabilities));
  });

  it("leaves predictions out when they would not fit the budget, and matrices of many classes out of epochs", () => {
    // 100,000 images × 10 classes: 4 MB of float32, over the 2 MiB budget.
    const n = 100_000;
    const big = {
      files: Array.from({ length: n }, (_, i) => `c/${i}.jpg`),
      yTrue: new Array<number>(n).fill(0),
      probabilities: new Float32Array(n * 10),
    };
    expect(predictionsBytes(big)).toBeGreaterThan(PREDICTIONS_BUDGET_BYTES);
    const report = {
      labels: ["a"],
      confusionMatrix: [[1]],
      perClass: [],
      accuracy: 1,
      macroF1: 1,
      weightedF1: 1,
      misclassified: [],
      predictions: big,
    };
    expect(evaluationToInput(report)).not.toHaveProperty("predictions");
    const square = (k: number) => Array.from({ length: k }, () => new Array<number>(k).fill(1));
    const record = {
      epoch: 1,
      phase: "head" as const,
      loss: 1,
      accuracy: 0.5,
      valLoss: 1,
      valAccuracy: 0.5,
      learningRate: 0.001,
      durationMs: 1,
      imagesPerSec: 1,
    };
    expect(epochToInput({ ...record, confusionMatrix: square(EPOCH_MATRIX_MAX_CLASSES) }).confusionMatrix).toHaveLength(
      EPOCH_MATRIX_MAX_CLASSES,
    );
    expect(epochToInput({ ...record, confusionMatrix: square(EPOCH_MATRIX_MAX_CLASSES + 1) })).not.toHaveProperty("confusionMatrix");
  });
});

describe("failure messages", () => {
  const ctx = { datasetPath: "/data/leaves", baseModel: "mobilenet_v1_0.25_224", batchSize: 64 };
  it("names the cause and what to do", () => {
    expect(describeFailure(Object.assign(new Error('Dataset "/data/leaves" not found'), { code: "NOT_FOUND" }), ctx)).toMatch(
      /not found.*\/data\/leaves.*re-register/,
    );
    expect(describeFailure(Object.assign(new Error("sha256 mismatch"), { code: "CHECKSUM_MISMATCH" }), ctx)).toMatch(
      /^corrupt weights for base model "mobilenet_v1_0.25_224"/,
    );
    expect(describeFailure(new RangeError("Array buffer allocation failed"), ctx)).toMatch(/^out of memory .*batch size 64/);
    expect(describeFailure(new Error("boom\nstack"), ctx)).toBe("Error: boom");
  });
});

describe("heartbeatInterval", () => {
  it("beats three times per lease, never faster than 500 ms", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(heartbeatInterval("2026-01-01T00:00:30Z", now, 10_000)).toBe(10_000);
    expect(heartbeatInterval("2026-01-01T00:00:03Z", now, 10_000)).toBe(1_000);
    expect(heartbeatInterval("2026-01-01T00:00:00.9Z", now, 10_000)).toBe(500);
    expect(heartbeatInterval(null, now, 7_000)).toBe(7_000);
  });
});
