import * as tf from "@tensorflow/tfjs";
import { afterEach, describe, expect, it } from "vitest";
import { BadInputError, GraftError } from "../errors";
import { currentBackend, selectBackend } from "./select";

describe("selectBackend", () => {
  const saved = process.env.GRAFT_BACKEND;
  afterEach(() => {
    if (saved === undefined) delete process.env.GRAFT_BACKEND;
    else process.env.GRAFT_BACKEND = saved;
  });

  it("without tfjs-node picks wasm and registers the gradient kernels", async () => {
    delete process.env.GRAFT_BACKEND;
    const name = await selectBackend();
    // tfjs-node cannot install here; if it ever does, the native backend wins.
    expect(["tensorflow", "wasm"]).toContain(name);
    expect(tf.getBackend()).toBe(name);
    expect(currentBackend()).toBe(name);
    if (name === "wasm") expect(tf.getKernel("Conv2DBackpropFilter", "wasm")).toBeDefined();
  });

  it("honours the argument over GRAFT_BACKEND", async () => {
    process.env.GRAFT_BACKEND = "wasm";
    expect(await selectBackend("cpu")).toBe("cpu");
    expect(tf.getBackend()).toBe("cpu");
  });

  it("honours GRAFT_BACKEND", async () => {
    process.env.GRAFT_BACKEND = "cpu";
    expect(await selectBackend()).toBe("cpu");
    process.env.GRAFT_BACKEND = "wasm";
    expect(await selectBackend()).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
  });

  it("rejects an unknown name, quoting it and listing valid ones", async () => {
    await expect(selectBackend("webgpu2")).rejects.toThrow(BadInputError);
    await expect(selectBackend("webgpu2")).rejects.toThrow(/"webgpu2".*wasm, cpu/);
    process.env.GRAFT_BACKEND = "quantum";
    await expect(selectBackend()).rejects.toThrow(/"quantum" \(from GRAFT_BACKEND\)/);
  });

  it("reports UNSUPPORTED for a known backend that is not installed", async () => {
    // A variable specifier: the optional peer dependency has no types here.
    const pkg = "@tensorflow/tfjs-node";
    const native = await import(/* @vite-ignore */ pkg).then(
      () => true,
      () => false,
    );
    if (native) return; // the native backend exists on this machine: nothing to check
    const err = await selectBackend("tensorflow").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraftError);
    expect((err as GraftError).code).toBe("UNSUPPORTED");
  });
});
