import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { epoch, evaluation, Q, registerWorld, type TestServer, startTestServer } from "../../test/fixtures";

// Repeats: N training seeds per configuration, one validation split for the whole sweep, and the
// runs that differ only in seed grouped with mean ± std — over real HTTP and SQLite.
let t: TestServer;
let datasetId: string;
let experimentId: string;
let agentId: string;
beforeAll(async () => {
  t = await startTestServer();
  ({ datasetId, experimentId, agentId } = await registerWorld(t, "repeats"));
});
afterAll(async () => {
  await t.stop();
});

const CREATE = `mutation($input: CreateSweepInput!) { createSweep(input: $input) { id repeats
  runs { id name hyperparameters { learningRate seed splitSeed } } } }`;
const GROUPS = `query($id: ID!) { sweep(id: $id) { groups { key runIds n metrics { name mean std n } } } }`;

interface Created {
  createSweep: {
    id: string;
    repeats: number;
    runs: { id: string; name: string; hyperparameters: { learningRate: number; seed: number; splitSeed: number } }[];
  };
}
interface Groups {
  sweep: {
    groups: { key: string; runIds: string[]; n: number; metrics: { name: string; mean: number | null; std: number | null; n: number }[] }[];
  };
}

describe("a sweep with repeats", () => {
  it("queues each configuration once per training seed, all split with the sweep's seed, grouped by configuration", async () => {
    const { createSweep } = await t.client.data<Created>(CREATE, {
      input: {
        experimentId,
        datasetId,
        name: "rep",
        seed: 7,
        repeats: 3,
        searchSpace: { baseModels: ["vgg16"], headUnits: [[8]], learningRates: [0.001, 0.01] },
      },
    });
    expect(createSweep.repeats).toBe(3);
    expect(
      createSweep.runs.map((r) => [r.name, r.hyperparameters.learningRate, r.hyperparameters.seed, r.hyperparameters.splitSeed]),
    ).toEqual([
      ["rep-1-s1", 0.001, 7, 7],
      ["rep-1-s2", 0.001, 8, 7],
      ["rep-1-s3", 0.001, 9, 7],
      ["rep-2-s1", 0.01, 7, 7],
      ["rep-2-s2", 0.01, 8, 7],
      ["rep-2-s3", 0.01, 9, 7],
    ]);
    // Three runs of the first configuration finish with best val accuracy 0.8, 0.9 and 1.0.
    const first = createSweep.runs.slice(0, 3);
    for (const [i, run] of first.entries()) {
      await t.client.data(Q.claim, { agentId, runId: run.id });
      await t.client.data(Q.logEpochs, { runId: run.id, agentId, epochs: [epoch(1, 0.5), epoch(2, 0.8 + i * 0.1)] });
      await t.client.data(Q.completeRun, { input: { runId: run.id, agentId, evaluation: evaluation() } });
    }
    const { sweep } = await t.client.data<Groups>(GROUPS, { id: createSweep.id });
    expect(sweep.groups.map((g) => [g.n, g.runIds])).toEqual([
      [3, first.map((r) => r.id)],
      [3, createSweep.runs.slice(3).map((r) => r.id)],
    ]);
    const best = sweep.groups[0]?.metrics.find((m) => m.name === "bestValAccuracy");
    expect(best?.n).toBe(3);
    expect(best?.mean).toBeCloseTo(0.9, 10);
    expect(best?.std).toBeCloseTo(0.1, 10);
    // Compare groups the runs it is given the same way.
    const compared = await t.client.data<{
      compareRuns: { groups: { runIds: string[]; n: number; metrics: { name: string; mean: number | null }[] }[] };
    }>("query($ids: [ID!]!) { compareRuns(ids: $ids) { groups { runIds n metrics { name mean } } } }", {
      ids: [...first.map((r) => r.id), createSweep.runs[3]?.id],
    });
    expect(compared.compareRuns.groups.map((g) => g.n)).toEqual([3, 1]);
    expect(compared.compareRuns.groups[0]?.metrics.find((m) => m.name === "bestValAccuracy")?.mean).toBeCloseTo(0.9, 10);
    // Nothing finished in the second group yet.
    expect(sweep.groups[1]?.metrics.find((m) => m.name === "bestValAccuracy")).toEqual({
      name: "bestValAccuracy",
      mean: null,
      std: null,
      n: 0,
    });
  });

  it("keeps a sweep without repeats as it was: one run per configuration, named as before", async () => {
    const { createSweep } = await t.client.data<Created>(CREATE, {
      input: {
        experimentId,
        datasetId,
        name: "one",
        seed: 3,
        searchSpace: { baseModels: ["vgg16"], headUnits: [[8]], learningRates: [0.001, 0.01] },
      },
    });
    expect(createSweep.repeats).toBe(1);
    expect(createSweep.runs.map((r) => [r.name, r.hyperparameters.seed, r.hyperparameters.splitSeed])).toEqual([
      ["one-1", 3, 3],
      ["one-2", 3, 3],
    ]);
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: createSweep.id });
  });

  it("refuses repeats outside 1..100 and a sweep past the run limit, naming the product", async () => {
    const space = { baseModels: ["vgg16"], headUnits: [[8]], learningRates: [0.001] };
    for (const repeats of [0, 101]) {
      const e = await t.client.errorCode(CREATE, { input: { experimentId, datasetId, searchSpace: space, repeats } });
      expect(e.code).toBe("BAD_USER_INPUT");
      expect(e.message).toContain("repeats");
    }
    const big = {
      baseModels: ["vgg16"],
      headUnits: Array.from({ length: 50 }, (_, i) => [i + 1]),
      learningRates: Array.from({ length: 5 }, (_, i) => 0.001 * (i + 1)),
    };
    const e = await t.client.errorCode(CREATE, { input: { experimentId, datasetId, searchSpace: big, repeats: 50 } });
    expect(e.message).toBe("The sweep would create 250 configurations × 50 repeats; the limit is 10000 runs (set maxRuns)");
  });
});
