/**
 * Issue #10 point 4 and the Node half of point 3: an agent with its own cache dir (another machine)
 * trains a run and uploads the delivered checkpoint; with that machine's files gone, `graft export`
 * brings the model back from the API, and TF.js' `tf.loadLayersModel` on those files reproduces the
 * run's stored per-image probabilities (1e-4) and its validation accuracy. Deleting the run removes
 * the checkpoint from the API's data dir.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { decodeImage, fileLoadHandler, preprocess, selectBackend, type Preprocessing } from "@graft/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  copySubset,
  plantLeavesDir,
  runGraft,
  sharedAssetsMissing,
  startAgentProcess,
  startApi,
  waitFor,
  type ManagedProcess,
  type RunningApi,
} from "../support";
import { CREATE_RUN, REGISTER_DATASET, RUN_STATE } from "./queries";

const missing = sharedAssetsMissing();
if (missing) console.warn(`skipping checkpoint export flow: ${missing}`);

type Page = { labels: string[]; nodes: { file: string; trueLabel: string; probabilities: number[] }[] };
type Stored = {
  run: {
    checkpoint: { weightsSha256: string; datasetSha256: string | null; downloadPath: string } | null;
    evaluation: { accuracy: number };
    predictions: Page;
  };
};

describe.skipIf(missing !== null)("checkpoint upload and export flow", () => {
  let root: string;
  let api: RunningApi;
  let agent: ManagedProcess | null = null;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "graft-export-"));
    copySubset(path.join(root, "datasets", "leaves"), { classes: 3, perClass: 20 });
    api = await startApi({ dataRoots: [path.join(root, "datasets")] });
  });
  afterAll(async () => {
    await agent?.stop("SIGKILL", 1_000);
    await api?.stop({ cleanup: true });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("uploads the delivered model, exports it with graft export, and the files reproduce the run", async () => {
    const { registerDataset } = await api.gql<{ registerDataset: { id: string } }>(REGISTER_DATASET, {
      path: path.join(root, "datasets", "leaves"),
      name: "leaves-export",
    });
    const { createRun } = await api.gql<{ createRun: { id: string } }>(CREATE_RUN, {
      input: {
        datasetId: registerDataset.id,
        hyperparameters: { baseModel: "mobilenet_v1_0.25_224", headUnits: [16], epochs: 3, batchSize: 16, learningRate: 0.005 },
      },
    });
    const runId = createRun.id;
    const machine = path.join(root, "other-machine");
    agent = startAgentProcess({ apiUrl: api.url, token: api.token, name: "remote", cacheDir: machine, extraArgs: ["--once"] });
    await waitFor(
      async () => {
        const { run } = await api.gql<{ run: { status: string } }>(RUN_STATE, { id: runId });
        return run.status === "COMPLETED" ? run : null;
      },
      { timeoutMs: 240_000, intervalMs: 1_000, what: "the run to complete" },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${agent?.output().slice(-3000) ?? ""}`);
    });
    expect(agent.output()).toMatch(/checkpoint uploaded \(epoch \d+/);
    await agent.stop("SIGTERM");
    // The machine that trained it is gone: only the API has the model now.
    fs.rmSync(machine, { recursive: true, force: true });

    const stored = await api.gql<Stored>(
      `query($id: ID!) { run(id: $id) { checkpoint { weightsSha256 datasetSha256 downloadPath }
        evaluation { accuracy } predictions(first: 500) { labels nodes { file trueLabel probabilities } } } }`,
      { id: runId },
    );
    expect(stored.run.checkpoint?.weightsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.run.checkpoint?.datasetSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(path.join(api.dataDir, "checkpoints", runId, "weights.bin"))).toBe(true);

    const out = path.join(root, "exported");
    const exported = runGraft(["export", runId, "--out", out, "--api", api.url]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(["README.md", "card.md", "labels.json", "model.json", "preprocessing.json", "weights.bin"]);
    expect(fs.readFileSync(path.join(out, "card.md"), "utf8")).toContain(stored.run.checkpoint?.weightsSha256);
    // Exporting again over the same files is refused unless forced.
    expect(runGraft(["export", runId, "--out", out, "--api", api.url]).status).toBe(2);

    const labels = JSON.parse(fs.readFileSync(path.join(out, "labels.json"), "utf8")) as string[];
    expect(labels).toEqual(stored.run.predictions.labels);
    const prep = JSON.parse(fs.readFileSync(path.join(out, "preprocessing.json"), "utf8")) as {
      inputSize: [number, number];
      scaling: Preprocessing;
    };
    await selectBackend();
    // tf.loadLayersModel itself, reading the files through a plain IOHandler (no tfjs-node here).
    const model = await tf.loadLayersModel(fileLoadHandler(path.join(out, "model.json")));
    const predict = async (file: string): Promise<number[]> => {
      const pixels = await decodeImage(file, prep.inputSize[0]);
      return tf.tidy(() => {
        const x = preprocess(tf.tensor3d(pixels, [prep.inputSize[0], prep.inputSize[1], 3], "int32"), prep.scaling);
        return Array.from((model.predict(x) as tf.Tensor).dataSync());
      });
    };
    const argmaxLabel = (p: number[]) => labels[p.indexOf(Math.max(...p))];
    let correct = 0;
    let maxDiff = 0;
    for (const p of stored.run.predictions.nodes) {
      const probabilities = await predict(path.join(root, "datasets", "leaves", p.file));
      for (let i = 0; i < labels.length; i++)
        maxDiff = Math.max(maxDiff, Math.abs((probabilities[i] ?? NaN) - (p.probabilities[i] ?? NaN)));
      if (argmaxLabel(probabilities) === p.trueLabel) correct++;
    }
    console.log(
      `export flow: ${stored.run.predictions.nodes.length} images, max |Δp| ${maxDiff.toExponential(2)}, accuracy ${correct}/${stored.run.predictions.nodes.length}`,
    );
    expect(maxDiff).toBeLessThan(1e-4);
    expect(correct / stored.run.predictions.nodes.length).toBeCloseTo(stored.run.evaluation.accuracy, 10);

    // Other photos of two of its classes (as if from the field): evaluateRun queues them, and an
    // agent on a third machine, with none of the run's files, scores the model it downloads.
    const field = path.join(root, "datasets", "field");
    const fieldFiles: { file: string; label: string }[] = [];
    for (const label of labels.slice(0, 2)) {
      fs.mkdirSync(path.join(field, label), { recursive: true });
      const photos = fs
        .readdirSync(path.join(plantLeavesDir, label))
        .filter((f) => /\.jpe?g$/i.test(f))
        .sort()
        .slice(40, 52);
      for (const photo of photos) {
        fs.copyFileSync(path.join(plantLeavesDir, label, photo), path.join(field, label, photo));
        fieldFiles.push({ file: path.join(field, label, photo), label });
      }
    }
    const { registerDataset: fieldSet } = await api.gql<{ registerDataset: { id: string } }>(REGISTER_DATASET, {
      path: field,
      name: "field",
    });
    await api.gql(`mutation($r: ID!, $d: ID!) { evaluateRun(runId: $r, datasetId: $d) { id } }`, { r: runId, d: fieldSet.id });
    const evaluator = startAgentProcess({
      apiUrl: api.url,
      token: api.token,
      name: "evaluator",
      cacheDir: path.join(root, "third-machine"),
      extraArgs: ["--once"],
    });
    type Sets = {
      run: {
        testSetEvaluations: { status: string; error: string | null; accuracy: number; labels: string[]; confusionMatrix: number[][] }[];
      };
    };
    const sets = await waitFor(
      async () => {
        const r = await api.gql<Sets>(
          `query($id: ID!) { run(id: $id) { testSetEvaluations { status error accuracy labels confusionMatrix } } }`,
          {
            id: runId,
          },
        );
        const done = r.run.testSetEvaluations.find((e) => e.status === "COMPLETED" || e.status === "FAILED");
        return done ?? null;
      },
      { timeoutMs: 120_000, intervalMs: 500, what: "the evaluation on the field photos" },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${evaluator.output().slice(-3000)}`);
    });
    expect(sets.status, `${sets.error}\n${evaluator.output().slice(-2000)}`).toBe("COMPLETED");
    expect(await evaluator.exited).toBe(0);
    expect(sets.labels).toEqual(labels);
    expect(sets.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(fieldFiles.length);
    let fieldCorrect = 0;
    for (const f of fieldFiles) if (argmaxLabel(await predict(f.file)) === f.label) fieldCorrect++;
    console.log(`export flow: field photos ${fieldCorrect}/${fieldFiles.length} by the exported model, ${sets.accuracy} stored`);
    expect(sets.accuracy).toBeCloseTo(fieldCorrect / fieldFiles.length, 10);
    model.dispose();

    await api.gql(`mutation($runId: ID!) { deleteRun(runId: $runId) }`, { runId });
    expect(fs.existsSync(path.join(api.dataDir, "checkpoints", runId))).toBe(false);
    expect((await fetch(`${api.url.replace(/\/graphql$/, "")}/runs/${runId}/model.zip`)).status).toBe(404);
  }, 300_000);
});
