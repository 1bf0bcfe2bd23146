import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Generates the trainer's GraphQL types and typed documents (src/graphql/gql/) from the committed
 * contract, apps/api/schema.graphql, for every `graphql(...)` call in src/graphql/operations.ts.
 * Same settings as apps/web/codegen.ts, so both clients read the contract the same way.
 * src/graphql/codegen.test.ts fails when the committed output is stale.
 */
const config: CodegenConfig = {
  schema: "../api/schema.graphql",
  documents: ["src/graphql/operations.ts"],
  generates: {
    "./src/graphql/gql/": {
      preset: "client",
      config: {
        // Scalars: DateTime is an ISO string on the wire; JSON is left open on purpose.
        scalars: { DateTime: "string", JSON: "unknown" },
        enumsAsTypes: true,
        useTypeImports: true,
        documentMode: "string",
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
