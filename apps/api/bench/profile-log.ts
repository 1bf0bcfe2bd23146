/**
 * Profiles the API process while bench/log-client.ts logs epochs (the logEpochs bench's 1-agent
 * case): `npx tsx bench/profile-log.ts [out.cpuprofile]`. Only the timed loop is profiled, so
 * start-up and warm-up do not drown the per-request cost. Prints the client's figures. With
 * `GRAFT_DATABASE_URL=postgres://…` set, the API runs on that (empty) PostgreSQL database.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadConfig } from "../src/config/env";
import { startServer } from "../src/server";
import { TestClient } from "../src/test/client";
import { Q, createWorkspace, epoch } from "../src/test/fixtures";
import { LogAgents } from "./log-agents";

const out = process.argv[2] ?? "log.cpuprofile";
const ws = createWorkspace();
const server = await startServer(
  loadConfig({
    GRAFT_API_PORT: "0",
    GRAFT_DATA_DIR: ws.dataDir,
    GRAFT_DATA_ROOTS: ws.root,
    GRAFT_API_QUIET: "1",
    ...(process.env["GRAFT_DATABASE_URL"] ? { GRAFT_DATABASE_URL: process.env["GRAFT_DATABASE_URL"] } : {}),
  }),
);
const client = new TestClient(server.url, server.token);
try {
  const datasetId = (await client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: ws.datasetPath })).registerDataset
    .id;
  const agentId = (await client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "profile" })).registerAgent.id;
  const runId = (
    await client.data<{ createRun: { id: string } }>(Q.createRun, {
      input: { datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [8], epochs: 1000 } },
    })
  ).createRun.id;
  await client.data(Q.claim, { agentId, runId });
  for (let b = 0; b < 50; b++)
    await client.data(Q.logEpochs, { runId, agentId, epochs: Array.from({ length: 50 }, (_, i) => epoch(50_000 + b * 50 + i, 0.5)) });
  // The agent process starts and warms up before the profiler does.
  const agents = new LogAgents();
  const batches = Number(process.env["BENCH_BATCHES"] ?? "400");
  await agents.measure({ url: server.url, token: server.token, agentId, runIds: [runId], batches: 0, warmup: 50 }).catch((e: unknown) => {
    agents.close();
    throw e;
  });
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  let measured;
  try {
    measured = await agents.measure({ url: server.url, token: server.token, agentId, runIds: [runId], batches, warmup: 0 });
  } finally {
    agents.close();
  }
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(out, JSON.stringify(profile));
  console.log(`${measured.rate.toFixed(0)} epochs/s, ${measured.msPerBatch.toFixed(2)} ms per batch (profiled)`);
} finally {
  await server.close();
  ws.cleanup();
}
