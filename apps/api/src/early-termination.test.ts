import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Q, type TestServer, epoch, evaluation, startTestServer } from "./test/fixtures";

let t: TestServer;
let datasetId: string;
let experimentId: string;
let agentId: string;

beforeAll(async () => {
  t = await startTestServer();
  datasetId = (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath })).registerDataset.id;
  experimentId = (await t.client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "et" })).createExperiment.id;
  agentId = (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "et-agent" })).registerAgent.id;
});
afterAll(async () => {
  await t.stop();
});

async function sweep(policy: string, n: number): Promise<string[]> {
  const lrs = Array.from({ length: n }, (_, i) => 0.001 * (i + 1));
  const s = await t.client.data<{ createSweep: { runs: { id: string }[] } }>(Q.createSweep, {
    input: {
      experimentId,
      datasetId,
      earlyTermination: policy,
      searchSpace: { baseModels: ["vgg16"], headUnits: [[8]], learningRates: lrs },
    },
  });
  const ids = s.createSweep.runs.map((r) => r.id);
  for (const id of ids) await t.client.data(Q.claim, { agentId, runId: id });
  return ids;
}

type Log = { logEpochs: { inserted: number; control: { shouldStop: boolean; reason: string | null } } };
const log = (runId: string, epochs: ReturnType<typeof epoch>[]) => t.client.data<Log>(Q.logEpochs, { runId, agentId, epochs });

describe("early termination", () => {
  it("MEDIAN stops a run trailing its peers' median after the grace period, and it ends STOPPED_EARLY", async () => {
    const [a, b, c, weak] = (await sweep("MEDIAN", 4)) as [string, string, string, string];
    for (const [id, acc] of [
      [a, 0.8],
      [b, 0.85],
      [c, 0.9],
    ] as const)
      await log(id, [epoch(1, acc), epoch(2, acc), epoch(3, acc)]);
    // Bad at epochs 1-2 is within the grace period: keep going.
    expect((await log(weak, [epoch(1, 0.2), epoch(2, 0.3)])).logEpochs.control.shouldStop).toBe(false);
    const third = await log(weak, [epoch(3, 0.35)]);
    expect(third.logEpochs.control).toEqual({ shouldStop: true, reason: "STOPPED_EARLY" });
    const hb = await t.client.data<{ heartbeat: { reason: string } }>(Q.heartbeat, { agentId, runId: weak });
    expect(hb.heartbeat.reason).toBe("STOPPED_EARLY");
    const done = await t.client.data<{ completeRun: { status: string; stopReason: string } }>(Q.completeRun, {
      input: { runId: weak, agentId, evaluation: evaluation() },
    });
    expect(done.completeRun.status).toBe("STOPPED_EARLY");
    expect(done.completeRun.stopReason).toMatch(/^MEDIAN/);
    // A run at the median is not stopped.
    expect((await log(a, [epoch(4, 0.8)])).logEpochs.control.shouldStop).toBe(false);
  });

  it("ASHA keeps the top third at rung 1 once three runs reached it", async () => {
    const [a, b, c] = (await sweep("ASHA", 3)) as [string, string, string];
    expect((await log(a, [epoch(1, 0.9)])).logEpochs.control.shouldStop).toBe(false);
    expect((await log(b, [epoch(1, 0.8)])).logEpochs.control.shouldStop).toBe(false); // only 2 at the rung
    expect((await log(c, [epoch(1, 0.5)])).logEpochs.control).toEqual({ shouldStop: true, reason: "STOPPED_EARLY" });
    // Epoch 2 is not a rung; epoch 3 is, and b (second of three) is cut there.
    expect((await log(a, [epoch(2, 0.9), epoch(3, 0.92)])).logEpochs.control.shouldStop).toBe(false);
    expect((await log(b, [epoch(2, 0.8), epoch(3, 0.82)])).logEpochs.control.shouldStop).toBe(false); // 2 at rung 3
  });

  it("NONE never stops, and importance correlates learning rate with accuracy", async () => {
    const ids = await sweep("NONE", 4);
    for (const [i, id] of ids.entries()) {
      const acc = 0.5 + 0.1 * i; // accuracy rises with learning rate
      expect((await log(id, [epoch(1, acc), epoch(2, acc), epoch(3, acc)])).logEpochs.control.shouldStop).toBe(false);
      await t.client.data(Q.completeRun, { input: { runId: id, agentId, evaluation: evaluation() } });
    }
    const run = await t.client.data<{ run: { sweep: { id: string } } }>("query($id: ID!) { run(id: $id) { sweep { id } } }", {
      id: ids[0],
    });
    const s = await t.client.data<{
      sweep: { status: string; importance: { parameter: string; correlation: number; runCount: number }[] };
    }>("query($id: ID!) { sweep(id: $id) { status importance { parameter correlation runCount } } }", { id: run.run.sweep.id });
    expect(s.sweep.status).toBe("COMPLETED");
    expect(s.sweep.importance).toEqual([{ parameter: "learningRate", correlation: 1, runCount: 4 }]);
  });
});

describe("early termination beside other runs' logEpochs", () => {
  it("logs in a transaction scoped to the run, and takes the sweep's decision lock before reading any epochs of the sweep", async () => {
    // What each write transaction's body did, in order: the scope it ran under, then the raw calls.
    const events: string[] = [];
    const s = await startTestServer(
      {},
      {
        onGraftDatabase: (database) => {
          const transactions = database.transactions;
          const run = transactions.run.bind(transactions);
          transactions.run = (body, scope) =>
            run((tx, scoped) => {
              events.push(scope ? `tx ${scope.run}` : "tx");
              return body(tx, scoped);
            }, scope);
          const raw = database.raw;
          const { lockSweepDecisions, sweepPeersAt, ownBestAt } = raw;
          raw.lockSweepDecisions = (tx, sweepId) => (events.push(`lock ${sweepId}`), lockSweepDecisions(tx, sweepId));
          raw.sweepPeersAt = (tx, ...args) => (events.push("peers"), sweepPeersAt(tx, ...args));
          raw.ownBestAt = (tx, ...args) => (events.push("own"), ownBestAt(tx, ...args));
        },
      },
    );
    try {
      const c = s.client;
      const dataset = (await c.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: s.ws.datasetPath })).registerDataset.id;
      const experiment = (await c.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "scoped" })).createExperiment.id;
      const agent = (await c.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "scoped" })).registerAgent.id;
      const created = await c.data<{ createSweep: { id: string; runs: { id: string }[] } }>(Q.createSweep, {
        input: {
          experimentId: experiment,
          datasetId: dataset,
          earlyTermination: "MEDIAN",
          searchSpace: { baseModels: ["vgg16"], headUnits: [[8]], learningRates: [0.001, 0.002, 0.003, 0.004] },
        },
      });
      const sweepId = created.createSweep.id;
      const ids = created.createSweep.runs.map((r) => r.id);
      for (const id of ids) await c.data(Q.claim, { agentId: agent, runId: id });
      const weak = ids[3] as string;
      events.length = 0;
      for (const [i, id] of ids.entries()) {
        const acc = id === weak ? 0.2 : 0.8 + i / 100;
        const logged = await c.data<Log>(Q.logEpochs, { runId: id, agentId: agent, epochs: [epoch(1, acc), epoch(2, acc), epoch(3, acc)] });
        expect(logged.logEpochs.control.shouldStop).toBe(id === weak);
      }
      // One transaction per batch, each scoped to its run; each decision locks the sweep first.
      // (The lease reaper's transaction, should it run meanwhile, is unscoped and reads nothing of these.)
      const transactions = events
        .join(" | ")
        .split(/ \| (?=tx)/)
        .filter((t) => t !== "tx");
      expect(transactions.map((t) => t.split(" | ")[0])).toEqual(ids.map((id) => `tx ${id}`));
      for (const t of transactions) expect(t.split(" | ").slice(1)).toEqual([`lock ${sweepId}`, "own", "peers"]);
    } finally {
      await s.stop();
    }
  });
});
