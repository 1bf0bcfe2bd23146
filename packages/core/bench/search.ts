/**
 * The search section: the proof in numbers for the sweep sampler (`@graft/core/search`) on a real
 * objective, the plant-leaves head trained by `train()` on MobileNet v1 0.25's cached features.
 *
 * 1. Features: one 1-epoch warm-up run computes all 720 photos' features into a fresh cache; every
 *    timed run reads them from it (checked: no misses).
 * 2. Grid: every config of the space (`search-space.ts`) trained to the end. Objective of a config:
 *    train()'s `bestValAccuracy` (val accuracy at the lowest val loss epoch), what the API's TPE
 *    sweeps optimise.
 * 3. TPE vs random over 5 seeds: runs until one is within 0.5 points of the grid's best, objectives
 *    looked up in the grid's table (`search-samplers.ts`).
 * 4. Hyperband: every config trained again with the stopping rule in the loop
 *    (`search-hyperband.ts`), twice: in grid order (sorted by value) and in a seeded shuffle (the
 *    order of a GRID sweep with a rule, and of a RANDOM sweep), both interleaved with the full runs step by step, so load
 *    from other jobs on this shared machine falls on all three alike. Total wall time of each, compared.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_HYPERBAND, pointKey, type HyperbandOptions, type SearchPoint } from "../src/search";
import { defaultTrainConfig } from "../src/train/config";
import { train } from "../src/train/train";
import type { TrainHooks } from "../src/types";
import { createRng, shuffled } from "../src/util/random";
import { HyperbandSweep } from "./search-hyperband";
import { medianOf, randomRunsToReach, tpeRunsToReach, TPE_STARTUP_TRIALS, type ObjectiveTable } from "./search-samplers";
import { configOf, describePoint, describeSpace, SEARCH_BASE, SEARCH_SEED, searchSpace, type SearchSpace } from "./search-space";

/** How close to the grid's best counts as reaching it (0.5 points of accuracy). */
export const SEARCH_TOLERANCE = 0.005;
/** Seeds of the TPE and random searches. */
export const SEARCH_SEEDS = [0, 1, 2, 3, 4];
/** Seed of the shuffled order of the real Hyperband sweep in a RANDOM sweep's order. */
export const HYPERBAND_ORDER_SEED = 7;
/** Shuffles replayed on the measured curves (the real one's seed among them). */
export const HYPERBAND_REPLAY_SEEDS = [7, 11, 12, 13, 14];
/** Seeds 0…99 of the same searches on the same table, for how much 5 seeds' medians owe to luck. */
export const MANY_SEEDS = 100;

/** A searcher's runs to reach the grid's best, per seed. */
export interface RunsToReach {
  perSeed: number[];
  median: number;
  /** `median` over the grid's size. */
  fractionOfGrid: number;
  /** The same search with seeds 0…99: median and mean runs. */
  manySeeds: { seeds: number; median: number; mean: number };
}

/** What {@link measureSearch} returns (the JSON's `search`). */
export interface SearchResult {
  quick: boolean;
  space: {
    configs: number;
    knobs: Record<string, unknown[]>;
    epochsPerConfig: number;
    base: string;
    seed: number;
    validationImages: number;
    trainImages: number;
  };
  objective: string;
  features: { warmUpSeconds: number; computed: number; timedRunMisses: number };
  grid: {
    seconds: number;
    /** The part of `seconds` spent in epochs; the rest is each `train()` call's fixed cost. */
    epochSeconds: number;
    /** Mean fixed cost of a run (outside its epochs): listing and hashing the photos, loading the base, reading the cached features, the final evaluation. */
    fixedSecondsPerRun: number;
    epochs: number;
    best: number;
    /** Configs whose objective is within the tolerance of the best. */
    configsAtBest: number;
    bestConfigs: string[];
    /** Every config's objective, in grid order (the space's knobs, the last varying fastest). */
    objectives: (number | null)[];
  };
  tolerance: number;
  seeds: number[];
  tpe: RunsToReach & { startupTrials: number };
  random: RunsToReach;
  hyperband: {
    options: HyperbandOptions;
    rungs: number[][];
    /** The sweep with its runs in grid order, sorted by value (the smallest learning rates of each head first). */
    gridOrder: HyperbandFigures;
    /** The sweep with its runs in a seeded shuffle: the order the API queues a GRID sweep with a rule in, and a RANDOM sweep's. */
    randomOrder: HyperbandFigures & { orderSeed: number };
    /** More shuffles replayed on the measured curves (no training): epochs and the time they imply. */
    replays: { orderSeeds: number[]; epochs: number[]; estimatedSpeedups: number[]; medianEstimatedSpeedup: number };
    /** Whether every Hyperband run's val accuracies equal the first epochs of the same config's full run. */
    sameCurves: boolean;
  };
  targets: {
    tpeAtMost40PercentOfGrid: boolean;
    tpeFewerThanRandom: boolean;
    /** Per order: at least 2× faster than the same runs trained to the end, and its best within the tolerance of the grid's. */
    hyperbandGridOrder: { twiceFaster: boolean; equalBest: boolean };
    hyperbandRandomOrder: { twiceFaster: boolean; equalBest: boolean };
  };
  seconds: number;
}

/** One real Hyperband sweep over every config of the space. */
export interface HyperbandFigures {
  runsPerBracket: number[];
  seconds: number;
  epochSeconds: number;
  /** The grid's seconds over these. */
  speedup: number;
  epochs: number;
  best: number;
  /** Runs stopped at each rung epoch. */
  stoppedAt: Record<string, number>;
  trainedToEnd: number;
  /** Whether a best config of the grid trained to the end in this sweep. */
  bestConfigKept: boolean;
}

interface Run {
  curve: (number | null)[];
  objective: number | null;
  seconds: number;
  /** The epochs' own seconds (training and validation passes), the rest of `seconds` being the run's fixed cost. */
  epochSeconds: number;
  misses: number;
  validationImages: number;
  trainImages: number;
}

async function trainPoint(
  base: { dataDir: string; modelsDir: string; cacheDir: string; groupBy: { manifest: string; column: string } },
  point: SearchPoint,
  epochs: number,
  hooks?: TrainHooks,
): Promise<Run> {
  const started = performance.now();
  const r = await train({ ...base, config: configOf(point, epochs), backend: "wasm", ...(hooks === undefined ? {} : { hooks }) });
  const seconds = (performance.now() - started) / 1000;
  return {
    curve: r.epochs.map((e) => e.valAccuracy),
    objective: r.bestValAccuracy,
    seconds,
    epochSeconds: r.epochs.reduce((s, e) => s + e.durationMs, 0) / 1000,
    misses: r.featureCache.misses,
    validationImages: r.validationCount,
    trainImages: r.trainCount,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const acc = (x: number | null): string => (x === null ? "—" : x.toFixed(4));

/** Mean and best objective per value of each knob: what a bad value costs. */
function costOfValues(space: SearchSpace, objectives: (number | null)[]): string[] {
  return space.dims.map((d) => {
    const parts = d.values.map((v) => {
      const vs = space.points.flatMap((p, i) => (JSON.stringify(p[d.name]) === JSON.stringify(v) ? [objectives[i] ?? 0] : []));
      const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
      return `${JSON.stringify(v)} ${mean.toFixed(3)}/${Math.max(...vs).toFixed(3)}`;
    });
    return `    ${d.name}: ${parts.join("  ")}`;
  });
}

/** Figures of one Hyperband sweep; `configOf[k]` is the grid index of its k-th run. */
function summariseHyperband(
  sweep: HyperbandSweep,
  runs: readonly Run[],
  configOf: readonly number[],
  stopped: readonly (number | null)[],
  grid: { gridSeconds: number; best: number; objectives: readonly (number | null)[] },
): HyperbandFigures {
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const stoppedAt: Record<string, number> = {};
  for (const e of stopped) if (e !== null) stoppedAt[String(e)] = (stoppedAt[String(e)] ?? 0) + 1;
  return {
    runsPerBracket: sweep.rungs().map((_, b) => sweep.runs.filter((r) => r.bracket === b).length),
    seconds,
    epochSeconds: runs.reduce((sum, r) => sum + r.epochSeconds, 0),
    speedup: grid.gridSeconds / seconds,
    epochs: runs.reduce((sum, r) => sum + r.curve.length, 0),
    best: Math.max(...runs.map((r) => r.objective ?? -Infinity)),
    stoppedAt,
    trainedToEnd: stopped.filter((e) => e === null).length,
    bestConfigKept: configOf.some((c, k) => (grid.objectives[c] ?? -Infinity) === grid.best && stopped[k] === null),
  };
}

/**
 * Hyperband sweeps in more shuffled orders, replayed on the grid's curves: the epochs each trains,
 * and the time implied by each config's measured fixed cost and per-epoch time.
 */
function replayOrders(
  points: readonly SearchPoint[],
  grid: readonly Run[],
  hb: HyperbandOptions,
  seeds: readonly number[],
): SearchResult["hyperband"]["replays"] {
  const gridSeconds = grid.reduce((sum, r) => sum + r.seconds, 0);
  const epochs: number[] = [];
  const estimatedSpeedups: number[] = [];
  for (const seed of seeds) {
    const sweep = new HyperbandSweep(hb);
    let trained = 0;
    let seconds = 0;
    for (const i of shuffled(
      points.map((_, k) => k),
      createRng(seed),
    )) {
      const run = grid[i] as Run;
      const e = sweep.replay(pointKey(points[i] as SearchPoint), run.curve);
      trained += e;
      seconds += run.seconds - run.epochSeconds + (run.epochSeconds * e) / run.curve.length;
    }
    epochs.push(trained);
    estimatedSpeedups.push(gridSeconds / seconds);
  }
  return { orderSeeds: [...seeds], epochs, estimatedSpeedups, medianEstimatedSpeedup: medianOf(estimatedSpeedups) };
}

/** Runs the section; `log` gets each line as it is measured. */
export async function measureSearch(
  dataDir: string,
  modelsDir: string,
  options: { quick: boolean },
  log: (line: string) => void,
): Promise<SearchResult> {
  const started = performance.now();
  const space = searchSpace(options.quick);
  const n = space.points.length;
  const E = space.epochs;
  const hb: HyperbandOptions = { ...DEFAULT_HYPERBAND, maxEpochs: E };
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "graft-bench-search-"));
  const base = { dataDir, modelsDir, cacheDir, groupBy: { manifest: path.join(dataDir, "manifest.csv"), column: "leaf_group" } };
  log(
    `search: TPE and Hyperband on ${n} head configs of plant-leaves (${SEARCH_BASE} features, leaf-group split, seed ${SEARCH_SEED}), ${E} epochs each${
      options.quick
        ? ` (--quick: a smaller space and fewer epochs than the full section's ${searchSpace(false).points.length} configs × ${searchSpace(false).epochs} epochs)`
        : ""
    }`,
  );
  log(`  space: ${describeSpace(space)}; no early stopping, no LR schedule`);
  try {
    const w0 = performance.now();
    const warm = await train({
      ...base,
      config: defaultTrainConfig({ baseModel: SEARCH_BASE, epochs: 1, seed: SEARCH_SEED }),
      backend: "wasm",
    });
    const warmUpSeconds = (performance.now() - w0) / 1000;
    log(
      `  features: ${warm.featureCache.misses} computed once by a 1-epoch warm-up run in ${warmUpSeconds.toFixed(1)} s (not timed below)`,
    );

    // Grid and two Hyperband sweeps, step by step: config i to the end, config i under the stopping
    // rule (grid order), then config order[i] under the rule (a RANDOM sweep's order), so load from
    // other jobs on this shared machine falls on all three alike.
    const order = shuffled(
      space.points.map((_, i) => i),
      createRng(HYPERBAND_ORDER_SEED),
    );
    const sweepGrid = new HyperbandSweep(hb);
    const sweepRandom = new HyperbandSweep(hb);
    const grid: Run[] = [];
    const hyper: Run[] = [];
    const hyperRandom: Run[] = [];
    const stoppedRuns: (number | null)[] = [];
    const stoppedRandom: (number | null)[] = [];
    let lastLog = performance.now();
    const total = (rs: readonly Run[]): number => rs.reduce((sum, r) => sum + r.seconds, 0);
    for (const [i, point] of space.points.entries()) {
      grid.push(await trainPoint(base, point, E));
      const g = sweepGrid.start(pointKey(point));
      hyper.push(await trainPoint(base, point, E, g.hooks));
      stoppedRuns.push(g.run.stoppedAt);
      const shuffledPoint = space.points[order[i] as number] as SearchPoint;
      const r = sweepRandom.start(pointKey(shuffledPoint));
      hyperRandom.push(await trainPoint(base, shuffledPoint, E, r.hooks));
      stoppedRandom.push(r.run.stoppedAt);
      if (performance.now() - lastLog > 60_000 || i === n - 1) {
        lastLog = performance.now();
        log(
          `  ${i + 1}/${n} configs: grid ${total(grid).toFixed(1)} s, Hyperband in grid order ${total(hyper).toFixed(1)} s, in a shuffled order ${total(hyperRandom).toFixed(1)} s`,
        );
      }
    }
    const misses = [...grid, ...hyper, ...hyperRandom].reduce((s, r) => s + r.misses, 0);
    const objectives = grid.map((r) => r.objective);
    const best = Math.max(...objectives.map((v) => v ?? -Infinity));
    const target = best - SEARCH_TOLERANCE;
    const atBest = space.points.filter((_, i) => (objectives[i] ?? -Infinity) >= target);
    const gridSeconds = grid.reduce((s, r) => s + r.seconds, 0);
    const gridEpochSeconds = grid.reduce((s, r) => s + r.epochSeconds, 0);
    const fixedPerRun = (gridSeconds - gridEpochSeconds) / n;
    const valImages = grid[0]?.validationImages ?? 0;
    const sameCurves =
      hyper.every((h, i) => h.curve.every((v, e) => v === grid[i]?.curve[e])) &&
      hyperRandom.every((h, i) => h.curve.every((v, e) => v === grid[order[i] as number]?.curve[e]));
    log(
      `  grid: ${n} runs × ${E} epochs in ${gridSeconds.toFixed(1)} s (epochs ${gridEpochSeconds.toFixed(1)} s, the rest ${fixedPerRun.toFixed(2)} s per run: listing and hashing the photos, loading the base, reading the cached features, evaluating); best ${acc(best)} (objective: train()'s bestValAccuracy, the val accuracy at the lowest val loss, ${valImages} validation images), reached by ${atBest.length} config(s): ${atBest
        .slice(0, 4)
        .map(describePoint)
        .join("; ")}${atBest.length > 4 ? "; …" : ""}`,
    );
    log(`  mean/best objective per value (what a bad value costs):`);
    for (const line of costOfValues(space, objectives)) log(line);

    // TPE vs random.
    const table: ObjectiveTable = new Map(space.points.map((p, i) => [pointKey(p), objectives[i] ?? null]));
    const seeds = Array.from({ length: MANY_SEEDS }, (_, s) => s);
    const tpeAll = seeds.map((s) => tpeRunsToReach(space.dims, table, target, s));
    const randomAll = seeds.map((s) => randomRunsToReach(space.points, table, target, s));
    const tpe = SEARCH_SEEDS.map((s) => tpeAll[s] as number);
    const random = SEARCH_SEEDS.map((s) => randomAll[s] as number);
    const tpeMedian = medianOf(tpe);
    const randomMedian = medianOf(random);
    const many = (xs: number[]): RunsToReach["manySeeds"] => ({
      seeds: xs.length,
      median: medianOf(xs),
      mean: xs.reduce((a, b) => a + b, 0) / xs.length,
    });
    log(
      `  TPE (${TPE_STARTUP_TRIALS} random start-up trials) vs random order without replacement: runs until one is within ${
        SEARCH_TOLERANCE * 100
      } points of the grid's best (≥ ${acc(target)}${valImages > 0 && 1 / valImages > SEARCH_TOLERANCE ? `; one validation image is ${((100 * 1) / valImages).toFixed(2)} points, so this means reaching the best` : ""}); each run's objective looked up in the grid's table (same config, same seeds, same result: the Hyperband reruns below ${sameCurves ? "repeated every grid curve exactly" : "did NOT all repeat the grid's curves"})`,
    );
    log(`    seed      ${SEARCH_SEEDS.map((s) => String(s).padStart(5)).join("")}   median   of ${n}`);
    log(`    TPE       ${tpe.map((c) => String(c).padStart(5)).join("")}   ${String(tpeMedian).padStart(6)}   ${pct(tpeMedian / n)}`);
    log(
      `    random    ${random.map((c) => String(c).padStart(5)).join("")}   ${String(randomMedian).padStart(6)}   ${pct(randomMedian / n)}`,
    );
    log(
      `    seeds 0–${MANY_SEEDS - 1}: TPE median ${many(tpeAll).median} (mean ${many(tpeAll).mean.toFixed(1)}), random median ${many(randomAll).median} (mean ${many(randomAll).mean.toFixed(1)})`,
    );
    log(
      `    (a uniform random order needs (N + 1) / (k + 1) = ${((n + 1) / (atBest.length + 1)).toFixed(1)} runs on average with k = ${atBest.length} of N = ${n} at the best)`,
    );
    const tpeTarget40 = tpeMedian <= 0.4 * n;
    const tpeTargetRandom = tpeMedian < randomMedian;
    log(
      `    target: TPE median ≤ 40% of the grid (${(0.4 * n).toFixed(0)} runs): ${tpeTarget40 ? "held" : "NOT held"}; fewer runs than random: ${tpeTargetRandom ? "held" : "NOT held"}`,
    );

    // Hyperband.
    const rungs = sweepGrid.rungs();
    log(
      `  Hyperband (eta ${hb.eta}, first rung at epoch ${hb.minEpoch}, ${E} epochs max): brackets' rungs ${rungs.map((r, b) => `${b}: [${r.join(", ")}]`).join(", ")}; every config trained again under the rule, vs the same runs trained to the end in ${gridSeconds.toFixed(1)} s (${n * E} epochs, ${gridEpochSeconds.toFixed(1)} s in epochs)`,
    );
    const figures = (
      label: string,
      sweep: HyperbandSweep,
      runs: readonly Run[],
      configOf: readonly number[],
      stopped: readonly (number | null)[],
    ) => {
      const f = summariseHyperband(sweep, runs, configOf, stopped, { gridSeconds, best, objectives });
      log(
        `    ${label}: ${n} runs in ${f.seconds.toFixed(1)} s (${f.epochs} epochs, ${f.epochSeconds.toFixed(1)} s in epochs): ×${f.speedup.toFixed(2)} (×${(gridEpochSeconds / f.epochSeconds).toFixed(2)} in epoch time alone); runs per bracket ${f.runsPerBracket.join(" / ")}; stopped at ${Object.entries(
          f.stoppedAt,
        )
          .map(([e, c]) => `epoch ${e}: ${c}`)
          .join(
            ", ",
          )}; trained to the end: ${f.trainedToEnd}; best ${acc(f.best)} vs the grid's ${acc(best)}${f.bestConfigKept ? " (a best config of the grid trained to the end)" : ""}`,
      );
      const twiceFaster = f.speedup >= 2;
      const equalBest = f.best >= best - SEARCH_TOLERANCE;
      log(
        `      target ≥ 2× faster at equal best accuracy (within ${SEARCH_TOLERANCE * 100} points): ${twiceFaster && equalBest ? "held" : "NOT held"}${twiceFaster ? "" : ` (×${f.speedup.toFixed(2)})`}${equalBest ? "" : " (lower best)"}`,
      );
      return { f, target: { twiceFaster, equalBest } };
    };
    const inGridOrder = figures(
      "in grid order (sorted by value)",
      sweepGrid,
      hyper,
      space.points.map((_, i) => i),
      stoppedRuns,
    );
    const inRandomOrder = figures(
      `in a shuffled order (seed ${HYPERBAND_ORDER_SEED}; the API queues a GRID sweep with a rule shuffled, and a RANDOM sweep is)`,
      sweepRandom,
      hyperRandom,
      order,
      stoppedRandom,
    );
    const replays = replayOrders(space.points, grid, hb, HYPERBAND_REPLAY_SEEDS);
    log(
      `    replayed on the measured curves (no training) in shuffles ${HYPERBAND_REPLAY_SEEDS.join(", ")}: ${replays.epochs.join(" / ")} epochs, implying ×${replays.estimatedSpeedups.map((x) => x.toFixed(2)).join(" / ")} (median ×${replays.medianEstimatedSpeedup.toFixed(2)}; each run's fixed cost and per-epoch time as measured in the grid)`,
    );
    if (misses > 0) log(`  WARNING: the timed runs computed ${misses} features (the cache should have had them all)`);

    return {
      quick: space.quick,
      space: {
        configs: n,
        knobs: Object.fromEntries(space.dims.map((d) => [d.name, [...d.values]])),
        epochsPerConfig: E,
        base: SEARCH_BASE,
        seed: SEARCH_SEED,
        validationImages: valImages,
        trainImages: grid[0]?.trainImages ?? 0,
      },
      objective: "train()'s bestValAccuracy: the val accuracy of the epoch with the lowest val loss (the API's TPE objective)",
      features: { warmUpSeconds, computed: warm.featureCache.misses, timedRunMisses: misses },
      grid: {
        seconds: gridSeconds,
        epochSeconds: gridEpochSeconds,
        fixedSecondsPerRun: fixedPerRun,
        epochs: n * E,
        best,
        configsAtBest: atBest.length,
        bestConfigs: atBest.map(describePoint),
        objectives,
      },
      tolerance: SEARCH_TOLERANCE,
      seeds: SEARCH_SEEDS,
      tpe: { perSeed: tpe, median: tpeMedian, fractionOfGrid: tpeMedian / n, manySeeds: many(tpeAll), startupTrials: TPE_STARTUP_TRIALS },
      random: { perSeed: random, median: randomMedian, fractionOfGrid: randomMedian / n, manySeeds: many(randomAll) },
      hyperband: {
        options: hb,
        rungs,
        gridOrder: inGridOrder.f,
        randomOrder: { ...inRandomOrder.f, orderSeed: HYPERBAND_ORDER_SEED },
        replays,
        sameCurves,
      },
      targets: {
        tpeAtMost40PercentOfGrid: tpeTarget40,
        tpeFewerThanRandom: tpeTargetRandom,
        hyperbandGridOrder: inGridOrder.target,
        hyperbandRandomOrder: inRandomOrder.target,
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
