import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../cli";
import { createFakeEngine } from "../testing/fake-engine";
import { startFakeApi, type FakeApi } from "../testing/fake-api";
import { memoryIo } from "../testing/memory-io";

let api: FakeApi;
let cache: string;
beforeEach(async () => {
  api = await startFakeApi({ token: "tok" });
  cache = fs.mkdtempSync(path.join(os.tmpdir(), "graft-agent-cmd-"));
});
afterEach(async () => {
  await api.close();
  fs.rmSync(cache, { recursive: true, force: true });
});

describe("graft agent command", () => {
  it("takes --api/--token from GRAFT_API_URL/GRAFT_API_TOKEN and --once drains the queue", async () => {
    api.addRun({ id: "r1" });
    api.addRun({ id: "r2" });
    const engine = createFakeEngine();
    const io = memoryIo(engine, { env: { GRAFT_API_URL: api.url, GRAFT_API_TOKEN: "tok", GRAFT_CACHE_DIR: cache, GRAFT_BACKEND: "wasm" } });
    expect(await runCli(["agent", "--once", "--name", "n1"], io)).toBe(0);
    expect([...api.runs.values()].map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(api.agents).toEqual([{ id: expect.any(String), name: "n1", backend: "wasm" }]);
    expect(engine.requests.map((r) => r.cacheDir)).toEqual([cache, cache]);
    expect(io.err()).toMatch(/run r1 · epoch 3\/3/);
  });

  it("passes --workers to every run and exits 2 quoting a bad value", async () => {
    api.addRun({ id: "r1" });
    const engine = createFakeEngine();
    const io = memoryIo(engine, { env: { GRAFT_CACHE_DIR: cache } });
    expect(await runCli(["agent", "--api", api.url, "--token", "tok", "--once", "--workers", "auto"], io), io.err()).toBe(0);
    expect(engine.requests.map((r) => r.workers)).toEqual(["auto"]);
    const io2 = memoryIo(createFakeEngine(), { env: { GRAFT_CACHE_DIR: cache } });
    expect(await runCli(["agent", "--api", api.url, "--token", "tok", "--once", "--workers", "65"], io2)).toBe(2);
    expect(io2.err()).toContain('--workers expects "auto" or an integer from 0 to 64, got "65"');
    const help = memoryIo(createFakeEngine());
    await runCli(["agent", "--help"], help);
    expect(help.out()).toContain("--workers N|auto");
  });

  it("exits 2 without an API URL and 1 naming a rejected token", async () => {
    const io = memoryIo(createFakeEngine(), { env: {} });
    expect(await runCli(["agent"], io)).toBe(2);
    expect(io.err()).toContain("--api URL");
    const io2 = memoryIo(createFakeEngine(), { env: { GRAFT_CACHE_DIR: cache } });
    expect(await runCli(["agent", "--api", api.url, "--token", "wrong", "--once"], io2)).toBe(1);
    expect(io2.err()).toMatch(/UNAUTHENTICATED/);
    const io3 = memoryIo(createFakeEngine(), { env: { GRAFT_CACHE_DIR: cache } });
    expect(await runCli(["agent", "--api", api.url, "--concurrency", "0"], io3)).toBe(2);
    expect(io3.err()).toContain('"0"');
  });
});
