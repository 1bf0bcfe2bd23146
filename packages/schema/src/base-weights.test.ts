import { describe, expect, it } from "vitest";
import { SHA256_HEX } from "./base-weights";

describe("SHA256_HEX", () => {
  it('takes exactly 64 lowercase hex characters, the form digest("hex") and sha256sum print', () => {
    const sha = "0123456789abcdef".repeat(4);
    expect(SHA256_HEX.test(sha)).toBe(true);
    for (const bad of ["", sha.toUpperCase(), sha.slice(1), `${sha}0`, ` ${sha}`, `${sha.slice(0, 63)}g`])
      expect(SHA256_HEX.test(bad), bad).toBe(false);
  });
});
