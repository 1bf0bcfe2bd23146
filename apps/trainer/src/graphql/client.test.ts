import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeApi, type FakeApi } from "../testing/fake-api";
import { GraphQLClient, GraphQLRequestError, TransportError, graphqlEndpoint, isRetryable, operationName } from "./client";
import { CLAIM_RUN, CLAIMED_RUN_FIELDS, EXPERIMENTS, FAIL_RUN, REGISTER_AGENT } from "./operations";

let api: FakeApi;
beforeEach(async () => {
  api = await startFakeApi({ token: "secret" });
});
afterEach(() => api.close());

describe("GraphQLClient", () => {
  it("sends the bearer token and returns data", async () => {
    const client = new GraphQLClient({ url: api.url, token: "secret" });
    const data = await client.request(REGISTER_AGENT, { input: { name: "a", host: "h", backend: "cpu", cores: 2 } });
    expect(data.registerAgent.name).toBe("a");
  });

  it("surfaces GraphQL errors with extensions.code, not retryable", async () => {
    const client = new GraphQLClient({ url: api.url, token: "wrong" });
    const error = await client
      .request(REGISTER_AGENT, { input: { name: "a", host: "h", backend: "cpu", cores: 2 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).code).toBe("UNAUTHENTICATED");
    expect(isRetryable(error)).toBe(false);
    const notFound = await new GraphQLClient({ url: api.url, token: "secret" })
      .request(FAIL_RUN, { runId: "nope", error: "x" })
      .catch((e: unknown) => e);
    expect((notFound as GraphQLRequestError).code).toBe("NOT_FOUND");
    expect((notFound as Error).message).toContain("run nope");
  });

  it("reports an unreachable API as a retryable TransportError", async () => {
    api.behaviour.down = true;
    const client = new GraphQLClient({ url: api.url, token: "secret" });
    const error = await client
      .request(REGISTER_AGENT, { input: { name: "a", host: "h", backend: "cpu", cores: 2 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(isRetryable(error)).toBe(true);
  });

  it("times out a request that hangs", async () => {
    api.behaviour.delayMs = 500;
    const client = new GraphQLClient({ url: api.url, token: "secret", timeoutMs: 50 });
    const error = await client
      .request(REGISTER_AGENT, { input: { name: "a", host: "h", backend: "cpu", cores: 2 } })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/timed out after 50 ms/);
  });
});

describe("operationName", () => {
  it("reads the name of a generated document's operation, not of the fragments it carries", () => {
    expect(operationName(REGISTER_AGENT)).toBe("RegisterAgent");
    expect(operationName(CLAIM_RUN)).toBe("ClaimRun");
    expect(operationName(EXPERIMENTS)).toBe("Experiments");
    expect(() => operationName(CLAIMED_RUN_FIELDS)).toThrow(/Not a named GraphQL operation: fragment ClaimedRun/);
  });
});

describe("graphqlEndpoint", () => {
  it("appends /graphql once and quotes a bad URL", () => {
    expect(graphqlEndpoint("http://localhost:4000")).toBe("http://localhost:4000/graphql");
    expect(graphqlEndpoint("http://localhost:4000/")).toBe("http://localhost:4000/graphql");
    expect(graphqlEndpoint("http://h/graphql")).toBe("http://h/graphql");
    expect(() => graphqlEndpoint("localhost:4000x")).toThrow(/"localhost:4000x"/);
    expect(() => graphqlEndpoint("nope")).toThrow(/"nope"/);
  });
});
