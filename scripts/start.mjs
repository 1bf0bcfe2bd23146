#!/usr/bin/env node
// `npm start`: the whole product on one machine on its embedded defaults — the API on SQLite under
// ./data, the dashboard, and one local agent — started in order (API first, since the others need its
// token and schema) and stopped together on Ctrl-C.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { assertPortFree, loadSettings, readToken, repoRoot, waitForHttp } from "./lib/env.mjs";

const settings = loadSettings();
const children = [];
let stopping = false;

// The API runs from its own folder so that tsx picks up its tsconfig (decorators on).
const apiDir = path.join(repoRoot, "apps/api");

function run(name, command, args, env, cwd = repoRoot) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that stopping it also stops what it started (`npm run start` runs
    // next-server as a grandchild, which a signal to npm alone would leave running on the port).
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
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${prefix}exited (${signal ?? `code ${code}`}); stopping Graft.`);
      shutdown(code ?? 1);
    }
  });
  children.push(child);
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

function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) signalGroup(child, "SIGTERM");
  // Give the agent time to hand its run back before forcing everything down.
  setTimeout(() => {
    for (const child of children) signalGroup(child, "SIGKILL");
    process.exit(code);
  }, 10_000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on("exit", r)) : null))).then(() =>
    process.exit(code),
  );
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

function ensureWebBuild() {
  const buildId = path.join(repoRoot, "apps/web/.next/BUILD_ID");
  if (fs.existsSync(buildId) && process.env.GRAFT_REBUILD_WEB !== "1") return;
  console.log("Building the dashboard once (next build)…");
  const result = spawnSync("npm", ["run", "build", "-w", "apps/web"], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("The dashboard build failed; see the output above.");
    process.exit(1);
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

  console.log(`
  Graft is running.
    Dashboard  http://localhost:${settings.webPort}
    API        ${settings.apiUrl}   (token in ${path.join(settings.dataDir, "api-token")})
    Database   ${path.join(settings.dataDir, "graft.db")}
    Agent      local-agent${settings.modelsDir ? `, weights from ${settings.modelsDir}` : ""}
  Ctrl-C stops everything.
`);
}

main().catch((error) => {
  console.error(`graft: ${error instanceof Error ? error.message : String(error)}`);
  shutdown(1);
});
