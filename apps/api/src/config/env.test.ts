import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, findRepoRoot, loadConfig } from "./env";

/** The monorepo root as seen from this test file (apps/api/src/config → four levels up). */
const REPO = resolve(fileURLToPath(new URL("../../../../", import.meta.url)));

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.host).toBe("127.0.0.1");
    expect(c.dataDir).toBe(join(REPO, "data"));
    expect(c.token).toBeNull();
    expect(c.dataRoots).toEqual([homedir(), join(REPO, "data", "datasets")]);
    expect(c.leaseSeconds).toBe(60);
    expect(c.maxAttempts).toBe(3);
    expect(c.webOrigins).toContain("http://localhost:3000");
  });

  it("takes GRAFT_DATABASE_URL as PostgreSQL, a file: URL or a path, and refuses other schemes", () => {
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(loadConfig({ GRAFT_DATABASE_URL: " " }).databaseUrl).toBeNull();
    expect(loadConfig({ GRAFT_DATABASE_URL: "postgres://u@db:5432/graft" }).databaseUrl).toBe("postgres://u@db:5432/graft");
    expect(loadConfig({ GRAFT_DATABASE_URL: "postgresql://u@db/graft" }).databaseUrl).toBe("postgresql://u@db/graft");
    expect(loadConfig({ GRAFT_DATABASE_URL: "file:///tmp/g.db" }).databaseUrl).toBe("file:///tmp/g.db");
    expect(loadConfig({ GRAFT_DATABASE_URL: "./graft.db" }).databaseUrl).toBe("./graft.db");
    expect(() => loadConfig({ GRAFT_DATABASE_URL: "mysql://u@db/graft" })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAFT_DATABASE_URL: "mysql://u@db/graft" })).toThrow(/GRAFT_DATABASE_URL/);
  });

  it("defaults the data dir to <repo>/data whatever the cwd, but keeps an explicit relative one cwd-relative", () => {
    // vitest runs with cwd apps/api, as `npm run start -w apps/api` does: ./data would be apps/api/data.
    expect(process.cwd()).not.toBe(REPO);
    expect(loadConfig({ GRAFT_DATA_DIR: "  " }).dataDir).toBe(join(REPO, "data"));
    expect(loadConfig({ GRAFT_DATA_DIR: "./data" }).dataDir).toBe(resolve("./data"));
    expect(loadConfig({ GRAFT_DATA_DIR: "rel/dir" }).dataDir).toBe(join(process.cwd(), "rel", "dir"));
  });

  it("finds the repository root by its workspaces manifest", () => {
    expect(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"))).toHaveProperty("workspaces");
    expect(findRepoRoot()).toBe(REPO);
    const dir = mkdtempSync(join(tmpdir(), "graft-root-"));
    try {
      mkdirSync(join(dir, "apps", "api", "src"), { recursive: true });
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", workspaces: ["apps/*"] }));
      writeFileSync(join(dir, "apps", "api", "package.json"), JSON.stringify({ name: "@graft/api" }));
      expect(findRepoRoot(join(dir, "apps", "api", "src"))).toBe(dir);
      rmSync(join(dir, "package.json"));
      // No workspaces manifest above: null (loadConfig then falls back to the cwd's ./data).
      expect(existsSync(join(dir, "package.json"))).toBe(false);
      expect(findRepoRoot(join(dir, "apps", "api", "src"))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads explicit values", () => {
    const c = loadConfig({ GRAFT_API_PORT: "0", GRAFT_DATA_ROOTS: "/a:/b", GRAFT_LEASE_SECONDS: "1", GRAFT_API_TOKEN: "x".repeat(20) });
    expect(c.port).toBe(0);
    expect(c.dataRoots).toEqual(["/a", "/b"]);
    expect(c.leaseSeconds).toBe(1);
    expect(c.token).toBe("x".repeat(20));
  });

  it("rejects bad values, quoting them", () => {
    expect(() => loadConfig({ GRAFT_API_PORT: "http" })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAFT_API_PORT: "70000" })).toThrow(/GRAFT_API_PORT.*"70000"/);
    expect(() => loadConfig({ GRAFT_MAX_ATTEMPTS: "0" })).toThrow(/GRAFT_MAX_ATTEMPTS/);
    expect(() => loadConfig({ GRAFT_API_TOKEN: "short" })).toThrow(/GRAFT_API_TOKEN/);
    expect(() => loadConfig({ GRAFT_WEB_ORIGIN: "localhost:3000" })).toThrow(/"localhost:3000"/);
  });
});
