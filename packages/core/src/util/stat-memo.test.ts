import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { imageHashes } from "./hash";
import { StatMemo } from "./stat-memo";

describe("StatMemo", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "graft-stat-memo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("computes once while the file is unchanged, and again after any write, even one of the same size", async () => {
    const file = path.join(dir, "a.jpg");
    writeFileSync(file, "aaaa");
    const memo = new StatMemo<number>();
    let calls = 0;
    const compute = async (): Promise<number> => ++calls;
    expect(await memo.get(file, compute)).toBe(1);
    expect(await memo.get(file, compute)).toBe(1);
    writeFileSync(file, "bbbb");
    expect(await memo.get(file, compute)).toBe(2);
    // A missing file is computed every time and never remembered.
    const gone = path.join(dir, "gone.jpg");
    expect(await memo.get(gone, compute)).toBe(3);
    expect(await memo.get(gone, compute)).toBe(4);
  });

  it("keeps imageHashes true to the bytes across calls in one process", async () => {
    const file = path.join(dir, "b.jpg");
    writeFileSync(file, "one!");
    const first = (await imageHashes([{ absPath: file }])).get(file);
    expect((await imageHashes([{ absPath: file }])).get(file)).toBe(first);
    writeFileSync(file, "two!");
    const second = (await imageHashes([{ absPath: file }])).get(file);
    expect(second).not.toBe(first);
    expect(second).toBe(createHash("sha256").update("two!").digest("hex"));
  });
});
