/** `graft train` end to end as a user runs it: exit codes and messages, and a short real run with --json. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySubset, runGraft, sharedAssetsMissing, startApi } from "../support";
import { RUN_DETAIL, type RunDetail } from "./queries";

const missing = sharedAssetsMissing();
if (missing) console.warn(`skipping graft train flows: ${missing}`);

describe("graft train CLI", () => {
  let root: string;
  let data: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "graft-train-cli-"));
    data = path.join(root, "leaves");
    if (!missing) copySubset(data, { classes: 2, perClass: 10 });
    else fs.mkdirSync(path.join(data, "a"), { recursive: true });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("exits 2 naming a wrong --data path", () => {
    const wrong = path.join(root, "no-such-dir");
    const r = runGraft(["train", "--data", wrong, "--base", "mobilenet_v1_0.25_224"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(wrong);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 naming an unknown flag", () => {
    const r = runGraft(["train", "--data", data, "--base", "x", "--epoch", "3"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--epoch");
  });

  it.skipIf(missing !== null)("exits 2 naming an unknown --base", () => {
    const r = runGraft([
      "train",
      "--data",
      data,
      "--base",
      "resnet_9000",
      "--epochs",
      "1",
      "--out",
      path.join(root, "x"),
      "--cache-dir",
      path.join(root, "cache"),
    ]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain("resnet_9000");
  });

  it.skipIf(missing !== null)("trains a tiny subset and prints one JSON object with the required keys", () => {
    const out = path.join(root, "out");
    const r = runGraft([
      "train",
      "--data",
      data,
      "--base",
      "mobilenet_v1_0.25_224",
      "--head",
      "16",
      "--epochs",
      "3",
      "--batch-size",
      "8",
      "--seed",
      "1",
      "--out",
      out,
      "--cache-dir",
      path.join(root, "cache"),
      "--json",
    ]);
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    for (const key of [
      "backend",
      "classes",
      "bestValAccuracy",
      "bestValLoss",
      "bestEpoch",
      "finalValAccuracy",
      "epochs",
      "confusionMatrix",
      "evaluation",
    ])
      expect(json, key).toHaveProperty(key);
    expect(json.classes).toHaveLength(2);
    expect((json.epochs as unknown[]).length).toBeGreaterThanOrEqual(1);
    expect((json.confusionMatrix as number[][]).length).toBe(2);
    expect(fs.existsSync(path.join(out, "metrics.json"))).toBe(true);
    expect(fs.existsSync(path.join(out, "confusion-matrix.json"))).toBe(true);
    expect(fs.existsSync(path.join(out, "checkpoint", "model.json"))).toBe(true);
    // Progress per epoch and the summary went to stderr.
    expect(r.stderr).toMatch(/epoch 3\/3/);
  });

  it.skipIf(missing !== null)("with --api logs the run into the API beside the sweeps", async () => {
    const api = await startApi({ dataRoots: [root] });
    try {
      const r = runGraft([
        "train",
        "--data",
        data,
        "--base",
        "mobilenet_v1_0.25_224",
        "--head",
        "8",
        "--epochs",
        "2",
        "--fine-tune-epochs",
        "3",
        "--batch-size",
        "8",
        "--out",
        path.join(root, "out-api"),
        "--cache-dir",
        path.join(root, "cache"),
        "--api",
        api.url,
        "--token",
        api.token,
        "--experiment",
        "scripted",
        "--name",
        "cli run",
        "--json",
      ]);
      expect(r.status, r.stderr.slice(-2000)).toBe(0);
      type Best = { bestEpoch: number | null; bestValLoss: number | null; bestValAccuracy: number | null };
      const cli = JSON.parse(r.stdout) as Best & {
        runId: string;
        plannedEpochs: number;
        delivered: { epoch: number };
        epochs: { epoch: number; valLoss: number | null }[];
      };
      const { runId, plannedEpochs } = cli;
      // One rule for planned epochs, in the CLI and the API: fine-tune epochs without depth never train.
      const served = await api.gql<{ run: Best & { plannedEpochs: number; epochs: { epoch: number; valLoss: number | null }[] } }>(
        "query($id: ID!) { run(id: $id) { plannedEpochs bestEpoch bestValLoss bestValAccuracy epochs { epoch valLoss } } }",
        { id: runId },
      );
      expect([plannedEpochs, served.run.plannedEpochs]).toEqual([2, 2]);
      // One rule for the best epoch too (lowest val_loss, earlier on a tie): the CLI's --json and the
      // API name the same epoch, with the same metrics, and it is the delivered model's epoch.
      const { bestEpoch, bestValLoss, bestValAccuracy } = served.run;
      expect({ bestEpoch: cli.bestEpoch, bestValLoss: cli.bestValLoss, bestValAccuracy: cli.bestValAccuracy }).toEqual({
        bestEpoch,
        bestValLoss,
        bestValAccuracy,
      });
      expect(cli.bestEpoch).not.toBeNull();
      expect(cli.bestEpoch).toBe(cli.delivered.epoch);
      const lowest = Math.min(...served.run.epochs.map((e) => e.valLoss ?? Infinity));
      expect(served.run.epochs.find((e) => e.valLoss === lowest)?.epoch).toBe(bestEpoch);
      const { run } = await api.gql<{ run: RunDetail & { name: string; experiment: { name: string } } }>(
        RUN_DETAIL.replace("id status", "id name experiment { name } status"),
        { id: runId },
      );
      expect(run.status).toBe("COMPLETED");
      expect(run.name).toBe("cli run");
      expect(run.experiment.name).toBe("scripted");
      expect(run.epochs.map((e) => e.epoch)).toEqual([1, 2]);
      expect(run.evaluation?.confusionMatrix).toHaveLength(2);
      expect(run.artifacts[0]?.uri).toMatch(/^file:.*out-api\/checkpoint$/);
    } finally {
      await api.stop({ cleanup: true });
    }
  });
});
