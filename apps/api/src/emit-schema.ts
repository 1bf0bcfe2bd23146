import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { printGraftSchema } from "./schema";

/** Where the committed contract lives. */
export const SCHEMA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), "../schema.graphql");

/** Writes schema.graphql, or with --check exits 1 when the committed file differs from the code. */
async function main(): Promise<void> {
  const sdl = await printGraftSchema();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(SCHEMA_FILE, "utf8");
    } catch {
      // Missing file: stale by definition.
    }
    if (current !== sdl) {
      console.error(`${SCHEMA_FILE} is stale: run \`npm run schema:emit -w apps/api\` and commit it.`);
      process.exit(1);
    }
    console.log("schema.graphql is current");
    return;
  }
  writeFileSync(SCHEMA_FILE, sdl);
  console.log(`wrote ${SCHEMA_FILE}`);
}

await main();
