import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type GraftDb } from "@graft/schema/db";
import { type ApiConfig, loadConfig } from "../config/env";
import { type RunningServer, startServer } from "../server";
import { TestClient } from "./client";
import { type TestSql, testDatabaseEnv, testSql } from "./database";

/** A 1×1 PNG, enough for the image route (the scan never decodes). */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** A temp workspace: data dir, an allowed root with a small class-folder dataset, and a directory outside the root. */
export interface Workspace {
  dir: string;
  dataDir: string;
  root: string;
  datasetPath: string;
  outside: string;
  cleanup(): void;
}

/** Creates a workspace with `root/leaves/{healthy,rust,spot}` holding 3, 2 and 1 images. */
export function createWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), "graft-api-"));
  const root = join(dir, "root");
  const datasetPath = join(root, "leaves");
  const counts: Record<string, number> = { healthy: 3, rust: 2, spot: 1 };
  for (const [cls, n] of Object.entries(counts)) {
    mkdirSync(join(datasetPath, cls), { recursive: true });
    for (let i = 0; i < n; i++) writeFileSync(join(datasetPath, cls, `img${i}.png`), TINY_PNG);
    writeFileSync(join(datasetPath, cls, "notes.txt"), "not an image");
  }
  const outside = join(dir, "outside");
  mkdirSync(join(outside, "a"), { recursive: true });
  mkdirSync(join(outside, "b"), { recursive: true });
  writeFileSync(join(outside, "a", "x.png"), TINY_PNG);
  writeFileSync(join(outside, "b", "y.png"), TINY_PNG);
  return { dir, dataDir: join(dir, "data"), root, datasetPath, outside, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A config for tests: port 0, quiet, the workspace's data dir and root. */
export function testConfig(ws: Workspace, env: Record<string, string> = {}): ApiConfig {
  return loadConfig({ GRAFT_API_PORT: "0", GRAFT_DATA_DIR: ws.dataDir, GRAFT_DATA_ROOTS: ws.root, GRAFT_API_QUIET: "1", ...env });
}

/** A started server with an authorised client and an anonymous one. */
export interface TestServer {
  ws: Workspace;
  server: RunningServer;
  client: TestClient;
  anon: TestClient;
  /** What points a server at this test's database (`GRAFT_DATABASE_URL` on PostgreSQL): for a restart on the same data, `testConfig(t.ws, { ...t.databaseEnv, … })`. */
  databaseEnv: Record<string, string>;
  /** Raw SQL on the server's database, for checks the API does not expose. */
  sql: TestSql;
  /** Stops `server` (the current one, if a test restarted it) and removes the workspace. */
  stop(): Promise<void>;
}

/**
 * Starts a real server on a loopback port over a fresh database: a SQLite file in the workspace, or
 * with `GRAFT_TEST_DATABASE=postgres` a new PostgreSQL database (test/database.ts) unless `env`
 * names one.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: Parameters<typeof startServer>[1] = {},
): Promise<TestServer> {
  const ws = createWorkspace();
  const databaseEnv = env["GRAFT_DATABASE_URL"] === undefined ? await testDatabaseEnv() : { GRAFT_DATABASE_URL: env["GRAFT_DATABASE_URL"] };
  const config = testConfig(ws, { ...databaseEnv, ...env });
  let sqlite: GraftDb | null = null;
  const server = await startServer(config, {
    ...options,
    onDatabase: (db) => {
      sqlite = db;
      options.onDatabase?.(db);
    },
  });
  const sql = testSql(config.databaseUrl, () => sqlite);
  const t: TestServer = {
    ws,
    server,
    client: new TestClient(server.url, server.token),
    anon: new TestClient(server.url),
    databaseEnv,
    sql,
    async stop() {
      // `t.server`: a test that restarted the server left the new one there.
      await t.server.close();
      await sql.close();
      ws.cleanup();
    },
  };
  return t;
}

/** GraphQL documents the tests share. */
export const Q = {
  registerDataset: `mutation($path: String!) { registerDataset(path: $path) { id name path imageCount classes { name count } } }`,
  createExperiment: `mutation($name: String!) { createExperiment(input: { name: $name }) { id name } }`,
  createRun: `mutation($input: CreateRunInput!) { createRun(input: $input) { id name status hyperparameters { baseModel inputSize headUnits augmentation learningRate } tags } }`,
  createSweep: `mutation($input: CreateSweepInput!) { createSweep(input: $input) { id status progress { total queued } runs { id name hyperparameters { baseModel headUnits augmentation learningRate } } } }`,
  registerAgent: `mutation($name: String!) { registerAgent(input: { name: $name, host: "test", backend: "cpu", cores: 2 }) { id name status } }`,
  claim: `mutation($agentId: ID!, $runId: ID) { claimRun(agentId: $agentId, runId: $runId) { id status attempts agentId leaseExpiresAt } }`,
  heartbeat: `mutation($agentId: ID!, $runId: ID) { heartbeat(input: { agentId: $agentId, runId: $runId }) { shouldStop reason leaseExpiresAt } }`,
  logEpochs: `mutation($runId: ID!, $agentId: ID, $epochs: [EpochInput!]!) { logEpochs(runId: $runId, agentId: $agentId, epochs: $epochs) { inserted control { shouldStop reason } } }`,
  completeRun: `mutation($input: CompleteRunInput!) { completeRun(input: $input) { id status stopReason bestValAccuracy bestEpoch finalValAccuracy epochCount durationMs } }`,
  failRun: `mutation($runId: ID!, $agentId: ID, $error: String!) { failRun(runId: $runId, agentId: $agentId, error: $error) { id status error } }`,
  run: `query($id: ID!) { run(id: $id) { id status attempts error stopReason backend engines { features augmentedEpochs fineTuneBottom trainable } epochCount bestValAccuracy bestEpoch finalValAccuracy finalValLoss tags notes { text } artifacts { kind uri } epochs { epoch phase valAccuracy } evaluation { labels confusionMatrix accuracy } } }`,
} as const;

/** An epoch input with val accuracy `acc`. */
export function epoch(n: number, acc: number, phase: "HEAD" | "FINE_TUNE" = "HEAD") {
  return {
    epoch: n,
    phase,
    loss: 1 - acc,
    accuracy: acc,
    valLoss: 1.1 - acc,
    valAccuracy: acc,
    learningRate: 0.001,
    durationMs: 100,
    imagesPerSec: 50,
  };
}

/** A valid evaluation over `labels`. */
export function evaluation(labels: string[] = ["healthy", "rust"]) {
  return {
    labels,
    confusionMatrix: labels.map((_, i) => labels.map((_, j) => (i === j ? 5 : 1))),
    perClass: labels.map((label) => ({ label, precision: 0.8, recall: 0.8, f1: 0.8, support: 6 })),
    accuracy: 0.8,
    macroF1: 0.8,
    weightedF1: 0.8,
    misclassified: [{ file: `${labels[0]}/img0.png`, trueLabel: labels[0], predictedLabel: labels[1], confidence: 0.6 }],
  };
}

/** What an agent-side test starts from: a dataset, an experiment and an agent registered on `t`. */
export interface World {
  datasetId: string;
  experimentId: string;
  agentId: string;
}

/** Registers the workspace's dataset, an experiment and an agent, all named `name`. */
export async function registerWorld(t: TestServer, name: string): Promise<World> {
  const datasetId = (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath }))
    .registerDataset.id;
  const experimentId = (await t.client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name })).createExperiment.id;
  const agentId = (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name })).registerAgent.id;
  return { datasetId, experimentId, agentId };
}

/** A run created on the world's dataset (a linear vgg16 head unless given) and claimed by its agent: RUNNING. */
export async function claimedRun(
  t: TestServer,
  world: World,
  hyperparameters: Record<string, unknown> = { baseModel: "vgg16", headUnits: [] },
): Promise<string> {
  const id = (await t.client.data<{ createRun: { id: string } }>(Q.createRun, { input: { datasetId: world.datasetId, hyperparameters } }))
    .createRun.id;
  await t.client.data(Q.claim, { agentId: world.agentId, runId: id });
  return id;
}
