import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluation, Q, type TestServer, startTestServer } from "../../test/fixtures";

// Run.bestEpoch follows the one rule of @graft/core/contract (the delivered model's epoch): the
// lowest finite val_loss, the earlier epoch on a tie; bestValAccuracy and bestValLoss are AT it.
let t: TestServer;
let datasetId: string;
let experimentId: string;
let agentId: string;
beforeAll(async () => {
  t = await startTestServer();
  datasetId = (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath })).registerDataset.id;
  experimentId = (await t.client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "best-epoch" })).createExperiment
    .id;
  agentId = (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "best-epoch" })).registerAgent.id;
});
afterAll(async () => {
  await t.stop();
});

interface Best {
  bestEpoch: number | null;
  bestValLoss: number | null;
  bestValAccuracy: number | null;
}
const BEST = `query($id: ID!) { run(id: $id) { bestEpoch bestValLoss bestValAccuracy } }`;

/** An epoch with the given validation metrics (null val_loss: not logged). */
function epoch(n: number, valLoss: number | null, valAccuracy: number | null) {
  return { epoch: n, phase: "HEAD", loss: 1, accuracy: 0.5, valLoss, valAccuracy, learningRate: 0.001, durationMs: 100, imagesPerSec: 50 };
}

async function runningRun(): Promise<string> {
  const id = (
    await t.client.data<{ createRun: { id: string } }>(Q.createRun, {
      input: { datasetId, experimentId, hyperparameters: { baseModel: "vgg16", headUnits: [] } },
    })
  ).createRun.id;
  const claimed = await t.client.data<{ claimRun: { id: string } | null }>(Q.claim, { agentId, runId: id });
  expect(claimed.claimRun?.id).toBe(id);
  return id;
}
async function log(runId: string, epochs: ReturnType<typeof epoch>[]): Promise<void> {
  const r = await t.client.data<{ logEpochs: { inserted: number } }>(Q.logEpochs, { runId, agentId, epochs });
  expect(r.logEpochs.inserted).toBe(epochs.length);
}
const best = async (id: string): Promise<Best> => (await t.client.data<{ run: Best }>(BEST, { id })).run;
async function finish(runId: string): Promise<void> {
  await t.client.data(Q.completeRun, { input: { runId, agentId, evaluation: evaluation() } });
}

describe("Run.bestEpoch / bestValLoss / bestValAccuracy", () => {
  it("is the lowest val_loss epoch, not the most accurate one, with the val accuracy at it", async () => {
    const id = await runningRun();
    // Epoch 3 is the most accurate; epoch 2 has the lowest val_loss.
    await log(id, [epoch(1, 0.9, 0.6), epoch(2, 0.4, 0.7), epoch(3, 0.5, 0.9)]);
    expect(await best(id)).toEqual({ bestEpoch: 2, bestValLoss: 0.4, bestValAccuracy: 0.7 });
    await finish(id);
    expect(await best(id)).toEqual({ bestEpoch: 2, bestValLoss: 0.4, bestValAccuracy: 0.7 });
  });

  it("keeps the earlier epoch on a val_loss tie, in one batch or across batches in any order", async () => {
    const inOrder = await runningRun();
    await log(inOrder, [epoch(1, 0.5, 0.6), epoch(2, 0.3, 0.7), epoch(3, 0.3, 0.9)]);
    expect(await best(inOrder)).toEqual({ bestEpoch: 2, bestValLoss: 0.3, bestValAccuracy: 0.7 });

    // A retried batch may land after a later one: epoch 4 is best until the tying epoch 2 arrives.
    const outOfOrder = await runningRun();
    await log(outOfOrder, [epoch(1, 0.9, 0.6), epoch(3, 0.5, 0.9), epoch(4, 0.4, 0.8)]);
    expect(await best(outOfOrder)).toEqual({ bestEpoch: 4, bestValLoss: 0.4, bestValAccuracy: 0.8 });
    await log(outOfOrder, [epoch(2, 0.4, 0.7)]);
    expect(await best(outOfOrder)).toEqual({ bestEpoch: 2, bestValLoss: 0.4, bestValAccuracy: 0.7 });
    // A later, higher val_loss epoch changes nothing, however accurate.
    await log(outOfOrder, [epoch(5, 0.45, 0.99)]);
    expect(await best(outOfOrder)).toEqual({ bestEpoch: 2, bestValLoss: 0.4, bestValAccuracy: 0.7 });
  });

  it("never picks an epoch without a val_loss, and is null while none has one", async () => {
    const id = await runningRun();
    await log(id, [epoch(1, null, 0.9)]);
    expect(await best(id)).toEqual({ bestEpoch: null, bestValLoss: null, bestValAccuracy: null });
    await log(id, [epoch(2, 0.8, 0.5), epoch(3, null, 0.99)]);
    expect(await best(id)).toEqual({ bestEpoch: 2, bestValLoss: 0.8, bestValAccuracy: 0.5 });
  });

  it("sorts and range-filters runs by BEST_VAL_LOSS", async () => {
    const q = `query($experimentId: ID!, $direction: SortDirection!, $ranges: [RangeFilter!]) {
      runs(filter: { experimentId: $experimentId, ranges: $ranges }, orderBy: { field: BEST_VAL_LOSS, direction: $direction }, first: 100) { nodes { bestValLoss } } }`;
    const losses = async (direction: string, ranges: unknown = null): Promise<(number | null)[]> =>
      (await t.client.data<{ runs: { nodes: { bestValLoss: number | null }[] } }>(q, { experimentId, direction, ranges })).runs.nodes.map(
        (n) => n.bestValLoss,
      );
    const asc = (await losses("ASC")).filter((l): l is number => l !== null);
    expect(asc.length).toBeGreaterThanOrEqual(4);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = (await losses("DESC")).filter((l): l is number => l !== null);
    expect(desc).toEqual([...asc].reverse());
    expect(await losses("ASC", [{ field: "BEST_VAL_LOSS", min: 0.35, max: 0.5 }])).toEqual([0.4, 0.4]);
  });
});
