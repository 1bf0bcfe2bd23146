// Codegen for Graft's GraphQL clients (apps/web, apps/trainer): one set of settings, so every
// client reads the contract (apps/api/schema.graphql) the same way, and one check that a client's
// committed generated folder is exactly what codegen makes today. Plain JS: graphql-codegen's CLI
// loads each app's codegen.ts, which imports this.
import fs from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";

/** The client-preset config every Graft client uses (documented in index.d.ts). */
export function clientCodegenConfig({ schema, documents, output }) {
  return {
    schema,
    documents,
    ignoreNoDocuments: true,
    generates: {
      [output]: {
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
}

/** Generated files whose committed copy is stale, missing or extra (documented in index.d.ts). */
export async function staleGeneratedFiles(config, packageDir) {
  // `false`: return the outputs instead of writing them; `cwd` resolves the config's relative
  // paths from the package wherever the caller was started.
  /** @type {Array<{ filename: string; content: string }>} */
  const outputs = await generate({ ...config, cwd: packageDir, silent: true }, false);
  const expected = new Map(outputs.map((o) => [path.resolve(packageDir, o.filename), o.content]));
  const folders = Object.keys(config.generates).map((out) => path.resolve(packageDir, out));
  const committed = folders.flatMap((dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(dir, name)) : []));
  return [...new Set([...expected.keys(), ...committed])]
    .filter((file) => !fs.existsSync(file) || expected.get(file) !== fs.readFileSync(file, "utf8"))
    .map((file) => path.relative(packageDir, file))
    .sort();
}
