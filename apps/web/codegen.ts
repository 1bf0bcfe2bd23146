import { clientCodegenConfig } from "@graft/graphql-codegen";

/**
 * Generates typed documents (TypedDocumentString) for every `graphql(...)` call in the web app
 * from the committed contract, apps/api/schema.graphql, with the settings every Graft client
 * shares (tooling/graphql-codegen). lib/codegen.test.ts fails when the committed gql/ is stale.
 */
export default clientCodegenConfig({
  schema: "../api/schema.graphql",
  documents: ["lib/**/*.ts", "!lib/**/*.test.ts", "!gql/**/*"],
  output: "./gql/",
});
