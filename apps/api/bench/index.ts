/**
 * `npm run bench -w apps/api`: prints, in one run,
 *  1. logEpochs epochs/s through GraphQL (batches of 50) from 1 and from 4 agents vs raw inserts of
 *     the same rows through the database's own driver (also batched 50 per transaction), and the
 *     ratio (target ≥ 25%), in interleaved rounds;
 *  2. p50/p95 latency of a `runs` page of 100 sorted by a metric over 10,000 runs × 30 epochs
 *     (seeded with raw SQL; target p95 < 50 ms);
 *  3. p50/p95 latency of compareRuns on 20 runs (target < 100 ms);
 *  4. the hostile documents (depth-53 fan-out, 1,000 scans, 10,000 aliases, an unbounded list) over
 *     HTTP and WS and a 10,000-run createSweep, with `/healthz` p50/p99 during each (target p99 <
 *     200 ms; bench/hostile.ts), on SQLite.
 * Sections 1-3 (bench/core.ts) run on each database `BENCH_DATABASES` names (`sqlite,postgres`,
 * the default; PostgreSQL is a throwaway local server, skipped with a line when its binaries are
 * missing) and end with a side-by-side summary; `--json` prints the figures as one JSON line after it.
 * Figures only; nothing is asserted. `BENCH_SECTIONS` picks what runs: `core` (1-3), `hostile` (4),
 * comma-separated (default: both).
 */
// First, as in src/main.ts: the API is measured as it runs in production (see src/node-env.ts).
import "../src/node-env";
import { loadavg } from "node:os";
import { type CoreFigures, coreBench } from "./core";
import { onDatabase, requestedDatabases } from "./databases";
import { hostileBench } from "./hostile";
import { fmtMs } from "./stats";

const SECTIONS = new Set((process.env["BENCH_SECTIONS"] ?? "core,hostile").split(",").map((s) => s.trim()));

async function main(): Promise<void> {
  if (SECTIONS.has("core")) {
    const figures: CoreFigures[] = [];
    for (const kind of requestedDatabases()) {
      const f = await onDatabase(kind, coreBench);
      if (f !== null) figures.push(f);
    }
    printSummary(figures);
    if (process.argv.includes("--json")) console.log(JSON.stringify({ core: figures }));
  }
  if (SECTIONS.has("hostile")) await hostileBench({ repeats: Number(process.env["BENCH_HOSTILE_REPEATS"] ?? 3) });
}

/** Sections 1-3 side by side, one column per database, each figure against its target. */
function printSummary(figures: readonly CoreFigures[]): void {
  if (figures.length === 0) return;
  const ratio = (r: number) => `${(100 * r).toFixed(1)}% ${r >= 0.25 ? "ok" : "MISSED"}`;
  const under = (limit: number) => (ms: number) => `${fmtMs(ms)} ${ms < limit ? "ok" : "MISSED"}`;
  const rows: [string, (f: CoreFigures) => string, string][] = [
    ["logEpochs / raw, 1 agent (median round)", (f) => ratio(f.one.ratio), ">= 25%"],
    ["  that round: epochs/s, 1 agent / raw", (f) => `${f.one.rate.toFixed(0)} / ${f.one.raw.toFixed(0)}`, ""],
    ["  1 agent: ms per 50-epoch call", (f) => f.one.msPerBatch.toFixed(2), ""],
    ["logEpochs / raw, 4 agents (median round)", (f) => ratio(f.many.ratio), ">= 25%"],
    ["  that round: epochs/s, 4 agents / raw", (f) => `${f.many.rate.toFixed(0)} / ${f.many.raw.toFixed(0)}`, ""],
    ["runs page p50", (f) => fmtMs(f.page.p50), ""],
    ["runs page p95", (f) => under(50)(f.page.p95), "< 50 ms"],
    ["filtered runs page p95", (f) => fmtMs(f.filtered.p95), ""],
    ["compareRuns p95", (f) => under(100)(f.compare.p95), "< 100 ms"],
    ["seeding the runs page's runs (raw SQL)", (f) => `${f.seedSeconds.toFixed(1)} s`, ""],
    ["load average (1 min) at start / end", (f) => `${f.load[0].toFixed(2)} / ${f.load[1].toFixed(2)}`, ""],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const cell = 22;
  console.log(`
Summary (load average now ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")})`);
  console.log(`${"".padEnd(width)}  ${figures.map((f) => f.database.padEnd(cell)).join("")}target`);
  for (const [name, value, target] of rows)
    console.log(`${name.padEnd(width)}  ${figures.map((f) => value(f).padEnd(cell)).join("")}${target}`);
}

await main();
