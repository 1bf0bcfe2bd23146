/**
 * Issue #5's main flow: the real API (temp SQLite), two real `graft agent` processes sharing a
 * feature cache, and a grid sweep over two head sizes × two learning rates × fine-tune depths {0, 4}
 * on a small real subset of plant-leaves. Every run must complete, with each epoch stored once, a
 * confusion matrix, and both agents must have worked.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySubset, sharedAssetsMissing, startAgentProcess, startApi, waitFor, type ManagedProcess, type RunningApi } from "../support";
import { CREATE_EXPERIMENT, CREATE_SWEEP, REGISTER_DATASET, RUN_DETAIL, SWEEP_PROGRESS, plannedEpochs, type RunDetail } from "./queries";

const missing = sharedAssetsMissing();
if (missing) console.warn(`skipping agent sweep flow: ${missing}`);

describe.skipIf(missing !== null)("agent sweep flow", () => {
  let root: string;
  let api: RunningApi;
  const agents: ManagedProcess[] = [];

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "graft-sweep-"));
    copySubset(path.join(root, "datasets", "leaves"), { classes: 3, perClass: 16 });
    api = await startApi({ dataRoots: [path.join(root, "datasets")] });
  });
  afterAll(async () => {
    await Promise.all(agents.map((a) => a.stop("SIGKILL", 1_000)));
    await api?.stop({ cleanup: true });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("two agents complete a 8-run sweep, each epoch stored once, with confusion matrices", async () => {
    const { registerDataset } = await api.gql<{ registerDataset: { id: string; imageCount: number } }>(REGISTER_DATASET, {
      path: path.join(root, "datasets", "leaves"),
      name: "leaves-subset",
    });
    expect(registerDataset.imageCount).toBe(48);
    const { createExperiment } = await api.gql<{ createExperiment: { id: string } }>(CREATE_EXPERIMENT, { name: "sweep flow" });
    const { createSweep } = await api.gql<{ createSweep: { id: string; runs: Array<{ id: string }> } }>(CREATE_SWEEP, {
      input: {
        experimentId: createExperiment.id,
        datasetId: registerDataset.id,
        strategy: "GRID",
        searchSpace: {
          baseModels: ["mobilenet_v1_0.25_224"],
          headUnits: [[16], [32]],
          learningRates: [0.001, 0.005],
          fineTuneLayers: [0, 4],
        },
        epochs: 3,
        fineTuneEpochs: 1,
        batchSize: 16,
      },
    });
    expect(createSweep.runs.length).toBeGreaterThanOrEqual(6);

    const cacheDir = path.join(root, "cache");
    for (const name of ["agent-a", "agent-b"]) agents.push(startAgentProcess({ apiUrl: api.url, token: api.token, name, cacheDir }));

    type Progress = { sweep: { status: string; progress: Record<string, number> } };
    const final = await waitFor(
      async () => {
        const { sweep } = await api.gql<Progress>(SWEEP_PROGRESS, { id: createSweep.id });
        const p = sweep.progress;
        return p.queued === 0 && p.running === 0 ? sweep : null;
      },
      { timeoutMs: 360_000, intervalMs: 1_000, what: "every run of the sweep to finish" },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${agents.map((a) => a.output().slice(-2000)).join("\n----\n")}`);
    });
    expect(final.progress.completed, JSON.stringify(final.progress)).toBe(createSweep.runs.length);

    const details: RunDetail[] = [];
    for (const { id } of createSweep.runs) details.push((await api.gql<{ run: RunDetail }>(RUN_DETAIL, { id })).run);
    for (const run of details) {
      expect(run.status, `${run.id}: ${run.error}`).toBe("COMPLETED");
      const numbers = run.epochs.map((e) => e.epoch);
      expect(new Set(numbers).size, `run ${run.id} has duplicate epochs`).toBe(numbers.length);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
      expect(run.epochCount).toBe(run.epochs.length);
      // Planned length unless early stopping ended it (then stopReason says so).
      if (run.stopReason === null) expect(run.epochs.length).toBe(plannedEpochs(run.hyperparameters));
      expect(run.epochs.some((e) => e.phase === "FINE_TUNE")).toBe(run.hyperparameters.fineTuneLayers > 0);
      const n = run.evaluation?.labels.length ?? 0;
      expect(n).toBe(3);
      expect(run.evaluation?.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(run.artifacts.some((a) => a.kind === "checkpoint")).toBe(true);
    }
    // Every run kept its per-image predictions, and two runs of the sweep (one validation split) compare
    // image by image: the flips are exactly the images whose correctness differs between them.
    type Page = {
      labels: string[];
      totalCount: number;
      nodes: { file: string; trueLabel: string; predictedLabel: string; probabilities: number[] }[];
    };
    const pages: Page[] = [];
    for (const run of details.slice(0, 2)) {
      const { run: r } = await api.gql<{ run: { predictions: Page } }>(
        "query($id: ID!) { run(id: $id) { predictions(first: 500) { labels totalCount nodes { file trueLabel predictedLabel probabilities } } } }",
        { id: run.id },
      );
      const matrixTotal = run.evaluation?.confusionMatrix.flat().reduce((x, y) => x + y, 0);
      expect(r.predictions.totalCount).toBe(matrixTotal);
      expect(r.predictions.labels).toEqual(run.evaluation?.labels);
      for (const p of r.predictions.nodes) expect(p.probabilities.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 4);
      pages.push(r.predictions);
    }
    const [pa, pb] = pages as [Page, Page];
    const rightIn = (p: Page) => new Map(p.nodes.map((n) => [n.file, n.predictedLabel === n.trueLabel]));
    const [ra, rb] = [rightIn(pa), rightIn(pb)];
    const disagreements = [...ra].filter(([file, ok]) => rb.get(file) !== ok).length;
    const { pairedComparison } = await api.gql<{
      pairedComparison: { sameValidationSet: boolean; flips: unknown[]; onlyARight: number; onlyBRight: number; mcnemarPValue: number };
    }>(
      "query($a: ID!, $b: ID!) { pairedComparison(a: $a, b: $b) { sameValidationSet flips { file } onlyARight onlyBRight mcnemarPValue } }",
      {
        a: details[0]?.id,
        b: details[1]?.id,
      },
    );
    expect(pairedComparison.sameValidationSet).toBe(true);
    expect(pairedComparison.flips.length).toBe(disagreements);
    expect(pairedComparison.onlyARight + pairedComparison.onlyBRight).toBe(disagreements);
    expect(pairedComparison.mcnemarPValue).toBeGreaterThan(0);

    // Each epoch carries its validation matrix; the evaluated (delivered) epoch's is the evaluation's own.
    for (const run of details) {
      const { run: r } = await api.gql<{
        run: {
          evaluation: { evaluatedEpoch: number; confusionMatrix: number[][] };
          epochs: { epoch: number; confusionMatrix: number[][] | null }[];
        };
      }>("query($id: ID!) { run(id: $id) { evaluation { evaluatedEpoch confusionMatrix } epochs { epoch confusionMatrix } } }", {
        id: run.id,
      });
      const total = r.evaluation.confusionMatrix.flat().reduce((x, y) => x + y, 0);
      for (const e of r.epochs)
        expect(
          e.confusionMatrix?.flat().reduce((x, y) => x + y, 0),
          `run ${run.id} epoch ${e.epoch}`,
        ).toBe(total);
      const delivered = r.epochs.find((e) => e.epoch === r.evaluation.evaluatedEpoch);
      expect(delivered?.confusionMatrix, `run ${run.id}: the matrix of epoch ${r.evaluation.evaluatedEpoch}`).toEqual(
        r.evaluation.confusionMatrix,
      );
    }

    const byAgent = new Set(details.map((r) => r.agentId));
    expect(byAgent.size, "both agents should have completed runs").toBe(2);

    // SIGTERM with nothing running: both exit 0.
    expect(await Promise.all(agents.map((a) => a.stop("SIGTERM")))).toEqual([0, 0]);
  });
});
