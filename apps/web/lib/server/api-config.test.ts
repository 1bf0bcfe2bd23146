import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiEndpoints, apiToken, publicApiConfig } from "./api-config";

describe("api-config", () => {
  it("reads GRAFT_API_URL as the GraphQL endpoint (the README's form), else the local API on the port", () => {
    // The documented default: the proxy must post here, not to .../graphql/graphql.
    expect(apiEndpoints({ GRAFT_API_URL: "http://127.0.0.1:4000/graphql" })).toEqual({
      graphql: "http://127.0.0.1:4000/graphql",
      base: "http://127.0.0.1:4000",
    });
    expect(apiEndpoints({ GRAFT_API_URL: "http://api:9000/" }).graphql).toBe("http://api:9000/graphql");
    expect(apiEndpoints({ GRAFT_API_PORT: "4123" }).graphql).toBe("http://127.0.0.1:4123/graphql");
    expect(() => apiEndpoints({ GRAFT_API_URL: "api:9000" })).toThrow('got "api:9000"');
  });
  it("prefers the env token, else reads ${GRAFT_DATA_DIR}/api-token", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "graft-web-"));
    await writeFile(path.join(dir, "api-token"), "file-token\n");
    expect(await apiToken({ GRAFT_API_TOKEN: "env-token", GRAFT_DATA_DIR: dir })).toBe("env-token");
    expect(await apiToken({ GRAFT_DATA_DIR: dir })).toBe("file-token");
    expect(await apiToken({ GRAFT_DATA_DIR: path.join(dir, "missing") })).toBeUndefined();
  });
  it("derives the public WebSocket URL", () => {
    expect(publicApiConfig({ GRAFT_API_PUBLIC_URL: "https://graft.example/" })).toEqual({
      wsUrl: "wss://graft.example/graphql",
      port: "4000",
    });
    expect(publicApiConfig({ GRAFT_API_PORT: "4555" })).toEqual({ wsUrl: null, port: "4555" });
  });
});
