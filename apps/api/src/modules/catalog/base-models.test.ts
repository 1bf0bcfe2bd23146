/**
 * Base models in the contract: the registry's checksum policy and fine-tune structure served by
 * `baseModels`, a depth the base cannot take refused when a run or a sweep is created (not by the
 * agent after the claim), and the depth really unfrozen served as `Run.fineTunedLayers`. Real
 * server on a loopback port, real SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Q, type TestServer, startTestServer } from "../../test/fixtures";

let t: TestServer;
let datasetId: string;
let experimentId: string;

beforeAll(async () => {
  t = await startTestServer();
  datasetId = (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath })).registerDataset.id;
  experimentId = (await t.client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "depths" })).createExperiment.id;
});
afterAll(async () => {
  await t?.stop();
});

const RUN = "query($id: ID!) { run(id: $id) { fineTunedLayers hyperparameters { baseModel fineTuneLayers } } }";
type RunDepths = { run: { fineTunedLayers: number | null; hyperparameters: { baseModel: string; fineTuneLayers: number } } };

async function createRun(baseModel: string, fineTuneLayers: number): Promise<string> {
  const hyperparameters = { baseModel, headUnits: [16], fineTuneLayers, fineTuneEpochs: fineTuneLayers > 0 ? 1 : 0 };
  return (await t.client.data<{ createRun: { id: string } }>(Q.createRun, { input: { datasetId, experimentId, hyperparameters } }))
    .createRun.id;
}

describe("baseModels", () => {
  it("says how each base's download is checked and which fine-tune depths it takes", async () => {
    const { baseModels } = await t.client.data<{
      baseModels: { name: string; checksum: string; baseLayerCount: number | null; fineTuneDepths: number[] | null }[];
    }>("{ baseModels { name checksum baseLayerCount fineTuneDepths } }");
    const byName = new Map(baseModels.map((b) => [b.name, b]));
    expect(baseModels.map((b) => b.name)).toEqual(
      expect.arrayContaining(["mobilenet_v2_0.50_224_no_top", "mobilenet_v2_0.75_224_no_top", "mobilenet_v2_1.00_224_no_top"]),
    );
    expect(byName.get("mobilenet_v1_0.25_224")).toMatchObject({ checksum: "PINNED", baseLayerCount: 81 });
    expect(byName.get("mobilenet_v1_0.25_224")?.fineTuneDepths?.slice(0, 4)).toEqual([3, 6, 9, 12]);
    expect(byName.get("mobilenet_v2_0.35_224_no_top")).toMatchObject({ checksum: "PINNED", baseLayerCount: 154 });
    expect(byName.get("mobilenet_v2_1.00_224_no_top")).toMatchObject({ checksum: "RECORDED", baseLayerCount: 154 });
    expect(byName.get("mobilenet_v2_1.00_224_no_top")?.fineTuneDepths).toEqual(byName.get("mobilenet_v2_0.35_224_no_top")?.fineTuneDepths);
    expect(byName.get("vgg16")).toMatchObject({ checksum: "NONE", baseLayerCount: 18 });
    expect(byName.get("efficientnet_b0")).toMatchObject({ checksum: "NONE", baseLayerCount: null, fineTuneDepths: null });
  });
});

describe("createRun", () => {
  it("refuses a depth beyond the base's layers, naming the value, the base and its limit", async () => {
    const hyperparameters = { baseModel: "mobilenet_v1_0.25_224", headUnits: [16], fineTuneLayers: 82, fineTuneEpochs: 1 };
    const r = await t.client.request<unknown>(Q.createRun, { input: { datasetId, experimentId, hyperparameters } });
    const error = r.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "fineTuneLayers", value: 82 });
    expect(error?.message).toBe(
      "fineTuneLayers must be at most 81, the layers of mobilenet_v1_0.25_224 up to its feature layer conv_pw_13_relu, received 82",
    );
    const deep = await t.client.errorCode(Q.createRun, {
      input: {
        datasetId,
        hyperparameters: { baseModel: "mobilenet_v2_1.00_224_no_top", headUnits: [16], fineTuneLayers: 155, fineTuneEpochs: 1 },
      },
    });
    expect(deep.code).toBe("BAD_USER_INPUT");
    expect(deep.message).toContain("at most 154, the layers of mobilenet_v2_1.00_224_no_top");
  });

  it("takes the deepest depth, and serves the layers really unfrozen (rounded up to a block boundary)", async () => {
    const cases: [string, number, number | null][] = [
      ["mobilenet_v1_0.25_224", 81, 81],
      ["mobilenet_v1_0.25_224", 13, 15],
      ["mobilenet_v2_0.35_224_no_top", 12, 20],
      ["resnet50", 2, 10],
      ["mobilenet_v1_0.25_224", 0, 0],
      // Unknown structure: the trainer checks the loaded graph; nothing to serve.
      ["efficientnet_b0", 300, null],
      ["./models/custom/model.json", 500, null],
    ];
    for (const [baseModel, depth, unfrozen] of cases) {
      const id = await createRun(baseModel, depth);
      const { run } = await t.client.data<RunDepths>(RUN, { id });
      expect(run, `${baseModel} ${depth}`).toEqual({ fineTunedLayers: unfrozen, hyperparameters: { baseModel, fineTuneLayers: depth } });
    }
  });
});

describe("createSweep", () => {
  const sweepCount = async (): Promise<number> => (await t.client.data<{ sweeps: unknown[] }>("{ sweeps { id } }")).sweeps.length;

  it("refuses a search space with a depth one of its bases cannot take, and writes no sweep", async () => {
    const before = await sweepCount();
    const searchSpace = {
      baseModels: ["mobilenet_v2_1.00_224_no_top", "vgg16"],
      headUnits: [[16]],
      learningRates: [0.001],
      fineTuneLayers: [0, 20],
    };
    const r = await t.client.request<unknown>(Q.createSweep, { input: { experimentId, datasetId, searchSpace, fineTuneEpochs: 1 } });
    const error = r.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "fineTuneLayers", value: 20 });
    expect(error?.message).toBe("fineTuneLayers must be at most 18, the layers of vgg16 up to its feature layer block5_pool, received 20");
    expect(await sweepCount()).toBe(before);
  });

  it("creates the sweep when every base takes every depth, each run serving its unfrozen layers", async () => {
    const searchSpace = {
      baseModels: ["mobilenet_v2_0.50_224_no_top", "vgg16"],
      headUnits: [[16]],
      learningRates: [0.001],
      fineTuneLayers: [0, 12],
    };
    const r = await t.client.data<{
      createSweep: {
        id: string;
        runs: { fineTunedLayers: number | null; hyperparameters: { baseModel: string; fineTuneLayers: number } }[];
      };
    }>(
      "mutation($input: CreateSweepInput!) { createSweep(input: $input) { id runs { fineTunedLayers hyperparameters { baseModel fineTuneLayers } } } }",
      { input: { experimentId, datasetId, searchSpace, fineTuneEpochs: 1 } },
    );
    const got = r.createSweep.runs.map((x) => [x.hyperparameters.baseModel, x.hyperparameters.fineTuneLayers, x.fineTunedLayers]);
    expect(got).toEqual(
      expect.arrayContaining([
        ["mobilenet_v2_0.50_224_no_top", 0, 0],
        ["mobilenet_v2_0.50_224_no_top", 12, 20],
        ["vgg16", 0, 0],
        ["vgg16", 12, 12],
      ]),
    );
    expect(got).toHaveLength(4);
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: r.createSweep.id });
  });
});
