/**
 * Agent processes with a fake engine (apps/trainer/src/testing/fake-agent.ts): the real `graft
 * agent` (claims, heartbeats, reporter, journal, HTTP) in its own process, training nothing, with
 * numbers chosen per agent, so flows about leases, journals and storage run in seconds and can tell
 * which agent's results the API kept.
 */
import path from "node:path";
import type { AgentProcessOptions } from "./agents";
import { repoRoot } from "./paths";
import { spawnManaged, type ManagedProcess } from "./processes";

/** The fake agent's entry point. */
export const fakeAgentEntry = path.join(repoRoot, "apps", "trainer", "src", "testing", "fake-agent.ts");

/** Settings of {@link startFakeAgentProcess}. */
export interface FakeAgentOptions extends Omit<AgentProcessOptions, "modelsDir"> {
  /** Shifts every metric it reports (variant-engine.ts): results of two agents differ. Default 0. */
  variant?: number;
  /** Time each epoch takes, ms. Default 0. */
  epochMs?: number;
}

/** Starts `fake-agent.ts agent --api ... --name ...`. */
export function startFakeAgentProcess(options: FakeAgentOptions): ManagedProcess {
  return spawnManaged(
    `fake agent ${options.name}`,
    process.execPath,
    [
      "--import",
      "tsx",
      fakeAgentEntry,
      "agent",
      "--api",
      options.apiUrl,
      "--token",
      options.token,
      "--name",
      options.name,
      ...(options.extraArgs ?? []),
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        GRAFT_CACHE_DIR: options.cacheDir,
        GRAFT_AGENT_POLL_MS: "300",
        GRAFT_FAKE_VARIANT: String(options.variant ?? 0),
        GRAFT_FAKE_EPOCH_MS: String(options.epochMs ?? 0),
        ...options.env,
      },
    },
  );
}
