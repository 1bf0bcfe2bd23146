/**
 * A workspace's `npm test` on both databases: its vitest suite on SQLite, then on a real PostgreSQL
 * server (`GRAFT_TEST_DATABASE=postgres`; each test file starts a throwaway server on first use,
 * see fresh-database.ts), each pass writing its own JSON report for the root summary
 * (scripts/test.mjs): test-results/vitest.json and test-results/vitest-postgres.json. Command-line
 * arguments go to both passes.
 *
 * Without PostgreSQL's binaries the second pass is skipped with the reason, except under CI, where
 * `.ci/run` installs them: there it fails, so the PostgreSQL path can never go untested unnoticed.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { postgresUnavailable } from "./postgres";

const vitest = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");

/** What {@link runDialectPasses} runs. */
export interface DialectPasses {
  /** The workspace (its vitest config and test-results/). */
  cwd: string;
  /** Its name in the log lines, e.g. "graft-api tests". */
  label: string;
  /** Test files (or filters) of the PostgreSQL pass when not all of them: those that touch no SQLite file of their own. */
  postgresFilters?: readonly string[];
}

/** Runs both passes and exits the process: 0 when both passed (or PostgreSQL was skipped outside CI). */
export function runDialectPasses({ cwd, label, postgresFilters = [] }: DialectPasses): never {
  const args = process.argv.slice(2);
  // The dialect is set explicitly: an inherited GRAFT_TEST_DATABASE must not turn the SQLite pass into a second PostgreSQL one.
  const pass = (dialect: "sqlite" | "postgres", report: string, filters: readonly string[]): boolean => {
    console.log(`\n[${label}] ${dialect} pass\n`);
    const result = spawnSync(
      process.execPath,
      [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...filters, ...args],
      { cwd, stdio: "inherit", env: { ...process.env, GRAFT_TEST_DATABASE: dialect } },
    );
    return result.status === 0;
  };
  const postgresReport = "test-results/vitest-postgres.json";
  const sqlite = pass("sqlite", "test-results/vitest.json", []);
  let postgres = true;
  const missing = postgresUnavailable();
  // A file filter of the caller's (`flows/agent-sweep`, `src/lease.test.ts`) replaces the pass's own
  // list; flags (`-t name`, `--bail`) keep it, or the pass would run files it must leave out.
  const namesFiles = args.some((a) => !a.startsWith("-") && /[/.]/.test(a));
  if (missing === null) postgres = pass("postgres", postgresReport, namesFiles ? [] : postgresFilters);
  else {
    // A report of an earlier run must not stand in for a pass that did not run.
    rmSync(join(cwd, postgresReport), { force: true });
    if (process.env["CI"]) {
      console.error(`\n[${label}] FAILED: CI is set, so the PostgreSQL pass must run, but ${missing}\n`);
      postgres = false;
    } else console.warn(`\n[${label}] PostgreSQL pass skipped: ${missing}\n`);
  }
  process.exit(sqlite && postgres ? 0 : 1);
}
