import { describe, expect, it } from "vitest";
import { EarlyStopping } from "../callbacks/early-stopping";
import { ModelCheckpoint } from "../callbacks/model-checkpoint";
import { ReduceLROnPlateau } from "../callbacks/reduce-lr";
import { FakeContext, runEpochs, series } from "../testing/callback-context";
import { defaultTrainConfig } from "./config";
import { phaseCallbacks } from "./phase-callbacks";

const plateau = series(Array(8).fill(1.0));

describe("phaseCallbacks", () => {
  it("builds nothing from the defaults but the checkpoint", () => {
    const checkpoint = new ModelCheckpoint({ dir: "/best", saveBestOnly: true });
    expect(phaseCallbacks(defaultTrainConfig(), null)).toEqual([]);
    expect(phaseCallbacks(defaultTrainConfig(), checkpoint)).toEqual([checkpoint]);
  });

  it("passes patience, factor and minimum rate to ReduceLROnPlateau on val_loss", () => {
    const config = defaultTrainConfig({ earlyStoppingPatience: 5, reduceLrPatience: 2, reduceLrFactor: 0.2, minLearningRate: 1e-4 });
    const [es, rlr] = phaseCallbacks(config, null);
    expect(es).toBeInstanceOf(EarlyStopping);
    expect(rlr).toBeInstanceOf(ReduceLROnPlateau);
    expect(rlr).toMatchObject({ monitor: "val_loss", mode: "min", patience: 2, factor: 0.2, minLr: 1e-4 });
  });

  it("keeps halving as the default factor", () => {
    const [rlr] = phaseCallbacks(defaultTrainConfig({ reduceLrPatience: 1 }), null);
    expect(rlr).toMatchObject({ factor: 0.5, minLr: 0 });
  });

  it("reduces each phase from its own starting rate down to the same floor", async () => {
    const config = defaultTrainConfig({
      learningRate: 0.01,
      fineTuneLayers: 3,
      fineTuneEpochs: 2,
      fineTuneLearningRate: 0.001,
      reduceLrPatience: 1,
      reduceLrFactor: 0.1,
      minLearningRate: 5e-5,
    });
    // train() calls phaseCallbacks once per phase with the same config: fresh instances, same settings.
    const head = await runEpochs(phaseCallbacks(config, null), plateau, new FakeContext(config.learningRate));
    expect(head.ctx.lrSets.map((lr) => Number(lr.toPrecision(6)))).toEqual([0.001, 0.0001, 5e-5]);
    const fineTune = await runEpochs(phaseCallbacks(config, null), plateau, new FakeContext(config.fineTuneLearningRate));
    expect(fineTune.ctx.lrSets.map((lr) => Number(lr.toPrecision(6)))).toEqual([0.0001, 5e-5]);
  });
});
