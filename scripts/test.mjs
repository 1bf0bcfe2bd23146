#!/usr/bin/env node
// `npm test`: every workspace's vitest suite through Turbo, one package at a time (2-core machines;
// the cross-app suites start real servers and trainers), then one summary across all of them.
// Each suite writes a JSON report to <workspace>/test-results/vitest.json (see its `test` script).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "./lib/env.mjs";

const workspaces = ["apps", "packages"]
  .flatMap((dir) => fs.readdirSync(path.join(repoRoot, dir)).map((name) => path.join(repoRoot, dir, name)))
  .concat(path.join(repoRoot, "tests"));
const reportOf = (ws) => path.join(ws, "test-results", "vitest.json");
for (const ws of workspaces) fs.rmSync(reportOf(ws), { force: true });

const turbo = spawnSync("npx", ["turbo", "run", "test", "--concurrency=1", ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: "inherit",
});

const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
for (const ws of workspaces) {
  if (!fs.existsSync(reportOf(ws))) continue;
  const report = JSON.parse(fs.readFileSync(reportOf(ws), "utf8"));
  const row = {
    name: path.relative(repoRoot, ws),
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  rows.push(row);
  for (const key of Object.keys(totals)) totals[key] += row[key];
}
console.log("\nTest summary");
for (const r of rows) {
  console.log(
    `  ${r.name.padEnd(18)} ${String(r.passed).padStart(4)} passed  ${String(r.failed).padStart(3)} failed  ${String(r.skipped).padStart(3)} skipped`,
  );
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(turbo.status ?? 1);
