/**
 * `npm test -w apps/api`: the whole suite twice, on SQLite then on a real PostgreSQL server
 * (GRAFT_TEST_DATABASE=postgres: a throwaway server per test file, test/database.ts), each pass
 * writing its own JSON report for the root summary (scripts/test.mjs): test-results/vitest.json and
 * test-results/vitest-postgres.json. Arguments go to both passes (`npm test -w apps/api -- src/lease`).
 *
 * Without PostgreSQL's binaries the second pass is skipped with the reason, except under CI, where
 * `.ci/run` installs them: there it fails, so the PostgreSQL path can never go untested unnoticed.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { postgresUnavailable } from "@graft/schema/testing";
import { API_DIR } from "./processes";

const vitest = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");

/** Runs one vitest pass with the dialect set explicitly (an inherited GRAFT_TEST_DATABASE must not turn the SQLite pass into a second PostgreSQL one); true when it passed. */
function pass(dialect: "sqlite" | "postgres", report: string): boolean {
  console.log(`\n[graft-api tests] ${dialect} pass\n`);
  const result = spawnSync(
    process.execPath,
    [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
    { cwd: API_DIR, stdio: "inherit", env: { ...process.env, GRAFT_TEST_DATABASE: dialect } },
  );
  return result.status === 0;
}

const SQLITE_REPORT = "test-results/vitest.json";
const POSTGRES_REPORT = "test-results/vitest-postgres.json";

const sqlite = pass("sqlite", SQLITE_REPORT);
let postgres = true;
const missing = postgresUnavailable();
if (missing === null) postgres = pass("postgres", POSTGRES_REPORT);
else {
  // A report of an earlier run must not stand in for a pass that did not run.
  rmSync(join(API_DIR, POSTGRES_REPORT), { force: true });
  if (process.env["CI"]) {
    console.error(`\n[graft-api tests] FAILED: CI is set, so the PostgreSQL pass must run, but ${missing}\n`);
    postgres = false;
  } else console.warn(`\n[graft-api tests] PostgreSQL pass skipped: ${missing}\n`);
}
process.exit(sqlite && postgres ? 0 : 1);
