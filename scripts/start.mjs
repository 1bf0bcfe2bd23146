#!/usr/bin/env node
// `npm start`: the whole product on one machine on its embedded defaults — the API on SQLite under
// ./data, the dashboard, and one local agent — started in order (API first, since the others need its
// token and schema) and stopped together on Ctrl-C.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { assertPortFree, loadSettingsOrExit, readToken, repoRoot, waitForHttp } from "./lib/env.mjs";
import { databaseLabel } from "@graft/config/database-url";
import { webBuildIsStale } from "./lib/web-build.mjs";

const settings = loadSettingsOrExit();
/** The services by name, in start order (api, web, agent). */
const services = new Map();
let stopping = false;

// The API runs from its own folder so that tsx picks up its tsconfig (decorators on).
const apiDir = path.join(repoRoot, "apps/api");

/**
 * How long each service may take to stop, in stop order. The agent first, with room for a long epoch:
 * it finishes the epoch it is in and hands its run back (failRun) to the API, which must still be up
 * to record that, so the API goes last. Cutting the agent short would leave its run RUNNING until the
 * lease lapses, which is the one thing Ctrl-C promises not to do.
 */
const STOP_ORDER = [
  { name: "agent", patienceMs: Number(process.env.GRAFT_AGENT_STOP_MS ?? 600_000) },
  { name: "web", patienceMs: 10_000 },
  { name: "api", patienceMs: 15_000 },
];

/**
 * The agent's patience when the API has already gone (it crashed or was killed): there is nobody to
 * hand the run back to, so waiting out the long patience would only keep `npm start` hanging. The
 * agent's journal keeps its unacknowledged epochs on disk, and the run's lease lapses as after kill -9.
 */
const AGENT_PATIENCE_WITHOUT_API_MS = 15_000;

const isRunning = (service) => service !== undefined && service.child.exitCode === null && service.child.signalCode === null;

function run(name, command, args, env, cwd = repoRoot) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that stopping it also stops what it started (`npm run start` runs
    // next-server as a grandchild, which a signal to npm alone would leave running on the port), and
    // so that the terminal's Ctrl-C reaches only this script, which stops the services in order.
    detached: true,
  });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream.on("data", (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(prefix + line + "\n");
    });
  }
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  exited.then(({ code, signal }) => {
    if (!stopping) {
      console.error(`${prefix}exited (${signal ?? `code ${code}`}); stopping Graft.`);
      void shutdown(code || 1);
    }
  });
  services.set(name, { child, exited });
  return child;
}

/** Signals a child's whole process group (see `detached` above). */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Resolves true when `exited` settles within `ms`, false otherwise. */
function within(exited, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    exited.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Stops the services one at a time in {@link STOP_ORDER}, each with SIGTERM and its own patience,
 * then exits. A second Ctrl-C stops everything at once (the agent's run then goes back to the queue
 * when its lease lapses, as after kill -9).
 */
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const { name, patienceMs: usual } of STOP_ORDER) {
    const service = services.get(name);
    if (!isRunning(service)) continue;
    const apiGone = !isRunning(services.get("api"));
    const patienceMs = name === "agent" && apiGone ? Math.min(usual, AGENT_PATIENCE_WITHOUT_API_MS) : usual;
    if (name === "agent") {
      console.log(
        apiGone
          ? "Stopping the agent: the API is gone, so its run cannot be handed back; its journal keeps what the API has not stored…"
          : "Stopping the agent: it finishes its current epoch and hands its run back (Ctrl-C again to stop at once)…",
      );
    }
    signalGroup(service.child, "SIGTERM");
    if (!(await within(service.exited, patienceMs))) {
      console.error(`[${name}] did not stop within ${Math.round(patienceMs / 1000)} s; killing it.`);
      signalGroup(service.child, "SIGKILL");
      await within(service.exited, 5_000);
    }
  }
  // Anything a service left in its group (a next-server grandchild) goes with it.
  for (const { child } of services.values()) signalGroup(child, "SIGKILL");
  process.exit(code);
}

function forceStop() {
  console.error("Stopping everything now.");
  for (const { child } of services.values()) signalGroup(child, "SIGKILL");
  process.exit(130);
}

/**
 * One Ctrl-C can arrive twice: the terminal signals the whole foreground group and npm forwards it
 * to its script too, and where npm's script shell is bash (macOS' /bin/sh) that script is this
 * process. A repeat this soon is that same keypress, not the user asking to force the stop.
 */
const SAME_KEYPRESS_MS = 1_000;
let firstSignalAt = 0;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (!stopping) {
      firstSignalAt = Date.now();
      void shutdown(0);
    } else if (Date.now() - firstSignalAt > SAME_KEYPRESS_MS) {
      forceStop();
    }
  });
}

function ensureWebBuild() {
  const fresh = !webBuildIsStale(path.join(repoRoot, "apps/web"));
  if (fresh && process.env.GRAFT_REBUILD_WEB !== "1") return;
  console.log("Building the dashboard (next build): its sources are newer than the last build…");
  const result = spawnSync("npm", ["run", "build", "-w", "apps/web"], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("The dashboard build failed; see the output above.");
    process.exit(1);
  }
}

/** Fails, with the proxy's own message, unless the dashboard's GraphQL proxy answers from the API. */
async function checkDashboardReachesApi(proxyUrl) {
  let answer;
  try {
    const res = await fetch(proxyUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ __typename }"}',
    });
    answer = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status} without JSON` }] }));
  } catch (error) {
    answer = { errors: [{ message: error instanceof Error ? error.message : String(error) }] };
  }
  if (answer?.data?.__typename !== "Query") {
    throw new Error(
      `the dashboard is up but cannot reach the API: ${answer?.errors?.map((e) => e.message).join("; ") ?? JSON.stringify(answer)}`,
    );
  }
}

async function main() {
  // A server left on a port would answer our readiness checks in place of the one we start.
  await assertPortFree(settings.apiPort, "GRAFT_API_PORT");
  await assertPortFree(settings.webPort, "GRAFT_WEB_PORT");
  fs.mkdirSync(path.join(settings.dataDir, "datasets"), { recursive: true });
  const shared = {
    GRAFT_DATA_DIR: settings.dataDir,
    GRAFT_API_PORT: String(settings.apiPort),
    GRAFT_DATA_ROOTS: settings.dataRoots.join(path.delimiter),
    GRAFT_WEB_ORIGIN: process.env.GRAFT_WEB_ORIGIN ?? `http://localhost:${settings.webPort}`,
    ...(settings.modelsDir ? { GRAFT_MODELS_DIR: settings.modelsDir } : {}),
  };
  ensureWebBuild();

  const api = run("api", process.execPath, ["--import", "tsx", "src/main.ts"], shared, apiDir);
  await waitForHttp(`http://127.0.0.1:${settings.apiPort}/healthz`, 60_000, () => api.exitCode === null);
  const token = readToken(settings.dataDir);
  if (!token) throw new Error(`the API started but wrote no token to ${path.join(settings.dataDir, "api-token")}`);

  const withToken = { ...shared, GRAFT_API_TOKEN: token, GRAFT_API_URL: settings.apiUrl };
  const web = run("web", "npm", ["run", "start", "-w", "apps/web"], { ...withToken, GRAFT_WEB_PORT: String(settings.webPort) });
  run("agent", process.execPath, ["apps/trainer/bin/graft.mjs", "agent", "--name", "local-agent"], withToken);
  await waitForHttp(`http://127.0.0.1:${settings.webPort}/`, 120_000, () => web.exitCode === null);
  // A page that answers 200 proves little: ask the API a question through the dashboard's own proxy.
  await checkDashboardReachesApi(`http://127.0.0.1:${settings.webPort}/api/graphql`);

  console.log(`
  Graft is running.
    Dashboard  http://localhost:${settings.webPort}
    API        ${settings.apiUrl}   (token in ${path.join(settings.dataDir, "api-token")})
    Database   ${databaseLabel({ dataDir: settings.dataDir, databaseUrl: process.env.GRAFT_DATABASE_URL })}
    Agent      local-agent${settings.modelsDir ? `, weights from ${settings.modelsDir}` : ""}
  Ctrl-C stops everything.
`);
}

main().catch((error) => {
  console.error(`graft: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
