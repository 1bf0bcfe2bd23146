import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraftDb } from "@graft/schema/db";
import { epoch, Q, type TestServer, startTestServer } from "./test/fixtures";
import { onPostgres } from "./test/database";

// A run's curve, summaries and evaluation come from one attempt: the one that re-claimed it after a
// lost lease. Time is a controllable clock, so a lease "expires" without sleeping through it.
let t: TestServer;
let clock = Date.now();
let datasetId: string;
let db: GraftDb;

beforeAll(async () => {
  t = await startTestServer(
    { GRAFT_LEASE_SECONDS: "5", GRAFT_MAX_ATTEMPTS: "3" },
    { now: () => clock, onDatabase: (opened) => (db = opened) },
  );
  datasetId = (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath })).registerDataset.id;
});
afterAll(async () => {
  await t.stop();
});

const LOG = `mutation($runId: ID!, $agentId: ID, $attempt: Int, $epochs: [EpochInput!]!) {
  logEpochs(runId: $runId, agentId: $agentId, attempt: $attempt, epochs: $epochs) { inserted control { shouldStop reason } } }`;
const COMPLETE = `mutation($input: CompleteRunInput!) { completeRun(input: $input) { id status } }`;
const FAIL = `mutation($runId: ID!, $agentId: ID, $attempt: Int, $error: String!) { failRun(runId: $runId, agentId: $agentId, attempt: $attempt, error: $error) { id status } }`;
const DETAIL = `query($id: ID!) { run(id: $id) { status attempts epochCount bestValAccuracy bestValLoss bestEpoch finalValAccuracy finalValLoss
  epochs { epoch attempt valAccuracy } evaluation { accuracy } } }`;

interface Detail {
  status: string;
  attempts: number;
  epochCount: number;
  bestValAccuracy: number | null;
  bestValLoss: number | null;
  bestEpoch: number | null;
  finalValAccuracy: number | null;
  finalValLoss: number | null;
  epochs: { epoch: number; attempt: number; valAccuracy: number }[];
  evaluation: { accuracy: number } | null;
}

function evaluation(accuracy: number) {
  return {
    labels: ["a", "b"],
    confusionMatrix: [
      [1, 0],
      [0, 1],
    ],
    perClass: [],
    accuracy,
    macroF1: accuracy,
    weightedF1: accuracy,
    misclassified: [],
  };
}

async function newRun(): Promise<string> {
  return (
    await t.client.data<{ createRun: { id: string } }>(Q.createRun, {
      input: { datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [] } },
    })
  ).createRun.id;
}
async function agent(name: string): Promise<string> {
  return (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name })).registerAgent.id;
}
async function claim(agentId: string, runId: string): Promise<{ attempts: number; epochCount: number }> {
  const q = `mutation($agentId: ID!, $runId: ID) { claimRun(agentId: $agentId, runId: $runId) { attempts epochCount } }`;
  const { claimRun } = await t.client.data<{ claimRun: { attempts: number; epochCount: number } | null }>(q, { agentId, runId });
  if (!claimRun) throw new Error(`run ${runId} was not handed to ${agentId}`);
  return claimRun;
}
/** Lets the current lease run out; the next claim reaps it. */
function expireLease(): void {
  clock += 6_000;
}
const detail = async (id: string): Promise<Detail> => (await t.client.data<{ run: Detail }>(DETAIL, { id })).run;

describe("attempts", () => {
  it("shows only the attempt that finished: curve, summaries and evaluation, and refuses the zombie's writes with CONFLICT", async () => {
    const runId = await newRun();
    const zombie = await agent("zombie");
    const rescuer = await agent("rescuer");
    expect(await claim(zombie, runId)).toEqual({ attempts: 1, epochCount: 0 });
    // Attempt 1 does better than attempt 2 will, so a mix would show in the best-epoch summaries.
    const first = await t.client.data<{ logEpochs: { inserted: number } }>(LOG, {
      runId,
      agentId: zombie,
      attempt: 1,
      epochs: [epoch(1, 0.9), epoch(2, 0.95), epoch(3, 0.8)],
    });
    expect(first.logEpochs.inserted).toBe(3);

    expireLease();
    // The re-claim starts attempt 2 from an empty curve.
    expect(await claim(rescuer, runId)).toEqual({ attempts: 2, epochCount: 0 });
    expect(await detail(runId)).toMatchObject({
      epochCount: 0,
      bestValAccuracy: null,
      bestValLoss: null,
      bestEpoch: null,
      finalValAccuracy: null,
      epochs: [],
    });

    const second = await t.client.data<{ logEpochs: { inserted: number } }>(LOG, {
      runId,
      agentId: rescuer,
      attempt: 2,
      epochs: [epoch(1, 0.4), epoch(2, 0.6)],
    });
    expect(second.logEpochs.inserted).toBe(2);

    // The zombie, back from a pause, is refused whether it names its attempt or only its agent.
    for (const attempt of [1, null]) {
      const stale = await t.client.request<unknown>(LOG, { runId, agentId: zombie, attempt, epochs: [epoch(3, 0.99), epoch(4, 0.99)] });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "SUPERSEDED", currentAttempt: 2, attempt });
      expect(stale.errors?.[0]?.message).toContain("attempt 2");
    }
    const staleComplete = await t.client.request<unknown>(COMPLETE, {
      input: { runId, agentId: zombie, attempt: 1, evaluation: evaluation(0.99) },
    });
    expect(staleComplete.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "SUPERSEDED" });
    const staleFail = await t.client.request<unknown>(FAIL, { runId, agentId: zombie, attempt: 1, error: "zombie" });
    expect(staleFail.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "SUPERSEDED" });
    // An attempt nobody was handed is the caller's mistake, not a conflict.
    expect((await t.client.errorCode(LOG, { runId, agentId: rescuer, attempt: 3, epochs: [epoch(3, 0.5)] })).code).toBe("BAD_USER_INPUT");

    await t.client.data(LOG, { runId, agentId: rescuer, attempt: 2, epochs: [epoch(3, 0.5)] });
    await t.client.data(COMPLETE, { input: { runId, agentId: rescuer, attempt: 2, evaluation: evaluation(0.55) } });

    const run = await detail(runId);
    expect(run).toMatchObject({
      status: "COMPLETED",
      attempts: 2,
      epochCount: 3,
      bestValAccuracy: 0.6,
      bestEpoch: 2,
      finalValAccuracy: 0.5,
      evaluation: { accuracy: 0.55 },
    });
    expect(run.finalValLoss).toBeCloseTo(0.6);
    // Attempt 1's lower val_loss (epoch 2: 0.15) is gone with it: the best is attempt 2's epoch 2.
    expect(run.bestValLoss).toBeCloseTo(0.5);
    expect(run.epochs).toEqual([
      { epoch: 1, attempt: 2, valAccuracy: 0.4 },
      { epoch: 2, attempt: 2, valAccuracy: 0.6 },
      { epoch: 3, attempt: 2, valAccuracy: 0.5 },
    ]);
    // After the run finished, the zombie's attempt is still the stale one.
    const late = await t.client.request<unknown>(LOG, { runId, agentId: zombie, attempt: 1, epochs: [epoch(5, 0.99)] });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "SUPERSEDED" });
  });

  it("tells attempts apart when the same agent re-claims the run (its id alone cannot)", async () => {
    const runId = await newRun();
    const same = await agent("same");
    await claim(same, runId);
    await t.client.data(LOG, { runId, agentId: same, attempt: 1, epochs: [epoch(1, 0.9)] });
    expireLease();
    expect((await claim(same, runId)).attempts).toBe(2);
    const stale = await t.client.request<unknown>(LOG, { runId, agentId: same, attempt: 1, epochs: [epoch(2, 0.9)] });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "SUPERSEDED", attempt: 1, currentAttempt: 2 });
    await t.client.data(LOG, { runId, agentId: same, attempt: 2, epochs: [epoch(1, 0.3)] });
    expect((await detail(runId)).epochs).toEqual([{ epoch: 1, attempt: 2, valAccuracy: 0.3 }]);
  });

  it("answers a write of the current attempt after its lease lapsed with shouldStop, not an error", async () => {
    const runId = await newRun();
    const slow = await agent("slow");
    await claim(slow, runId);
    expireLease();
    // Any claim reaps expired leases first; this one takes another run, so this one stays QUEUED.
    await claim(await agent("other"), await newRun());
    expect((await detail(runId)).status).toBe("QUEUED");
    const late = await t.client.data<{ logEpochs: { inserted: number; control: { shouldStop: boolean; reason: string } } }>(LOG, {
      runId,
      agentId: slow,
      attempt: 1,
      epochs: [epoch(1, 0.5)],
    });
    expect(late.logEpochs).toEqual({ inserted: 0, control: { shouldStop: true, reason: "LEASE_LOST" } });
  });

  // query_only is SQLite's: a PostgreSQL outage needs the server itself taken away (not done here).
  it.skipIf(onPostgres)("keeps a run's lease through a storage outage, and for one lease after it, so the agent can renew it", async () => {
    const runId = await newRun();
    const steady = await agent("steady");
    await claim(steady, runId);
    const HEARTBEAT = `mutation($agentId: ID!, $runId: ID) { heartbeat(input: { agentId: $agentId, runId: $runId }) { shouldStop } }`;
    const healthz = t.server.url.replace(/\/graphql$/, "/healthz");
    // The database refuses writes: the agent's heartbeat is refused (retryable), its lease runs out.
    db.$client.pragma("query_only = ON");
    try {
      const refused = await t.client.request<unknown>(HEARTBEAT, { agentId: steady, runId });
      expect(refused.errors?.[0]?.extensions?.["code"]).toBe("STORAGE_UNAVAILABLE");
      expireLease();
    } finally {
      db.$client.pragma("query_only = OFF");
    }
    const rival = await agent("rival");
    // Writes work again, but the run is not reaped: the API, not the agent, failed to renew it.
    expect((await fetch(healthz)).status).toBe(200);
    await claim(rival, await newRun());
    expect((await detail(runId)).status).toBe("RUNNING");
    // The agent's retry lands: same attempt, lease renewed, its epochs kept.
    await t.client.data(HEARTBEAT, { agentId: steady, runId });
    await t.client.data(LOG, { runId, agentId: steady, attempt: 1, epochs: [epoch(1, 0.4)] });
    expect(await detail(runId)).toMatchObject({ status: "RUNNING", attempts: 1, epochs: [{ epoch: 1, attempt: 1, valAccuracy: 0.4 }] });
    // A whole lease after recovery, a silent agent loses its run as usual.
    expireLease();
    await claim(rival, await newRun());
    expect((await detail(runId)).status).toBe("QUEUED");
  });
});
