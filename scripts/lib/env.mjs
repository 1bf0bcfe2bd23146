// Shared settings for the root scripts (`npm start`, `npm run demo`): the same defaults the apps use,
// resolved once so that the API, the dashboard and the local agent agree on ports, data and token.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { localApiUrl, parseApiUrl } from "@graft/config/api-url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Parses a port variable, failing loudly on anything that is not a TCP port. */
export function portFrom(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port between 1 and 65535, got "${raw}"`);
  }
  return port;
}

/** {@link loadSettings}, or the script stops with exit code 2 and the setting's message (no stack). */
export function loadSettingsOrExit() {
  try {
    return loadSettings();
  } catch (error) {
    console.error(`graft: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

/** The settings every root script shares, from the environment with the documented defaults. */
export function loadSettings() {
  const dataDir = path.resolve(process.env.GRAFT_DATA_DIR || path.join(repoRoot, "data"));
  const apiPort = portFrom("GRAFT_API_PORT", 4000);
  const webPort = portFrom("GRAFT_WEB_PORT", 3000);
  const sharedDir = path.resolve(process.env.GRAFT_SHARED_DIR || path.join(repoRoot, "..", "shared"));
  const sharedModels = path.join(sharedDir, "models");
  const sharedDatasets = path.join(sharedDir, "datasets");
  // Offline convenience: the team's shared weights are used when present and nothing else was asked for.
  const modelsDir = process.env.GRAFT_MODELS_DIR || (fs.existsSync(sharedModels) ? sharedModels : undefined);
  const roots = process.env.GRAFT_DATA_ROOTS
    ? process.env.GRAFT_DATA_ROOTS.split(path.delimiter).filter(Boolean)
    : [os.homedir(), path.join(dataDir, "datasets"), ...(fs.existsSync(sharedDatasets) ? [sharedDatasets] : [])];
  return {
    dataDir,
    apiPort,
    webPort,
    // The root scripts run their own API on apiPort, so that is where their dashboard and agents go.
    apiUrl: ownApiUrl(apiPort),
    modelsDir,
    sharedDatasets,
    dataRoots: roots.map((r) => path.resolve(r)),
    cacheDir: process.env.GRAFT_CACHE_DIR || path.join(os.homedir(), ".cache", "graft"),
  };
}

/**
 * The local API's GraphQL endpoint. A GRAFT_API_URL in the environment is checked by the shared rule
 * (a malformed one stops the script with its message) and, when it names another API, reported as
 * not used rather than silently half-applied.
 */
function ownApiUrl(apiPort) {
  const own = localApiUrl(apiPort);
  const given = process.env.GRAFT_API_URL?.trim();
  if (given) {
    const parsed = parseApiUrl(given, "GRAFT_API_URL").graphql;
    if (parsed !== own)
      console.warn(`note: GRAFT_API_URL=${given} is not used here: this script runs its own API at ${own} (GRAFT_API_PORT).`);
  }
  return own;
}

/** The API token: the environment's, else the one the API stored in the data directory on first start. */
export function readToken(dataDir) {
  if (process.env.GRAFT_API_TOKEN) return process.env.GRAFT_API_TOKEN;
  const file = path.join(dataDir, "api-token");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : undefined;
}

/** Polls a URL until it answers 200, or fails after `timeoutMs` naming the URL. */
export async function waitForHttp(url, timeoutMs, isAlive = () => true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the process serving ${url} exited before it was ready`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

/** Fails, naming the port and its variable, when something already listens on `port`. */
export function assertPortFree(port, variable) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error) =>
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `port ${port} is already in use (another Graft still running?); stop it or set ${variable}`
            : `cannot listen on port ${port}: ${error.message}`,
        ),
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
