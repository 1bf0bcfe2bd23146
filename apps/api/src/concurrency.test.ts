import { afterAll, describe, expect, it } from "vitest";
import { TestClient } from "./test/client";
import { Q, createWorkspace, epoch, startTestServer } from "./test/fixtures";
import { queryTestDatabase, testDatabaseEnv } from "./test/database";
import { spawnServer } from "./test/processes";

const TOKEN = "concurrency-test-token-0123456789";

/** Creates `n` queued runs through a sweep (one transaction) and returns their ids. */
async function queueRuns(client: TestClient, datasetPath: string, n: number): Promise<string[]> {
  const datasetId = (await client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: datasetPath })).registerDataset.id;
  const experimentId = (await client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "claims" })).createExperiment
    .id;
  // n = 20 learning rates × n/20 dropouts (lists are capped at 50 values each).
  const lrs = Array.from({ length: 20 }, (_, i) => 0.0001 * (i + 1));
  const dropouts = Array.from({ length: n / 20 }, (_, i) => i / 20);
  const sweep = await client.data<{ createSweep: { runs: { id: string }[] } }>(Q.createSweep, {
    input: {
      experimentId,
      datasetId,
      searchSpace: { baseModels: ["mobilenet_v1_0.25_224"], headUnits: [[16]], learningRates: lrs, dropouts },
    },
  });
  return sweep.createSweep.runs.map((r) => r.id);
}

/** `loops` agents claim until the queue is empty; returns every claimed id in claim order. */
async function claimAll(clients: TestClient[], loops: number): Promise<string[][]> {
  const agents = await Promise.all(
    Array.from({ length: loops }, (_, i) =>
      (clients[i % clients.length] as TestClient).data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: `claimer-${i}` }),
    ),
  );
  return Promise.all(
    agents.map(async (a, i) => {
      const client = clients[i % clients.length] as TestClient;
      const mine: string[] = [];
      for (;;) {
        const r = await client.data<{ claimRun: { id: string } | null }>(Q.claim, { agentId: a.registerAgent.id });
        if (!r.claimRun) return mine;
        mine.push(r.claimRun.id);
      }
    }),
  );
}

describe("claiming and logging under concurrency", () => {
  it("8 concurrent claimers on one server get each of 200 runs exactly once", async () => {
    const t = await startTestServer();
    try {
      const ids = await queueRuns(t.client, t.ws.datasetPath, 200);
      const perAgent = await claimAll([t.client], 8);
      const all = perAgent.flat();
      expect(all).toHaveLength(200);
      expect(new Set(all)).toEqual(new Set(ids));
      // Work was actually spread across the claimers.
      expect(perAgent.filter((m) => m.length > 0).length).toBeGreaterThan(1);
    } finally {
      await t.stop();
    }
  });

  it("logEpochs batches of several runs, each sent twice and all at once, store every epoch once with the right summary", async () => {
    const t = await startTestServer();
    try {
      const runIds = (await queueRuns(t.client, t.ws.datasetPath, 20)).slice(0, 4);
      const agentId = (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "logger" })).registerAgent.id;
      for (const runId of runIds) await t.client.data(Q.claim, { agentId, runId });
      // 50 epochs per run, best (lowest val loss) at epoch 37, in batches of 5: 80 requests in flight
      // at once, each batch twice (an agent's retry), in an order that mixes runs and repeats.
      const acc = (n: number) => (n === 37 ? 0.99 : 0.5 + n / 1000);
      const requests = runIds.flatMap((runId) =>
        Array.from({ length: 20 }, (_, i) => {
          const b = i % 10;
          return { runId, epochs: Array.from({ length: 5 }, (_, k) => epoch(b * 5 + k + 1, acc(b * 5 + k + 1))) };
        }),
      );
      requests.sort((x, y) => (x.epochs[0]?.epoch ?? 0) * 7 - (y.epochs[0]?.epoch ?? 0) * 3 + x.runId.localeCompare(y.runId));
      const answers = await Promise.all(
        requests.map((r) => t.client.data<{ logEpochs: { inserted: number } }>(Q.logEpochs, { ...r, agentId })),
      );
      for (const runId of runIds) {
        const inserted = answers.filter((_, i) => requests[i]?.runId === runId).reduce((sum, a) => sum + a.logEpochs.inserted, 0);
        expect(inserted).toBe(50);
        const { run } = await t.client.data<{
          run: { epochCount: number; bestEpoch: number; bestValAccuracy: number; finalValAccuracy: number; epochs: { epoch: number }[] };
        }>("query($id: ID!) { run(id: $id) { epochCount bestEpoch bestValAccuracy finalValAccuracy epochs { epoch } } }", { id: runId });
        expect(run.epochs.map((e) => e.epoch)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
        expect(run).toMatchObject({ epochCount: 50, bestEpoch: 37, bestValAccuracy: 0.99, finalValAccuracy: acc(50) });
      }
    } finally {
      await t.stop();
    }
  });

  const ws = createWorkspace();
  afterAll(() => ws.cleanup());

  it("two server processes sharing one database never hand out a run twice", async () => {
    // One SQLite file, or with GRAFT_TEST_DATABASE=postgres one PostgreSQL database.
    const env = { GRAFT_DATA_DIR: ws.dataDir, GRAFT_DATA_ROOTS: ws.root, GRAFT_API_TOKEN: TOKEN, ...(await testDatabaseEnv()) };
    // Start one first so it creates and migrates the database alone, then the second.
    const a = await spawnServer(env);
    const b = await spawnServer(env);
    try {
      const ca = new TestClient(a.url, TOKEN);
      const cb = new TestClient(b.url, TOKEN);
      const ids = await queueRuns(ca, ws.datasetPath, 200);
      const perAgent = await claimAll([ca, cb], 8);
      const all = perAgent.flat();
      expect(all).toHaveLength(200);
      expect(new Set(all)).toEqual(new Set(ids));
      // Both processes handed out runs.
      const viaA = perAgent.filter((_, i) => i % 2 === 0).flat().length;
      expect(viaA).toBeGreaterThan(0);
      expect(viaA).toBeLessThan(200);
      // A retried logEpochs batch through the *other* process still inserts nothing twice.
      const agent = (
        await cb.data<{ agents: { id: string; currentRunId: string | null }[] }>("{ agents { id currentRunId } }")
      ).agents.find((x) => x.currentRunId);
      const runId = agent?.currentRunId as string;
      const batch = [epoch(1, 0.4), epoch(2, 0.5)];
      const first = await ca.data<{ logEpochs: { inserted: number } }>(Q.logEpochs, { runId, epochs: batch });
      const retry = await cb.data<{ logEpochs: { inserted: number } }>(Q.logEpochs, { runId, epochs: batch });
      expect([first.logEpochs.inserted, retry.logEpochs.inserted]).toEqual([2, 0]);
    } finally {
      await Promise.all([a.kill(), b.kill()]);
    }
    const rows = await queryTestDatabase(
      ws.dataDir,
      env,
      "SELECT status, attempts, CAST(count(*) AS INTEGER) AS n FROM runs GROUP BY status, attempts",
    );
    expect(rows).toEqual([{ status: "RUNNING", attempts: 1, n: 200 }]);
  });
});
