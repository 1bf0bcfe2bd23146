/// <reference lib="dom" />
/**
 * The README's first command, as a new user runs it: `npm start` (the real scripts/start.mjs, on
 * free ports and a temp data dir, GRAFT_API_URL left to its documented default), then the dashboard
 * in Chromium: register a dataset, launch a sweep from the form, watch its runs complete live and
 * compare them. Then Ctrl-C, as a terminal sends it to the whole foreground job, while a run trains:
 * the agent hands its run back before the API stops, and nothing is force-killed.
 *
 * Pages answering 200 prove nothing here (that is how a dashboard saying "HTTP 404" on every page
 * once passed): every step waits for data that only the API can have put there.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  copySubset,
  freePort,
  repoRoot,
  sharedAssetsMissing,
  sharedModelsDir,
  spawnManaged,
  startApi,
  waitFor,
  type ManagedProcess,
  type RunningApi,
} from "../support";
import { gql } from "../support/graphql";
import { chromiumMissing, launchChromium, screenshot } from "./support/browser";
import { compareFirstRows } from "./support/compare";
import { createExperiment, fillSweepGrid, launch, registerDataset, waitForSweepRuns } from "./support/launch-form";
import { ensureWebBuild } from "./support/web";

const skipReason = sharedAssetsMissing() ?? chromiumMissing();
if (skipReason) console.warn(`[browser] skipping the npm start flow: ${skipReason}`);

const MODEL = "mobilenet_v1_0.25_224";

/** True when something answers HTTP at `origin`. */
async function listening(origin: string): Promise<boolean> {
  return fetch(origin, { signal: AbortSignal.timeout(5_000) }).then(
    () => true,
    () => false,
  );
}

describe.skipIf(skipReason !== null)("npm start, used as the README says", () => {
  let tmp: string;
  let dataDir: string;
  let datasetDir: string;
  let start: ManagedProcess;
  let web: string;
  let api: string;
  let browser: Browser;
  let page: Page;
  let restarted: RunningApi | undefined;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "graft-start-"));
    dataDir = path.join(tmp, "data");
    datasetDir = path.join(tmp, "photos", "leaves");
    copySubset(datasetDir, { classes: 3, perClass: 12 });
    // `npm start` builds the dashboard itself when it has never been built; the shared helper also
    // rebuilds a stale build, so the test runs today's dashboard.
    ensureWebBuild();
    const [apiPort, webPort] = [await freePort(), await freePort()];
    api = `http://127.0.0.1:${apiPort}`;
    web = `http://127.0.0.1:${webPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GRAFT_API_PORT: String(apiPort),
      GRAFT_WEB_PORT: String(webPort),
      GRAFT_DATA_DIR: dataDir,
      GRAFT_DATA_ROOTS: path.join(tmp, "photos"),
      GRAFT_MODELS_DIR: sharedModelsDir,
      GRAFT_CACHE_DIR: path.join(tmp, "cache"),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // The documented defaults, not whatever the test runner's shell carries.
    for (const name of ["GRAFT_API_URL", "GRAFT_API_TOKEN", "GRAFT_API_PUBLIC_URL", "GRAFT_WEB_ORIGIN"]) delete env[name];
    start = spawnManaged("npm start", "npm", ["start"], { cwd: repoRoot, env, processGroup: true });
    await start.waitForOutput(/Graft is running\./, 240_000);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (start && start.child.exitCode === null && start.child.signalCode === null) {
      start.signalGroup("SIGKILL");
      await start.exited;
    }
    await restarted?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("prints where to go, with the API at its documented /graphql endpoint", () => {
    expect(start.output()).toContain(`Dashboard  http://localhost:${new URL(web).port}`);
    expect(start.output()).toContain(`API        ${api}/graphql`);
  });

  it("registers a dataset, launches a sweep from the form and shows its runs complete live", async () => {
    await page.goto(`${web}/`);
    await page.getByTestId("empty-state").waitFor({ timeout: 30_000 });
    await page.getByRole("link", { name: /launch a demo sweep/i }).click();
    await page.getByTestId("launch-form").waitFor();
    // The form's model list comes from the API: an unreachable API shows an error box instead.
    await page.locator(`input[name="baseModel"][value="${MODEL}"]`).waitFor({ timeout: 30_000 });
    await registerDataset(page, datasetDir);
    await createExperiment(page);
    await fillSweepGrid(page, { model: MODEL, heads: "32", lrs: "0.0003, 0.003", depths: "0", epochs: "2", ftEpochs: "0" });
    await expect.poll(() => page.getByTestId("planned-runs").textContent()).toContain("2 runs");
    const sweepId = await launch(page, { doubleClick: true });
    const sweeps = await gql<{ sweeps: { id: string }[] }>(api, null, "{ sweeps { id } }");
    expect(
      sweeps.sweeps.map((x) => x.id),
      "a double click launched two sweeps",
    ).toEqual([sweepId]);
    const startDied = start.exited.then((code): never => {
      throw new Error(`npm start exited (${code}) before the runs finished:\n${start.output().slice(-3000)}`);
    });
    const statuses = await waitForSweepRuns(page, 2, startDied);
    expect(statuses, start.output().slice(-3000)).toEqual(["COMPLETED", "COMPLETED"]);
    await screenshot(page, "start-01-sweep");
  }, 700_000);

  it("compares the two runs from the experiment's table", async () => {
    try {
      await page.getByRole("link", { name: "First experiment" }).first().click();
      await expect.poll(() => page.getByTestId("run-row").count(), { timeout: 60_000 }).toBe(2);
      await compareFirstRows(page, 2);
    } catch (error) {
      await screenshot(page, "start-02-compare-failed");
      throw error;
    }
    // The agent's real curves: 2 runs × (train, val) accuracy × 2 epochs.
    expect(await page.getByTestId("compare-accuracy").getAttribute("data-series")).toBe("4");
    expect(await page.getByTestId("compare-accuracy").getAttribute("data-points")).toBe("8");
    await screenshot(page, "start-02-compare");
  }, 120_000);

  it("on Ctrl-C stops the agent first, which hands its run back before the API stops", async () => {
    const token = fs.readFileSync(path.join(dataDir, "api-token"), "utf8").trim();
    const call = <T>(query: string, variables?: Record<string, unknown>) => gql<T>(api, token, query, variables);
    const { datasets } = await call<{ datasets: { id: string }[] }>("{ datasets { id } }");
    // Augmentation runs the frozen base every epoch, so the run is still training when Ctrl-C comes.
    const { createRun } = await call<{ createRun: { id: string } }>("mutation($i: CreateRunInput!) { createRun(input: $i) { id } }", {
      i: {
        datasetId: datasets[0]!.id,
        name: "interrupted",
        hyperparameters: { baseModel: MODEL, headUnits: [16], epochs: 200, augmentation: "flip" },
      },
    });
    type RunState = { run: { status: string; epochCount: number; error: string | null } };
    await waitFor(
      async () => {
        const { run } = await call<RunState>("query($id: ID!) { run(id: $id) { status epochCount error } }", { id: createRun.id });
        return run.status === "RUNNING" && run.epochCount >= 1;
      },
      { timeoutMs: 180_000, what: "the agent to train the new run" },
    );

    const before = start.output().length;
    const sent = Date.now();
    start.signalGroup("SIGINT");
    const code = await Promise.race([start.exited, new Promise((r) => setTimeout(() => r("still running after 120 s"), 120_000))]);
    const stoppedIn = Date.now() - sent;
    const shutdownLog = start.output().slice(before);
    // npm, like any foreground job, also got the SIGINT and may end by it once start.mjs is done.
    expect([0, "SIGINT"], shutdownLog).toContain(code);
    // Nothing is left listening: the API and the dashboard (next-server is a grandchild) are gone.
    expect(await listening(api)).toBe(false);
    expect(await listening(web)).toBe(false);
    expect(shutdownLog).not.toMatch(/did not stop within|killing it/);
    // In order: the agent hands its run back, and only then does the API hear SIGTERM.
    const handedBack = shutdownLog.search(/\[agent\].*stopped \(SIG(INT|TERM)\)/);
    const apiStops = shutdownLog.search(/\[api\] SIGTERM: shutting down/);
    expect(handedBack, shutdownLog).toBeGreaterThanOrEqual(0);
    expect(apiStops, shutdownLog).toBeGreaterThan(handedBack);
    console.log(`[browser] npm start stopped ${stoppedIn} ms after Ctrl-C`);

    // The stored state, read back through a fresh API on the same data dir.
    restarted = await startApi({ dataDir, dataRoots: [path.join(tmp, "photos")] });
    const { run } = await restarted.gql<RunState>("query($id: ID!) { run(id: $id) { status epochCount error } }", { id: createRun.id });
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatch(/agent stopped/);
    const running = await restarted.gql<{ runs: { totalCount: number } }>(
      "{ runs(first: 1, filter: { status: [RUNNING] }) { totalCount } }",
    );
    expect(running.runs.totalCount).toBe(0);
  }, 200_000);
});
