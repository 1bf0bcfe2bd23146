/** Debian's Chromium through playwright-core (never `playwright install`: no network here). */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { repoRoot } from "../../support";

/** Chromium binary: CHROMIUM_PATH or Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Where screenshots go (gitignored). */
export const screenshotDir = path.join(repoRoot, "tests", "browser", "screenshots");

/** Why browser tests must skip, or null. */
export function chromiumMissing(): string | null {
  return fs.existsSync(chromiumPath) ? null : `Chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`;
}

/** Launches headless Chromium with the flags that keep it offline and quiet. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/** Saves a full-page screenshot as screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
