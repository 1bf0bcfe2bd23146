import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { TestClient } from "./test/client";
import { onPostgres } from "./test/database";
import { Q, type TestServer, epoch, startTestServer } from "./test/fixtures";
import { spawnServer } from "./test/processes";

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

/** Subscribes and collects payloads until `until` returns true. */
function collect<T>(query: string, variables: Record<string, unknown>, until: (items: T[]) => boolean) {
  const client = createClient({ url: t.server.url.replace("http", "ws"), webSocketImpl: WebSocket, lazy: false });
  const items: T[] = [];
  const done = new Promise<T[]>((resolveDone, reject) => {
    client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (msg) => {
          if (msg.errors) reject(new Error(JSON.stringify(msg.errors)));
          const value = msg.data ? Object.values(msg.data)[0] : undefined;
          if (value) items.push(value);
          if (until(items)) resolveDone(items);
        },
        error: reject,
        complete: () => resolveDone(items),
      },
    );
  });
  return { done, dispose: () => client.dispose() };
}

describe("subscriptions over graphql-ws", () => {
  it("delivers a run's epochs once each, in order, and run updates of its sweep", async () => {
    const datasetId = (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath }))
      .registerDataset.id;
    const experimentId = (await t.client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "subs" })).createExperiment
      .id;
    const sweep = await t.client.data<{ createSweep: { id: string; runs: { id: string }[] } }>(Q.createSweep, {
      input: { experimentId, datasetId, searchSpace: { baseModels: ["vgg16"], headUnits: [[8]], learningRates: [0.01, 0.1] } },
    });
    const runId = sweep.createSweep.runs[0]?.id as string;
    const agentId = (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "subs-agent" })).registerAgent.id;

    const epochs = collect<{ epoch: number }>(
      `subscription($runId: ID!) { epochLogged(runId: $runId) { epoch valAccuracy } }`,
      { runId },
      (xs) => xs.length >= 15,
    );
    const updates = collect<{ id: string; status: string }>(
      `subscription($sweepId: ID) { runUpdated(sweepId: $sweepId) { id status } }`,
      { sweepId: sweep.createSweep.id },
      (xs) => xs.some((x) => x.status === "RUNNING"),
    );
    const other = collect<{ epoch: number }>(
      `subscription($runId: ID!) { epochLogged(runId: $runId) { epoch } }`,
      { runId: "some-other-run" },
      () => false,
    );
    // Let the subscriptions register before events flow.
    await new Promise((r) => setTimeout(r, 300));

    await t.client.data(Q.claim, { agentId, runId });
    const batch = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => epoch(from + i, 0.5));
    // Out-of-order within a batch, a retried batch, then more: subscribers still see 1..15 once each.
    await t.client.data(Q.logEpochs, { runId, agentId, epochs: batch(1, 5).reverse() });
    await t.client.data(Q.logEpochs, { runId, agentId, epochs: batch(1, 5) });
    await t.client.data(Q.logEpochs, { runId, agentId, epochs: batch(6, 10) });
    await t.client.data(Q.logEpochs, { runId, agentId, epochs: batch(11, 15) });

    const got = await epochs.done;
    expect(got.map((e) => e.epoch)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const ups = await updates.done;
    expect(ups.find((u) => u.status === "RUNNING")?.id).toBe(runId);
    epochs.dispose();
    updates.dispose();
    other.dispose();
  });

  it("refuses mutations over the socket without the token", async () => {
    const client = createClient({ url: t.server.url.replace("http", "ws"), webSocketImpl: WebSocket });
    const result = await new Promise<unknown>((resolveResult) => {
      client.subscribe(
        { query: `mutation { createExperiment(input: { name: "ws" }) { id } }` },
        { next: resolveResult, error: resolveResult, complete: () => undefined },
      );
    });
    expect(JSON.stringify(result)).toContain("UNAUTHENTICATED");
    await client.dispose();
  });
});

// SQLite has no channel between processes: there a subscription sees its own process's writes only.
describe.skipIf(!onPostgres)("subscriptions across API processes on one PostgreSQL database", () => {
  it("delivers epochs and run updates written through another process, once each and in order", async () => {
    const other = await spawnServer({
      GRAFT_DATA_DIR: t.ws.dataDir,
      GRAFT_DATA_ROOTS: t.ws.root,
      GRAFT_API_TOKEN: t.server.token,
      ...t.databaseEnv,
    });
    try {
      const via = new TestClient(other.url, t.server.token);
      const datasetId = (await via.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath })).registerDataset
        .id;
      const runId = (
        await via.data<{ createRun: { id: string } }>(Q.createRun, {
          input: { datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [] } },
        })
      ).createRun.id;
      const agentId = (await via.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "elsewhere" })).registerAgent.id;

      // Subscribed on this process; every write below goes through the other one.
      const epochs = collect<{ epoch: number; valAccuracy: number }>(
        `subscription($runId: ID!) { epochLogged(runId: $runId) { epoch valAccuracy } }`,
        { runId },
        (xs) => xs.length >= 6,
      );
      const updates = collect<{ id: string; status: string; epochCount: number }>(
        `subscription { runUpdated { id status epochCount } }`,
        {},
        (xs) => xs.some((x) => x.id === runId && x.epochCount === 6),
      );
      await new Promise((r) => setTimeout(r, 300));

      await via.data(Q.claim, { agentId, runId });
      const batch = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => epoch(from + i, 0.5));
      await via.data(Q.logEpochs, { runId, agentId, epochs: batch(1, 3) });
      await via.data(Q.logEpochs, { runId, agentId, epochs: batch(1, 3) }); // a retry stores and announces nothing
      await via.data(Q.logEpochs, { runId, agentId, epochs: batch(4, 6) });

      expect((await epochs.done).map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
      const ups = (await updates.done).filter((u) => u.id === runId);
      expect(ups[0]?.status).toBe("RUNNING");
      expect(ups.at(-1)).toEqual({ id: runId, status: "RUNNING", epochCount: 6 });
      epochs.dispose();
      updates.dispose();
    } finally {
      await other.kill();
    }
  });
});
