import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config/env";
import { type RunningServer, startServer } from "./server";
import { createWorkspace } from "./test/fixtures";

// CORS runs only for requests with an Origin header; others get `Vary: Origin` set directly.
describe("GraphQL over HTTP: CORS and caching headers", () => {
  const ws = createWorkspace();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(
      loadConfig({
        GRAFT_API_PORT: "0",
        GRAFT_DATA_DIR: ws.dataDir,
        GRAFT_DATA_ROOTS: ws.root,
        GRAFT_API_QUIET: "1",
        GRAFT_WEB_PORT: "3999",
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    ws.cleanup();
  });
  const post = (headers: Record<string, string> = {}) =>
    fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: "{ __typename }" }),
    });

  it("answers an agent (no Origin) with Vary: Origin, no CORS grant and no ETag", async () => {
    const res = await post();
    expect(res.status).toBe(200);
    expect(res.headers.get("vary")).toMatch(/origin/i);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("etag")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("grants the web origin and refuses others", async () => {
    const allowed = await post({ origin: "http://localhost:3999" });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:3999");
    const other = await post({ origin: "http://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers a preflight from the web origin", async () => {
    const res = await fetch(server.url, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3999", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:3999");
    expect(res.headers.get("access-control-max-age")).toBe("600");
  });
});
