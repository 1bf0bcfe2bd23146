/**
 * Heartbeats for a claimed run: the first one right away, then every third of the lease the API
 * grants (so two may be lost before the lease lapses and the run is re-queued). A failed heartbeat
 * is only logged: the reporter's journal, not the heartbeat, is what keeps results safe.
 */
import { HEARTBEAT } from "../graphql/operations";
import type { RunControl } from "../graphql/types";
import type { RequestClient } from "../reporter/reporter";

/** Settings of {@link startHeartbeat}. */
export interface HeartbeatOptions {
  client: RequestClient;
  agentId: string;
  runId: string | null;
  backend: string;
  onControl: (control: RunControl) => void;
  /** Used until the API tells the lease (and when it never does), in ms. Default 10 000. */
  fallbackIntervalMs?: number;
  log?: (message: string) => void;
  now?: () => number;
}

/** The interval for a lease ending at `leaseExpiresAt`: a third of what is left, at least 500 ms. */
export function heartbeatInterval(leaseExpiresAt: string | null, now: number, fallbackMs: number): number {
  if (!leaseExpiresAt) return fallbackMs;
  const left = Date.parse(leaseExpiresAt) - now;
  if (!Number.isFinite(left) || left <= 0) return 500;
  return Math.max(500, Math.floor(left / 3));
}

/** Starts heartbeating; call the returned function to stop. */
export function startHeartbeat(options: HeartbeatOptions): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const now = options.now ?? Date.now;
  const fallback = options.fallbackIntervalMs ?? 10_000;
  const beat = async (): Promise<void> => {
    let next = fallback;
    try {
      const data = await options.client.request(HEARTBEAT, {
        input: { agentId: options.agentId, runId: options.runId, backend: options.backend },
      });
      if (stopped) return;
      options.onControl(data.heartbeat);
      next = heartbeatInterval(data.heartbeat.leaseExpiresAt ?? null, now(), fallback);
    } catch (error) {
      options.log?.(`heartbeat failed: ${(error as Error).message}`);
      // Retry sooner than a full interval so a short API blip does not cost the lease.
      next = Math.min(fallback, 2_000);
    }
    if (!stopped) {
      timer = setTimeout(() => void beat(), next);
      timer.unref();
    }
  };
  void beat();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
