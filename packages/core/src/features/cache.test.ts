import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FeatureCache, featureKey } from "./cache";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});
function cache(): FeatureCache {
  const root = mkdtempSync(path.join(os.tmpdir(), "graft-cache-test-"));
  roots.push(root);
  return new FeatureCache(path.join(root, "features"));
}
const key = (n: number) => featureKey({ graphId: "g", preprocessing: "mobilenet", inputSize: 224, imageSha256: String(n) });

describe("FeatureCache", () => {
  it("misses an entry never stored, then returns exactly what was stored", () => {
    const c = cache();
    expect(c.get(key(1), 3)).toBeNull();
    c.put(key(1), Float32Array.of(1.5, -2, 3e-8));
    expect(Array.from(c.get(key(1), 3) ?? [])).toEqual([1.5, -2, Math.fround(3e-8)]);
  });

  it("treats an entry of the wrong length (a torn or stale file) as a miss", () => {
    const c = cache();
    c.put(key(2), Float32Array.of(1, 2, 3));
    expect(c.get(key(2), 4)).toBeNull();
  });

  it("stores again after the cache folder was removed under it", () => {
    const c = cache();
    c.put(key(3), Float32Array.of(1));
    rmSync(c.root, { recursive: true, force: true });
    c.put(key(3), Float32Array.of(7));
    expect(Array.from(c.get(key(3), 1) ?? [])).toEqual([7]);
  });

  it("serves a recent entry from memory, even once its file is gone, and a later put replaces it", () => {
    const c = cache();
    c.put(key(5), Float32Array.of(4, 5));
    rmSync(c.root, { recursive: true, force: true });
    expect(Array.from(c.get(key(5), 2) ?? [])).toEqual([4, 5]);
    // Another instance on the same folder (a later run) sees it too; another folder starts cold.
    expect(Array.from(new FeatureCache(c.root).get(key(5), 2) ?? [])).toEqual([4, 5]);
    expect(cache().get(key(5), 2)).toBeNull();
    c.put(key(5), Float32Array.of(6, 7));
    expect(Array.from(c.get(key(5), 2) ?? [])).toEqual([6, 7]);
  });

  it("throws, rather than calling it a miss, when the entry cannot be read for another reason", () => {
    const c = cache();
    // A file where the shard folder should be: ENOTDIR, not ENOENT.
    const k = key(4);
    writeFileSync(path.join(roots[0] as string, "features"), "not a folder");
    expect(() => c.get(k, 1)).toThrow(/ENOTDIR/);
  });
});
