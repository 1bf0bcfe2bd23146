import { describe, expect, it } from "vitest";
import { Callback, CallbackList, LambdaCallback, type EpochLogs } from "./callback";
import { EarlyStopping } from "./early-stopping";
import { ModelCheckpoint } from "./model-checkpoint";
import { FakeContext, runEpochs, series } from "../testing/callback-context";

describe("CallbackList", () => {
  it("runs callbacks in order, awaiting each before the next", async () => {
    const events: string[] = [];
    class Slow extends Callback {
      constructor(
        private readonly name: string,
        private readonly delayMs: number,
      ) {
        super();
      }
      override async onEpochEnd(epoch: number): Promise<void> {
        await new Promise((resolve) => setTimeout(resolve, this.delayMs));
        events.push(`${this.name}${epoch}`);
      }
    }
    await runEpochs([new Slow("a", 20), new Slow("b", 0)], series([1, 2]));
    expect(events).toEqual(["a0", "b0", "a1", "b1"]);
  });

  it("lets a later callback see logs changed by an earlier one, and stop flags", async () => {
    const seen: EpochLogs[] = [];
    const list = new CallbackList([
      new LambdaCallback({ onEpochEnd: (_e, logs) => void (logs.extra = 1) }),
      new LambdaCallback({ onEpochEnd: (_e, logs) => void seen.push({ ...logs }) }),
    ]);
    list.setContext(new FakeContext());
    await list.onEpochEnd(0, { loss: 2 });
    expect(seen).toEqual([{ loss: 2, extra: 1 }]);
  });
});

describe("LambdaCallback", () => {
  it("forwards every hook", async () => {
    const calls: string[] = [];
    const cb = new LambdaCallback({
      onTrainBegin: () => void calls.push("begin"),
      onEpochBegin: (e) => void calls.push(`eb${e}`),
      onEpochEnd: (e, logs) => void calls.push(`ee${e}:${logs.val_loss}`),
      onTrainEnd: () => void calls.push("end"),
    });
    await runEpochs([cb, new EarlyStopping({ patience: 0 })], series([1, 2, 3]));
    expect(calls).toEqual(["begin", "eb0", "ee0:1", "eb1", "ee1:2", "end"]);
  });
});

describe("ModelCheckpoint", () => {
  it("with saveBestOnly saves only on improvement", async () => {
    const cb = new ModelCheckpoint({ dir: "/ckpt", saveBestOnly: true });
    const { ctx } = await runEpochs([cb], series([1, 0.8, 0.9, 0.7, 0.7]));
    expect(ctx.saves).toEqual(["/ckpt@w0", "/ckpt@w1", "/ckpt@w3"]);
    expect([cb.best, cb.lastSavedEpoch]).toEqual([0.7, 3]);
  });

  it("saves every epoch otherwise, and maximises accuracy in auto mode", async () => {
    const cb = new ModelCheckpoint({ dir: "out", monitor: "val_accuracy" });
    const { ctx } = await runEpochs([cb], series([0.5, 0.7, 0.6], "val_accuracy"));
    expect(ctx.saves).toHaveLength(3);
    expect([cb.best, cb.lastSavedEpoch]).toEqual([0.7, 2]);
  });

  it("with initialValueThreshold saves only what beats it, and keeps best across fits", async () => {
    const cb = new ModelCheckpoint({ dir: "/ckpt", saveBestOnly: true, initialValueThreshold: 0.85 });
    expect(cb.best).toBe(0.85);
    const first = await runEpochs([cb], series([1, 0.9, 0.8, 0.85]));
    expect(first.ctx.saves).toEqual(["/ckpt@w2"]);
    // train() hands one instance to both phases: the second only saves when it beats the first.
    const second = await runEpochs([cb], series([0.82, 0.79]));
    expect(second.ctx.saves).toEqual(["/ckpt@w1"]);
    expect([cb.best, cb.lastSavedEpoch]).toEqual([0.79, 1]);
  });

  it("rejects an empty directory", () => {
    expect(() => new ModelCheckpoint({ dir: "" })).toThrow(/needs a directory, received ""/);
  });
});
