import { describe, expect, it } from "vitest";
import { BatchLoader, groupBy } from "./batch-loader";

describe("BatchLoader", () => {
  it("answers loads made in one pass with one fetch of the distinct keys", async () => {
    const calls: string[][] = [];
    const loader = new BatchLoader<string, number>(
      async (keys) => {
        calls.push([...keys]);
        return new Map(keys.filter((k) => k !== "none").map((k) => [k, k.length]));
      },
      () => -1,
    );
    const values = await Promise.all(["a", "bb", "a", "none", "ccc"].map((k) => loader.load(k)));
    expect(values).toEqual([1, 2, 1, -1, 3]);
    expect(calls).toEqual([["a", "bb", "none", "ccc"]]);
    // A later pass is a new batch and fetches again (nothing is cached between batches).
    expect(await loader.load("a")).toBe(1);
    expect(calls).toHaveLength(2);
  });

  it("gives every caller of a failed batch the error, and a fresh array each for missing keys", async () => {
    const failing = new BatchLoader<number, string>(
      async () => {
        throw new Error("database is locked");
      },
      () => "",
    );
    const results = await Promise.allSettled([failing.load(1), failing.load(2)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    const empty = new BatchLoader<number, string[]>(
      async () => new Map(),
      () => [],
    );
    const [x, y] = await Promise.all([empty.load(1), empty.load(2)]);
    expect(x).toEqual([]);
    expect(x).not.toBe(y);
  });
});

describe("groupBy", () => {
  it("groups in row order", () => {
    expect(
      groupBy(
        [
          { k: "a", v: 1 },
          { k: "b", v: 2 },
          { k: "a", v: 3 },
        ],
        (r) => r.k,
      ),
    ).toEqual(
      new Map([
        [
          "a",
          [
            { k: "a", v: 1 },
            { k: "a", v: 3 },
          ],
        ],
        ["b", [{ k: "b", v: 2 }]],
      ]),
    );
  });
});
