/** Runs real `graft agent` / `graft train` processes against a test API. */
import { spawnSync } from "node:child_process";
import { graftBin, repoRoot, sharedModelsDir } from "./paths";
import { spawnManaged, type ManagedProcess } from "./processes";

/** Settings of {@link startAgentProcess}. */
export interface AgentProcessOptions {
  apiUrl: string;
  token: string;
  name: string;
  /** Feature cache, journal and checkpoints (GRAFT_CACHE_DIR); agents may share one. */
  cacheDir: string;
  modelsDir?: string;
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

/** Starts `node apps/trainer/bin/graft.mjs agent ...`. */
export function startAgentProcess(options: AgentProcessOptions): ManagedProcess {
  return spawnManaged(
    `agent ${options.name}`,
    process.execPath,
    [graftBin, "agent", "--api", options.apiUrl, "--token", options.token, "--name", options.name, ...(options.extraArgs ?? [])],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        GRAFT_MODELS_DIR: options.modelsDir ?? sharedModelsDir,
        GRAFT_CACHE_DIR: options.cacheDir,
        GRAFT_AGENT_POLL_MS: "500",
        ...options.env,
      },
    },
  );
}

/** The result of a finished `graft` command. */
export interface GraftResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `graft <args>` to completion (synchronously; use for short commands). */
export function runGraft(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 300_000): GraftResult {
  const result = spawnSync(process.execPath, [graftBin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, GRAFT_MODELS_DIR: sharedModelsDir, ...env },
    encoding: "utf8",
    timeout: timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
