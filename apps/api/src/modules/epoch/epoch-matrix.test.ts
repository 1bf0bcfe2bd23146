import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimedRun, epoch, evaluation, Q, registerWorld, type TestServer, startTestServer, type World } from "../../test/fixtures";

// Each epoch may carry its validation confusion matrix: stored with the epoch, served as
// Epoch.confusionMatrix (the run page's and Compare's epoch slider), checked square and ≥ 0.
let t: TestServer;
let world: World;
let agentId: string;
beforeAll(async () => {
  t = await startTestServer();
  world = await registerWorld(t, "matrices");
  agentId = world.agentId;
});
afterAll(async () => {
  await t.stop();
});

const runningRun = () => claimedRun(t, world);

const MATRICES = `query($id: ID!) { run(id: $id) { epochs { epoch confusionMatrix } } }`;

describe("per-epoch confusion matrices", () => {
  it("are stored with their epoch and served back, null where the agent sent none", async () => {
    const id = await runningRun();
    const m1 = [
      [3, 2],
      [4, 1],
    ];
    const m2 = [
      [5, 0],
      [1, 4],
    ];
    await t.client.data(Q.logEpochs, {
      runId: id,
      agentId,
      epochs: [{ ...epoch(1, 0.4), confusionMatrix: m1 }, { ...epoch(2, 0.9), confusionMatrix: m2 }, epoch(3, 0.9)],
    });
    const run = (await t.client.data<{ run: { epochs: { epoch: number; confusionMatrix: number[][] | null }[] } }>(MATRICES, { id })).run;
    expect(run.epochs).toEqual([
      { epoch: 1, confusionMatrix: m1 },
      { epoch: 2, confusionMatrix: m2 },
      { epoch: 3, confusionMatrix: null },
    ]);
    await t.client.data(Q.completeRun, { input: { runId: id, agentId, evaluation: evaluation() } });
  });

  it("refuses a matrix that is not square or holds a negative count, naming it, and stores nothing of the batch", async () => {
    const id = await runningRun();
    for (const [bad, message] of [
      [
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        /confusionMatrix.*row 0 must hold 2 counts >= 0/,
      ],
      [
        [
          [1, -1],
          [0, 2],
        ],
        /confusionMatrix.*row 0 must hold 2 counts >= 0/,
      ],
      [[], /confusionMatrix.*must have 1\.\.1000 rows/],
    ] as const) {
      const res = await t.client.request(Q.logEpochs, {
        runId: id,
        agentId,
        epochs: [epoch(1, 0.5), { ...epoch(2, 0.5), confusionMatrix: bad }],
      });
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.message).toMatch(message);
    }
    expect((await t.client.data<{ run: { epochs: unknown[] } }>(MATRICES, { id })).run.epochs).toEqual([]);
  });
});
