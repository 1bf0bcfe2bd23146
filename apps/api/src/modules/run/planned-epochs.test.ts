import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Q, type TestServer, startTestServer } from "../../test/fixtures";

// Planned epochs are derived once (core's plannedEpochs) and served: the sweep and agents pages
// showed "5/8" forever for a depth-0 run whose sweep set fine-tune epochs.
let t: TestServer;
let datasetId: string;
beforeAll(async () => {
  t = await startTestServer();
  datasetId = (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath })).registerDataset.id;
});
afterAll(async () => {
  await t.stop();
});

const CREATE = `mutation($input: CreateRunInput!) { createRun(input: $input) { plannedEpochs } }`;
const planned = async (fineTuneLayers: number) =>
  (
    await t.client.data<{ createRun: { plannedEpochs: number } }>(CREATE, {
      input: { datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [], epochs: 5, fineTuneLayers, fineTuneEpochs: 3 } },
    })
  ).createRun.plannedEpochs;

describe("Run.plannedEpochs", () => {
  it("counts fine-tune epochs only when the run fine-tunes", async () => {
    expect(await planned(0)).toBe(5);
    expect(await planned(4)).toBe(8);
  });
});
