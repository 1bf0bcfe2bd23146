import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { imageHashes } from "./hash";
import { RACY_MS, StatMemo } from "./stat-memo";

describe("StatMemo", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "graft-stat-memo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("computes once while the file is unchanged, and again after a write of the same size", async () => {
    const file = path.join(dir, "a.jpg");
    writeFileSync(file, "aaaa");
    // A clock past the racy window: the file counts as settled.
    const memo = new StatMemo<number>(() => Date.now() + 10 * RACY_MS);
    let calls = 0;
    const compute = async (): Promise<number> => ++calls;
    expect(await memo.get(file, compute)).toBe(1);
    expect(await memo.get(file, compute)).toBe(1);
    // Past the filesystem clock's tick, so the rewrite moves mtime and ctime.
    await sleep(30);
    writeFileSync(file, "bbbb");
    expect(await memo.get(file, compute)).toBe(2);
    expect(await memo.get(file, compute)).toBe(2);
    // A missing file is computed every time and never remembered.
    const gone = path.join(dir, "gone.jpg");
    expect(await memo.get(gone, compute)).toBe(3);
    expect(await memo.get(gone, compute)).toBe(4);
  });

  it("does not remember a file changed within the racy window (a same-tick rewrite could keep its stamp)", async () => {
    const file = path.join(dir, "racy.jpg");
    writeFileSync(file, "cccc");
    const memo = new StatMemo<number>();
    let calls = 0;
    const compute = async (): Promise<number> => ++calls;
    expect(await memo.get(file, compute)).toBe(1);
    expect(await memo.get(file, compute)).toBe(2);
  });

  it("keeps imageHashes true to the bytes across calls in one process", async () => {
    const file = path.join(dir, "b.jpg");
    writeFileSync(file, "one!");
    const first = (await imageHashes([{ absPath: file }])).get(file);
    expect(first).toBe(createHash("sha256").update("one!").digest("hex"));
    writeFileSync(file, "two!");
    expect((await imageHashes([{ absPath: file }])).get(file)).toBe(createHash("sha256").update("two!").digest("hex"));
  });
});
