import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { epoch, evaluation, Q, registerWorld, type TestServer, startTestServer } from "../../test/fixtures";

// TPE sweeps over real HTTP and SQLite: configurations are sampled when agents ask, never twice,
// parallel agents get different ones, and the sweep ends when its budget is spent.
let t: TestServer;
let datasetId: string;
let experimentId: string;
let agentId: string;
let agent2: string;
beforeAll(async () => {
  t = await startTestServer();
  ({ datasetId, experimentId, agentId } = await registerWorld(t, "tpe"));
  agent2 = (await t.client.data<{ registerAgent: { id: string } }>(Q.registerAgent, { name: "tpe-2" })).registerAgent.id;
});
afterAll(async () => {
  await t.stop();
});

const CREATE = `mutation($input: CreateSweepInput!) { createSweep(input: $input) { id status strategy progress { total queued planned }
  runs { id name hyperparameters { learningRate dropout fineTuneLayers fineTuneLearningRate } } } }`;
const SWEEP = `query($id: ID!) { sweep(id: $id) { status progress { total queued running completed planned }
  runs { id name status hyperparameters { learningRate dropout fineTuneLayers fineTuneLearningRate } } } }`;
type Hp = { learningRate: number; dropout: number; fineTuneLayers: number; fineTuneLearningRate: number };
interface SweepRead {
  sweep: {
    status: string;
    progress: { total: number; queued: number; running: number; completed: number; planned: number };
    runs: { id: string; name: string; status: string; hyperparameters: Hp }[];
  };
}
const LRS = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03];
const DROPOUTS = [0, 0.25, 0.5];
const key = (h: Hp) => JSON.stringify([h.learningRate, h.dropout, h.fineTuneLayers, h.fineTuneLearningRate]);

/** A made-up objective with its best at lr 0.003 and dropout 0.25. */
const objective = (h: Hp) => 0.9 - 0.1 * Math.abs(Math.log10(h.learningRate / 0.003)) - 0.2 * Math.abs(h.dropout - 0.25);

async function finish(runId: string, agent: string, h: Hp): Promise<void> {
  await t.client.data(Q.logEpochs, { runId, agentId: agent, epochs: [epoch(1, objective(h) - 0.05), epoch(2, objective(h))] });
  await t.client.data(Q.completeRun, { input: { runId, agentId: agent, evaluation: evaluation() } });
}

describe("a TPE sweep", () => {
  it("needs maxRuns, queues one configuration at creation and samples the rest at claim time", async () => {
    const e = await t.client.errorCode(CREATE, {
      input: { experimentId, datasetId, strategy: "TPE", searchSpace: { baseModels: ["vgg16"], headUnits: [[8]], learningRates: LRS } },
    });
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.message).toBe("A TPE sweep needs maxRuns (how many configurations TPE may try)");

    const { createSweep } = await t.client.data<{
      createSweep: { id: string; strategy: string; progress: { total: number; planned: number } };
    }>(CREATE, {
      input: {
        experimentId,
        datasetId,
        name: "tpe",
        strategy: "TPE",
        maxRuns: 14,
        seed: 5,
        searchSpace: { baseModels: ["vgg16"], headUnits: [[8]], learningRates: LRS, dropouts: DROPOUTS },
      },
    });
    expect(createSweep.strategy).toBe("TPE");
    expect(createSweep.progress).toMatchObject({ total: 1, planned: 14 });

    // Two agents ask at once: the second gets a configuration sampled while the first one's is pending.
    const claim = async (agent: string) =>
      (await t.client.data<{ claimRun: { id: string } | null }>(Q.claim, { agentId: agent })).claimRun?.id ?? null;
    const a = await claim(agentId);
    const b = await claim(agent2);
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    const read = async () => (await t.client.data<SweepRead>(SWEEP, { id: createSweep.id })).sweep;
    let sweep = await read();
    const hp = (id: string | null) => sweep.runs.find((r) => r.id === id)?.hyperparameters as Hp;
    expect(key(hp(a))).not.toBe(key(hp(b)));
    await finish(a as string, agentId, hp(a));
    await finish(b as string, agent2, hp(b));

    // One agent works through the rest: every claim is a new configuration until the budget is spent.
    for (;;) {
      const id = await claim(agentId);
      if (id === null) break;
      sweep = await read();
      await finish(id, agentId, hp(id));
    }
    sweep = await read();
    expect(sweep.runs).toHaveLength(14);
    expect(new Set(sweep.runs.map((r) => key(r.hyperparameters))).size).toBe(14);
    expect(sweep.status).toBe("COMPLETED");
    expect(sweep.progress).toMatchObject({ total: 14, completed: 14, queued: 0, planned: 14 });
    expect(sweep.runs.map((r) => r.name)).toEqual(Array.from({ length: 14 }, (_, i) => `tpe-${String(i + 1).padStart(2, "0")}`));
    // After its 10 random start-up configurations, TPE found the best point of the 18.
    expect(sweep.runs.some((r) => r.hyperparameters.learningRate === 0.003 && r.hyperparameters.dropout === 0.25)).toBe(true);
  });

  it("stops at a space smaller than its budget, and completes then", async () => {
    const { createSweep } = await t.client.data<{ createSweep: { id: string } }>(CREATE, {
      input: {
        experimentId,
        datasetId,
        strategy: "TPE",
        maxRuns: 50,
        searchSpace: { baseModels: ["vgg16"], headUnits: [[8]], learningRates: [0.001, 0.01], dropouts: [0, 0.5] },
      },
    });
    for (;;) {
      const claimed = (await t.client.data<{ claimRun: { id: string } | null }>(Q.claim, { agentId })).claimRun;
      if (!claimed) break;
      const run = (await t.client.data<SweepRead>(SWEEP, { id: createSweep.id })).sweep.runs.find((r) => r.id === claimed.id);
      await finish(claimed.id, agentId, run?.hyperparameters as Hp);
    }
    const { sweep } = await t.client.data<SweepRead>(SWEEP, { id: createSweep.id });
    expect(sweep.runs).toHaveLength(4);
    expect(sweep.status).toBe("COMPLETED");
  });
});

describe("conditional parameters", () => {
  it("queues a GRID configuration once when it differs only in a knob that does not apply", async () => {
    const { createSweep } = await t.client.data<{ createSweep: { id: string; runs: { hyperparameters: Hp }[] } }>(CREATE, {
      input: {
        experimentId,
        datasetId,
        searchSpace: {
          baseModels: ["vgg16"],
          headUnits: [[8]],
          learningRates: [0.001],
          fineTuneLayers: [0, 2],
          fineTuneLearningRates: [0.0001, 0.00001],
        },
        fineTuneEpochs: 1,
      },
    });
    // (depth 0, 1e-4) and (depth 0, 1e-5) are one configuration, run with the default rate.
    expect(createSweep.runs.map((r) => [r.hyperparameters.fineTuneLayers, r.hyperparameters.fineTuneLearningRate])).toEqual([
      [0, 0.00001],
      [2, 0.0001],
      [2, 0.00001],
    ]);
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: createSweep.id });
  });

  it("never draws such a RANDOM configuration twice", async () => {
    const { createSweep } = await t.client.data<{ createSweep: { id: string; runs: { hyperparameters: Hp }[] } }>(CREATE, {
      input: {
        experimentId,
        datasetId,
        strategy: "RANDOM",
        maxRuns: 10,
        seed: 1,
        searchSpace: {
          baseModels: ["vgg16"],
          headUnits: [[8]],
          learningRates: [0.001],
          fineTuneLayers: [0, 2],
          fineTuneLearningRates: [0.0001, 0.00001, 0.000001],
        },
        fineTuneEpochs: 1,
      },
    });
    // 1 configuration at depth 0, 3 at depth 2: all four, each once, though 10 were asked for.
    const seen = createSweep.runs.map((r) => `${r.hyperparameters.fineTuneLayers}:${r.hyperparameters.fineTuneLearningRate}`);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(["0:0.00001", "2:0.000001", "2:0.00001", "2:0.0001"].sort());
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: createSweep.id });
  });
});
