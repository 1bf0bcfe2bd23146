import { describe, expect, it, vi } from "vitest";
import { BadInputError } from "../errors";
import type { EpochLogs } from "./callback";
import { EarlyStopping } from "./early-stopping";
import { ModelCheckpoint } from "./model-checkpoint";
import { knownDirection, resolveMode, type MonitorDirection, type MonitorMode } from "./monitor";
import { MonitorCallback, type MonitorCallbackOptions } from "./monitor-callback";
import { ReduceLROnPlateau } from "./reduce-lr";
import { runEpochs, series } from "../testing/callback-context";

/** The base alone: its rules without any subclass's own. */
class Probe extends MonitorCallback {
  constructor(options: MonitorCallbackOptions = {}) {
    super("Probe", "Probing", options);
  }

  read(logs: EpochLogs | undefined): number | null {
    return this.readMonitor(logs);
  }

  reset(): void {
    this.resetBest();
  }
}

const KNOWN: [monitor: string, auto: MonitorDirection][] = [
  ["loss", "min"],
  ["val_loss", "min"],
  ["accuracy", "max"],
  ["val_accuracy", "max"],
  ["acc", "max"],
  ["val_acc", "max"],
];

describe("mode resolution", () => {
  describe.each(KNOWN)("%s", (monitor, auto) => {
    it.each<[MonitorMode, MonitorDirection]>([
      ["min", "min"],
      ["max", "max"],
      ["auto", auto],
    ])("mode %s resolves to %s", (mode, expected) => {
      expect(resolveMode(monitor, mode)).toBe(expected);
      expect(new Probe({ monitor, mode }).mode).toBe(expected);
    });
  });

  it("defaults to val_loss in auto mode, i.e. min", () => {
    const probe = new Probe();
    expect([probe.monitor, probe.mode, probe.best]).toEqual(["val_loss", "min", Infinity]);
  });

  // Names the old rule guessed from a substring ("acc" → max, else min): now each is refused.
  it.each(["val_acc_drop", "top_k_accuracy_loss", "precision", "val_auc", "lr", "learning_rate", "val_val_loss", "Loss", "accuracy "])(
    "refuses auto for the unknown metric %j, quoting it and naming the fix",
    (monitor) => {
      const make = (): Probe => new Probe({ monitor });
      expect(make).toThrow(BadInputError);
      expect(make).toThrow(`Probe cannot tell whether monitor "${monitor}" should be minimised or maximised`);
      expect(make).toThrow(/pass mode "min" or "max"$/);
      expect(knownDirection(monitor)).toBeNull();
    },
  );

  it("accepts an unknown metric once the direction is given", () => {
    expect(new Probe({ monitor: "val_auc", mode: "max" }).mode).toBe("max");
    expect(new Probe({ monitor: "val_mae", mode: "min" }).mode).toBe("min");
  });

  it.each<[unknown, string]>([
    ["up", 'received "up"'],
    ["MIN", 'received "MIN"'],
    ["", 'received ""'],
    [1, "received 1"],
  ])("refuses the mode %j, quoting it", (mode, quoted) => {
    const make = (): Probe => new Probe({ monitor: "val_loss", mode: mode as MonitorMode });
    expect(make).toThrow(BadInputError);
    expect(make).toThrow(`Probe mode must be "auto", "min" or "max", ${quoted}`);
  });

  it("does not read the table's prototype as metric names", () => {
    expect(knownDirection("toString")).toBeNull();
    expect(knownDirection("val_constructor")).toBeNull();
  });

  it.each<[unknown, string]>([
    ["", 'received ""'],
    ["  ", 'received "  "'],
    [42, "received 42"],
  ])("refuses the monitor %j", (monitor, quoted) => {
    expect(() => new Probe({ monitor: monitor as string, mode: "min" })).toThrow(`Probe monitor must be a non-empty string, ${quoted}`);
  });

  it("names each callback in its errors", () => {
    expect(() => new EarlyStopping({ monitor: "f1" })).toThrow(/^EarlyStopping cannot tell whether monitor "f1"/);
    expect(() => new ReduceLROnPlateau({ monitor: "f1" })).toThrow(/^ReduceLROnPlateau cannot tell whether monitor "f1"/);
    expect(() => new ModelCheckpoint({ dir: "out", monitor: "f1" })).toThrow(/^ModelCheckpoint cannot tell whether monitor "f1"/);
    expect(() => new ModelCheckpoint({ dir: "out", mode: "down" as MonitorMode })).toThrow(
      /^ModelCheckpoint mode must be .*received "down"/,
    );
  });
});

describe("isImprovement", () => {
  // [mode, minDelta, current, reference, improvement]
  it.each<[MonitorDirection, number, number, number, boolean]>([
    ["min", 0, 0.9, 1, true],
    ["min", 0, 1, 1, false],
    ["min", 0, 1.1, 1, false],
    ["min", 0.1, 0.95, 1, false],
    ["min", 0.1, 0.85, 1, true],
    ["min", -0.1, 0.95, 1, false],
    ["min", -0.1, 0.85, 1, true],
    ["max", 0, 1.1, 1, true],
    ["max", 0, 1, 1, false],
    ["max", 0, 0.9, 1, false],
    ["max", 0.1, 1.05, 1, false],
    ["max", 0.1, 1.15, 1, true],
    ["max", -0.1, 1.05, 1, false],
    ["max", -0.1, 1.15, 1, true],
    ["min", 0, Number.NaN, 1, false],
    ["max", 0, Number.NaN, 1, false],
    ["min", 0, 1e9, Infinity, true],
    ["max", 0, -1e9, -Infinity, true],
  ])("%s mode, minDelta %d: %d against %d is %s", (mode, minDelta, current, reference, expected) => {
    expect(new Probe({ monitor: "score", mode, minDelta }).isImprovement(current, reference)).toBe(expected);
  });

  it("keeps minDelta as a size, whatever sign it was given", () => {
    expect(new Probe({ minDelta: -0.25 }).minDelta).toBe(0.25);
    expect(new Probe({ minDelta: 0.25 }).minDelta).toBe(0.25);
    expect(() => new Probe({ minDelta: Number.NaN })).toThrow(/Probe minDelta must be a finite number, received NaN/);
    expect(() => new Probe({ minDelta: Infinity })).toThrow(/received Infinity/);
  });
});

describe("best and its starting value", () => {
  it.each<[MonitorDirection, number | null | undefined, number]>([
    ["min", undefined, Infinity],
    ["max", undefined, -Infinity],
    ["min", null, Infinity],
    ["max", null, -Infinity],
    ["min", 0.5, 0.5],
    ["max", 0.8, 0.8],
  ])("%s mode with initialBest %s starts from %d, and resetBest returns there", (mode, initialBest, expected) => {
    const probe = new Probe({ monitor: "score", mode, ...(initialBest === undefined ? {} : { initialBest }) });
    expect(probe.best).toBe(expected);
    probe.best = 0.1234;
    probe.reset();
    expect(probe.best).toBe(expected);
  });

  it("measures against the initial best like any other best", () => {
    const probe = new Probe({ monitor: "val_loss", initialBest: 0.5 });
    expect(probe.isImprovement(0.6, probe.best)).toBe(false);
    expect(probe.isImprovement(0.4, probe.best)).toBe(true);
  });

  it("refuses a non-finite initialBest", () => {
    expect(() => new Probe({ initialBest: Number.NaN })).toThrow(/Probe initialBest must be a finite number or null, received NaN/);
  });
});

describe("reading the monitored value", () => {
  it.each<[string, EpochLogs | undefined]>([
    ["missing", { loss: 1 }],
    ["null", { loss: 1, val_loss: null }],
    ["NaN", { loss: 1, val_loss: Number.NaN }],
    ["no logs", undefined],
  ])("warns and returns null when it is %s", (_case, logs) => {
    const warn = vi.fn();
    expect(new Probe({ warn }).read(logs)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      `Probing is conditioned on metric "val_loss" which is not available. Available metrics are: ${Object.keys(logs ?? {}).join(",")}`,
    );
  });

  it("returns a present value without warning, infinities included", () => {
    const warn = vi.fn();
    const probe = new Probe({ warn });
    expect(probe.read({ val_loss: 0.25 })).toBe(0.25);
    expect(probe.read({ val_loss: Infinity })).toBe(Infinity);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("the callbacks share the base", () => {
  it("EarlyStopping, ReduceLROnPlateau and ModelCheckpoint are MonitorCallbacks", () => {
    expect(new EarlyStopping()).toBeInstanceOf(MonitorCallback);
    expect(new ReduceLROnPlateau()).toBeInstanceOf(MonitorCallback);
    expect(new ModelCheckpoint({ dir: "out" })).toBeInstanceOf(MonitorCallback);
  });

  it("ReduceLROnPlateau keeps Keras' 1e-4 minDelta default, the others 0", () => {
    expect(new ReduceLROnPlateau().minDelta).toBe(1e-4);
    expect(new EarlyStopping().minDelta).toBe(0);
    expect(new ModelCheckpoint({ dir: "out" }).minDelta).toBe(0);
  });

  it("EarlyStopping's baseline is a second bar, not where best starts", async () => {
    const es = new EarlyStopping({ patience: 1, baseline: 0.5 });
    expect(es.best).toBe(Infinity);
    await runEpochs([es], series([0.9, 0.8]));
    expect(es.best).toBe(0.8);
  });

  it("ReduceLROnPlateau takes minDelta's size, whatever its sign", async () => {
    // 0.99995 is within 1e-4 of 1.0 either way, so both plateau and reduce at the second epoch.
    for (const minDelta of [1e-4, -1e-4]) {
      const { ctx } = await runEpochs([new ReduceLROnPlateau({ patience: 1, factor: 0.5, minDelta })], series([1.0, 0.99995]));
      expect(ctx.lrSets).toEqual([0.05]);
    }
  });
});
