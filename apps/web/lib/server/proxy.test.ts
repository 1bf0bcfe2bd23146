import { describe, expect, it } from "vitest";
import { crossSiteRefusal, limitedBody } from "./proxy";

const post = (headers: Record<string, string>, body?: BodyInit) =>
  new Request("http://127.0.0.1:3000/api/graphql", { method: "POST", headers, body, duplex: "half" } as RequestInit);

describe("the dashboard's proxies", () => {
  it("refuse a page on another site, and let the dashboard's own pages (and non-browser clients) through", () => {
    expect(crossSiteRefusal(post({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(crossSiteRefusal(post({ host: "127.0.0.1:3000" }))).toBeNull();
    expect(
      crossSiteRefusal(post({ host: "graft.lab", "x-forwarded-host": "graft.example.org", origin: "https://graft.example.org" })),
    ).toBeNull();
    expect(crossSiteRefusal(post({ host: "127.0.0.1:3000", origin: "https://evil.example" }))?.status).toBe(403);
    expect(crossSiteRefusal(post({ host: "127.0.0.1:3000", origin: "null" }))?.status).toBe(403);
  });

  it("read at most the limit, refusing by Content-Length or once more arrives", async () => {
    expect(new Uint8Array((await limitedBody(post({}, "abc"), 10)) as ArrayBuffer)).toEqual(new TextEncoder().encode("abc"));
    expect(((await limitedBody(post({ "content-length": "11" }, "x".repeat(11)), 10)) as Response).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(6));
        c.enqueue(new Uint8Array(6));
        c.close();
      },
    });
    expect(((await limitedBody(post({}, stream), 10)) as Response).status).toBe(413);
  });
});
