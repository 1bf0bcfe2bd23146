import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select";
import { foldModel, layerCount, runGraph } from "./graph";
import { splitGraph } from "./split";
import { buildTestModel, testInput } from "../testing/model";

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor): number => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number);

describe("foldModel", () => {
  beforeAll(async () => {
    await selectBackend("wasm");
  });

  it("folds BN and activations and matches the layer graph", () => {
    const model = buildTestModel(1);
    const graph = foldModel(model);
    expect(graph.steps.map((s) => s.kind)).toEqual(["conv", "conv", "conv", "layer", "layer", "conv", "conv", "layer", "affine"]);
    expect(graph.steps[1]!.layers).toEqual(["dw", "dw_bn", "dw_relu"]);
    expect(layerCount(graph)).toBe(model.layers.length - 1);
    const x = testInput(2);
    const ref = model.predict(x) as tf.Tensor;
    const got = tf.tidy(() => runGraph(graph, x));
    expect(maxAbsDiff(got, ref)).toBeLessThan(1e-4);
    // Training mode (unfused relu6/leaky, 1×1 convs as matMul) computes the same function.
    const trainingMode = tf.tidy(() => runGraph(graph, x, { training: true }));
    expect(maxAbsDiff(trainingMode, ref)).toBeLessThan(1e-4);
    tf.dispose([x, ref, got, trainingMode]);
  });

  it("stops at a named inner layer", () => {
    const model = buildTestModel(3);
    const graph = foldModel(model, "dw_bn");
    expect(graph.output).toBe("dw_bn");
    const last = graph.steps.at(-1)!;
    expect(last.layers).toEqual(["dw", "dw_bn"]);
    expect(() => foldModel(model, "nope")).toThrow(/"nope"/);
  });

  it("gives the same gradients on wasm (composed kernels, fast matMul grad) as on cpu", async () => {
    const model = buildTestModel(5);
    // Up to pw2: the max pool after it has ties (relu6 zeros) that backends break differently.
    const graph = foldModel(model, "pw2");
    const top = splitGraph(graph, layerCount(graph)).top;
    const params = top.steps.flatMap((s) => (s.kind === "conv" ? [s.kernel, s.bias] : s.kind === "affine" ? [s.scale, s.offset] : []));
    expect(params).toHaveLength(10);
    const gradsOn = async (backend: string): Promise<Float32Array[]> => {
      await selectBackend(backend);
      return tf.tidy(() => {
        const x = testInput(6);
        const w = tf.tensor(
          Float32Array.from({ length: 2 * 3 * 3 * 6 }, (_, i) => Math.sin(i)),
          [2, 3, 3, 6],
        );
        const f = (...ps: tf.Tensor[]): tf.Scalar => {
          top.steps.forEach((s) => {
            if (s.kind === "conv") [s.kernel, s.bias] = [ps.shift() as tf.Tensor4D, ps.shift() as tf.Tensor1D];
            if (s.kind === "affine") [s.scale, s.offset] = [ps.shift() as tf.Tensor1D, ps.shift() as tf.Tensor1D];
          });
          return tf.sum(tf.mul(runGraph(top, x, { training: true }), w));
        };
        const gs = tf.grads(f)(params);
        return gs.map((g) => g.dataSync() as Float32Array);
      });
    };
    const cpu = await gradsOn("cpu");
    const wasm = await gradsOn("wasm");
    expect(wasm).toHaveLength(params.length);
    wasm.forEach((g, i) => {
      const ref = cpu[i] as Float32Array;
      let m = 0;
      g.forEach((v, j) => (m = Math.max(m, Math.abs(v - (ref[j] as number)))));
      expect(m).toBeLessThan(1e-3);
    });
    expect(Math.max(...cpu.map((g) => Math.max(...Array.from(g, Math.abs))))).toBeGreaterThan(0.01);
  });
});
