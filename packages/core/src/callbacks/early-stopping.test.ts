import { describe, expect, it, vi } from "vitest";
import { EarlyStopping } from "./early-stopping";
import { runEpochs, series } from "../testing/callback-context";

describe("EarlyStopping (Keras 3 semantics)", () => {
  it("patience=2 on val_loss [1.0, 0.9, 0.95, 0.96, 0.5] stops after epoch index 3, best epoch 1", async () => {
    const es = new EarlyStopping({ patience: 2 });
    const { logs } = await runEpochs([es], series([1.0, 0.9, 0.95, 0.96, 0.5]));
    expect(logs).toHaveLength(4);
    expect([es.stoppedEpoch, es.bestEpoch, es.best]).toEqual([3, 1, 0.9]);
  });

  it("restoreBestWeights puts back the best epoch's snapshot and frees the others", async () => {
    const es = new EarlyStopping({ patience: 2, restoreBestWeights: true });
    const { ctx } = await runEpochs([es], series([1.0, 0.9, 0.95, 0.96, 0.5]));
    expect(ctx.restored).toEqual(["w1"]);
    expect(ctx.weights).toBe("w1");
    expect(ctx.disposed).toEqual(["w0", "w1"]);
    // One snapshot per improvement (epochs 0 and 1), none for the worse epochs.
    expect(ctx.snapshotsTaken).toBe(2);
  });

  it("restores at train end without stopping when the best epoch is not the last", async () => {
    const es = new EarlyStopping({ patience: 5, restoreBestWeights: true });
    const { ctx, logs } = await runEpochs([es], series([1.0, 0.7, 0.8]));
    expect(logs).toHaveLength(3);
    expect(es.stoppedEpoch).toBe(0);
    expect(ctx.restored).toEqual(["w1"]);
    // Says which epoch the final weights are from (what graft train labels checkpoint/ with).
    expect(es.restoredEpoch).toBe(1);
    const lastEs = new EarlyStopping({ patience: 5, restoreBestWeights: true });
    const last = await runEpochs([lastEs], series([1.0, 0.7, 0.6]));
    expect(last.ctx.restored).toEqual([]);
    expect(last.ctx.weights).toBe("w2");
    expect(lastEs.restoredEpoch).toBeNull();
  });

  it("with constant loss and patience=3 runs 4 epochs (the Keras docstring example)", async () => {
    const es = new EarlyStopping({ monitor: "loss", patience: 3 });
    const { logs } = await runEpochs([es], series(Array(10).fill(0.5), "loss"));
    expect(logs).toHaveLength(4);
  });

  it("patience=0 stops at the first non-improving epoch, but never at epoch 0", async () => {
    const es = new EarlyStopping();
    const { logs } = await runEpochs([es], series([1, 0.9, 0.95, 0.2]));
    expect(logs).toHaveLength(3);
    expect(es.stoppedEpoch).toBe(2);
  });

  it("infers max mode for val_accuracy", async () => {
    const es = new EarlyStopping({ monitor: "val_accuracy", patience: 2 });
    expect(es.mode).toBe("max");
    const { logs } = await runEpochs([es], series([0.5, 0.6, 0.55, 0.58, 0.9], "val_accuracy"));
    expect(logs).toHaveLength(4);
    expect([es.best, es.bestEpoch]).toEqual([0.6, 1]);
  });

  it("requires an improvement larger than minDelta (its sign ignored)", async () => {
    for (const minDelta of [0.01, -0.01]) {
      const es = new EarlyStopping({ patience: 2, minDelta });
      const { logs } = await runEpochs([es], series([1.0, 0.995, 0.99, 0.985]));
      expect(logs).toHaveLength(3);
      expect(es.bestEpoch).toBe(0);
    }
  });

  it("keeps counting while improvements do not beat the baseline", async () => {
    const es = new EarlyStopping({ patience: 2, baseline: 0.5 });
    const { logs } = await runEpochs([es], series([0.9, 0.8, 0.85, 0.1]));
    expect(logs).toHaveLength(3);
    expect([es.stoppedEpoch, es.bestEpoch]).toEqual([2, 1]);
  });

  it("ignores epochs before startFromEpoch", async () => {
    const es = new EarlyStopping({ patience: 1, startFromEpoch: 2 });
    const { logs } = await runEpochs([es], series([0.1, 0.9, 1.0, 1.1, 1.2]));
    expect(logs).toHaveLength(4);
    expect([es.best, es.bestEpoch, es.stoppedEpoch]).toEqual([1.0, 2, 3]);
  });

  it("warns and carries on when the monitored metric is missing", async () => {
    const warn = vi.fn();
    const es = new EarlyStopping({ patience: 0, warn });
    const { logs } = await runEpochs([es], series([1, 2, 3], "loss"));
    expect(logs).toHaveLength(3);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls[0]?.[0]).toMatch(/"val_loss" which is not available\. Available metrics are: loss/);
  });

  it("resets its state on a new fit", async () => {
    const es = new EarlyStopping({ patience: 1 });
    await runEpochs([es], series([0.1, 0.5, 0.6]));
    const { logs } = await runEpochs([es], series([5, 4, 3]));
    expect(logs).toHaveLength(3);
    expect(es.best).toBe(3);
  });

  it("rejects invalid options, quoting them", () => {
    expect(() => new EarlyStopping({ patience: -1 })).toThrow(/patience must be a non-negative integer, received -1/);
    expect(() => new EarlyStopping({ mode: "up" as "min" })).toThrow(/received "up"/);
  });
});
