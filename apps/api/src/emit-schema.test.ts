import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { API_DIR } from "./test/processes";

describe("schema.graphql", () => {
  it("is current with the code (npm run schema:check)", () => {
    // Runs the real check script; it exits non-zero (and this throws) when the file is stale.
    const out = execFileSync(process.execPath, ["--import", "tsx", "src/emit-schema.ts", "--check"], { cwd: API_DIR, encoding: "utf8" });
    expect(out).toContain("schema.graphql is current");
  });
});
