/**
 * The agent side of the logEpochs benchmark, in its own process as real agents are. Forked by
 * bench/log-agents.ts with an IPC channel; each {@link LogJob} message logs `batches` batches of
 * 50 epochs to each of its runs (one loop per run, all concurrent) and is answered with a
 * {@link LogResult}. Staying alive between jobs lets the bench interleave GraphQL and raw
 * measurements in short rounds without paying a process start each time.
 */
import { performance } from "node:perf_hooks";
import { Q, epoch } from "../src/test/fixtures";
import { KeepAliveClient } from "./http-client";

/** One measurement the bench asks for. */
export interface LogJob {
  url: string;
  token: string;
  agentId: string;
  runIds: string[];
  /** Batches per run. */
  batches: number;
  /** Untimed batches first, to the first run at epochs beyond the timed ones. */
  warmup: number;
}

/** What one job measured. */
export type LogResult = { ok: true; epochs: number; seconds: number } | { ok: false; error: string };

const BATCH = 50;
const batch = (b: number) => Array.from({ length: BATCH }, (_, i) => epoch(b * BATCH + i + 1, ((b * BATCH + i) % 100) / 100));

async function runJob(job: LogJob): Promise<LogResult> {
  // node:http with keep-alive rather than fetch: see http-client.ts for why.
  const client = new KeepAliveClient(job.url, job.token);
  try {
    const [first] = job.runIds;
    for (let b = 0; b < job.warmup; b++)
      await client.data(Q.logEpochs, { runId: first, agentId: job.agentId, epochs: batch(job.batches + b) });
    const t0 = performance.now();
    await Promise.all(
      job.runIds.map(async (runId) => {
        for (let b = 0; b < job.batches; b++) await client.data(Q.logEpochs, { runId, agentId: job.agentId, epochs: batch(b) });
      }),
    );
    return { ok: true, epochs: job.runIds.length * job.batches * BATCH, seconds: (performance.now() - t0) / 1000 };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    client.close();
  }
}

if (!process.send) throw new Error("bench/log-client.ts runs as a forked child (see bench/log-agents.ts)");
process.on("message", (job: LogJob) => {
  void runJob(job).then((result) => process.send?.(result));
});
// The parent disconnecting (bench done or crashed) ends this process.
process.on("disconnect", () => process.exit(0));
