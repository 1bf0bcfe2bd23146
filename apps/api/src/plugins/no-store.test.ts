import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, startTestServer } from "../test/fixtures";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

describe("cache-control on GraphQL responses", () => {
  it("is no-store for data and for errors, as with Apollo's default plugin", async () => {
    for (const query of ["{ runs(first: 1) { totalCount } }", '{ run(id: "missing") { id } }']) {
      const res = await fetch(t.client.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      expect(res.headers.get("cache-control")).toBe("no-store");
      await res.json();
    }
  });
});
