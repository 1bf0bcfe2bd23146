import * as tf from "@tensorflow/tfjs";
import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { selectBackend } from "../backend/select";
import { BadInputError, GraftError } from "../errors";
import { downloadModel } from "./download";
import { loadBaseModel } from "./load";
import { getBaseModelSpec } from "./registry";
import { sharedModelsDir } from "./shared-dir";

const modelsDir = sharedModelsDir();
if (modelsDir === null) console.warn("shared models absent (../shared or GRAFT_SHARED_DIR): skipping base-model loading tests");

const expectedShapes: Record<string, number[]> = {
  "mobilenet_v1_0.25_224": [1, 7, 7, 256],
  "mobilenet_v1_0.75_224": [1, 7, 7, 768],
  "mobilenet_v2_0.35_224_no_top": [1, 7, 7, 1280],
  darknet_tiny_224: [1, 14, 14, 128],
};

describe.skipIf(modelsDir === null)("loadBaseModel on the shared models", () => {
  beforeAll(async () => {
    await selectBackend("wasm");
  });

  for (const [name, shape] of Object.entries(expectedShapes)) {
    it(`${name} loads and its feature layer has shape ${JSON.stringify(shape)}`, async () => {
      const loaded = await loadBaseModel(name, { modelsDir, cacheDir: "/nonexistent-cache" });
      expect(loaded.source).toBe("models-dir");
      expect(loaded.spec.featureDim).toBe(shape[3]);
      const layer = loaded.model.getLayer(loaded.spec.featureLayer);
      const truncated = tf.model({ inputs: loaded.model.inputs, outputs: layer.output as tf.SymbolicTensor });
      const out = tf.tidy(() => truncated.predict(tf.zeros([1, 224, 224, 3])) as tf.Tensor);
      expect(out.shape).toEqual(shape);
      out.dispose();
      loaded.model.dispose();
    });
  }

  it("loads a user model.json by path, with its output as feature layer", async () => {
    const loaded = await loadBaseModel(path.join(modelsDir!, "mobilenet_v2_0.35_224_no_top", "model.json"));
    expect(loaded.source).toBe("path");
    expect(loaded.spec.featureLayer).toBe("out_relu");
    expect(loaded.spec.inputSize).toBe(224);
    expect(loaded.weightsSha256).toBe(getBaseModelSpec("mobilenet_v2_0.35_224_no_top").weightsSha256);
    loaded.model.dispose();
  });
});

describe("loadBaseModel errors", () => {
  it("rejects an unknown registry name, quoting it", async () => {
    await expect(loadBaseModel("resnet9000")).rejects.toThrow(BadInputError);
    await expect(loadBaseModel("resnet9000")).rejects.toThrow(/"resnet9000"/);
  });

  it("gives the conversion command for a registry model without a URL", async () => {
    const err = await loadBaseModel("vgg16", { modelsDir: null }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraftError);
    expect((err as GraftError).code).toBe("NOT_FOUND");
    expect((err as Error).message).toMatch(/tensorflowjs_converter --input_format=keras/);
  });

  describe("offline: no local weights and the download fails", () => {
    // A loopback port that was just closed refuses at once: the test can never reach the network.
    let unreachable = "";
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), "graft-offline-"));
    beforeAll(async () => {
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
      const addr = probe.address();
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      unreachable = `http://127.0.0.1:${typeof addr === "object" && addr !== null ? addr.port : 0}/mirror`;
    });
    afterEach(() => vi.unstubAllEnvs());
    afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

    it("is BAD_INPUT naming the model, GRAFT_MODELS_DIR, --models-dir and the failed URL", async () => {
      vi.stubEnv("GRAFT_MODELS_URL", unreachable);
      vi.stubEnv("GRAFT_MODELS_DIR", "");
      const err = await loadBaseModel("mobilenet_v1_0.25_224", { cacheDir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BadInputError);
      const message = (err as Error).message;
      expect(message).toContain('Base model "mobilenet_v1_0.25_224" has no local weights (GRAFT_MODELS_DIR is not set;');
      expect(message).toContain(`Cannot download ${unreachable}/mobilenet_v1_0.25_224/model.json`);
      expect(message).toMatch(/ECONNREFUSED/);
      expect(message).toContain("GRAFT_MODELS_DIR=DIR or graft train --models-dir DIR");
      expect(existsSync(path.join(cacheDir, "models", "mobilenet_v1_0.25_224", "model.json"))).toBe(false);
    });

    it("says where to put the files of the MobileNetV2 widths that have no copy here", async () => {
      vi.stubEnv("GRAFT_MODELS_URL", unreachable);
      for (const name of ["mobilenet_v2_0.50_224_no_top", "mobilenet_v2_0.75_224_no_top", "mobilenet_v2_1.00_224_no_top"]) {
        const err = await loadBaseModel(name, { modelsDir: cacheDir, cacheDir }).catch((e: unknown) => e);
        expect((err as GraftError).code).toBe("BAD_INPUT");
        const message = (err as Error).message;
        expect(message).toContain(`(no ${path.join(cacheDir, name, "model.json")};`);
        expect(message).toContain(`Cannot download ${unreachable}/${name}/model.json`);
        expect(message).toContain(`copy its folder "${name}" (model.json and weight files)`);
        expect(existsSync(path.join(cacheDir, "models", name, "sha256.recorded"))).toBe(false);
      }
    });

    it("names the models folder it searched when one was given", async () => {
      vi.stubEnv("GRAFT_MODELS_URL", unreachable);
      const err = await loadBaseModel("darknet_tiny_224", { modelsDir: cacheDir, cacheDir }).catch((e: unknown) => e);
      expect((err as GraftError).code).toBe("BAD_INPUT");
      expect((err as Error).message).toContain(`(no ${path.join(cacheDir, "darknet_tiny_224", "model.json")};`);
    });
  });

  it("reports a missing model path as NOT_FOUND", async () => {
    const err = await loadBaseModel("/no/such/dir/model.json").catch((e: unknown) => e);
    expect((err as GraftError).code).toBe("NOT_FOUND");
  });
});

describe.skipIf(modelsDir === null)("downloadModel from a local HTTP server", () => {
  let server: Server;
  let base = "";
  let tmp = "";
  const name = "mobilenet_v1_0.25_224";
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "graft-dl-"));
    const src = path.join(modelsDir!, name);
    server = createServer((req, res) => {
      const url = req.url ?? "/";
      if (url.startsWith("/tampered/model.json")) {
        const mj = JSON.parse(readFileSync(path.join(src, "model.json"), "utf8")) as { generatedBy?: string };
        mj.generatedBy = "someone else";
        res.end(JSON.stringify(mj));
        return;
      }
      const file = path.join(src, path.basename(url));
      if (!existsSync(file)) {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === "object" && addr !== null ? addr.port : 0}`;
  });
  afterAll(() => {
    server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("rejects a tampered model.json with CHECKSUM_MISMATCH naming both hashes, and leaves no file", async () => {
    const spec = { ...getBaseModelSpec(name), url: `${base}/tampered/model.json` };
    const dir = path.join(tmp, "bad");
    const err = await downloadModel(spec, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraftError);
    expect((err as GraftError).code).toBe("CHECKSUM_MISMATCH");
    expect((err as Error).message).toContain(spec.sha256!);
    expect((err as Error).message).toMatch(/sha256 [0-9a-f]{64}/);
    expect(existsSync(path.join(dir, "model.json"))).toBe(false);
  });

  it("downloads model.json and every shard, reporting progress, then loads from the cache", async () => {
    await selectBackend("wasm");
    const spec = { ...getBaseModelSpec(name), url: `${base}/model.json` };
    const dir = path.join(tmp, "cache", "models", name);
    const seen: number[] = [];
    await downloadModel(spec, dir, (p) => seen.push(p.filesDone));
    expect(seen.at(-1)).toBe(56);
    const loaded = await loadBaseModel(name, { modelsDir: null, cacheDir: path.join(tmp, "cache") });
    expect(loaded.source).toBe("cache");
    expect(loaded.model.layers.length).toBe(88);
    loaded.model.dispose();
  });
});
