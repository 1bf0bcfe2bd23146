import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Q, type TestServer, startTestServer } from "./test/fixtures";

let t: TestServer;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  t = await startTestServer({ GRAFT_LEASE_SECONDS: "1", GRAFT_MAX_ATTEMPTS: "2" });
});
afterAll(async () => {
  await t.stop();
});

describe("leases", () => {
  it("re-queues a run whose agent died, then fails it after max attempts", async () => {
    const datasetId = (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath }))
      .registerDataset.id;
    const runId = (
      await t.client.data<{ createRun: { id: string } }>(Q.createRun, {
        input: { datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [] } },
      })
    ).createRun.id;
    const dead = (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "dies" })).registerAgent.id;
    const next = (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "next" })).registerAgent.id;

    const first = await t.client.data<{ claimRun: { id: string; attempts: number } }>(Q.claim, { agentId: dead });
    expect(first.claimRun).toMatchObject({ id: runId, attempts: 1 });
    // While the lease holds, nobody else gets the run.
    expect((await t.client.data<{ claimRun: null }>(Q.claim, { agentId: next })).claimRun).toBeNull();

    await sleep(1300); // the dead agent never heartbeats
    const second = await t.client.data<{ claimRun: { id: string; attempts: number; agentId: string } }>(Q.claim, { agentId: next });
    expect(second.claimRun).toMatchObject({ id: runId, attempts: 2, agentId: next });
    // The dead agent, back from the grave, learns it lost the run and cannot finish it.
    const hb = await t.client.data<{ heartbeat: { shouldStop: boolean; reason: string } }>(Q.heartbeat, { agentId: dead, runId });
    expect(hb.heartbeat).toMatchObject({ shouldStop: true, reason: "LEASE_LOST" });
    expect((await t.client.errorCode(Q.failRun, { runId, agentId: dead, error: "late" })).code).toBe("CONFLICT");

    // The second agent dies too: the reaper (interval timer, no claim needed) fails the run.
    await sleep(1700);
    const r = await t.client.data<{ run: { status: string; error: string; attempts: number } }>(Q.run, { id: runId });
    expect(r.run.status).toBe("FAILED");
    expect(r.run.attempts).toBe(2);
    expect(r.run.error).toBe(`lease expired 2 times; last agent next (${next})`);
  });

  it("keeps a lease alive with heartbeats and reports agents ALIVE", async () => {
    const datasetId = (await t.client.data<{ datasets: { id: string }[] }>("{ datasets { id } }")).datasets[0]?.id;
    const runId = (
      await t.client.data<{ createRun: { id: string } }>(Q.createRun, {
        input: { datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [] } },
      })
    ).createRun.id;
    const agentId = (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "steady" })).registerAgent.id;
    await t.client.data(Q.claim, { agentId, runId });
    for (let i = 0; i < 4; i++) {
      await sleep(400);
      await t.client.data(Q.heartbeat, { agentId, runId });
    }
    const r = await t.client.data<{ run: { status: string; attempts: number } }>(Q.run, { id: runId });
    expect(r.run).toMatchObject({ status: "RUNNING", attempts: 1 });
    const agents = await t.client.data<{ agents: { name: string; status: string; currentRunId: string | null }[] }>(
      "{ agents { name status currentRunId } }",
    );
    expect(agents.agents.find((a) => a.name === "steady")).toEqual({ name: "steady", status: "ALIVE", currentRunId: runId });
  });
});
