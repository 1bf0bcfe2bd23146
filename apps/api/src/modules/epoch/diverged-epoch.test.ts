import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluation, Q, type TestServer, startTestServer } from "../../test/fixtures";

// A diverged epoch (NaN or Infinity loss: JSON has no form for them) travels as null and is stored
// and served as null, never as a sentinel number a chart would plot.
let t: TestServer;
let datasetId: string;
let agentId: string;
beforeAll(async () => {
  t = await startTestServer();
  datasetId = (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath })).registerDataset.id;
  agentId = (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "diverged" })).registerAgent.id;
});
afterAll(async () => {
  await t.stop();
});

const EPOCHS = `query($id: ID!) { run(id: $id) { epochCount bestEpoch epochs { epoch loss accuracy valLoss valAccuracy learningRate } } }`;
const epoch = (n: number, loss: number | null, accuracy: number | null, valLoss: number | null) => ({
  epoch: n,
  phase: "HEAD",
  loss,
  accuracy,
  valLoss,
  valAccuracy: valLoss === null ? null : 0.5,
  learningRate: n > 2 ? 5e-4 : 1e-3,
  durationMs: 900,
  imagesPerSec: 80,
});

async function runningRun(): Promise<string> {
  const id = (
    await t.client.data<{ createRun: { id: string } }>(Q.createRun, {
      input: { datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [] } },
    })
  ).createRun.id;
  await t.client.data(Q.claim, { agentId, runId: id });
  return id;
}

describe("logEpochs with non-finite metrics", () => {
  it("stores a null loss and accuracy as null, serves them so, and keeps the best epoch among the finite ones", async () => {
    const id = await runningRun();
    const r = await t.client.data<{ logEpochs: { inserted: number } }>(Q.logEpochs, {
      runId: id,
      agentId,
      epochs: [epoch(1, 1.2, 0.4, 0.9), epoch(2, 30, 0.2, 0.7), epoch(3, null, null, null)],
    });
    expect(r.logEpochs.inserted).toBe(3);
    const run = (await t.client.data<{ run: { epochCount: number; bestEpoch: number; epochs: unknown[] } }>(EPOCHS, { id })).run;
    expect(run.epochCount).toBe(3);
    expect(run.bestEpoch).toBe(2);
    expect(run.epochs).toEqual([
      { epoch: 1, loss: 1.2, accuracy: 0.4, valLoss: 0.9, valAccuracy: 0.5, learningRate: 1e-3 },
      { epoch: 2, loss: 30, accuracy: 0.2, valLoss: 0.7, valAccuracy: 0.5, learningRate: 1e-3 },
      { epoch: 3, loss: null, accuracy: null, valLoss: null, valAccuracy: null, learningRate: 5e-4 },
    ]);
    expect(await t.sql.query("SELECT loss, accuracy FROM epochs WHERE run_id = ? AND epoch = 3", [id])).toEqual([
      { loss: null, accuracy: null },
    ]);
    await t.client.data(Q.completeRun, { input: { runId: id, agentId, evaluation: evaluation() } });
  });

  it("still refuses a value out of range with a coded error naming it, and stores nothing of that batch", async () => {
    const id = await runningRun();
    const res = await t.client.request(Q.logEpochs, { runId: id, agentId, epochs: [epoch(1, 1, 0.5, 0.9), epoch(2, 1, 1.5, 0.9)] });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/accuracy/);
    expect(res.errors?.[0]?.message).toMatch(/1\.5/);
    expect((await t.client.data<{ run: { epochCount: number } }>(EPOCHS, { id })).run.epochCount).toBe(0);
  });
});
