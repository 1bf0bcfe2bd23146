import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { TestClient } from "./test/client";
import { Q, createWorkspace, epoch } from "./test/fixtures";
import { onPostgres, queryTestDatabase, testDatabaseEnv } from "./test/database";
import { spawnServer } from "./test/processes";

const TOKEN = "crash-test-token-0123456789abcdef";
const BATCH = 50;

describe("crash safety", () => {
  const ws = createWorkspace();
  afterAll(() => ws.cleanup());

  it("a server killed with SIGKILL mid-write restarts with a consistent database and no partial batch", async () => {
    // A SQLite file, or with GRAFT_TEST_DATABASE=postgres a PostgreSQL database that outlives the API process.
    const env = { GRAFT_DATA_DIR: ws.dataDir, GRAFT_DATA_ROOTS: ws.root, GRAFT_API_TOKEN: TOKEN, ...(await testDatabaseEnv()) };
    const server = await spawnServer(env);
    const c = new TestClient(server.url, TOKEN);
    const datasetId = (await c.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: ws.datasetPath })).registerDataset.id;
    const agentId = (await c.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "writer" })).registerAgent.id;
    const runIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = (
        await c.data<{ createRun: { id: string } }>(Q.createRun, {
          input: { datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [8], epochs: 1000 } },
        })
      ).createRun.id;
      await c.data(Q.claim, { agentId, runId: id });
      runIds.push(id);
    }

    // Four writers log 50-epoch batches as fast as they can until the server dies under them.
    let acknowledged = 0;
    const writers = runIds.map(async (runId) => {
      for (let start = 1; ; start += BATCH) {
        const epochs = Array.from({ length: BATCH }, (_, i) => epoch(start + i, ((start + i) % 97) / 100));
        try {
          await c.data(Q.logEpochs, { runId, agentId, epochs });
          acknowledged++;
        } catch {
          return; // connection refused / reset: the server is gone
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(acknowledged).toBeGreaterThan(4);
    await server.kill("SIGKILL");
    await Promise.all(writers);

    // Restart on the same files: WAL recovery, migrations are a no-op, the API answers.
    const again = await spawnServer(env);
    try {
      const c2 = new TestClient(again.url, TOKEN);
      const runs = await c2.data<{ runs: { nodes: { id: string; epochCount: number; status: string }[] } }>(
        "{ runs { nodes { id epochCount status } } }",
      );
      expect(runs.runs.nodes).toHaveLength(4);
      // A batch is one transaction: every run holds whole batches, and its summary agrees with its rows.
      // The file itself (SQLite only: PostgreSQL's files are its server's, which did not crash).
      if (!onPostgres) {
        const db = new Database(join(ws.dataDir, "graft.db"));
        try {
          expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
          expect(db.pragma("foreign_key_check")).toEqual([]);
        } finally {
          db.close();
        }
      }
      let total = 0;
      for (const node of runs.runs.nodes) {
        const [row] = await queryTestDatabase(
          ws.dataDir,
          env,
          'SELECT CAST(count(*) AS INTEGER) AS n, CAST(coalesce(max(epoch), 0) AS INTEGER) AS "maxEpoch" FROM epochs WHERE run_id = ?',
          [node.id],
        );
        const { n, maxEpoch } = row as { n: number; maxEpoch: number };
        expect(n % BATCH).toBe(0);
        expect(maxEpoch).toBe(n); // no holes
        expect(node.epochCount).toBe(n);
        total += n;
      }
      // Everything acknowledged before the kill survived (synchronous=NORMAL in WAL keeps
      // committed transactions across a process crash; only power loss can drop the last ones).
      expect(total).toBeGreaterThanOrEqual(acknowledged * BATCH);
    } finally {
      await again.kill();
    }
  });
});
