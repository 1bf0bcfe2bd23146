import { describe, expect, it } from "vitest";
import { BadInputError } from "../errors";
import type { TrainConfig } from "../types";
import { defaultTrainConfig, validateTrainConfig } from "./config";

describe("defaultTrainConfig", () => {
  it("fills defaults and keeps given fields", () => {
    const c = defaultTrainConfig({ epochs: 3, headUnits: [64, 32] });
    expect(c.epochs).toBe(3);
    expect(c.headUnits).toEqual([64, 32]);
    expect(c.optimizer).toBe("adam");
    expect(c.fineTuneLearningRate).toBe(1e-5);
  });

  const cases: [Partial<TrainConfig>, RegExp][] = [
    [{ learningRate: 0 }, /learningRate .* received 0$/],
    [{ learningRate: -0.1 }, /received -0\.1/],
    [{ learningRate: 2 }, /learningRate must be a number in \(0, 1\], received 2/],
    [{ epochs: 0 }, /epochs .* received 0/],
    [{ epochs: 1.5 }, /epochs .* received 1\.5/],
    [{ batchSize: 0 }, /batchSize .* received 0/],
    [{ dropout: 1 }, /dropout .* received 1/],
    [{ dropout: -0.2 }, /dropout .* received -0\.2/],
    [{ headUnits: [128, 0] }, /headUnits .* received \[128,0\]/],
    [{ headUnits: [-4] }, /received \[-4\]/],
    [{ validationSplit: 1 }, /validationSplit .* received 1/],
    [{ validationSplit: 0 }, /validationSplit .* received 0/],
    [{ optimizer: "adamw" as TrainConfig["optimizer"] }, /optimizer .* received "adamw"/],
    [{ headActivation: "swish" as TrainConfig["headActivation"] }, /received "swish"/],
    [{ augmentation: ["flip", "warp" as TrainConfig["augmentation"][number]] }, /received \["flip","warp"\]/],
    [{ fineTuneLayers: 5, fineTuneEpochs: 0 }, /fineTuneEpochs .* received 0/],
    [{ fineTuneLearningRate: 0 }, /fineTuneLearningRate .* received 0/],
    [{ earlyStoppingPatience: -1 }, /earlyStoppingPatience .* received -1/],
    [{ reduceLrPatience: 1.5 }, /reduceLrPatience .* received 1\.5/],
    [{ reduceLrFactor: 0 }, /reduceLrFactor must be a number in \(0, 1\), received 0$/],
    [{ reduceLrFactor: 1 }, /reduceLrFactor must be a number in \(0, 1\), received 1$/],
    [{ reduceLrFactor: 1.5 }, /reduceLrFactor .* received 1\.5$/],
    [{ reduceLrFactor: -0.1 }, /reduceLrFactor .* received -0\.1$/],
    [{ reduceLrFactor: Number.NaN }, /reduceLrFactor .* received NaN$/],
    [{ minLearningRate: -1e-6 }, /minLearningRate must be a number in \[0, 1\), received -0\.000001$/],
    [{ minLearningRate: Number.POSITIVE_INFINITY }, /minLearningRate .* received Infinity$/],
    [{ learningRate: 0.01, minLearningRate: 0.01 }, /minLearningRate must be below learningRate \(0\.01\), received 0\.01$/],
    [{ learningRate: 0.001, minLearningRate: 0.5 }, /minLearningRate must be below learningRate \(0\.001\), received 0\.5$/],
    [
      { fineTuneLayers: 4, fineTuneEpochs: 1, fineTuneLearningRate: 1e-5, minLearningRate: 1e-4 },
      /minLearningRate must be below fineTuneLearningRate \(0\.00001\) when fine-tuning, received 0\.0001$/,
    ],
    [{ seed: Number.NaN }, /seed .* received NaN/],
  ];
  for (const [partial, message] of cases) {
    it(`rejects ${JSON.stringify(partial)}`, () => {
      expect(() => defaultTrainConfig(partial)).toThrow(BadInputError);
      expect(() => defaultTrainConfig(partial)).toThrow(message);
    });
  }

  it("keeps ReduceLROnPlateau off by default, halving without a floor once a patience is set", () => {
    const c = defaultTrainConfig();
    expect([c.reduceLrPatience, c.reduceLrFactor, c.minLearningRate]).toEqual([null, 0.5, 0]);
    const on = defaultTrainConfig({ reduceLrPatience: 3, reduceLrFactor: 0.2, minLearningRate: 1e-6 });
    expect([on.reduceLrPatience, on.reduceLrFactor, on.minLearningRate]).toEqual([3, 0.2, 1e-6]);
  });

  it("bounds minLearningRate by the fine-tuning rate only when there is a fine-tuning phase", () => {
    // 1e-4 is above the default fine-tuning rate (1e-5), which a head-only run never uses.
    expect(defaultTrainConfig({ minLearningRate: 1e-4 }).minLearningRate).toBe(1e-4);
    expect(() => defaultTrainConfig({ minLearningRate: 1e-5, fineTuneLayers: 2, fineTuneEpochs: 1 })).toThrow(/received 0\.00001$/);
    expect(defaultTrainConfig({ minLearningRate: 1e-6, fineTuneLayers: 2, fineTuneEpochs: 1 }).minLearningRate).toBe(1e-6);
  });

  it("rejects unknown fields by name", () => {
    expect(() => defaultTrainConfig({ epoch: 3 } as unknown as Partial<TrainConfig>)).toThrow(/"epoch"/);
  });

  it("bounds fineTuneLayers by the base's layer count", () => {
    const c = defaultTrainConfig({ fineTuneLayers: 90, fineTuneEpochs: 1 });
    expect(() => validateTrainConfig(c, 85)).toThrow(/fineTuneLayers must be at most 85.*received 90/);
    expect(validateTrainConfig(c, 90).fineTuneLayers).toBe(90);
  });
});
