import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BaseWeightsError, fileSha256, verifyBaseWeights } from "./weights";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "graft-weights-check-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("base weights check", () => {
  it("hashes a file as sha256sum does, across many stream chunks", async () => {
    const file = path.join(tmp, "big.h5");
    // Larger than one read-stream chunk (64 KiB), so the streamed digest covers several.
    const bytes = Buffer.alloc(300_000, 7);
    fs.writeFileSync(file, bytes);
    expect(await fileSha256(file)).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("accepts the same bytes and refuses a missing file, a directory and other bytes, naming the path", async () => {
    const file = path.join(tmp, "w.h5");
    fs.writeFileSync(file, "abc");
    const sha256 = createHash("sha256").update("abc").digest("hex");
    await expect(verifyBaseWeights({ path: file, sha256 })).resolves.toBeUndefined();

    const missing = path.join(tmp, "nope.h5");
    await expect(verifyBaseWeights({ path: missing, sha256 })).rejects.toThrow(`base weights file "${missing}" does not exist`);
    await expect(verifyBaseWeights({ path: tmp, sha256 })).rejects.toThrow(`base weights path "${tmp}" is not a file`);
    const other = "f".repeat(64);
    const error = await verifyBaseWeights({ path: file, sha256: other }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaseWeightsError);
    expect((error as BaseWeightsError).message).toContain(`"${file}" has sha256 ${sha256}, but the run was queued with sha256 ${other}`);
    expect((error as BaseWeightsError).path).toBe(file);
  });
});
