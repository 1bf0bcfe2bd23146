/**
 * The frozen part's engine: ONNX Runtime when it can run the graph, else the TF.js fallback (the
 * worker pool when given, else the main thread) with one line saying why, printed once; an explicit
 * `onnxruntime` request fails instead. A small conv graph, so every case runs in milliseconds.
 */
import * as tf from "@tensorflow/tfjs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GraftError } from "../errors";
import { disposeGraph, foldModel, runGraph, type FoldedGraph } from "../features/graph";
import type { PooledCompute } from "../features/workers/pool";
import { FrozenEngine, frozenRequest } from "./frozen-engine";
import { selectBackend } from "./select";

const SIZE = 9;

function tinyGraph(withUnknownLayer: boolean): { model: tf.LayersModel; graph: FoldedGraph } {
  const input = tf.input({ shape: [SIZE, SIZE, 3] });
  let x = tf.layers
    .conv2d({ filters: 4, kernelSize: 3, padding: "same", activation: "relu", name: "c1" })
    .apply(input) as tf.SymbolicTensor;
  if (withUnknownLayer) x = tf.layers.upSampling2d({ size: [1, 1], name: "up" }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.conv2d({ filters: 5, kernelSize: 1, name: "c2" }).apply(x) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: x });
  return { model, graph: foldModel(model, "c2") };
}

const pixels = (n: number): Float32Array => Float32Array.from({ length: n * SIZE * SIZE * 3 }, (_, i) => Math.sin(i));
const pooledOnTfjs = (graph: FoldedGraph) => (x: tf.Tensor4D) => tf.mean(runGraph(graph, x), [1, 2]);

describe("FrozenEngine", () => {
  const saved = process.env.GRAFT_NO_ONNXRUNTIME;
  beforeAll(async () => {
    await selectBackend("wasm");
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.GRAFT_NO_ONNXRUNTIME;
    else process.env.GRAFT_NO_ONNXRUNTIME = saved;
  });

  it("reads the request from --backend, else GRAFT_BACKEND", () => {
    expect(frozenRequest("onnxruntime")).toBe("onnxruntime");
    expect(frozenRequest(" ORT ")).toBe("onnxruntime");
    expect(frozenRequest("wasm")).toBe("tfjs");
    const env = process.env.GRAFT_BACKEND;
    process.env.GRAFT_BACKEND = "onnx";
    expect(frozenRequest()).toBe("onnxruntime");
    delete process.env.GRAFT_BACKEND;
    expect(frozenRequest()).toBe("auto");
    if (env !== undefined) process.env.GRAFT_BACKEND = env;
  });

  it("keeps the frozen part on TF.js when a TF.js backend was named, or on native TensorFlow", () => {
    const { model, graph } = tinyGraph(false);
    const pool: PooledCompute = { workers: 3, run: () => Promise.reject(new Error("unused")) };
    expect(
      new FrozenEngine({ request: "tfjs", backend: "wasm", cacheDir: null }).compute(
        graph,
        "g",
        [SIZE, SIZE, 3],
        "pooled",
        [5],
        pooledOnTfjs(graph),
        pool,
      ).pool,
    ).toBe(pool);
    expect(new FrozenEngine({ request: "auto", backend: "tensorflow", cacheDir: null }).triesOnnxRuntime).toBe(false);
    disposeGraph(graph);
    model.dispose();
  });

  it("falls back to TF.js with one line, once, when the graph has a layer ONNX export does not know, and gives the same values", async () => {
    const { model, graph } = tinyGraph(true);
    const lines: string[] = [];
    const engine = new FrozenEngine({ request: "auto", backend: "wasm", cacheDir: null, log: (l) => lines.push(l) });
    const part = engine.compute(graph, "unknown-layer-graph", [SIZE, SIZE, 3], "pooled", [5], pooledOnTfjs(graph));
    const x = pixels(2);
    const first = await part.pool!.run(x, 2);
    await part.pool!.run(x, 2);
    // A second part of the same run: the notice is not repeated.
    await engine.compute(graph, "unknown-layer-graph", [SIZE, SIZE, 3], "pooled", [5], pooledOnTfjs(graph)).pool!.run(x, 2);
    expect(lines).toEqual([
      'layer "up" (class UpSampling2D) has no ONNX export; the frozen base runs on TF.js instead; the frozen base runs on wasm',
    ]);
    expect(part.used()).toBe("wasm");
    const expected = tf.tidy(() => pooledOnTfjs(graph)(tf.tensor4d(x, [2, SIZE, SIZE, 3])).dataSync());
    expect(Array.from(first.values)).toEqual(Array.from(expected));
    expect(first.shape).toEqual([2, 5]);
    await engine.dispose();
    disposeGraph(graph);
    model.dispose();
  });

  it("falls back to the worker pool when there is one, and fails an explicit onnxruntime request naming why", async () => {
    process.env.GRAFT_NO_ONNXRUNTIME = "1";
    const { model, graph } = tinyGraph(false);
    const calls: number[] = [];
    const pool: PooledCompute = { workers: 2, run: async (_p, n) => (calls.push(n), { values: new Float32Array(n * 5), shape: [n, 5] }) };
    const lines: string[] = [];
    const auto = new FrozenEngine({ request: "auto", backend: "cpu", cacheDir: null, log: (l) => lines.push(l) });
    const part = auto.compute(graph, "g-pool", [SIZE, SIZE, 3], "pooled", [5], pooledOnTfjs(graph), pool);
    await part.pool!.run(pixels(3), 3);
    expect(calls).toEqual([3]);
    expect(part.used()).toBe("cpu");
    expect(lines).toEqual(["ONNX Runtime is not available: disabled by GRAFT_NO_ONNXRUNTIME=1; the frozen base runs on cpu"]);

    const asked = new FrozenEngine({ request: "onnxruntime", backend: "wasm", cacheDir: null });
    const error = await asked
      .compute(graph, "g-asked", [SIZE, SIZE, 3], "pooled", [5], pooledOnTfjs(graph))
      .pool!.run(pixels(1), 1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraftError);
    expect((error as GraftError).code).toBe("UNSUPPORTED");
    expect((error as Error).message).toBe(
      'Backend "onnxruntime" was requested but cannot run this base: ONNX Runtime is not available: disabled by GRAFT_NO_ONNXRUNTIME=1',
    );
    await auto.dispose();
    await asked.dispose();
    disposeGraph(graph);
    model.dispose();
  });

  it("runs the graph on ONNX Runtime when it can, equal to TF.js within 1e-5", async () => {
    const { model, graph } = tinyGraph(false);
    const engine = new FrozenEngine({ request: "auto", backend: "wasm", cacheDir: null, log: () => undefined });
    const part = engine.compute(graph, "g-ort", [SIZE, SIZE, 3], "map", [SIZE, SIZE, 5], (x) => runGraph(graph, x));
    const x = pixels(2);
    const out = await part.pool!.run(x, 2);
    expect(part.used()).toBe("onnxruntime-cpu");
    const expected = tf.tidy(() => runGraph(graph, tf.tensor4d(x, [2, SIZE, SIZE, 3])).dataSync());
    expect(out.shape).toEqual([2, SIZE, SIZE, 5]);
    let worst = 0;
    expected.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (out.values[i] as number)))));
    expect(worst).toBeLessThan(1e-5);
    await engine.dispose();
    // After dispose the sessions are gone: a late batch is an error, not a silent TF.js run.
    await expect(part.pool!.run(x, 2)).rejects.toThrow();
    disposeGraph(graph);
    model.dispose();
  });
});
