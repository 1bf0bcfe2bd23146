/**
 * Builds the dashboard once (`next build`, skipped when .next is newer than every source file)
 * and runs `next start` on a free port against a given API. `next dev` is far too slow on 2 cores.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { webBuildIsStale as buildIsStale } from "../../../scripts/lib/web-build.mjs";
import { freePort, repoRoot, spawnManaged, waitFor, type ManagedProcess } from "../../support";

/** The web app's folder. */
export const webDir = path.join(repoRoot, "apps", "web");
const nextBin = path.join(repoRoot, "node_modules", "next", "dist", "bin", "next");

/** True when .next/BUILD_ID is older than a source file (or missing): `npm start`'s own rule. */
export function webBuildIsStale(): boolean {
  return buildIsStale(webDir);
}

/** Runs `next build` when stale; throws with the build output on failure. */
export function ensureWebBuild(): void {
  if (!webBuildIsStale()) return;
  const r = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: webDir,
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`next build failed (${r.status}):\n${(r.stdout + r.stderr).slice(-4000)}`);
}

/** A running dashboard. */
export interface RunningWeb {
  url: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** Starts `next start` against the API at `apiUrl` (port `apiPort` for the browser's WebSocket). */
export async function startWeb(options: { apiUrl: string; apiPort: number; token: string }): Promise<RunningWeb> {
  ensureWebBuild();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnManaged("web", process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: webDir,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      GRAFT_API_URL: options.apiUrl,
      GRAFT_API_PORT: String(options.apiPort),
      GRAFT_API_TOKEN: options.token,
    },
  });
  await waitFor(async () => (await fetch(url).catch(() => null))?.ok === true, { timeoutMs: 60_000, what: `next start on ${url}` }).catch(
    async (e: Error) => {
      await child.stop("SIGKILL");
      throw new Error(`${e.message}\n--- web output ---\n${child.output().slice(-3000)}`);
    },
  );
  return { url, process: child, stop: async () => void (await child.stop("SIGTERM", 10_000)) };
}
