import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Q, type TestServer, type World, claimedRun, epoch, evaluation, registerWorld, startTestServer } from "../../test/fixtures";

let t: TestServer;
let world: World;

const GROUPS = `query($filter: RunFilter, $first: Int) { runGroups(filter: $filter, first: $first) {
  truncated runs { id name } groups { key n runIds metrics { name mean std n } } } }`;
type Groups = {
  runGroups: {
    truncated: boolean;
    runs: { id: string }[];
    groups: { n: number; runIds: string[]; metrics: { name: string; mean: number | null; std: number | null; n: number }[] }[];
  };
};

/** A finished run with the given learning rate and seed (one validation split for all) whose best val accuracy is `acc`. */
async function finished(learningRate: number, seed: number, acc: number): Promise<string> {
  const id = await claimedRun(t, world, { baseModel: "vgg16", headUnits: [], learningRate, seed, splitSeed: 0 });
  await t.client.data(Q.logEpochs, { runId: id, agentId: world.agentId, epochs: [epoch(1, acc)] });
  await t.client.data(Q.completeRun, { input: { runId: id, agentId: world.agentId, evaluation: evaluation() } });
  return id;
}

beforeAll(async () => {
  t = await startTestServer();
  world = await registerWorld(t, "groups");
});
afterAll(async () => {
  await t.stop();
});

describe("runGroups", () => {
  it("groups the filter's runs by configuration across pages, with each group's mean ± std from the runs' own numbers", async () => {
    const a1 = await finished(0.001, 1, 0.8);
    const b1 = await finished(0.01, 1, 0.6);
    const a2 = await finished(0.001, 2, 0.9);
    const b2 = await finished(0.01, 2, 0.7);
    const { runGroups } = await t.client.data<Groups>(GROUPS, { filter: { datasetId: world.datasetId } });
    expect(runGroups.truncated).toBe(false);
    expect(runGroups.runs.map((r) => r.id)).toEqual([a1, b1, a2, b2]);
    expect(runGroups.groups.map((g) => g.runIds)).toEqual([
      [a1, a2],
      [b1, b2],
    ]);
    const best = runGroups.groups.map((g) => g.metrics.find((m) => m.name === "bestValAccuracy"));
    expect(best[0]?.mean).toBeCloseTo(0.85, 10);
    expect(best[0]?.std).toBeCloseTo(Math.sqrt(((0.8 - 0.85) ** 2 + (0.9 - 0.85) ** 2) / 1), 10);
    expect(best[1]?.mean).toBeCloseTo(0.65, 10);

    // The oldest three only: said so, and the last configuration has one run.
    const three = (await t.client.data<Groups>(GROUPS, { filter: { datasetId: world.datasetId }, first: 3 })).runGroups;
    expect(three.truncated).toBe(true);
    expect(three.groups.map((g) => g.n)).toEqual([2, 1]);
    expect((await t.client.errorCode(GROUPS, { first: 501 })).code).toBe("BAD_USER_INPUT");
  });
});
