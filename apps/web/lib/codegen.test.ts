/**
 * The committed gql/ must be byte for byte what codegen makes from today's contract
 * (apps/api/schema.graphql) and lib/operations.ts: a stale copy would type the dashboard against a
 * contract the API no longer serves, which is the drift generating the types is meant to prevent.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../codegen";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const generatedDir = path.join(packageDir, "gql");

describe("generated GraphQL types", () => {
  it("are up to date with the contract and lib/operations.ts", async () => {
    // `false`: return the outputs instead of writing them; `cwd` makes the relative paths of
    // codegen.ts resolve from this package wherever vitest was started.
    const outputs: Array<{ filename: string; content: string }> = await generate({ ...config, cwd: packageDir, silent: true }, false);
    const expected = new Map(outputs.map((o) => [path.resolve(packageDir, o.filename), o.content]));
    const committed = fs.readdirSync(generatedDir).map((name) => path.join(generatedDir, name));
    const stale = [...new Set([...expected.keys(), ...committed])]
      .filter((file) => !fs.existsSync(file) || expected.get(file) !== fs.readFileSync(file, "utf8"))
      .map((file) => path.relative(packageDir, file));
    expect(stale, "gql/ is out of date: run `npm run codegen -w apps/web` and commit the result").toEqual([]);
  }, 60_000);
});
