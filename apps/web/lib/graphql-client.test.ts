import { afterEach, describe, expect, it, vi } from "vitest";
import { TypedDocumentString } from "../gql/graphql";
import { gql, GraphQLRequestError } from "./graphql-client";

const doc = new TypedDocumentString<{ ping: string }, { x: number }>("query Ping($x: Int) { ping }");

afterEach(() => vi.unstubAllGlobals());

describe("gql", () => {
  it("posts the document text and variables and returns data", async () => {
    const fetchMock = vi.fn(async () => Response.json({ data: { ping: "pong" } }));
    vi.stubGlobal("fetch", fetchMock);
    await expect(gql(doc, { x: 1 })).resolves.toEqual({ ping: "pong" });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/graphql");
    expect(JSON.parse(init.body as string)).toEqual({ query: "query Ping($x: Int) { ping }", variables: { x: 1 } });
  });
  it("throws the API's error messages", async () => {
    vi.stubGlobal("fetch", async () =>
      Response.json({ errors: [{ message: 'dataset path "/x" is outside GRAFT_DATA_ROOTS' }], data: null }),
    );
    const err = await gql(doc, { x: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect((err as GraphQLRequestError).messages).toEqual(['dataset path "/x" is outside GRAFT_DATA_ROOTS']);
  });
  it("reports non-JSON answers with the status", async () => {
    vi.stubGlobal("fetch", async () => new Response("Bad gateway", { status: 502 }));
    await expect(gql(doc, { x: 1 })).rejects.toThrow("HTTP 502 without JSON");
  });
});
