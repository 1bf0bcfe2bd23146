/** Selecting runs in the runs table and opening Compare on them, shared by the browser tests. */
import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Ticks the first `count` rows of the runs table (checking the toolbar's count after each), opens
 * Compare, and waits until its accuracy chart, its differences table and one confusion matrix per
 * run are drawn.
 */
export async function compareFirstRows(page: Page, count: number): Promise<void> {
  const boxes = page.getByTestId("run-row").locator('input[type="checkbox"]');
  for (let i = 0; i < count; i++) {
    await boxes.nth(i).click();
    await expect.poll(() => page.locator(".runs-toolbar").textContent(), { timeout: 10_000 }).toContain(`${i + 1} selected`);
  }
  expect(new URL(page.url()).searchParams.get("sel")?.split(",")).toHaveLength(count);
  await page.getByTestId("compare-link").click();
  await page.waitForURL(/\/compare\?ids=/);
  await expect.poll(() => page.getByTestId("compare-matrix").count(), { timeout: 60_000 }).toBe(count);
  await page.locator('[data-testid="compare-accuracy"][data-drawn="true"]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="compare-diff"][data-drawn="true"]').waitFor({ timeout: 60_000 });
  await expect.poll(() => page.locator('[data-testid="compare-matrix"] [data-drawn="true"]').count(), { timeout: 60_000 }).toBe(count);
}
