import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Generates typed documents (TypedDocumentNode) for every `graphql(...)` call in the web app
 * from the committed contract, apps/api/schema.graphql.
 */
const config: CodegenConfig = {
  schema: "../api/schema.graphql",
  documents: ["lib/**/*.ts", "!lib/**/*.test.ts", "!gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "./gql/": {
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
