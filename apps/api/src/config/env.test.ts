import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.host).toBe("127.0.0.1");
    expect(c.dataDir).toBe(resolve("./data"));
    expect(c.token).toBeNull();
    expect(c.dataRoots).toEqual([homedir(), join(resolve("./data"), "datasets")]);
    expect(c.leaseSeconds).toBe(60);
    expect(c.maxAttempts).toBe(3);
    expect(c.webOrigins).toContain("http://localhost:3000");
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
