#!/usr/bin/env node
// `npm test`: every workspace's vitest suite through Turbo, one package at a time (2-core machines;
// the cross-app suites start real servers and trainers), then one summary across all of them.
// Each suite writes a JSON report to <workspace>/test-results/vitest.json (see its `test` script); a
// workspace that runs its suite more than once writes one report per pass, vitest-<pass>.json (the
// API's PostgreSQL pass: apps/api/src/test/dialect-passes.ts), shown as its own row.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "./lib/env.mjs";

const workspaces = ["apps", "packages"]
  .flatMap((dir) => fs.readdirSync(path.join(repoRoot, dir)).map((name) => path.join(repoRoot, dir, name)))
  .concat(path.join(repoRoot, "tests"));
/** A workspace's reports with the pass each holds (null: the workspace's only or first pass), first pass first. */
const reportsOf = (ws) => {
  const dir = path.join(ws, "test-results");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((file) => ({ file: path.join(dir, file), match: /^vitest(?:-(.+))?\.json$/.exec(file) }))
    .filter((r) => r.match !== null)
    .map((r) => ({ file: r.file, pass: r.match[1] ?? null }))
    .sort((a, b) => (a.pass ?? "").localeCompare(b.pass ?? ""));
};
for (const ws of workspaces) for (const { file } of reportsOf(ws)) fs.rmSync(file, { force: true });

const turbo = spawnSync("npx", ["turbo", "run", "test", "--concurrency=1", ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: "inherit",
});

const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
for (const ws of workspaces) {
  for (const { file, pass } of reportsOf(ws)) {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    const row = {
      name: path.relative(repoRoot, ws) + (pass === null ? "" : ` (${pass})`),
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
    rows.push(row);
    for (const key of Object.keys(totals)) totals[key] += row[key];
  }
}
console.log("\nTest summary");
for (const r of rows) {
  console.log(
    `  ${r.name.padEnd(22)} ${String(r.passed).padStart(4)} passed  ${String(r.failed).padStart(3)} failed  ${String(r.skipped).padStart(3)} skipped`,
  );
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(turbo.status ?? 1);
