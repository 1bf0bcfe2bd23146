/// <reference lib="dom" />
/** Steps on the dashboard's launch form (/sweeps/new), shared by the browser tests that launch sweeps. */
import path from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Registers the class-folder dataset at `dir` by path and waits for the form to confirm it. */
export async function registerDataset(page: Page, dir: string): Promise<void> {
  await page.getByTestId("dataset-path").fill(dir);
  await page.getByTestId("register-dataset").click();
  await page.getByText(`Registered "${path.basename(dir)}"`).waitFor({ timeout: 30_000 });
}

/** Creates the experiment named in the form's "new experiment" box and waits until it is picked. */
export async function createExperiment(page: Page): Promise<void> {
  await page.getByTestId("create-experiment").click();
  await expect.poll(() => page.locator("#experiment").inputValue(), { timeout: 15_000 }).not.toBe("");
}

/** The search grid of a small sweep. */
export interface SweepGrid {
  model: string;
  heads: string;
  lrs: string;
  depths: string;
  epochs: string;
  ftEpochs: string;
}

/** Ticks only `grid.model` among the base models and fills the grid's fields. */
export async function fillSweepGrid(page: Page, grid: SweepGrid): Promise<void> {
  for (const box of await page.locator('input[name="baseModel"]').all()) {
    const want = (await box.getAttribute("value")) === grid.model;
    if ((await box.isChecked()) !== want) await box.click();
  }
  await page.locator("#heads").fill(grid.heads);
  await page.locator("#lrs").fill(grid.lrs);
  await page.locator("#depths").fill(grid.depths);
  await page.locator("#epochs").fill(grid.epochs);
  await page.locator("#ftEpochs").fill(grid.ftEpochs);
}

/**
 * Clicks Launch (twice in quick succession with `doubleClick`, as an impatient user does) and waits
 * for the sweep's page; returns the sweep id from its URL.
 */
export async function launch(page: Page, options: { doubleClick?: boolean } = {}): Promise<string> {
  if (options.doubleClick) await page.getByTestId("launch").dblclick();
  else await page.getByTestId("launch").click();
  // The form itself lives at /sweeps/new: wait for a sweep's own page, not that.
  await page.waitForURL((url) => /^\/sweeps\/[^/]+$/.test(url.pathname) && url.pathname !== "/sweeps/new", { timeout: 60_000 });
  return new URL(page.url()).pathname.split("/").pop() as string;
}

/**
 * Waits, without reloading the page, until the sweep page lists `count` runs all finished; returns
 * their statuses. Fails at once with `died`'s error when that promise rejects (an agent exiting).
 */
export async function waitForSweepRuns(page: Page, count: number, died?: Promise<never>): Promise<string[]> {
  await page.evaluate(() => Object.assign(window, { __graftNoReload: true }));
  await expect.poll(() => page.getByTestId("sweep-run").count(), { timeout: 30_000 }).toBe(count);
  const allFinished = page.waitForFunction(
    (n) => {
      const rows = [...document.querySelectorAll('[data-testid="sweep-run"]')];
      return rows.length === n && rows.every((r) => ["COMPLETED", "STOPPED_EARLY", "FAILED"].includes(r.getAttribute("data-status") ?? ""));
    },
    count,
    { timeout: 600_000, polling: 500 },
  );
  await (died ? Promise.race([allFinished, died]) : allFinished);
  expect(await page.evaluate(() => (window as unknown as { __graftNoReload?: boolean }).__graftNoReload), "the page reloaded").toBe(true);
  return page.getByTestId("sweep-run").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status") ?? ""));
}
