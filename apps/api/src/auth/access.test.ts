import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { assertAllowed, authInfo, isLoopback } from "./access";
import { bearerToken, ensureToken, tokensEqual } from "./token";

const TOKEN = "a-secret-token-of-some-length";

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof GraphQLError ? (e.extensions["code"] as string) : "not a GraphQLError";
  }
}

describe("access rule", () => {
  it("requires the token for mutations, from anywhere", () => {
    expect(codeOf(() => assertAllowed("mutation", authInfo(undefined, "127.0.0.1", TOKEN)))).toBe("UNAUTHENTICATED");
    expect(codeOf(() => assertAllowed("mutation", authInfo("Bearer nope", "127.0.0.1", TOKEN)))).toBe("UNAUTHENTICATED");
    expect(codeOf(() => assertAllowed("mutation", authInfo(`Bearer ${TOKEN}`, "10.0.0.7", TOKEN)))).toBeUndefined();
  });

  it("opens reads on loopback only; elsewhere FORBIDDEN without a token, UNAUTHENTICATED with a wrong one", () => {
    expect(codeOf(() => assertAllowed("query", authInfo(undefined, "::1", TOKEN)))).toBeUndefined();
    expect(codeOf(() => assertAllowed("subscription", authInfo(undefined, "::ffff:127.0.0.1", TOKEN)))).toBeUndefined();
    expect(codeOf(() => assertAllowed("query", authInfo(undefined, "192.168.1.5", TOKEN)))).toBe("FORBIDDEN");
    expect(codeOf(() => assertAllowed("query", authInfo("Bearer wrong", "192.168.1.5", TOKEN)))).toBe("UNAUTHENTICATED");
    expect(codeOf(() => assertAllowed("query", authInfo(`Bearer ${TOKEN}`, "192.168.1.5", TOKEN)))).toBeUndefined();
  });

  it("parses bearer headers and compares tokens", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer  abc ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(tokensEqual("abc", "abc")).toBe(true);
    expect(tokensEqual("abc", "abcd")).toBe(false);
    expect(isLoopback("127.0.0.2")).toBe(true);
    expect(isLoopback("10.0.0.1")).toBe(false);
  });
});

describe("ensureToken", () => {
  it("generates a 0600 token file once and reuses it; an explicit token wins", () => {
    const dir = mkdtempSync(join(tmpdir(), "graft-token-"));
    try {
      const first = ensureToken(dir, null);
      expect(first.generated).toBe(true);
      expect(statSync(join(dir, "api-token")).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, "api-token"), "utf8").trim()).toBe(first.token);
      const second = ensureToken(dir, null);
      expect(second).toEqual({ token: first.token, generated: false });
      expect(ensureToken(dir, TOKEN)).toEqual({ token: TOKEN, generated: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
