/**
 * "Is the difference real?" with a real agent: a GRID sweep over two learning rates with
 * `repeats: 3` gives 6 runs, all evaluated on one validation set (the sweep's split seed, with a
 * different training seed per repeat). The flow proves that:
 * - `Sweep.groups` holds the two configurations, 3 runs each, and its bestValAccuracy mean and
 *   sample std are the ones computed here from the member runs;
 * - `pairedComparison` of runs from the two groups counts as flips exactly the images whose
 *   correctness differs between the two runs' stored predictions, and `groupComparison` of the
 *   groups answers with the group means and spreads of the runs' accuracies;
 * - each run's per-epoch matrix of its evaluated epoch is the evaluation's matrix (the same weights);
 * - `evaluateRun` on a second dataset (other photos of the same classes) is picked up by the same,
 *   now idle, agent and scores every photo with the run's labels.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  copySubset,
  plantLeavesDir,
  sharedAssetsMissing,
  startAgentProcess,
  startApi,
  waitFor,
  type DatasetSubset,
  type ManagedProcess,
  type RunningApi,
} from "../support";
import { CREATE_EXPERIMENT, CREATE_SWEEP, REGISTER_DATASET, SWEEP_PROGRESS } from "./queries";

const missing = sharedAssetsMissing();
if (missing) console.warn(`skipping seed groups flow: ${missing}`);

/** Everything this flow reads about a finished run. */
const SEED_RUN = `query ($id: ID!) { run(id: $id) {
  id status error bestEpoch bestValAccuracy
  hyperparameters { seed splitSeed learningRate headUnits }
  evaluation { evaluatedEpoch accuracy labels confusionMatrix }
  epochs { epoch confusionMatrix }
  predictions(first: 500) { labels totalCount nodes { file trueLabel predictedLabel } }
} }`;

interface SeedRun {
  id: string;
  status: string;
  error: string | null;
  bestEpoch: number | null;
  bestValAccuracy: number | null;
  hyperparameters: { seed: number; splitSeed: number | null; learningRate: number; headUnits: number[] };
  evaluation: { evaluatedEpoch: number | null; accuracy: number; labels: string[]; confusionMatrix: number[][] } | null;
  epochs: { epoch: number; confusionMatrix: number[][] | null }[];
  predictions: {
    labels: string[];
    totalCount: number;
    nodes: { file: string; trueLabel: string; predictedLabel: string }[];
  } | null;
}

const SWEEP_GROUPS = `query ($id: ID!) { sweep(id: $id) { repeats groups { key runIds n metrics { name mean std n } } } }`;

interface RunGroup {
  key: string;
  runIds: string[];
  n: number;
  metrics: { name: string; mean: number | null; std: number | null; n: number }[];
}

const PAIRED = `query ($a: ID!, $b: ID!) { pairedComparison(a: $a, b: $b) {
  sameValidationSet method flips { file rightRunId } onlyARight onlyBRight mcnemarPValue accuracyA accuracyB
} }`;

interface Paired {
  sameValidationSet: boolean;
  method: string;
  flips: { file: string; rightRunId: string }[];
  /** Null when unpaired. */
  onlyARight: number | null;
  onlyBRight: number | null;
  mcnemarPValue: number | null;
  accuracyA: number;
  accuracyB: number;
}

const GROUPED = `query ($a: [ID!]!, $b: [ID!]!) { groupComparison(a: $a, b: $b) {
  a b images accuracyA accuracyB stdA stdB accuracyDifference ci95Low ci95High bootstrapResamples
} }`;

interface Grouped {
  a: string[];
  b: string[];
  images: number;
  accuracyA: number;
  accuracyB: number;
  stdA: number | null;
  stdB: number | null;
  accuracyDifference: number;
  ci95Low: number;
  ci95High: number;
  bootstrapResamples: number;
}

const TEST_SETS = `query ($id: ID!) { run(id: $id) {
  testSetEvaluations { status error accuracy labels confusionMatrix dataset { name } }
} }`;

interface TestSets {
  run: {
    testSetEvaluations: {
      status: string;
      error: string | null;
      accuracy: number | null;
      labels: string[] | null;
      confusionMatrix: number[][] | null;
      dataset: { name: string } | null;
    }[];
  };
}

const total = (matrix: readonly (readonly number[])[]): number => matrix.flat().reduce((s, x) => s + x, 0);

/** Mean and sample standard deviation (n − 1), computed independently of the API's. */
function meanStd(xs: readonly number[]): { mean: number; std: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { mean, std: Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1)) };
}

/** The run's stored predictions, or a failure naming the run. */
function predictionsOf(run: SeedRun): NonNullable<SeedRun["predictions"]> {
  if (run.predictions === null) throw new Error(`run ${run.id} has no stored predictions`);
  return run.predictions;
}

/** Whether each validation file was predicted right, by file. */
function correctness(run: SeedRun): Map<string, boolean> {
  return new Map(predictionsOf(run).nodes.map((n) => [n.file, n.predictedLabel === n.trueLabel]));
}

describe.skipIf(missing !== null)("seed groups flow", () => {
  let root: string;
  let api: RunningApi;
  let agent: ManagedProcess | null = null;
  let subset: DatasetSubset;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "graft-seeds-"));
    subset = copySubset(path.join(root, "datasets", "leaves"), { classes: 3, perClass: 16 });
    api = await startApi({ dataRoots: [path.join(root, "datasets")] });
  });
  afterAll(async () => {
    await agent?.stop("SIGKILL", 1_000);
    await api?.stop({ cleanup: true });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("3 repeats of 2 configurations: groups, paired and group comparisons, epoch matrices, a second dataset", async () => {
    const started = Date.now();
    const { registerDataset } = await api.gql<{ registerDataset: { id: string; imageCount: number } }>(REGISTER_DATASET, {
      path: path.join(root, "datasets", "leaves"),
      name: "leaves-seeds",
    });
    expect(registerDataset.imageCount).toBe(48);
    const { createExperiment } = await api.gql<{ createExperiment: { id: string } }>(CREATE_EXPERIMENT, { name: "seed groups flow" });
    const { createSweep } = await api.gql<{ createSweep: { id: string; runs: { id: string }[] } }>(CREATE_SWEEP, {
      input: {
        experimentId: createExperiment.id,
        datasetId: registerDataset.id,
        strategy: "GRID",
        searchSpace: { baseModels: ["mobilenet_v1_0.25_224"], headUnits: [[16]], learningRates: [0.001, 0.01] },
        repeats: 3,
        epochs: 2,
        batchSize: 16,
      },
    });
    expect(createSweep.runs).toHaveLength(6);

    // One real agent trains the whole sweep.
    agent = startAgentProcess({ apiUrl: api.url, token: api.token, name: "seeder", cacheDir: path.join(root, "cache") });
    const running = agent;
    type Progress = { sweep: { status: string; progress: Record<string, number> } };
    const final = await waitFor(
      async () => {
        const { sweep } = await api.gql<Progress>(SWEEP_PROGRESS, { id: createSweep.id });
        return sweep.progress.queued === 0 && sweep.progress.running === 0 ? sweep : null;
      },
      { timeoutMs: 300_000, intervalMs: 1_000, what: "every run of the sweep to finish" },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${running.output().slice(-3000)}`);
    });
    expect(final.progress.completed, JSON.stringify(final.progress)).toBe(6);
    const trained = Date.now();

    const runs: SeedRun[] = [];
    for (const { id } of createSweep.runs) runs.push((await api.gql<{ run: SeedRun }>(SEED_RUN, { id })).run);
    const byId = new Map(runs.map((r) => [r.id, r]));
    for (const run of runs) expect(run.status, `${run.id}: ${run.error}`).toBe("COMPLETED");

    // One validation set: the same files in the same order for every run, split by the sweep's seed.
    const first = runs[0] as SeedRun;
    const files = predictionsOf(first).nodes.map((n) => n.file);
    const validationSize = files.length;
    expect(validationSize).toBeGreaterThan(0);
    for (const run of runs) {
      const page = predictionsOf(run);
      expect(
        page.nodes.map((n) => n.file),
        `run ${run.id}'s validation files`,
      ).toEqual(files);
      expect(page.totalCount).toBe(validationSize);
      expect(page.totalCount).toBe(total(run.evaluation?.confusionMatrix ?? []));
      expect(page.labels).toEqual(run.evaluation?.labels);
    }
    expect(new Set(runs.map((r) => r.hyperparameters.splitSeed)).size).toBe(1);
    expect(first.hyperparameters.splitSeed).not.toBeNull();

    // Sweep.groups: the two learning rates, 3 runs each, with the bestValAccuracy numbers of their runs.
    const { sweep } = await api.gql<{ sweep: { repeats: number; groups: RunGroup[] } }>(SWEEP_GROUPS, { id: createSweep.id });
    expect(sweep.repeats).toBe(3);
    expect(sweep.groups).toHaveLength(2);
    const grouped = sweep.groups.flatMap((g) => g.runIds);
    expect([...grouped].sort()).toEqual(runs.map((r) => r.id).sort());
    const groupRuns = sweep.groups.map((g) => g.runIds.map((id) => byId.get(id) as SeedRun));
    for (const [i, group] of sweep.groups.entries()) {
      const members = groupRuns[i] as SeedRun[];
      expect(group.n).toBe(3);
      expect(group.runIds).toHaveLength(3);
      expect(new Set(members.map((r) => r.hyperparameters.learningRate)).size, `group ${group.key}'s learning rates`).toBe(1);
      expect(new Set(members.map((r) => r.hyperparameters.seed)).size, `group ${group.key}'s training seeds`).toBe(3);
      const best = group.metrics.find((m) => m.name === "bestValAccuracy");
      const expected = meanStd(members.map((r) => r.bestValAccuracy as number));
      expect(best?.n).toBe(3);
      expect(best?.mean).toBeCloseTo(expected.mean, 10);
      expect(best?.std).toBeCloseTo(expected.std, 10);
    }
    const [groupA, groupB] = groupRuns as [SeedRun[], SeedRun[]];
    expect([groupA, groupB].map((g) => (g[0] as SeedRun).hyperparameters.learningRate).sort((x, y) => x - y)).toEqual([0.001, 0.01]);

    // Paired: one run of each group, image by image; flips are exactly the images whose correctness differs.
    const [runA, runB] = [groupA[0] as SeedRun, groupB[0] as SeedRun];
    const [okA, okB] = [correctness(runA), correctness(runB)];
    const disagreeing = files.filter((f) => okA.get(f) !== okB.get(f));
    const { pairedComparison } = await api.gql<{ pairedComparison: Paired }>(PAIRED, { a: runA.id, b: runB.id });
    expect(pairedComparison.sameValidationSet).toBe(true);
    expect(pairedComparison.flips).toHaveLength(disagreeing.length);
    expect(pairedComparison.flips.map((f) => f.file).sort()).toEqual([...disagreeing].sort());
    expect((pairedComparison.onlyARight ?? NaN) + (pairedComparison.onlyBRight ?? NaN)).toBe(disagreeing.length);
    expect(pairedComparison.onlyARight).toBe(disagreeing.filter((f) => okA.get(f) === true).length);
    expect(pairedComparison.flips.filter((f) => f.rightRunId === runA.id)).toHaveLength(pairedComparison.onlyARight ?? NaN);

    // Group comparison of the two configurations: means and spreads of the runs' validation accuracies.
    const accuracy = (run: SeedRun): number => [...correctness(run).values()].filter(Boolean).length / validationSize;
    const { groupComparison } = await api.gql<{ groupComparison: Grouped }>(GROUPED, {
      a: groupA.map((r) => r.id),
      b: groupB.map((r) => r.id),
    });
    const [statsA, statsB] = [meanStd(groupA.map(accuracy)), meanStd(groupB.map(accuracy))];
    expect(groupComparison.a).toEqual(groupA.map((r) => r.id));
    expect(groupComparison.b).toEqual(groupB.map((r) => r.id));
    expect(groupComparison.images).toBe(validationSize);
    expect(groupComparison.accuracyA).toBeCloseTo(statsA.mean, 10);
    expect(groupComparison.accuracyB).toBeCloseTo(statsB.mean, 10);
    expect(groupComparison.stdA).toBeCloseTo(statsA.std, 10);
    expect(groupComparison.stdB).toBeCloseTo(statsB.std, 10);
    expect(groupComparison.accuracyDifference).toBeCloseTo(statsB.mean - statsA.mean, 10);
    expect(groupComparison.ci95Low).toBeLessThanOrEqual(groupComparison.ci95High);
    // The delivered model is the best epoch's, so these are Sweep.groups' bestValAccuracy means too.
    for (const [i, group] of sweep.groups.entries()) {
      const best = group.metrics.find((m) => m.name === "bestValAccuracy");
      expect(best?.mean).toBeCloseTo(i === 0 ? groupComparison.accuracyA : groupComparison.accuracyB, 6);
    }

    // Per-epoch matrices: the evaluated epoch's is the evaluation's (the same weights).
    for (const run of runs) {
      const evaluation = run.evaluation;
      expect(evaluation?.evaluatedEpoch, `run ${run.id}'s evaluated epoch`).toBe(run.bestEpoch);
      const evaluated = run.epochs.find((e) => e.epoch === evaluation?.evaluatedEpoch);
      expect(evaluated?.confusionMatrix, `run ${run.id}: the matrix of epoch ${evaluation?.evaluatedEpoch}`).toEqual(
        evaluation?.confusionMatrix,
      );
      const last = run.epochs.at(-1);
      expect(total(last?.confusionMatrix ?? []), `run ${run.id}'s last epoch matrix`).toBe(validationSize);
    }

    // A second dataset: 6 other photos of each of the same classes, scored by the idle agent.
    const field = path.join(root, "datasets", "field");
    for (const label of subset.classes) {
      fs.mkdirSync(path.join(field, label), { recursive: true });
      const photos = fs
        .readdirSync(path.join(plantLeavesDir, label))
        .filter((f) => /\.(jpe?g|png|bmp)$/i.test(f))
        .sort()
        .slice(40, 46);
      expect(photos).toHaveLength(6);
      for (const photo of photos) fs.copyFileSync(path.join(plantLeavesDir, label, photo), path.join(field, label, photo));
    }
    const { registerDataset: fieldSet } = await api.gql<{ registerDataset: { id: string; imageCount: number } }>(REGISTER_DATASET, {
      path: field,
      name: "field",
    });
    expect(fieldSet.imageCount).toBe(18);
    await api.gql(`mutation ($r: ID!, $d: ID!) { evaluateRun(runId: $r, datasetId: $d) { id } }`, { r: runA.id, d: fieldSet.id });
    const scored = await waitFor(
      async () => {
        const { run } = await api.gql<TestSets>(TEST_SETS, { id: runA.id });
        return run.testSetEvaluations.find((e) => e.status === "COMPLETED" || e.status === "FAILED") ?? null;
      },
      { timeoutMs: 120_000, intervalMs: 500, what: "the evaluation on the field photos" },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${running.output().slice(-3000)}`);
    });
    expect(scored.status, `${scored.error}\n${running.output().slice(-2000)}`).toBe("COMPLETED");
    expect(scored.dataset?.name).toBe("field");
    expect(scored.labels).toEqual(runA.evaluation?.labels);
    expect(total(scored.confusionMatrix ?? [])).toBe(18);

    console.log(
      [
        `seed groups flow: 6 runs trained in ${((trained - started) / 1000).toFixed(1)} s, ${validationSize} validation images`,
        ...sweep.groups.map((g, i) => {
          const best = g.metrics.find((m) => m.name === "bestValAccuracy");
          const lr = (groupRuns[i]?.[0] as SeedRun).hyperparameters.learningRate;
          return `  lr ${lr}: bestValAccuracy ${best?.mean?.toFixed(4)} ± ${best?.std?.toFixed(4)} (n ${best?.n})`;
        }),
        `  paired ${runA.id} vs ${runB.id}: ${pairedComparison.flips.length} flips (${pairedComparison.onlyARight}/${pairedComparison.onlyBRight}), McNemar p ${pairedComparison.mcnemarPValue}`,
        `  groups: difference ${groupComparison.accuracyDifference.toFixed(4)}, 95% [${groupComparison.ci95Low.toFixed(4)}, ${groupComparison.ci95High.toFixed(4)}]`,
        `  field photos: accuracy ${scored.accuracy}`,
      ].join("\n"),
    );

    // SIGTERM with nothing running: a clean exit.
    expect(await running.stop("SIGTERM")).toBe(0);
  }, 400_000);
});
