/**
 * The agent side of the logEpochs benchmark, in its own process as real agents are: logs
 * `BENCH_BATCHES` batches of 50 epochs to each run in `BENCH_RUN_IDS` (one loop per run, all
 * concurrent) and prints `{ epochs, seconds }` as JSON.
 */
import { performance } from "node:perf_hooks";
import { Q, epoch } from "../src/test/fixtures";
import { KeepAliveClient } from "./http-client";

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};
// node:http with keep-alive rather than fetch: see http-client.ts for why.
const client = new KeepAliveClient(env("BENCH_URL"), env("BENCH_TOKEN"));
const agentId = env("BENCH_AGENT");
const runIds = env("BENCH_RUN_IDS").split(",");
const batches = Number(env("BENCH_BATCHES"));
const warmup = Number(process.env["BENCH_WARMUP"] ?? "0");
const BATCH = 50;

const batch = (b: number) => Array.from({ length: BATCH }, (_, i) => epoch(b * BATCH + i + 1, ((b * BATCH + i) % 100) / 100));
// Warm-up batches go to epochs beyond the measured range of the first run.
for (let b = 0; b < warmup; b++) await client.data(Q.logEpochs, { runId: runIds[0], agentId, epochs: batch(batches + b) });
const t0 = performance.now();
await Promise.all(
  runIds.map(async (runId) => {
    for (let b = 0; b < batches; b++) await client.data(Q.logEpochs, { runId, agentId, epochs: batch(b) });
  }),
);
client.close();
process.stdout.write(`${JSON.stringify({ epochs: runIds.length * batches * BATCH, seconds: (performance.now() - t0) / 1000 })}\n`);
