import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fileSha256, largeFileSha256 } from "./hash";

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
