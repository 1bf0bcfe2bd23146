import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BaseWeightsError, verifyBaseWeights } from "./weights";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "graft-weights-check-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("base weights check", () => {
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
