import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointFiles, putCheckpoint } from "../../test/checkpoints";
import {
  claimedRun,
  epoch,
  evaluation,
  Q,
  registerWorld,
  type TestServer,
  startTestServer,
  TINY_PNG,
  type World,
} from "../../test/fixtures";

// What steering must refuse, over real HTTP and SQLite: each guard names the problem and leaves
// the sweep as it was.
let t: TestServer;
let world: World;
beforeAll(async () => {
  t = await startTestServer();
  world = await registerWorld(t, "guards");
});
afterAll(async () => {
  await t.stop();
});

const CREATE = `mutation($input: CreateSweepInput!) { createSweep(input: $input) { id status runs { id } } }`;
const EXTEND = `mutation($input: ExtendSweepInput!) { extendSweep(input: $input) { id status maxRuns progress { total } } }`;
const SWEEP = `query($id: ID!) { sweep(id: $id) { status maxRuns searchSpace { baseModels learningRates } progress { total queued canceled } } }`;
type Read = {
  sweep: {
    status: string;
    maxRuns: number | null;
    searchSpace: { baseModels: string[]; learningRates: number[] };
    progress: Record<string, number>;
  };
};
const read = async (id: string) => (await t.client.data<Read>(SWEEP, { id })).sweep;
const create = async (input: Record<string, unknown>) =>
  (
    await t.client.data<{ createSweep: { id: string; runs: { id: string }[] } }>(CREATE, {
      input: { experimentId: world.experimentId, datasetId: world.datasetId, ...input },
    })
  ).createSweep;
const space = (lrs: number[]) => ({ baseModels: ["vgg16"], headUnits: [[8]], learningRates: lrs });

describe("extendSweep refuses", () => {
  it("while the sweep is still writing its runs, which would be counted as new", async () => {
    const big = {
      baseModels: ["vgg16"],
      headUnits: Array.from({ length: 50 }, (_, i) => [8 + i]),
      learningRates: Array.from({ length: 50 }, (_, i) => 0.0001 * (i + 1)),
      dropouts: [0.1, 0.2],
    };
    const creating = t.client.data<{ createSweep: { id: string } }>(CREATE, {
      input: { experimentId: world.experimentId, datasetId: world.datasetId, name: "still-writing", searchSpace: big },
    });
    let id: string | undefined;
    for (let i = 0; i < 500 && !id; i++) {
      const { sweeps } = await t.client.data<{ sweeps: { id: string; name: string; progress: { total: number } }[] }>(
        "{ sweeps { id name progress { total } } }",
      );
      id = sweeps.find((s) => s.name === "still-writing" && s.progress.total > 0 && s.progress.total < 5000)?.id;
      if (!id) await new Promise((r) => setTimeout(r, 5));
    }
    expect(id, "saw the sweep part-written").toBeDefined();
    const refused = await t.client.errorCode(EXTEND, { input: { sweepId: id, add: { learningRates: [0.5] } } });
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("still writing its runs");
    expect((await creating).createSweep.id).toBe(id);
    expect((await read(id as string)).progress.total).toBe(5000);
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id });
  });

  it("new values of a RANDOM or TPE sweep whose budget is spent, instead of storing them and queuing nothing", async () => {
    const s = await create({ strategy: "RANDOM", maxRuns: 2, seed: 1, searchSpace: space([0.001, 0.002, 0.003]) });
    const refused = await t.client.errorCode(EXTEND, { input: { sweepId: s.id, add: { learningRates: [0.05] } } });
    expect(refused.code).toBe("BAD_USER_INPUT");
    expect(refused.message).toContain("budget of 2 configurations");
    expect((await read(s.id)).searchSpace.learningRates).toEqual([0.001, 0.002, 0.003]);
    const widened = await t.client.data<{ extendSweep: { maxRuns: number; progress: { total: number } } }>(EXTEND, {
      input: { sweepId: s.id, maxRuns: 3, add: { learningRates: [0.05] } },
    });
    expect(widened.extendSweep).toMatchObject({ maxRuns: 3, progress: { total: 3 } });
  });

  it("a TPE value that does not resolve, before any claim could cancel the sweep for it", async () => {
    const s = await create({ strategy: "TPE", maxRuns: 4, seed: 2, searchSpace: space([0.001, 0.01]) });
    const refused = await t.client.errorCode(EXTEND, { input: { sweepId: s.id, maxRuns: 6, add: { baseModels: ["no-such-model"] } } });
    expect(refused.code).toBe("BAD_USER_INPUT");
    expect(refused.message).toContain("no-such-model");
    const after = await read(s.id);
    expect(after).toMatchObject({ status: "RUNNING", maxRuns: 4 });
    expect(after.searchSpace.baseModels).toEqual(["vgg16"]);
  });

  it("a depth that would move a HYPERBAND sweep's brackets, and lists past 50 values", async () => {
    const s = await create({
      earlyTermination: "HYPERBAND",
      epochs: 9,
      fineTuneEpochs: 5,
      searchSpace: { ...space([0.001]), fineTuneLayers: [0] },
    });
    const moved = await t.client.errorCode(EXTEND, { input: { sweepId: s.id, add: { fineTuneLayers: [4] } } });
    expect(moved.code).toBe("BAD_USER_INPUT");
    expect(moved.message).toContain("from 9 to 14 epochs");
    const many = (from: number) => Array.from({ length: 30 }, (_, i) => 0.0001 * (from + i + 1));
    await t.client.data(EXTEND, { input: { sweepId: s.id, add: { learningRates: many(0) } } });
    const tooMany = await t.client.errorCode(EXTEND, { input: { sweepId: s.id, add: { learningRates: many(30) } } });
    expect(tooMany.code).toBe("BAD_USER_INPUT");
    expect(tooMany.message).toMatch(/^learningRates would hold 6\d values; a sweep searches at most 50 per knob/);
  });
});

describe("requeueRun", () => {
  it("refuses a run of a CANCELED sweep, which resumeSweep queues again with the rest", async () => {
    const s = await create({ searchSpace: space([0.001, 0.002]) });
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: s.id });
    const refused = await t.client.errorCode(`mutation($id: ID!) { requeueRun(runId: $id) { id } }`, { id: s.runs[0]?.id });
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("which is CANCELED; resume the sweep");
    expect((await read(s.id)).status).toBe("CANCELED");
    await t.client.data(`mutation($id: ID!) { resumeSweep(sweepId: $id) { id } }`, { id: s.id });
    expect(await read(s.id)).toMatchObject({ status: "RUNNING", progress: { queued: 2, canceled: 0 } });
  });
});

describe("deleting", () => {
  it("the last live run of a sweep leaves the sweep COMPLETED, not RUNNING with nothing to run", async () => {
    const s = await create({ searchSpace: space([0.001]) });
    await t.client.data(`mutation($id: ID!) { deleteRun(runId: $id) }`, { id: s.runs[0]?.id });
    expect(await read(s.id)).toMatchObject({ status: "COMPLETED", progress: { total: 0 } });
  });

  it("refuses while an agent scores the run on a test set, or scores a test set of the dataset", async () => {
    const runId = await claimedRun(t, world);
    expect((await putCheckpoint(t, runId, checkpointFiles(), { agentId: world.agentId, attempt: "1" })).status).toBe(200);
    await t.client.data(Q.logEpochs, { runId, agentId: world.agentId, epochs: [epoch(1, 0.9)] });
    await t.client.data(Q.completeRun, { input: { runId, agentId: world.agentId, evaluation: evaluation(["healthy", "rust"]) } });
    const dir = join(t.ws.root, "field-guards");
    for (const c of ["healthy", "rust"]) {
      mkdirSync(join(dir, c), { recursive: true });
      writeFileSync(join(dir, c, "a.png"), TINY_PNG);
    }
    const field = (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: dir })).registerDataset.id;
    await t.client.data(`mutation($r: ID!, $d: ID!) { evaluateRun(runId: $r, datasetId: $d) { id } }`, { r: runId, d: field });
    const job = (
      await t.client.data<{ claimEvaluation: { id: string; attempt: number } }>(
        `mutation($a: ID!) { claimEvaluation(agentId: $a) { id attempt } }`,
        { a: world.agentId },
      )
    ).claimEvaluation;
    const run = await t.client.errorCode(`mutation($id: ID!) { deleteRun(runId: $id) }`, { id: runId });
    expect(run.code).toBe("CONFLICT");
    expect(run.message).toContain(`1 RUNNING test-set evaluation(s) (${job.id})`);
    const dataset = await t.client.errorCode(`mutation($id: ID!) { deleteDataset(datasetId: $id) }`, { id: field });
    expect(dataset.code).toBe("CONFLICT");
    await t.client.data(
      `mutation($id: ID!, $a: ID!, $n: Int!) { failEvaluation(id: $id, agentId: $a, attempt: $n, error: "x") { status } }`,
      {
        id: job.id,
        a: world.agentId,
        n: job.attempt,
      },
    );
    expect(await t.client.data(`mutation($id: ID!) { deleteDataset(datasetId: $id) }`, { id: field })).toEqual({ deleteDataset: field });
    expect(await t.client.data(`mutation($id: ID!) { deleteRun(runId: $id) }`, { id: runId })).toEqual({ deleteRun: runId });
  });
});
