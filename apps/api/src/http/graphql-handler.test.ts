import { request } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/fixtures";

/** A raw HTTP exchange, for what fetch cannot send (chunked bodies, lying headers). */
function exchange(
  url: string,
  options: { method?: string; path?: string; headers?: Record<string, string | number>; chunks?: (string | Buffer)[] },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: options.path ?? target.pathname,
        method: options.method ?? "POST",
        headers: options.headers,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    // A server that answers before reading everything may close the socket under a writer.
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e)));
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

const QUERY = JSON.stringify({ query: "{ experiments { id } }" });
const json = { "content-type": "application/json" };

describe("GraphQL over node:http (the /graphql handler)", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ GRAFT_API_BODY_LIMIT: "4096" });
  });
  afterAll(() => t.stop());
  const post = (body: string | Buffer, headers: Record<string, string> = json) => fetch(t.server.url, { method: "POST", headers, body });

  it("answers a JSON POST, with no-store, Vary: Origin and a content length", async () => {
    const res = await exchange(t.server.url, { headers: { ...json, "content-length": Buffer.byteLength(QUERY) }, chunks: [QUERY] });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ data: { experiments: [] } });
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["vary"]).toMatch(/origin/i);
    expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(res.body));
  });

  it("reads a chunked body and a gzip-encoded one", async () => {
    const chunked = await exchange(t.server.url, { headers: json, chunks: [QUERY.slice(0, 7), QUERY.slice(7)] });
    expect(JSON.parse(chunked.body)).toEqual({ data: { experiments: [] } });
    const gz = await post(gzipSync(QUERY), { ...json, "content-encoding": "gzip" });
    expect(await gz.json()).toEqual({ data: { experiments: [] } });
  });

  it("answers 400 naming the problem for malformed JSON and for a body that is not an object", async () => {
    const bad = await post('{"query": "{ experiments { id } }"');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.message).toMatch(/^Request body is not valid JSON: /);
    expect(body.errors[0]?.extensions.code).toBe("BAD_REQUEST");
    const scalar = await post('"{ experiments { id } }"');
    expect(scalar.status).toBe(400);
    expect(((await scalar.json()) as { errors: { message: string }[] }).errors[0]?.message).toContain("must be a JSON object");
  });

  it("answers 413 above GRAFT_API_BODY_LIMIT, whether Content-Length says so or the stream shows it", async () => {
    const big = JSON.stringify({ query: "{ experiments { id } }", variables: { pad: "x".repeat(5000) } });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { errors: { message: string }[] }).errors[0]?.message).toContain(
      "limit of 4096 bytes (GRAFT_API_BODY_LIMIT)",
    );
    const streamed = await exchange(t.server.url, { headers: json, chunks: [big.slice(0, 3000), big.slice(3000)] });
    expect(streamed.status).toBe(413);
    // A small gzip body that inflates past the limit is refused too.
    const bomb = await post(gzipSync(big), { ...json, "content-encoding": "gzip" });
    expect(bomb.status).toBe(413);
    // The server is still fine.
    expect((await post(QUERY)).status).toBe(200);
  });

  it("answers 415 for a charset other than UTF-8 and an unknown Content-Encoding", async () => {
    const latin1 = await post(QUERY, { "content-type": "application/json; charset=latin1" });
    expect(latin1.status).toBe(415);
    expect(((await latin1.json()) as { errors: { message: string }[] }).errors[0]?.message).toContain('"latin1"');
    expect((await post(QUERY, { "content-type": "application/json; charset=UTF-8" })).status).toBe(200);
    const zstd = await post(QUERY, { ...json, "content-encoding": "zstd" });
    expect(zstd.status).toBe(415);
    expect(((await zstd.json()) as { errors: { message: string }[] }).errors[0]?.message).toContain('"zstd"');
  });

  it("leaves other content types, empty bodies and GET to Apollo (CSRF prevention included)", async () => {
    expect((await post(QUERY, { "content-type": "text/plain" })).status).toBe(400);
    const empty = await post("", json);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("POST body missing");
    const get = await fetch(`${t.server.url}?query=${encodeURIComponent("{ experiments { id } }")}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { experiments: [] } });
    // Mutations are never run from GET.
    const mutation = await fetch(
      `${t.server.url}?query=${encodeURIComponent('mutation { createExperiment(input: { name: "x" }) { id } }')}`,
      {
        headers: { "apollo-require-preflight": "1", authorization: `Bearer ${t.server.token}` },
      },
    );
    expect(mutation.status).toBe(405);
  });

  it("serves /graphql/ and /graphql?… alike, and leaves other paths to the rest of the server", async () => {
    const base = t.server.url.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/graphql/`, { method: "POST", headers: json, body: QUERY })).status).toBe(200);
    expect((await fetch(`${base}/graphql?x=1`, { method: "POST", headers: json, body: QUERY })).status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/graphqlx`, { method: "POST", headers: json, body: QUERY })).status).toBe(404);
  });

  it("keeps the token rule: a mutation without the token is UNAUTHENTICATED with HTTP 401", async () => {
    const res = await post(JSON.stringify({ query: 'mutation { createExperiment(input: { name: "x" }) { id } }' }));
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});
