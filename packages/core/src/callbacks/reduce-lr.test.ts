import { describe, expect, it, vi } from "vitest";
import { ReduceLROnPlateau } from "./reduce-lr";
import { FakeContext, runEpochs, series } from "../testing/callback-context";

const flat = (n: number): ReturnType<typeof series> => series(Array(n).fill(1.0));

describe("ReduceLROnPlateau (Keras 3 semantics)", () => {
  it("halves after each plateau epoch without cooldown, logging the rate in force", async () => {
    const cb = new ReduceLROnPlateau({ factor: 0.5, patience: 1 });
    const { ctx, logs } = await runEpochs([cb], flat(6));
    expect(logs.map((l) => l.learning_rate)).toEqual([0.1, 0.1, 0.05, 0.025, 0.0125, 0.00625]);
    expect(ctx.lr).toBeCloseTo(0.003125, 12);
  });

  it("cooldown=2 pauses counting after each reduction", async () => {
    const cb = new ReduceLROnPlateau({ factor: 0.5, patience: 1, cooldown: 2 });
    const { ctx, logs } = await runEpochs([cb], flat(6));
    expect(logs.map((l) => l.learning_rate)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
    expect(ctx.lr).toBeCloseTo(0.0125, 12);
  });

  it("waits `patience` epochs and resets the wait on improvement beyond minDelta", async () => {
    const cb = new ReduceLROnPlateau({ factor: 0.1, patience: 2 });
    // 0.95 improves; 0.94995 is within minDelta (1e-4) so it is no improvement.
    // Waits: e1 → 1, e2 resets, e3 → 1, e4 → 2 = patience: reduce; e5 → 1.
    const { ctx, logs } = await runEpochs([cb], series([1.0, 1.0, 0.95, 0.94995, 1.0, 1.0]));
    expect(ctx.lrSets).toHaveLength(1);
    expect(ctx.lrSets[0]).toBeCloseTo(0.01, 12);
    expect(logs.map((l) => l.learning_rate === 0.1)).toEqual([true, true, true, true, true, false]);
  });

  it("never goes below minLr, and stops reducing once there", async () => {
    const cb = new ReduceLROnPlateau({ factor: 0.1, patience: 1, minLr: 0.005 });
    const { ctx } = await runEpochs([cb], flat(6), new FakeContext(0.01));
    expect(ctx.lrSets).toEqual([0.005]);
    expect(ctx.lr).toBe(0.005);
  });

  it("treats a float32-rounded rate equal to minLr as reached", async () => {
    const cb = new ReduceLROnPlateau({ factor: 0.5, patience: 1, minLr: 0.005 });
    const { ctx } = await runEpochs([cb], flat(4), new FakeContext(Math.fround(0.005)));
    expect(ctx.lrSets).toEqual([]);
  });

  it("infers max mode for val_accuracy: rising accuracy keeps the rate", async () => {
    const cb = new ReduceLROnPlateau({ monitor: "val_accuracy", factor: 0.5, patience: 1 });
    expect(cb.mode).toBe("max");
    const rising = await runEpochs([cb], series([0.5, 0.6, 0.7, 0.8], "val_accuracy"));
    expect(rising.ctx.lrSets).toEqual([]);
    const falling = await runEpochs(
      [new ReduceLROnPlateau({ monitor: "val_accuracy", factor: 0.5, patience: 1 })],
      series([0.8, 0.7], "val_accuracy"),
    );
    expect(falling.ctx.lrSets).toEqual([0.05]);
  });

  it("rejects factor >= 1, quoting it", () => {
    expect(() => new ReduceLROnPlateau({ factor: 1 })).toThrow(/factor must be in \[0, 1\).*received 1$/);
    expect(() => new ReduceLROnPlateau({ factor: 2.5 })).toThrow(/received 2\.5/);
  });

  it("warns on a missing metric but still logs the rate", async () => {
    const warn = vi.fn();
    const { logs, ctx } = await runEpochs([new ReduceLROnPlateau({ patience: 0, warn })], series([1, 1], "loss"));
    expect(warn).toHaveBeenCalledTimes(2);
    expect(logs[1]?.learning_rate).toBe(0.1);
    expect(ctx.lrSets).toEqual([]);
  });
});
