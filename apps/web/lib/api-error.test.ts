import { afterEach, describe, expect, it, vi } from "vitest";
import { TypedDocumentString } from "../gql/graphql";
import { apiFailure } from "./api-error";
import { gql, GraphQLRequestError } from "./graphql-client";

afterEach(() => vi.unstubAllGlobals());

describe("apiFailure", () => {
  it("reads the API's code from the response and calls CONFLICT a refusal", async () => {
    const message = "Sweep s1 has 1 RUNNING run(s) (r1); cancel them and wait until they end before deleting";
    vi.stubGlobal("fetch", async () => Response.json({ errors: [{ message, extensions: { code: "CONFLICT" } }], data: null }));
    const doc = new TypedDocumentString<{ deleteSweep: string }, { id: string }>("mutation($id: ID!) { deleteSweep(sweepId: $id) }");
    const error = await gql(doc, { id: "s1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect(apiFailure(error)).toEqual({ code: "CONFLICT", messages: [message], refused: true });
  });
  it("keeps codes per message and takes the first one given", () => {
    const e = new GraphQLRequestError(["a", "b"], 200, [null, "BAD_USER_INPUT"]);
    expect(apiFailure(e)).toEqual({ code: "BAD_USER_INPUT", messages: ["a", "b"], refused: false });
  });
  it("has no code for network failures and plain errors", () => {
    expect(apiFailure(new GraphQLRequestError(["Network error: down"]))).toEqual({
      code: null,
      messages: ["Network error: down"],
      refused: false,
    });
    expect(apiFailure(new Error("boom"))).toEqual({ code: null, messages: ["boom"], refused: false });
  });
});
