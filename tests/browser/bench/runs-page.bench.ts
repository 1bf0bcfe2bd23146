/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Benchmark: 10,000 runs in one experiment, measured in Chromium against the real API and
 * `next start`. Prints time-to-interactive of the runs page, time to sort by a metric, and time
 * until Compare of 10 runs has drawn, with ratios to the targets (1.5 s, 300 ms, 2 s). No asserts.
 *
 *   node --import tsx tests/browser/bench/runs-page.bench.ts [runCount]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot, startApi } from "../../support";
import { chromiumMissing, launchChromium, screenshot } from "../support/browser";
import { startWeb } from "../support/web";
import { seedRuns } from "./seed";

const count = Number(process.argv[2] ?? 10_000);
if (!Number.isInteger(count) || count < 10) throw new Error(`run count must be an integer ≥ 10, got "${process.argv[2]}"`);
const missing = chromiumMissing();
if (missing) {
  console.log(`skipped: ${missing}`);
  process.exit(0);
}

const targets = { tti: 1500, sort: 300, compare: 2000 };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "graft-bench-"));
const t0 = Date.now();
const { experimentId, runIds } = seedRuns(dataDir, count);
console.log(`seeded ${count} runs in ${Date.now() - t0} ms`);
const api = await startApi({ dataDir, env: { TSX_TSCONFIG_PATH: path.join(repoRoot, "apps/api/tsconfig.json") } });
const web = await startWeb({ apiUrl: api.url, apiPort: api.port, token: api.token });
const browser = await launchChromium();
const results: Record<string, number[]> = { tti: [], sort: [], compare: [], scroll: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  // One warm-up visit so the first measurement is not the server's cold compile of the route.
  await page.goto(`${web.url}/experiments/${experimentId}`);
  await page.getByTestId("run-row").first().waitFor({ timeout: 60_000 });
  for (let i = 0; i < 3; i++) {
    // Time to interactive: navigation start → rows rendered and the table reacting to input.
    const start = Date.now();
    await page.goto(`${web.url}/experiments/${experimentId}`);
    await page.getByTestId("run-row").first().waitFor();
    await page.getByTestId("sort-bestValAccuracy").waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="runs-total"]')?.textContent?.includes("runs"));
    results.tti!.push(Date.now() - start);

    // Sort by a metric: click → first row is the best run.
    const before = await page.getByTestId("run-row").first().getAttribute("data-run-id");
    const s = Date.now();
    await page.getByTestId("sort-bestValAccuracy").click();
    await page.waitForFunction((prev) => {
      const first = document.querySelector('[data-testid="run-row"]');
      return first !== null && first.getAttribute("data-run-id") !== prev && location.search.includes("sort=BEST_VAL_ACCURACY");
    }, before);
    results.sort!.push(Date.now() - s);

    // Fluid scrolling: jump 1,000 rows down and wait for real rows there (pages fetched on demand).
    const sc = Date.now();
    await page.getByTestId("runs-scroll").evaluate((el) => el.scrollTo({ top: 34 * 1000 }));
    await page.locator('[data-testid="run-row"][data-index="1000"]').waitFor({ timeout: 60_000 });
    results.scroll!.push(Date.now() - sc);
  }
  await screenshot(page, "bench-runs-table");
  const ids = runIds.slice(0, 10).join(",");
  for (let i = 0; i < 3; i++) {
    const c = Date.now();
    await page.goto(`${web.url}/compare?ids=${ids}`);
    // A string predicate: tsx would wrap named inner functions in __name(), unknown in the page.
    await page.waitForFunction(
      `(() => {
      const drawn = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getAttribute("data-drawn") === "true").length;
      return drawn('[data-testid="compare-accuracy"]') === 1 && drawn('[data-testid="compare-loss"]') === 1
        && drawn('[data-testid="compare-parallel"]') === 1 && drawn('[data-testid="compare-matrix"] [data-chart]') === 10
        && drawn('[data-testid="compare-f1"]') === 1;
    })()`,
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    results.compare!.push(Date.now() - c);
  }
  await screenshot(page, "bench-compare-10");
} finally {
  await browser.close();
  await web.stop();
  await api.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const line = (label: string, key: keyof typeof targets) => {
  const m = median(results[key]!);
  console.log(
    `${label.padEnd(36)} median ${String(m).padStart(5)} ms  (runs: ${results[key]!.join(", ")})  target ${targets[key]} ms  ratio ${(m / targets[key]).toFixed(2)}`,
  );
};
console.log(`\n${count.toLocaleString()} runs, Chromium ${"headless"}, next start + API on this machine`);
line("runs page time-to-interactive", "tti");
line("sort by best val accuracy", "sort");
line("compare 10 runs drawn", "compare");
console.log(
  `${"scroll 1,000 rows, rows loaded".padEnd(36)} median ${String(median(results.scroll!)).padStart(5)} ms  (runs: ${results.scroll!.join(", ")})`,
);
