import type { CodegenConfig } from "@graphql-codegen/cli";

/** Where a client's operations are and where its generated types go. */
export interface ClientCodegenOptions {
  /** The contract, relative to the client package: `../api/schema.graphql`. */
  schema: string;
  /** Files holding the client's `graphql(...)` documents (globs allowed). */
  documents: string[];
  /** The generated folder, ending in `/`: e.g. `./gql/`. */
  output: string;
}

/**
 * The client-preset config every Graft client uses: typed documents as strings
 * (`TypedDocumentString`), enums as string unions, no fragment masking, DateTime as an ISO string.
 */
export declare function clientCodegenConfig(options: ClientCodegenOptions): CodegenConfig & { generates: Record<string, unknown> };

/**
 * Runs codegen in memory for `config` (paths relative to `packageDir`) and returns the generated
 * files, relative to `packageDir`, whose committed copy differs, is missing, or should not exist.
 * Empty when the committed output is current.
 */
export declare function staleGeneratedFiles(config: CodegenConfig, packageDir: string): Promise<string[]>;
