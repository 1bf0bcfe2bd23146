import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, type Workspace } from "../test/fixtures";
import { type ChildServer, spawnServer } from "../test/processes";
import { testDatabaseEnv } from "../test/database";

// A real server in its own process: with client and server in one process, the client's writes
// and the server's close interleave on one event loop and the reset this guards against
// (the server closing over unread body bytes) rarely shows.
const LIMIT = 1024 * 1024;
let ws: Workspace;
let server: ChildServer;

beforeAll(async () => {
  ws = createWorkspace();
  server = await spawnServer({
    GRAFT_DATA_DIR: ws.dataDir,
    GRAFT_DATA_ROOTS: ws.root,
    GRAFT_API_BODY_LIMIT: String(LIMIT),
    ...(await testDatabaseEnv()),
  });
});
afterAll(async () => {
  await server?.kill();
  ws?.cleanup();
});

/** A GraphQL request body of about `bytes` bytes (a padding variable). */
function bodyOf(bytes: number): string {
  return JSON.stringify({ query: "{ experiments { id } }", variables: { pad: "x".repeat(bytes) } });
}

describe("a request body over GRAFT_API_BODY_LIMIT", () => {
  it("reaches Node's fetch as a 413 naming the limit, not as EPIPE or a reset", async () => {
    const body = bodyOf(16 * LIMIT);
    for (let i = 0; i < 3; i++) {
      const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(res.status).toBe(413);
      const answer = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(answer.errors[0]?.message).toBe(
        `Request body of ${body.length} bytes exceeds the limit of ${LIMIT} bytes (GRAFT_API_BODY_LIMIT)`,
      );
      expect(answer.errors[0]?.extensions.code).toBe("BAD_REQUEST");
    }
  });

  it("reaches fetch as a 413 when the body is streamed without a Content-Length", async () => {
    const payload = new TextEncoder().encode(bodyOf(16 * LIMIT));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < payload.length; at += 64 * 1024) controller.enqueue(payload.subarray(at, at + 64 * 1024));
        controller.close();
      },
    });
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    };
    const res = await fetch(server.url, init);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe(
      `Request body exceeds the limit of ${LIMIT} bytes (GRAFT_API_BODY_LIMIT)`,
    );
  });

  it("answers at once and closes when the declared length is beyond what is worth draining", async () => {
    const target = new URL(server.url);
    const answer = await new Promise<{ status: number; connection: string | undefined; ms: number }>((resolve, reject) => {
      const started = Date.now();
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: { "content-type": "application/json", "content-length": 4 * 1024 ** 3 },
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, ms: Date.now() - started });
          req.destroy();
        },
      );
      req.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" || e.code === "EPIPE" ? undefined : reject(e)));
      req.write("x".repeat(64 * 1024));
    });
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe("close");
    expect(answer.ms).toBeLessThan(5_000);
  });

  it("leaves the server answering ordinary requests", async () => {
    const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: bodyOf(10) });
    expect(await res.json()).toEqual({ data: { experiments: [] } });
  });
});
