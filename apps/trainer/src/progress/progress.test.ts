import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { formatConfusionMatrix, formatDuration, formatEpochTable } from "./format";
import { Progress } from "./progress";

function stream(tty: boolean): { s: Writable & { isTTY?: boolean }; text: () => string } {
  const chunks: string[] = [];
  const s = Object.assign(new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c.toString()), done()) }), { isTTY: tty });
  return { s, text: () => chunks.join("") };
}

const record = (epoch: number, durationMs = 2_000) => ({
  epoch,
  phase: "head" as const,
  loss: 0.5,
  accuracy: 0.8,
  valLoss: 0.6,
  valAccuracy: 0.75,
  learningRate: 1e-3,
  durationMs,
  imagesPerSec: 321,
});

describe("Progress", () => {
  it("writes plain throttled lines when not a TTY, with img/s and ETA", () => {
    const out = stream(false);
    let t = 0;
    const p = new Progress({ stream: out.s, label: "run 7", plannedEpochs: 10, now: () => t });
    for (let done = 0; done <= 100; done += 5) {
      t = done * 10;
      p.stage({ stage: "features", done, total: 100 });
    }
    p.epoch(record(1));
    const lines = out.text().trim().split("\n");
    expect(out.text()).not.toContain("\r");
    expect(lines.filter((l) => l.includes("features"))).toHaveLength(5);
    expect(lines.at(-1)).toBe("run 7 · epoch 1/10 head · loss 0.5000 acc 0.8000 val_acc 0.7500 val_loss 0.6000 · 321 img/s · ETA 0:18");
  });

  it("redraws in place on a TTY", () => {
    const out = stream(true);
    const p = new Progress({ stream: out.s, label: "train", plannedEpochs: 4, now: () => 1_000 });
    p.stage({ stage: "features", done: 1, total: 2 });
    p.epoch(record(2));
    expect(out.text().startsWith("\r\x1b[2K[##########..........] train · features 1/2")).toBe(true);
    expect(out.text()).toContain("[##########..........] train · epoch 2/4");
  });
});

describe("format", () => {
  it("formats durations, the epoch table and the confusion matrix", () => {
    expect(formatDuration(65)).toBe("1:05");
    expect(formatDuration(3_725)).toBe("1:02:05");
    expect(formatDuration(Number.NaN)).toBe("--:--");
    const t = formatEpochTable([record(1), { ...record(2), valAccuracy: null, valLoss: null }], 1).split("\n");
    expect(t[0]).toMatch(/^epoch\s+phase\s+loss/);
    expect(t[2]).toMatch(/\*$/);
    expect(t[3]).toMatch(/ - +- /);
    const m = formatConfusionMatrix(
      ["cat", "dog"],
      [
        [5, 1],
        [0, 7],
      ],
    ).split("\n");
    expect(m[2]).toMatch(/c0 cat\s+5\s+1$/);
    expect(m[3]).toMatch(/c1 dog\s+0\s+7$/);
  });
});
