import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { datasetSha256, fileSha256, imageHashes, largeFileSha256 } from "./hash";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "graft-hash-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("file sha256", () => {
  it("hashes a file as sha256sum does, read whole or across many stream chunks", async () => {
    const file = path.join(tmp, "big.h5");
    // Larger than one read-stream chunk (64 KiB), so the streamed digest covers several.
    const bytes = Buffer.alloc(300_000, 7);
    fs.writeFileSync(file, bytes);
    const expected = createHash("sha256").update(bytes).digest("hex");
    expect(await largeFileSha256(file)).toBe(expected);
    expect(await fileSha256(file)).toBe(expected);
  });
});

describe("dataset sha256", () => {
  it("hashes each image once by path, and changes with any image's name or bytes, not with listing order", async () => {
    const write = (file: string, body: string) => {
      fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
      fs.writeFileSync(path.join(tmp, file), body);
      return { file, absPath: path.join(tmp, file) };
    };
    const images = [write("a/1.png", "one"), write("b/2.png", "two")];
    const hashes = await imageHashes(images);
    expect(hashes.get(images[0]!.absPath)).toBe(createHash("sha256").update("one").digest("hex"));
    const id = datasetSha256(images, hashes);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(datasetSha256([...images].reverse(), hashes)).toBe(id);
    const renamed = [{ ...images[0]!, file: "a/1b.png" }, images[1]!];
    expect(datasetSha256(renamed, hashes)).not.toBe(id);
    write("b/2.png", "changed");
    expect(datasetSha256(images, await imageHashes(images))).not.toBe(id);
    expect(() => datasetSha256(images, new Map())).toThrow(/no sha256/);
  });
});
