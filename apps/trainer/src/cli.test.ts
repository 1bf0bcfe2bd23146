import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./cli";
import { createFakeEngine, FAKE_DATASET_SHA256, graftError, type FakeEngine } from "./testing/fake-engine";
import { startFakeApi } from "./testing/fake-api";
import { memoryIo } from "./testing/memory-io";

let tmp: string;
let data: string;
let engine: FakeEngine;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "graft-cli-"));
  data = path.join(tmp, "data");
  fs.mkdirSync(path.join(data, "a"), { recursive: true });
  engine = createFakeEngine();
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const base = (): string[] => [
  "train",
  "--data",
  data,
  "--base",
  "mobilenet_v1_0.25_224",
  "--out",
  path.join(tmp, "out"),
  "--cache-dir",
  path.join(tmp, "cache"),
];

describe("graft CLI", () => {
  it("prints help for the CLI and each command", async () => {
    for (const argv of [["--help"], ["train", "--help"], ["agent", "--help"]]) {
      const io = memoryIo(engine);
      expect(await runCli(argv, io)).toBe(0);
      expect(io.out()).toMatch(/Usage: graft/);
    }
  });

  it("exits 2 naming an unknown flag or command", async () => {
    const io = memoryIo(engine);
    expect(await runCli([...base(), "--epochz", "3"], io)).toBe(2);
    expect(io.err()).toContain("--epochz");
    const io2 = memoryIo(engine);
    expect(await runCli(["agent", "--api", "http://x", "--bogus"], io2)).toBe(2);
    expect(io2.err()).toContain("--bogus");
    const io3 = memoryIo(engine);
    expect(await runCli(["trian"], io3)).toBe(2);
    expect(io3.err()).toContain('"trian"');
  });

  it("exits 2 naming the setting for an API address that is not the GraphQL endpoint", async () => {
    const io = memoryIo(engine);
    expect(await runCli([...base(), "--api", "http://127.0.0.1:4000/api"], io)).toBe(2);
    expect(io.err()).toContain(
      '--api must be the API\'s GraphQL endpoint, like http://127.0.0.1:4000/graphql: the path must end in /graphql; got "http://127.0.0.1:4000/api"',
    );
    const io2 = memoryIo(engine, { env: { GRAFT_API_URL: "127.0.0.1:4000" } });
    expect(await runCli(["agent", "--once"], io2)).toBe(2);
    expect(io2.err()).toContain("GRAFT_API_URL must be the API's GraphQL endpoint");
    expect(io2.err()).toContain('"127.0.0.1:4000"');
  });

  it("exits 2 quoting a bad value, a missing --data dir and an engine BAD_INPUT", async () => {
    const cases: Array<[string[], RegExp]> = [
      [[...base(), "--head", "128,abc"], /--head .*"128,abc"/],
      [[...base(), "--epochs=-1"], /--epochs .*"-1"/],
      [[...base(), "--epochs", "2.5"], /--epochs .*"2.5"/],
      [[...base(), "--epochs", "-1"], /'--epochs' argument is ambiguous/],
      [["train", "--data", path.join(tmp, "missing"), "--base", "x"], /missing" is not a directory/],
      // The catalogue's one message, before the engine loads (the API and core give the same).
      [[...base(), "--lr", "0"], /learningRate must be a number in \(0, 1\], received 0/],
      [[...base(), "--reduce-lr-patience", "2.5"], /--reduce-lr-patience "2.5": reduceLrPatience must be an integer, received "2.5"/],
      [[...base(), "--reduce-lr-patience=-1"], /--reduce-lr-patience .*"-1"/],
      [[...base(), "--reduce-lr-factor", "half"], /--reduce-lr-factor "half": reduceLrFactor must be a number, received "half"/],
      [[...base(), "--min-lr", "1e-3x"], /--min-lr "1e-3x": minLearningRate must be a number, received "1e-3x"/],
      [["train", "--base", "x"], /needs --data/],
    ];
    for (const [argv, pattern] of cases) {
      const io = memoryIo(engine);
      expect(await runCli(argv, io), argv.join(" ")).toBe(2);
      expect(io.err()).toMatch(pattern);
      expect(io.err().trim().split("\n")).toHaveLength(1);
    }
    expect(engine.requests).toHaveLength(0);
  });

  it("maps core NOT_FOUND / CHECKSUM_MISMATCH to 2 and other failures to 1", async () => {
    engine.failures.set(data, graftError("CHECKSUM_MISMATCH", "sha256 of model.json is abc, expected def"));
    const io = memoryIo(engine);
    expect(await runCli(base(), io)).toBe(2);
    expect(io.err()).toContain("expected def");
    engine.failures.set(data, new Error("kernel exploded"));
    const io2 = memoryIo(engine);
    expect(await runCli(base(), io2)).toBe(1);
    expect(io2.err()).toContain("kernel exploded");
  });

  it("trains with the flags given, writes metrics, matrix, and one JSON object with --json", async () => {
    const io = memoryIo(engine);
    const code = await runCli(
      [
        ...base(),
        "--head",
        "64,32",
        "--epochs",
        "4",
        "--fine-tune-layers",
        "10",
        "--fine-tune-epochs",
        "2",
        "--augment",
        "flip,rotate",
        "--seed",
        "7",
        "--lr",
        "0.01",
        "--patience",
        "3",
        "--json",
      ],
      io,
    );
    expect(code).toBe(0);
    const request = engine.requests[0];
    expect(request?.config).toMatchObject({
      headUnits: [64, 32],
      epochs: 4,
      fineTuneLayers: 10,
      fineTuneEpochs: 2,
      augmentation: ["flip", "rotate"],
      seed: 7,
      learningRate: 0.01,
      earlyStoppingPatience: 3,
    });
    expect(request?.outDir).toBe(path.join(tmp, "out"));
    const lines = io.out().trim().split("\n");
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
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
      expect(json).toHaveProperty(key);
    expect((json.epochs as unknown[]).length).toBe(6);
    // --fine-tune-layers 10 on MobileNet v1: rounded up to the next conv+BN+ReLU group.
    expect(json.fineTunedLayers).toBe(12);
    const metrics = JSON.parse(fs.readFileSync(path.join(tmp, "out", "metrics.json"), "utf8")) as { bestEpoch: number };
    expect(metrics.bestEpoch).toBe(json.bestEpoch);
    const matrix = JSON.parse(fs.readFileSync(path.join(tmp, "out", "confusion-matrix.json"), "utf8")) as {
      labels: string[];
      matrix: number[][];
    };
    expect(matrix).toEqual({
      labels: ["a", "b"],
      matrix: [
        [3, 1],
        [0, 4],
      ],
    });
    // Progress per epoch and the summary go to stderr, not stdout.
    expect(io.err()).toMatch(/epoch 6\/6 fine_tune/);
    expect(io.err()).toMatch(/rows: true class/);
  });

  it("passes --reduce-lr-patience, --reduce-lr-factor and --min-lr to the engine, 0 patience meaning off", async () => {
    const io = memoryIo(engine);
    expect(await runCli([...base(), "--reduce-lr-patience", "3", "--reduce-lr-factor", "0.2", "--min-lr", "1e-6"], io), io.err()).toBe(0);
    expect(engine.requests[0]?.config).toMatchObject({ reduceLrPatience: 3, reduceLrFactor: 0.2, minLearningRate: 1e-6 });
    const io2 = memoryIo(engine);
    expect(await runCli([...base(), "--reduce-lr-patience", "0"], io2), io2.err()).toBe(0);
    expect(engine.requests[1]?.config).toMatchObject({ reduceLrPatience: null, reduceLrFactor: 0.5, minLearningRate: 0 });
    const help = memoryIo(engine);
    await runCli(["train", "--help"], help);
    for (const flag of ["--reduce-lr-patience N", "--reduce-lr-factor F", "--min-lr X"]) expect(help.out()).toContain(flag);
  });

  it("with --api stores the ReduceLROnPlateau settings with the run", async () => {
    const api = await startFakeApi({ token: "tok" });
    try {
      const io = memoryIo(engine);
      const code = await runCli(
        [...base(), "--api", api.url, "--token", "tok", "--reduce-lr-patience", "3", "--reduce-lr-factor", "0.25", "--min-lr", "1e-7"],
        io,
      );
      expect(code, io.err()).toBe(0);
      const [run] = [...api.runs.values()];
      expect(run?.hyperparameters).toMatchObject({ reduceLrPatience: 3, reduceLrFactor: 0.25, minLearningRate: 1e-7 });
    } finally {
      await api.close();
    }
  });

  it("resolves --group-by against the dataset directory", async () => {
    fs.writeFileSync(path.join(data, "manifest.csv"), "file,leaf_group\n");
    const io = memoryIo(engine, { cwd: tmp });
    expect(await runCli([...base(), "--group-by", "manifest.csv:leaf_group"], io)).toBe(0);
    expect(engine.requests[0]?.groupBy).toEqual({ manifest: path.join(data, "manifest.csv"), column: "leaf_group" });
    const io2 = memoryIo(engine, { cwd: tmp });
    expect(await runCli([...base(), "--group-by", "nope.csv:g"], io2)).toBe(2);
    expect(io2.err()).toContain("nope.csv");
  });

  it("with --api creates, claims and reports the run on the server", async () => {
    const api = await startFakeApi({ token: "tok" });
    try {
      const io = memoryIo(engine);
      const code = await runCli([...base(), "--epochs", "3", "--api", api.url, "--token", "tok", "--json"], io);
      expect(code, io.err()).toBe(0);
      const [run] = [...api.runs.values()];
      expect(run?.status).toBe("COMPLETED");
      expect(run?.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
      expect(run?.hyperparameters).toMatchObject({ epochs: 3, augmentation: "none", baseModel: "mobilenet_v1_0.25_224" });
      expect(run?.artifacts[0]?.uri).toMatch(/^file:\/\/.*checkpoint$/);
      expect(api.calls.slice(0, 4)).toEqual(["RegisterDataset", "CreateRun", "RegisterAgent", "ClaimRun"]);
      // The delivered checkpoint went to the API before the run completed, from its holder.
      expect(api.uploads).toEqual([
        {
          runId: run?.id,
          agentId: api.agents[0]?.id,
          attempt: "1",
          files: ["labels.json", "model.json", "preprocessing.json", "weights.bin"],
          datasetSha256: FAKE_DATASET_SHA256,
        },
      ]);
      expect(api.calls.indexOf("UploadCheckpoint")).toBeLessThan(api.calls.indexOf("CompleteRun"));
      expect(io.err()).toMatch(/checkpoint uploaded \(epoch 3/);
      expect((JSON.parse(io.out()) as { runId: string }).runId).toBe(run?.id);
    } finally {
      await api.close();
    }
  });

  it("with --api and the API down exits 1 naming it", async () => {
    const io = memoryIo(engine);
    expect(await runCli([...base(), "--api", "http://127.0.0.1:9", "--token", "t"], io)).toBe(1);
    expect(io.err()).toMatch(/unreachable/);
  });
});
