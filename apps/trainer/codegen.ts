import { clientCodegenConfig } from "@graft/graphql-codegen";

/**
 * Generates the trainer's GraphQL types and typed documents (src/graphql/gql/) from the committed
 * contract, apps/api/schema.graphql, for every `graphql(...)` call in src/graphql/operations.ts,
 * with the settings every Graft client shares (tooling/graphql-codegen).
 * src/graphql/codegen.test.ts fails when the committed output is stale.
 */
export default clientCodegenConfig({
  schema: "../api/schema.graphql",
  documents: ["src/graphql/operations.ts"],
  output: "./src/graphql/gql/",
});
