/**
 * What `graft train` says it evaluated, with the real engine and real weights (skips without the
 * shared assets): a plant-leaves subset where the best val_loss epoch (6) is not the last (8), plus
 * three files core cannot use. The printed accuracy, the confusion matrix, metrics.json and
 * confusion-matrix.json must all be the delivered model's, and the folders must say what they hold.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli";
import { loadEngine } from "../engine/engine";
import { startFakeApi } from "../testing/fake-api";
import { memoryIo } from "../testing/memory-io";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const shared = process.env.GRAFT_SHARED_DIR ?? path.resolve(repoRoot, "../shared");
const leaves = path.join(shared, "datasets", "plant-leaves");
const models = path.join(shared, "models");
const present = fs.existsSync(path.join(models, "mobilenet_v1_0.25_224", "model.json")) && fs.existsSync(leaves);
if (!present) console.warn(`shared weights/photos absent at ${shared} (GRAFT_SHARED_DIR): skipping graft train evaluation tests`);

interface Metrics {
  evaluatedEpoch: number;
  evaluatedSplit: string;
  delivered: { epoch: number; choice: string; dir: string; valLoss: number; valAccuracy: number };
  final: { epoch: number; choice: string; dir: string; valAccuracy: number };
  finalValAccuracy: number;
  bestEpoch: number | null;
  bestValLoss: number | null;
  bestValAccuracy: number | null;
  epochs: { epoch: number; valAccuracy: number }[];
  evaluation: { accuracy: number; confusionMatrix: number[][] };
  confusionMatrix: number[][];
  skipped: { file: string; reason: string }[];
}

describe.skipIf(!present)("graft train: the evaluation is the delivered model's, and says so", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "graft-train-eval-"));
  const data = path.join(tmp, "data");
  beforeAll(() => {
    const classes = fs
      .readdirSync(leaves, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
      .slice(0, 3);
    for (const name of classes) {
      fs.mkdirSync(path.join(data, name), { recursive: true });
      for (const file of fs.readdirSync(path.join(leaves, name)).sort().slice(0, 10))
        fs.copyFileSync(path.join(leaves, name, file), path.join(data, name, file));
    }
    const [first, second] = classes as [string, string];
    const photo = fs.readFileSync(path.join(data, first, fs.readdirSync(path.join(data, first))[0] as string));
    fs.writeFileSync(path.join(data, first, "cut-off.jpg"), photo.subarray(0, photo.length >> 1));
    fs.writeFileSync(path.join(data, second, "empty.jpg"), "");
    fs.writeFileSync(path.join(data, second, "leaf.gif"), Buffer.from("R0lGODlhAQABAAAAACw=", "base64"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("prints best/ as the evaluated delivered model and checkpoint/ as the last epoch, and reports the skipped files", async () => {
    const out = path.join(tmp, "out");
    const io = memoryIo(await loadEngine(), { env: { GRAFT_MODELS_DIR: models } });
    const argv = [
      "train",
      "--data",
      data,
      "--base",
      "mobilenet_v1_0.25_224",
      "--head",
      "32",
      "--epochs",
      "8",
      "--lr",
      "0.03",
      "--seed",
      "2",
      "--validation-split",
      "0.3",
      "--batch-size",
      "8",
      "--out",
      out,
      "--cache-dir",
      path.join(tmp, "cache"),
      "--backend",
      "wasm",
      "--json",
    ];
    expect(await runCli(argv, io), io.err()).toBe(0);
    const metrics = JSON.parse(fs.readFileSync(path.join(out, "metrics.json"), "utf8")) as Metrics;
    expect(JSON.parse(io.out())).toEqual(metrics);
    // The premise: the delivered epoch is not the last, and their accuracies differ.
    expect(metrics.delivered).toMatchObject({ epoch: 6, choice: "best_val_loss", dir: path.join(out, "best") });
    expect(metrics.final).toMatchObject({ epoch: 8, choice: "last_epoch", dir: path.join(out, "checkpoint") });
    expect(metrics.finalValAccuracy).not.toBe(metrics.delivered.valAccuracy);
    expect(metrics.evaluatedEpoch).toBe(6);
    // The best epoch (lowest val_loss, earlier on a tie) is the delivered one, with its metrics.
    expect({ epoch: metrics.bestEpoch, valLoss: metrics.bestValLoss, valAccuracy: metrics.bestValAccuracy }).toEqual({
      epoch: 6,
      valLoss: metrics.delivered.valLoss,
      valAccuracy: metrics.delivered.valAccuracy,
    });
    expect(metrics.evaluatedSplit).toBe("validation");
    expect(metrics.evaluation.accuracy).toBe(metrics.epochs[5]?.valAccuracy);
    expect(metrics.confusionMatrix).toEqual(metrics.evaluation.confusionMatrix);
    const matrixFile = JSON.parse(fs.readFileSync(path.join(out, "confusion-matrix.json"), "utf8")) as { matrix: number[][] };
    expect(matrixFile.matrix).toEqual(metrics.evaluation.confusionMatrix);
    expect(metrics.skipped.map((s) => s.file)).toEqual([
      expect.stringMatching(/\/cut-off\.jpg$/),
      expect.stringMatching(/\/empty\.jpg$/),
      expect.stringMatching(/\/leaf\.gif$/),
    ]);

    const err = io.err();
    expect(err).toMatch(
      /^ {2}best\/ +weights of epoch 6 \(head, lowest val_loss \d\.\d{4}, val_acc \d\.\d{4}\) — the delivered model, evaluated below$/m,
    );
    expect(err).toMatch(
      /^ {2}checkpoint\/ {2}weights of epoch 8 \(head, last epoch, val_acc \d\.\d{4}\) — the weights training ended with$/m,
    );
    expect(err).toContain(
      `delivered model (epoch 6) on the validation split (9 images): accuracy ${metrics.evaluation.accuracy.toFixed(4)}`,
    );
    expect(err).toMatch(/^6 +head .*\*$/m);
    expect(err).toContain(
      `* epoch 6: the delivered model, best epoch 6 (val_loss ${metrics.delivered.valLoss.toFixed(4)}, val_acc ${metrics.delivered.valAccuracy.toFixed(4)})`,
    );
    expect(err).toContain("skipped 3 file(s) of the dataset (neither trained on nor evaluated):");
    expect(err).toMatch(/empty\.jpg: empty file \(0 bytes\)/);
    expect(err).toMatch(/leaf\.gif: unsupported extension "\.gif"/);
    expect(err).toMatch(/cut-off\.jpg: cannot decode/);
  }, 300_000);

  it("with --api sends the evaluated epoch and the skipped files with the evaluation, for the run page", async () => {
    const api = await startFakeApi({ token: "tok" });
    try {
      const io = memoryIo(await loadEngine(), { env: { GRAFT_MODELS_DIR: models } });
      const argv = [
        "train",
        "--data",
        data,
        "--base",
        "mobilenet_v1_0.25_224",
        "--head",
        "32",
        "--epochs",
        "8",
        "--lr",
        "0.03",
        "--seed",
        "2",
        "--validation-split",
        "0.3",
        "--batch-size",
        "8",
        "--out",
        path.join(tmp, "api-out"),
        "--cache-dir",
        path.join(tmp, "cache"),
        "--backend",
        "wasm",
        "--api",
        api.url,
        "--token",
        "tok",
      ];
      expect(await runCli(argv, io), io.err()).toBe(0);
      const [run] = [...api.runs.values()];
      const evaluation = run?.evaluation as { evaluatedEpoch: number; skippedFiles: { file: string; reason: string }[]; accuracy: number };
      expect(evaluation.evaluatedEpoch).toBe(6);
      expect(evaluation.skippedFiles.map((f) => f.file.split("/").at(-1))).toEqual(["cut-off.jpg", "empty.jpg", "leaf.gif"]);
      expect(evaluation.skippedFiles[1]?.reason).toBe("empty file (0 bytes)");
    } finally {
      await api.close();
    }
  }, 300_000);
});
