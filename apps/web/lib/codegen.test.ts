/**
 * The committed gql/ must be byte for byte what codegen makes from today's contract
 * (apps/api/schema.graphql) and lib/operations.ts: a stale copy would type the dashboard against a
 * contract the API no longer serves, which is the drift generating the types is meant to prevent.
 */
import { fileURLToPath } from "node:url";
import { staleGeneratedFiles } from "@graft/graphql-codegen";
import { describe, expect, it } from "vitest";
import config from "../codegen";

describe("generated GraphQL types", () => {
  it("are up to date with the contract and lib/operations.ts", async () => {
    const stale = await staleGeneratedFiles(config, fileURLToPath(new URL("..", import.meta.url)));
    expect(stale, "gql/ is out of date: run `npm run codegen -w apps/web` and commit the result").toEqual([]);
  }, 60_000);
});
