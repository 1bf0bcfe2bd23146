import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test/fixtures";

// The GraphQL-over-HTTP spec's own audits (graphql-http's `serverAudits`) against the real server:
// every MUST holds, and each SHOULD or MAY either holds or is listed below with why it does not.
// On SQLite in one pass and on PostgreSQL in the other (GRAFT_TEST_DATABASE), as the issue asks.
describe("GraphQL over HTTP audit", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.stop();
  });

  /**
   * The audits this API answers otherwise, on purpose: each with the result it gives and why. Any
   * other audit must pass, and these must not get worse (an `error` always fails).
   */
  const KNOWN_DIFFERENCES: Record<string, { status: "notice" | "warn"; why: string }> = {
    // Apollo's CSRF prevention refuses a GET without a preflight-forcing header (a plain link or
    // <img> could otherwise run queries with the user's cookies); the dashboard and agents POST.
    "5A70": { status: "notice", why: "GET without a preflight header is refused (CSRF prevention)" },
    D6D5: { status: "notice", why: "GET without a preflight header is refused (CSRF prevention)" },
    "6A70": { status: "notice", why: "GET without a preflight header is refused (CSRF prevention)" },
    // The legacy application/json answer to a request that never executed is 400, Apollo's rule,
    // which the dashboard and the trainer's client read as "the request was wrong" (not retried).
    "572B": { status: "warn", why: "document parsing failure is HTTP 400" },
    FDE2: { status: "warn", why: "document validation failure is HTTP 400" },
    "7B9B": { status: "warn", why: "variable coercion failure is HTTP 400" },
  };

  for (const audit of serverAudits({ url: () => t.server.url })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status === "ok") return;
      const known = KNOWN_DIFFERENCES[audit.id];
      const detail = `${result.status}: ${result.reason}${"response" in result ? ` (HTTP ${result.response.status})` : ""}`;
      expect(known?.status, detail).toBe(result.status);
    });
  }
});
