/**
 * `graft train --weights FILE.h5`: parsing, the existence check (exit 2), passing it to the engine
 * and recording it with --api. `--workers N|auto`: parsing, exit 2 on a bad value, passing it on.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../cli";
import { startFakeApi } from "../testing/fake-api";
import { createFakeEngine, type FakeEngine } from "../testing/fake-engine";
import { memoryIo } from "../testing/memory-io";
import { parseTrainArgs } from "./train-args";

let tmp: string;
let data: string;
let engine: FakeEngine;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "graft-weights-"));
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

describe("graft train --weights", () => {
  it("resolves the path against the working directory, and leaves it unset without the flag", () => {
    expect(parseTrainArgs(["--data", "d", "--base", "b", "--weights", "w/no_top.h5"], {}, "/home/u").weights).toBe("/home/u/w/no_top.h5");
    expect(parseTrainArgs(["--data", "d", "--base", "b"], {}, "/home/u").weights).toBeUndefined();
    expect(() => parseTrainArgs(["--data", "d", "--base", "b", "--weights", " "], {}, "/home/u")).toThrow(/--weights needs a path .*" "/);
  });

  it("exits 2 quoting a missing or non-file --weights path, without training", async () => {
    for (const bad of [path.join(tmp, "missing.h5"), data]) {
      const io = memoryIo(engine);
      expect(await runCli([...base(), "--weights", bad], io)).toBe(2);
      expect(io.err()).toContain(`--weights "${bad}" is not a file`);
      expect(io.err().trim().split("\n")).toHaveLength(1);
    }
    expect(engine.requests).toHaveLength(0);
  });

  it("passes an existing file to the engine as an absolute path", async () => {
    const h5 = path.join(tmp, "w.h5");
    fs.writeFileSync(h5, "x");
    const io = memoryIo(engine);
    expect(await runCli([...base(), "--weights", h5], io)).toBe(0);
    expect(engine.requests).toHaveLength(1);
    expect((engine.requests[0] as { weights?: string }).weights).toBe(h5);
    const io2 = memoryIo(engine);
    expect(await runCli(base(), io2)).toBe(0);
    expect(engine.requests[1]).not.toHaveProperty("weights");
  });

  it("with --api trains from the file and records its absolute path and sha256 with the run", async () => {
    const h5 = path.join(tmp, "w.h5");
    fs.writeFileSync(h5, "not really hdf5, but bytes to hash");
    const sha = createHash("sha256").update(fs.readFileSync(h5)).digest("hex");
    const api = await startFakeApi({ token: "tok" });
    try {
      // A relative --weights: the run records the path resolved against the working directory.
      const io = memoryIo(engine, { cwd: tmp });
      expect(await runCli([...base(), "--weights", "w.h5", "--api", api.url, "--token", "tok"], io), io.err()).toBe(0);
      const [run] = [...api.runs.values()];
      expect(run?.hyperparameters).toMatchObject({ baseWeights: h5, baseWeightsSha256: sha });
      expect(run?.status).toBe("COMPLETED");
      expect((engine.requests[0] as { weights?: string }).weights).toBe(h5);
      // Core is held to the recorded bytes when it loads the file.
      expect((engine.requests[0] as { expectedWeightsSha256?: string }).expectedWeightsSha256).toBe(sha);

      // Without --weights the run says it started from the base's own weights.
      const io2 = memoryIo(engine);
      expect(await runCli([...base(), "--api", api.url, "--token", "tok"], io2), io2.err()).toBe(0);
      const second = [...api.runs.values()][1];
      expect(second?.hyperparameters).toMatchObject({ baseWeights: null, baseWeightsSha256: null });
      expect(engine.requests[1]).not.toHaveProperty("weights");
    } finally {
      await api.close();
    }
  });
});

describe("graft train --workers", () => {
  it("parses N and auto, and leaves it to core (GRAFT_WORKERS, else 0) without the flag", () => {
    const parse = (...flags: string[]) => parseTrainArgs(["--data", "d", "--base", "b", ...flags], { GRAFT_WORKERS: "3" }, "/home/u");
    expect(parse("--workers", "2").workers).toBe(2);
    expect(parse("--workers", "0").workers).toBe(0);
    expect(parse("--workers", "auto").workers).toBe("auto");
    expect(parse()).not.toHaveProperty("workers");
  });

  it("exits 2 quoting a bad value, without training", async () => {
    for (const bad of ["-1", "2.5", "65", "many", ""]) {
      const io = memoryIo(engine);
      // `--workers=-1`: node's parseArgs reads a separate "-1" as a flag.
      expect(await runCli([...base(), `--workers=${bad}`], io)).toBe(2);
      expect(io.err()).toContain(`--workers expects "auto" or an integer from 0 to 64, got "${bad}"`);
    }
    expect(engine.requests).toHaveLength(0);
  });

  it("passes the value to the engine, with and without --api, and documents it in --help", async () => {
    expect(await runCli([...base(), "--workers", "2"], memoryIo(engine))).toBe(0);
    expect(engine.requests[0]?.workers).toBe(2);
    expect(await runCli(base(), memoryIo(engine))).toBe(0);
    expect(engine.requests[1]).not.toHaveProperty("workers");
    const api = await startFakeApi({ token: "tok" });
    try {
      const io = memoryIo(engine);
      expect(await runCli([...base(), "--workers", "auto", "--api", api.url, "--token", "tok"], io), io.err()).toBe(0);
      expect(engine.requests[2]?.workers).toBe("auto");
    } finally {
      await api.close();
    }
    const help = memoryIo(engine);
    await runCli(["train", "--help"], help);
    expect(help.out()).toContain("--workers N|auto");
  });
});
