/**
 * `graft train` offline without local weights: no GRAFT_MODELS_DIR / --models-dir, an empty cache,
 * and a download that fails (GRAFT_MODELS_URL points at a closed loopback port, so the test never
 * reaches the network). Runs the real engine: the message and the exit code come from core.
 */
import fs from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../cli";
import { loadEngine } from "../engine/engine";
import { memoryIo } from "../testing/memory-io";

/** A 1×1 PNG: enough for core's scan to accept the images before it looks for the base model. */
const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

describe("graft train offline without local weights", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "graft-offline-"));
  let closedUrl = "";
  beforeAll(async () => {
    for (const cls of ["a", "b"]) {
      fs.mkdirSync(path.join(tmp, "data", cls), { recursive: true });
      for (const i of [1, 2]) fs.writeFileSync(path.join(tmp, "data", cls, `${i}.png`), TINY_PNG);
    }
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    closedUrl = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("exits 2 with one line naming the model, GRAFT_MODELS_DIR and --models-dir", async () => {
    vi.stubEnv("GRAFT_MODELS_URL", closedUrl);
    // The test runner may export GRAFT_MODELS_DIR for other tests; core must not find weights there.
    vi.stubEnv("GRAFT_MODELS_DIR", "");
    const io = memoryIo(await loadEngine());
    const code = await runCli(
      [
        "train",
        "--data",
        path.join(tmp, "data"),
        "--base",
        "mobilenet_v1_0.25_224",
        "--epochs",
        "1",
        "--out",
        path.join(tmp, "out"),
        "--cache-dir",
        path.join(tmp, "cache"),
        "--backend",
        "cpu",
      ],
      io,
    );
    expect(code, io.err()).toBe(2);
    const lines = io.err().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^graft train: Base model "mobilenet_v1_0\.25_224" has no local weights \(GRAFT_MODELS_DIR is not set;/);
    expect(lines[0]).toContain(`Cannot download ${closedUrl}/mobilenet_v1_0.25_224/model.json`);
    expect(lines[0]).toContain("GRAFT_MODELS_DIR=DIR or graft train --models-dir DIR");
    expect(fs.existsSync(path.join(tmp, "cache", "models", "mobilenet_v1_0.25_224", "model.json"))).toBe(false);
  }, 120_000);
});
