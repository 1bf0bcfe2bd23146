import { Agent, get } from "node:http";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../test/client";
import { Q, createWorkspace, type Workspace } from "../../test/fixtures";
import { type ChildServer, spawnServer } from "../../test/processes";
import { testDatabaseEnv } from "../../test/database";

// The API in its own process, probed from this one: a server that blocks its event loop cannot
// also delay the probe's clock, so the latencies below are the ones a load balancer would see.
let ws: Workspace;
let server: ChildServer;
let client: TestClient;
let base: Record<string, unknown>;

/** 50 head sizes × 50 learning rates × 4 dropouts = a 10,000-run grid. */
const TEN_THOUSAND = {
  baseModels: ["vgg16"],
  headUnits: Array.from({ length: 50 }, (_, i) => [8 + i]),
  learningRates: Array.from({ length: 50 }, (_, i) => 0.0001 * (i + 1)),
  dropouts: [0.1, 0.2, 0.3, 0.4],
};

beforeAll(async () => {
  ws = createWorkspace();
  server = await spawnServer({ GRAFT_DATA_DIR: ws.dataDir, GRAFT_DATA_ROOTS: ws.root, ...(await testDatabaseEnv()) });
  client = new TestClient(server.url, server.token);
  const datasetId = (await client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: ws.datasetPath })).registerDataset
    .id;
  const experimentId = (await client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "big" })).createExperiment.id;
  base = { experimentId, datasetId, searchSpace: TEN_THOUSAND };
});
afterAll(async () => {
  await server?.kill();
  ws?.cleanup();
});

/** Probes /healthz every 20 ms, each probe timed from when it was due, until stopped. */
function probeHealthz(): { stop(): Promise<number[]> } {
  const agent = new Agent({ keepAlive: true });
  const url = server.url.replace(/\/graphql$/, "/healthz");
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const timer = setInterval(() => {
    const due = performance.now();
    inFlight.push(
      new Promise<void>((resolve) => {
        get(url, { agent }, (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - due);
            resolve();
          });
        }).on("error", () => resolve());
      }),
    );
  }, 20);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      agent.destroy();
      return latencies;
    },
  };
}

const CREATE = "mutation($input: CreateSweepInput!) { createSweep(input: $input) { id status progress { total queued canceled } } }";
type Created = { createSweep: { id: string; status: string; progress: { total: number; queued: number; canceled: number } } };

describe("creating a 10,000-run sweep", () => {
  it("writes every run while /healthz keeps answering", async () => {
    const probe = probeHealthz();
    const created = await client.data<Created>(CREATE, { input: { ...base, name: "ten-thousand" } });
    const latencies = await probe.stop();
    expect(created.createSweep.progress).toEqual({ total: 10_000, queued: 10_000, canceled: 0 });
    // One transaction for all 10,000 runs held the event loop for 6-24 s. The bound is loose for
    // busy CI machines (on PostgreSQL, under the full suite's load, the slowest probe reached 2.05 s:
    // its probe write queues behind a chunk of runs); the bench prints the real figures (p99 well
    // under 200 ms on an idle machine).
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(5_000);
    const names = await client.data<{ runs: { totalCount: number; nodes: { name: string; status: string }[] } }>(
      "query($s: ID) { runs(filter: { sweepId: $s }, first: 3, orderBy: { field: NAME, direction: ASC }) { totalCount nodes { name status } } }",
      { s: created.createSweep.id },
    );
    expect(names.runs.totalCount).toBe(10_000);
    expect(names.runs.nodes).toEqual([
      { name: "ten-thousand-00001", status: "QUEUED" },
      { name: "ten-thousand-00002", status: "QUEUED" },
      { name: "ten-thousand-00003", status: "QUEUED" },
    ]);
  });

  it("stops writing runs once the sweep is canceled part-way, leaving none queued", async () => {
    const creating = client.data<Created>(CREATE, { input: { ...base, name: "canceled-early" } });
    // Wait until the sweep exists with some of its runs, then cancel it.
    let sweepId: string | undefined;
    for (let i = 0; i < 500 && !sweepId; i++) {
      const { sweeps } = await client.data<{ sweeps: { id: string; name: string; progress: { total: number } }[] }>(
        "{ sweeps { id name progress { total } } }",
      );
      sweepId = sweeps.find((s) => s.name === "canceled-early" && s.progress.total > 0)?.id;
      if (!sweepId) await new Promise((r) => setTimeout(r, 10));
    }
    expect(sweepId).toBeDefined();
    await client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: sweepId });
    const created = (await creating).createSweep;
    expect(created.id).toBe(sweepId);
    expect(created.status).toBe("CANCELED");
    expect(created.progress.queued).toBe(0);
    expect(created.progress.total).toBe(created.progress.canceled);
    expect(created.progress.total).toBeLessThan(10_000);
  });

  it("answers a retry with the same key, sent while the first is still writing, with the whole sweep", async () => {
    const input = { ...base, name: "retried-big", idempotencyKey: "big-retry-0001" };
    const first = client.data<Created>(CREATE, { input });
    await new Promise((r) => setTimeout(r, 150));
    const retry = await client.data<Created>(CREATE, { input });
    expect(retry.createSweep.progress.total).toBe(10_000);
    expect((await first).createSweep.id).toBe(retry.createSweep.id);
  });
});
