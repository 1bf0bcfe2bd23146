/**
 * Checksum policies of downloads, over a real HTTP server on a loopback port: a `recorded` base
 * (trust on first use) records the sha256s of its first download in `sha256.recorded` and refuses
 * files that differ later; a `pinned` base's known weights sha256 is enforced too.
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { selectBackend } from "../backend/select";
import { GraftError } from "../errors";
import { downloadModel, readRecordedChecksums, RECORDED_SHA256_FILE, verifyRecordedModel } from "./download";
import { loadBaseModel } from "./load";
import { getBaseModelSpec } from "./registry";
import { sharedModelsDir } from "./shared-dir";
import type { BaseModelSpec } from "./spec";

const sha256 = (...parts: (string | Buffer)[]): string => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest("hex");
};

/** What the server answers, by path; tests change it to play an upstream that changed its files. */
const files = new Map<string, Buffer>();
let server: Server;
let base = "";
let tmp = "";

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "graft-recorded-"));
  server = createServer((req, res) => {
    const body = files.get(new URL(req.url ?? "/", "http://x").pathname);
    if (body === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === "object" && addr !== null ? addr.port : 0}`;
});
afterAll(() => {
  server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A small model.json (two shards) served under `/<prefix>/`; the loader only parses its manifest here. */
function serveTiny(prefix: string, shards: [Buffer, Buffer], tag = "v1"): { json: Buffer; url: string } {
  const json = Buffer.from(
    JSON.stringify({
      format: "layers-model",
      generatedBy: tag,
      modelTopology: {},
      weightsManifest: [{ paths: ["group1-shard1of2.bin", "group1-shard2of2.bin"], weights: [] }],
    }),
  );
  files.set(`/${prefix}/model.json`, json);
  files.set(`/${prefix}/group1-shard1of2.bin`, shards[0]);
  files.set(`/${prefix}/group1-shard2of2.bin`, shards[1]);
  return { json, url: `${base}/${prefix}/model.json` };
}

const recordedSpec = (url: string): BaseModelSpec => ({ ...getBaseModelSpec("mobilenet_v2_1.00_224_no_top"), url });

async function codeOf(p: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GraftError);
  return { code: (err as GraftError).code, message: (err as Error).message };
}

describe("downloadModel of a base whose checksum is recorded on first download", () => {
  it("is what the registry says of the MobileNetV2 widths without a copy here", () => {
    expect(getBaseModelSpec("mobilenet_v2_1.00_224_no_top")).toMatchObject({ checksum: "recorded", sha256: null });
  });

  it("records the sha256 of model.json and of the weights at the first download, and keeps it", async () => {
    const shards: [Buffer, Buffer] = [Buffer.from("first shard bytes"), Buffer.from("second shard bytes")];
    const { json, url } = serveTiny("first", shards);
    const dir = path.join(tmp, "first");
    await downloadModel(recordedSpec(url), dir);
    const record = await readRecordedChecksums(dir);
    expect(record).toMatchObject({
      model: "mobilenet_v2_1.00_224_no_top",
      modelJson: sha256(json),
      weights: sha256(shards[0], shards[1]),
      url,
    });
    expect(readFileSync(path.join(dir, "model.json"))).toEqual(json);
    // The same files again (model.json lost, say): accepted, and the record is the first one.
    rmSync(path.join(dir, "model.json"));
    await downloadModel(recordedSpec(url), dir);
    expect(await readRecordedChecksums(dir)).toEqual(record);
    expect(await verifyRecordedModel(recordedSpec(url), dir)).toEqual(record);
  });

  it("refuses a model.json that changed upstream since, naming both hashes and the record, and writes nothing", async () => {
    const shards: [Buffer, Buffer] = [Buffer.from("a"), Buffer.from("b")];
    const first = serveTiny("changed-json", shards, "v1");
    const dir = path.join(tmp, "changed-json");
    await downloadModel(recordedSpec(first.url), dir);
    rmSync(path.join(dir, "model.json"));
    const second = serveTiny("changed-json", shards, "v2");
    const e = await codeOf(downloadModel(recordedSpec(second.url), dir));
    expect(e.code).toBe("CHECKSUM_MISMATCH");
    expect(e.message).toContain(
      `model.json of "mobilenet_v2_1.00_224_no_top" from ${second.url}: sha256 ${sha256(second.json)}, but the first download recorded ${sha256(first.json)} in ${path.join(dir, RECORDED_SHA256_FILE)}`,
    );
    expect(e.message).toContain(`delete the folder ${dir}`);
    expect(existsSync(path.join(dir, "model.json"))).toBe(false);
    expect((await readRecordedChecksums(dir))?.modelJson).toBe(sha256(first.json));
  });

  it("refuses weights that changed upstream since, deleting them so a retry fetches them again", async () => {
    const dir = path.join(tmp, "changed-weights");
    const { url } = serveTiny("changed-weights", [Buffer.from("a"), Buffer.from("b")]);
    await downloadModel(recordedSpec(url), dir);
    const recorded = (await readRecordedChecksums(dir))?.weights;
    rmSync(path.join(dir, "model.json"));
    rmSync(path.join(dir, "group1-shard2of2.bin"));
    serveTiny("changed-weights", [Buffer.from("a"), Buffer.from("B")]);
    const e = await codeOf(downloadModel(recordedSpec(url), dir));
    expect(e.code).toBe("CHECKSUM_MISMATCH");
    expect(e.message).toContain(
      `The weights of "mobilenet_v2_1.00_224_no_top" from ${url}: sha256 ${sha256("a", "B")}, but the first download recorded ${recorded}`,
    );
    expect(existsSync(path.join(dir, "model.json"))).toBe(false);
    expect(existsSync(path.join(dir, "group1-shard1of2.bin"))).toBe(false);
    // Upstream back to the recorded bytes: the retry downloads and passes.
    serveTiny("changed-weights", [Buffer.from("a"), Buffer.from("b")]);
    await downloadModel(recordedSpec(url), dir);
    expect(existsSync(path.join(dir, "model.json"))).toBe(true);
  });

  it("verifies a cached copy against its record, and records a copy cached before records existed", async () => {
    const dir = path.join(tmp, "cached");
    const { url } = serveTiny("cached", [Buffer.from("x"), Buffer.from("y")]);
    await downloadModel(recordedSpec(url), dir);
    rmSync(path.join(dir, RECORDED_SHA256_FILE));
    const adopted = await verifyRecordedModel(recordedSpec(url), dir);
    expect(adopted.weights).toBe(sha256("x", "y"));
    expect(existsSync(path.join(dir, RECORDED_SHA256_FILE))).toBe(true);
    writeFileSync(path.join(dir, "group1-shard1of2.bin"), "tampered");
    const e = await codeOf(verifyRecordedModel(recordedSpec(url), dir));
    expect(e.code).toBe("CHECKSUM_MISMATCH");
    expect(e.message).toContain(
      `The weights of "mobilenet_v2_1.00_224_no_top" in ${dir}: sha256 ${sha256("tampered", "y")}, but the first download recorded ${sha256("x", "y")}`,
    );
  });

  it("refuses a record it cannot read instead of replacing it", async () => {
    const dir = path.join(tmp, "garbled");
    const { url } = serveTiny("garbled", [Buffer.from("x"), Buffer.from("y")]);
    await downloadModel(recordedSpec(url), dir);
    writeFileSync(path.join(dir, RECORDED_SHA256_FILE), "{ not json");
    const e = await codeOf(verifyRecordedModel(recordedSpec(url), dir));
    expect(e.code).toBe("CHECKSUM_MISMATCH");
    expect(e.message).toContain("is not a checksum record");
  });
});

describe("downloadModel of a pinned base", () => {
  it("enforces the registry's weights sha256 when it has one, deleting the weights, and records nothing", async () => {
    const { json, url } = serveTiny("pinned", [Buffer.from("p"), Buffer.from("q")]);
    const spec: BaseModelSpec = {
      ...getBaseModelSpec("mobilenet_v2_0.35_224_no_top"),
      url,
      sha256: sha256(json),
      weightsSha256: "0".repeat(64),
    };
    const dir = path.join(tmp, "pinned");
    const e = await codeOf(downloadModel(spec, dir));
    expect(e.code).toBe("CHECKSUM_MISMATCH");
    expect(e.message).toContain(`have sha256 ${sha256("p", "q")}, expected ${"0".repeat(64)}`);
    expect(existsSync(path.join(dir, "group1-shard1of2.bin"))).toBe(false);
    await downloadModel({ ...spec, weightsSha256: sha256("p", "q") }, dir);
    expect(existsSync(path.join(dir, "model.json"))).toBe(true);
    expect(existsSync(path.join(dir, RECORDED_SHA256_FILE))).toBe(false);
  });
});

const modelsDir = sharedModelsDir();
if (modelsDir === null) console.warn("shared models absent (../shared or GRAFT_SHARED_DIR): skipping the recorded-checksum loading test");

describe.skipIf(modelsDir === null)("loadBaseModel of a recorded base through a mirror", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("downloads and records, loads from the cache after, and refuses the cache once its weights change", async () => {
    await selectBackend("wasm");
    // MobileNetV2 1.00 has the layers of 0.35; the 0.35 files play its upstream here.
    const name = "mobilenet_v2_1.00_224_no_top";
    const src = path.join(modelsDir as string, "mobilenet_v2_0.35_224_no_top");
    for (const f of ["model.json", "group1-shard1of1.bin"]) files.set(`/mirror/${name}/${f}`, readFileSync(path.join(src, f)));
    vi.stubEnv("GRAFT_MODELS_URL", `${base}/mirror`);
    const cacheDir = path.join(tmp, "load-cache");
    const first = await loadBaseModel(name, { modelsDir: null, cacheDir });
    first.model.dispose();
    expect(first.source).toBe("download");
    const dir = path.join(cacheDir, "models", name);
    const record = await readRecordedChecksums(dir);
    expect(record).toMatchObject({ modelJson: sha256(readFileSync(path.join(src, "model.json"))), weights: first.weightsSha256 });
    expect(record?.url).toBe(`${base}/mirror/${name}/model.json`);

    const second = await loadBaseModel(name, { modelsDir: null, cacheDir });
    second.model.dispose();
    expect(second.source).toBe("cache");
    expect(second.weightsSha256).toBe(record?.weights);

    const weights = readFileSync(path.join(dir, "group1-shard1of1.bin"));
    weights[100] = (weights[100] as number) ^ 0xff;
    writeFileSync(path.join(dir, "group1-shard1of1.bin"), weights);
    const e = await codeOf(loadBaseModel(name, { modelsDir: null, cacheDir }));
    expect(e.code).toBe("CHECKSUM_MISMATCH");
    expect(e.message).toContain(`but the first download recorded ${record?.weights}`);
  });
});
