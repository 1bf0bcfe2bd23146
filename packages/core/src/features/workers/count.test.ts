import os from "node:os";
import { describe, expect, it } from "vitest";
import { BadInputError } from "../../errors";
import { autoWorkers, resolveWorkers } from "./count";

describe("resolveWorkers", () => {
  it("keeps the forward pass on the main thread by default, for 0 and 1, and on tfjs-node", () => {
    expect(resolveWorkers(undefined, "wasm", {})).toBe(0);
    expect(resolveWorkers(0, "wasm", {})).toBe(0);
    expect(resolveWorkers(1, "cpu", {})).toBe(0);
    expect(resolveWorkers(8, "tensorflow", {})).toBe(0);
    expect(resolveWorkers("auto", "tensorflow", {})).toBe(0);
  });

  it("takes N on wasm and cpu, the option before GRAFT_WORKERS", () => {
    expect(resolveWorkers(2, "wasm", {})).toBe(2);
    expect(resolveWorkers(64, "cpu", {})).toBe(64);
    expect(resolveWorkers(undefined, "wasm", { GRAFT_WORKERS: " 3 " })).toBe(3);
    expect(resolveWorkers(0, "wasm", { GRAFT_WORKERS: "3" })).toBe(0);
    expect(resolveWorkers(undefined, "wasm", { GRAFT_WORKERS: "" })).toBe(0);
  });

  it('resolves "auto" to min(cores - 1, 4), and to the main thread below 3 cores', () => {
    expect([1, 2, 3, 5, 6, 16].map((c) => autoWorkers(c))).toEqual([0, 1, 2, 4, 4, 4]);
    const auto = autoWorkers(os.availableParallelism());
    expect(resolveWorkers("auto", "wasm", {})).toBe(auto <= 1 ? 0 : auto);
    expect(resolveWorkers(undefined, "wasm", { GRAFT_WORKERS: "auto" })).toBe(auto <= 1 ? 0 : auto);
  });

  it("rejects anything else, quoting the value and where it came from, whatever the backend", () => {
    for (const bad of [-1, 1.5, 65, Number.NaN]) {
      expect(() => resolveWorkers(bad, "wasm", {})).toThrow(BadInputError);
      expect(() => resolveWorkers(bad, "tensorflow", {})).toThrow(`received ${JSON.stringify(bad)}`);
    }
    for (const bad of ["-1", "2.5", "65", "two", "AUTO "]) {
      expect(() => resolveWorkers(undefined, "wasm", { GRAFT_WORKERS: bad })).toThrow(
        `workers (from GRAFT_WORKERS) must be "auto" or an integer in [0, 64], received ${JSON.stringify(bad.trim())}`,
      );
    }
    expect(() => resolveWorkers("many" as unknown as number, "wasm", {})).toThrow('received "many"');
  });
});
