import { describe, expect, it } from "vitest";
import { createRng } from "../util/random";
import { fanovaImportance, type ParameterEffect } from "./fanova";
import { type SearchDimension, type SearchPoint } from "./space";

const lr: SearchDimension = { name: "lr", kind: "numeric", log: true, values: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1] };
const batch: SearchDimension = { name: "batch", kind: "numeric", values: [16, 32, 64, 128] };
const dropout: SearchDimension = { name: "dropout", kind: "numeric", values: [0, 0.1, 0.2, 0.3, 0.5] };
const model: SearchDimension = { name: "model", kind: "categorical", values: ["mobilenet", "resnet50", "efficientnet", "vgg16"] };
const head: SearchDimension = { name: "head", kind: "categorical", values: [[64], [64, 32], [128, 64], [256]] };

/** `n` trials at random points of `dims`, scored by `objective` plus uniform noise of ±`noise`. */
function randomTrials(dims: readonly SearchDimension[], n: number, objective: (p: SearchPoint) => number, noise: number, seed = 1) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const point: SearchPoint = {};
    for (const d of dims) point[d.name] = d.values[Math.floor(rng() * d.values.length)];
    return { point, value: objective(point) + noise * (2 * rng() - 1) };
  });
}

const byName = (effects: readonly ParameterEffect[], name: string): ParameterEffect => {
  const e = effects.find((x) => x.parameter === name);
  if (!e) throw new Error(`no effect for ${name}`);
  return e;
};

describe("fanova importance", () => {
  it("gives a knob the objective depends on alone nearly all the importance, with a monotone marginal", () => {
    const dims = [lr, batch, dropout, model];
    // Accuracy climbs with the learning rate's exponent; nothing else matters.
    const trials = randomTrials(dims, 150, (p) => 0.5 + 0.1 * Math.log10(p.lr as number), 0.002);
    const effects = fanovaImportance(dims, trials, { seed: 7 });
    expect(effects.map((e) => e.parameter)[0]).toBe("lr");
    expect(byName(effects, "lr").importance).toBeGreaterThan(0.8);
    for (const name of ["batch", "dropout", "model"]) expect(byName(effects, name).importance).toBeLessThan(0.1);
    const means = byName(effects, "lr").marginal.map((m) => m.mean);
    expect(byName(effects, "lr").marginal.map((m) => m.value)).toEqual(lr.values);
    for (let i = 1; i < means.length; i++) expect(means[i]!).toBeGreaterThan(means[i - 1]!);
    // The marginal spans roughly the objective's range (0.0 .. 0.4 over lr 1e-5 .. 1e-1).
    expect(means[means.length - 1]! - means[0]!).toBeGreaterThan(0.3);
    expect(byName(effects, "lr").marginal.reduce((s, m) => s + m.trials, 0)).toBe(150);
  });

  it("ranks first a categorical knob with one much better value, whose marginal is highest", () => {
    const dims = [lr, batch, model];
    const trials = randomTrials(dims, 120, (p) => (p.model === "efficientnet" ? 0.9 : 0.6) + 0.01 * Math.log10(p.lr as number), 0.01, 3);
    const effects = fanovaImportance(dims, trials, { seed: 1 });
    expect(effects[0]!.parameter).toBe("model");
    const marginal = byName(effects, "model").marginal;
    const best = marginal.reduce((a, b) => (b.mean > a.mean ? b : a));
    expect(best.value).toBe("efficientnet");
    expect(best.mean).toBeGreaterThan(0.8);
  });

  it("splits the variance of an additive objective by its effects' variances (9:1 → 0.9 / 0.1)", () => {
    const a: SearchDimension = { name: "a", kind: "numeric", values: [0, 1, 2, 3] };
    const b: SearchDimension = { name: "b", kind: "numeric", values: [0, 1, 2, 3] };
    const trials: { point: SearchPoint; value: number }[] = [];
    // Full grid, each point thrice so that bootstraps rarely lose one; no noise.
    for (let rep = 0; rep < 3; rep++)
      for (const va of a.values)
        for (const vb of b.values) trials.push({ point: { a: va, b: vb }, value: 3 * (va as number) + (vb as number) });
    const effects = fanovaImportance([a, b], trials, { seed: 11 });
    expect(effects.map((e) => e.parameter)).toEqual(["a", "b"]);
    expect(Math.abs(byName(effects, "a").importance - 0.9)).toBeLessThan(0.08);
    expect(Math.abs(byName(effects, "b").importance - 0.1)).toBeLessThan(0.08);
  });

  it("is deterministic for a seed, and depends on it", () => {
    const dims = [lr, batch, dropout];
    const trials = randomTrials(dims, 60, (p) => Math.log10(p.lr as number) + (p.batch as number) / 64, 0.3, 5);
    const one = fanovaImportance(dims, trials, { seed: 42 });
    expect(fanovaImportance(dims, trials, { seed: 42 })).toEqual(one);
    expect(fanovaImportance(dims, trials, { seed: 43 })).not.toEqual(one);
  });

  it("returns [] for fewer than 3 trials or when no knob varies", () => {
    const trials = randomTrials([lr, model], 2, () => 0.5, 0);
    expect(fanovaImportance([lr, model], trials, { seed: 1 })).toEqual([]);
    const same = [1, 2, 3, 4].map((v) => ({ point: { lr: 1e-3, model: "resnet50" }, value: v }));
    expect(fanovaImportance([lr, model], same, { seed: 1 })).toEqual([]);
    // Non-finite values do not count as trials.
    const withNaN = [0.1, 0.2, Number.NaN, Number.NaN].map((value, i) => ({ point: { lr: lr.values[i], model: "resnet50" }, value }));
    expect(fanovaImportance([lr, model], withNaN, { seed: 1 })).toEqual([]);
  });

  it("leaves out a knob constant among the trials, and reports listed values no trial has with trials: 0", () => {
    const dims = [lr, batch, model];
    const trials = randomTrials(dims, 40, (p) => 0.1 * Math.log10(p.lr as number), 0.01, 9).map((t) => ({
      ...t,
      point: { ...t.point, model: "resnet50", batch: t.point.batch === 128 ? 64 : t.point.batch },
    }));
    const effects = fanovaImportance(dims, trials, { seed: 2 });
    expect(effects.map((e) => e.parameter).sort()).toEqual(["batch", "lr"]);
    const batchMarginal = byName(effects, "batch").marginal;
    expect(batchMarginal.map((m) => m.value)).toEqual([16, 32, 64, 128]);
    expect(batchMarginal[3]!.trials).toBe(0);
    expect(Number.isFinite(batchMarginal[3]!.mean)).toBe(true);
  });

  it("takes arrays as categorical values, matched by content", () => {
    const dims = [head, dropout];
    const trials = randomTrials(dims, 80, (p) => (JSON.stringify(p.head) === "[128,64]" ? 1 : 0), 0.01, 4).map((t) => ({
      // Fresh arrays: values must match by content, not identity.
      ...t,
      point: { ...t.point, head: [...(t.point.head as number[])] },
    }));
    const effects = fanovaImportance(dims, trials, { seed: 3 });
    expect(effects[0]!.parameter).toBe("head");
    expect(effects[0]!.importance).toBeGreaterThan(0.8);
    const best = effects[0]!.marginal.reduce((a, b) => (b.mean > a.mean ? b : a));
    expect(best.value).toEqual([128, 64]);
    expect(effects[0]!.marginal.reduce((s, m) => s + m.trials, 0)).toBe(80);
  });

  it("keeps importances in 0..1 and marginals within the objective's range on a sampled large space", () => {
    const dims = [lr, batch, dropout, model, head];
    const trials = randomTrials(dims, 100, (p) => Math.log10(p.lr as number) * (p.dropout as number), 0.05, 6);
    // 5 · 4 · 5 · 4 · 4 = 1600 points > 500: the space is sampled.
    const effects = fanovaImportance(dims, trials, { seed: 8, gridSample: 500 });
    const lo = Math.min(...trials.map((t) => t.value));
    const hi = Math.max(...trials.map((t) => t.value));
    for (const e of effects) {
      expect(e.importance).toBeGreaterThanOrEqual(0);
      expect(e.importance).toBeLessThanOrEqual(1);
      for (const m of e.marginal) {
        expect(m.mean).toBeGreaterThanOrEqual(lo);
        expect(m.mean).toBeLessThanOrEqual(hi);
      }
    }
    expect(effects.map((e) => e.importance)).toEqual([...effects.map((e) => e.importance)].sort((x, y) => y - x));
    expect(new Set(effects.slice(0, 2).map((e) => e.parameter))).toEqual(new Set(["lr", "dropout"]));
  });

  it("estimates on a sampled space what the full space gives", () => {
    const dims = [lr, batch, model];
    const trials = randomTrials(dims, 90, (p) => Math.log10(p.lr as number) + (p.model === "vgg16" ? -2 : 0), 0.2, 10);
    // 5 · 4 · 4 = 80 points: all of them by default, a sample of 60 (with values fixed in turn)
    // otherwise. The sample's total variance carries chance cross-terms between knobs (~10% at 60
    // points, ~2% at the default 2000), hence the tolerance.
    const full = fanovaImportance(dims, trials, { seed: 4 });
    const sampled = fanovaImportance(dims, trials, { seed: 4, gridSample: 60 });
    for (const e of full) {
      expect(Math.abs(byName(sampled, e.parameter).importance - e.importance)).toBeLessThan(0.1);
      e.marginal.forEach((m, i) => expect(Math.abs(byName(sampled, e.parameter).marginal[i]!.mean - m.mean)).toBeLessThan(0.15));
    }
  });

  it("handles 300 trials × 6 knobs × 32 trees in under a second", () => {
    const extra: SearchDimension = { name: "wd", kind: "numeric", log: true, values: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 3, 10] };
    const dims = [lr, batch, dropout, model, head, extra];
    const trials = randomTrials(
      dims,
      300,
      (p) => Math.log10(p.lr as number) + (p.model === "resnet50" ? 1 : 0) - (p.dropout as number),
      0.1,
      12,
    );
    const start = performance.now();
    const effects = fanovaImportance(dims, trials, { seed: 1 });
    const ms = performance.now() - start;
    console.log(`fanova: 300 trials × 6 dims × 32 trees in ${ms.toFixed(1)} ms`);
    expect(effects).toHaveLength(6);
    // 4 · 4 · 5 · 4 · 4 · 9 = 11520 points > 2000, so this also runs the sampled path.
    expect(new Set(effects.slice(0, 3).map((e) => e.parameter))).toEqual(new Set(["lr", "model", "dropout"]));
    expect(ms).toBeLessThan(1000);
  });
});
