import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointFiles, putCheckpoint } from "../../test/checkpoints";
import { epoch, evaluation, Q, registerWorld, type TestServer, startTestServer, type World } from "../../test/fixtures";

// Steering sweeps and runs over real HTTP and the test database: extend, resume, requeue, rename, delete
// (refused while RUNNING, nothing orphaned), notes, Hyperband's stop reasons, fANOVA importance.
let t: TestServer;
let world: World;
beforeAll(async () => {
  t = await startTestServer({ GRAFT_LEASE_SECONDS: "30", GRAFT_MAX_ATTEMPTS: "2" });
  world = await registerWorld(t, "steer");
});
afterAll(async () => {
  await t.stop();
});

const CREATE = `mutation($input: CreateSweepInput!) { createSweep(input: $input) { id status runs { id name status hyperparameters { learningRate dropout } } } }`;
const EXTEND = `mutation($input: ExtendSweepInput!) { extendSweep(input: $input) { id status maxRuns searchSpace { learningRates dropouts } progress { total queued planned } } }`;
const SWEEP = `query($id: ID!) { sweep(id: $id) { status progress { total queued canceled completed planned } runs { id name status stopReason hyperparameters { learningRate dropout } } } }`;
const IMPORTANCE = `query($id: ID!) { sweep(id: $id) { importance { parameter importance importanceSd correlation runCount marginal { value numeric mean sd trials } } } }`;
const space = (lrs: number[], dropouts: number[] = [0]) => ({ baseModels: ["vgg16"], headUnits: [[8]], learningRates: lrs, dropouts });
type SweepRead = {
  sweep: {
    status: string;
    progress: Record<string, number>;
    runs: {
      id: string;
      name: string;
      status: string;
      stopReason: string | null;
      hyperparameters: { learningRate: number; dropout: number };
    }[];
  };
};
const read = async (id: string) => (await t.client.data<SweepRead>(SWEEP, { id })).sweep;
const create = async (input: Record<string, unknown>) =>
  (
    await t.client.data<{ createSweep: { id: string; runs: { id: string }[] } }>(CREATE, {
      input: { experimentId: world.experimentId, datasetId: world.datasetId, ...input },
    })
  ).createSweep;
async function finish(runId: string, acc: number, epochs = 2): Promise<void> {
  await t.client.data(Q.claim, { agentId: world.agentId, runId });
  await t.client.data(Q.logEpochs, {
    runId,
    agentId: world.agentId,
    epochs: Array.from({ length: epochs }, (_, i) => epoch(i + 1, acc - 0.01 * (epochs - 1 - i))),
  });
  await t.client.data(Q.completeRun, { input: { runId, agentId: world.agentId, evaluation: evaluation() } });
}
const count = async (table: string, column: string, ids: string[]) =>
  (await t.sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} IN (${ids.map(() => "?").join(",")})`, ids))[0]?.n;

describe("extendSweep", () => {
  it("adds the new combinations of a finished GRID and runs it again", async () => {
    const s = await create({ name: "grid", searchSpace: space([0.001, 0.01]) });
    for (const r of s.runs) await finish(r.id, 0.8);
    expect((await read(s.id)).status).toBe("COMPLETED");
    const { extendSweep } = await t.client.data<{
      extendSweep: {
        status: string;
        searchSpace: { learningRates: number[]; dropouts: number[] };
        progress: { total: number; queued: number };
      };
    }>(EXTEND, {
      input: { sweepId: s.id, add: { learningRates: [0.01, 0.1], dropouts: [0.5] } },
    });
    expect(extendSweep.status).toBe("RUNNING");
    expect(extendSweep.searchSpace).toEqual({ learningRates: [0.001, 0.01, 0.1], dropouts: [0, 0.5] });
    // 3 × 2 = 6 combinations, 2 of them already run.
    expect(extendSweep.progress).toMatchObject({ total: 6, queued: 4 });
    const after = await read(s.id);
    expect(after.runs.map((r) => r.name)).toEqual(["grid-1", "grid-2", "grid-3", "grid-4", "grid-5", "grid-6"]);
    expect(new Set(after.runs.map((r) => JSON.stringify(r.hyperparameters))).size).toBe(6);
    const nothing = await t.client.errorCode(EXTEND, { input: { sweepId: s.id, add: { learningRates: [0.001] } } });
    expect(nothing).toEqual({
      code: "BAD_USER_INPUT",
      message: "Nothing to extend: give values the sweep does not search yet, or a larger maxRuns",
    });
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: s.id });
  });

  it("draws more distinct RANDOM configurations, refuses a lower budget and a CANCELED sweep", async () => {
    const s = await create({ strategy: "RANDOM", maxRuns: 3, seed: 4, searchSpace: space([0.0001, 0.001, 0.01, 0.1], [0, 0.2, 0.4]) });
    const low = await t.client.errorCode(EXTEND, { input: { sweepId: s.id, maxRuns: 2 } });
    expect(low.message).toBe("maxRuns 2 is below the 3 configurations the sweep already has");
    const { extendSweep } = await t.client.data<{ extendSweep: { maxRuns: number; progress: { total: number } } }>(EXTEND, {
      input: { sweepId: s.id, maxRuns: 8 },
    });
    expect(extendSweep).toMatchObject({ maxRuns: 8, progress: { total: 8 } });
    const runs = (await read(s.id)).runs;
    expect(new Set(runs.map((r) => JSON.stringify(r.hyperparameters))).size).toBe(8);
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: s.id });
    const canceled = await t.client.errorCode(EXTEND, { input: { sweepId: s.id, maxRuns: 9 } });
    expect(canceled.code).toBe("CONFLICT");
  });
});

describe("resumeSweep and requeueRun", () => {
  it("resumes a CANCELED sweep with its canceled runs queued again", async () => {
    const s = await create({ name: "res", searchSpace: space([0.001, 0.01, 0.1]) });
    await finish(s.runs[0]?.id as string, 0.7);
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: s.id });
    expect((await read(s.id)).progress).toMatchObject({ canceled: 2, completed: 1 });
    await t.client.data("mutation($id: ID!) { resumeSweep(sweepId: $id) { id } }", { id: s.id });
    const again = await read(s.id);
    expect(again.status).toBe("RUNNING");
    expect(again.progress).toMatchObject({ queued: 2, completed: 1, canceled: 0 });
    const twice = await t.client.errorCode("mutation($id: ID!) { resumeSweep(sweepId: $id) { id } }", { id: s.id });
    expect(twice).toEqual({ code: "CONFLICT", message: `Sweep ${s.id} is RUNNING; only a CANCELED sweep can be resumed` });
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: s.id });
  });

  it("puts a FAILED run back in the queue with a fresh retry budget; the next attempt starts from an empty curve", async () => {
    const s = await create({ name: "rq", searchSpace: space([0.001]) });
    const runId = s.runs[0]?.id as string;
    await t.client.data(Q.claim, { agentId: world.agentId, runId });
    await t.client.data(Q.logEpochs, { runId, agentId: world.agentId, epochs: [epoch(1, 0.4)] });
    await t.client.data(Q.failRun, { runId, agentId: world.agentId, error: "out of memory" });
    expect((await read(s.id)).status).toBe("COMPLETED");
    const RQ = `mutation($id: ID!) { requeueRun(runId: $id) { id status error attempts epochCount } }`;
    const { requeueRun } = await t.client.data<{ requeueRun: Record<string, unknown> }>(RQ, { id: runId });
    // The failed attempt's epoch stays visible until the next attempt is claimed.
    expect(requeueRun).toEqual({ id: runId, status: "QUEUED", error: null, attempts: 1, epochCount: 1 });
    expect((await read(s.id)).status).toBe("RUNNING");
    const claimed = await t.client.data<{ claimRun: { attempts: number } }>(Q.claim, { agentId: world.agentId, runId });
    expect(claimed.claimRun.attempts).toBe(2);
    const run = await t.client.data<{ run: { epochCount: number } }>(Q.run, { id: runId });
    expect(run.run.epochCount).toBe(0);
    expect((await t.client.errorCode(RQ, { id: runId })).message).toBe(
      `Run ${runId} is RUNNING; only a FAILED or CANCELED run can be queued again`,
    );
    // A lease lapse after the requeue still leaves the run a retry (GRAFT_MAX_ATTEMPTS 2, attempts already 2).
    await t.sql.run("UPDATE runs SET lease_expires_at = 0 WHERE id = ?", [runId]);
    // Any claim reaps expired leases first.
    await t.client.data(Q.claim, { agentId: world.agentId });
    const reaped = await t.client.data<{ run: { status: string; attempts: number } }>(Q.run, { id: runId });
    expect(["QUEUED", "RUNNING"]).toContain(reaped.run.status);
    await t.client.data("mutation($id: ID!) { cancelSweep(sweepId: $id) { id } }", { id: s.id });
  });
});

describe("renaming, notes and deleting", () => {
  it("renames a run, edits and removes notes, refusing blank names and others' notes", async () => {
    const s = await create({ name: "ren", searchSpace: space([0.001]) });
    const runId = s.runs[0]?.id as string;
    const REN = `mutation($input: RenameRunInput!) { renameRun(input: $input) { id name } }`;
    expect((await t.client.data<{ renameRun: { name: string } }>(REN, { input: { runId, name: "  best so far " } })).renameRun.name).toBe(
      "best so far",
    );
    expect((await t.client.errorCode(REN, { input: { runId, name: "   " } })).code).toBe("BAD_USER_INPUT");
    const added = await t.client.data<{ addNote: { notes: { id: string; text: string }[] } }>(
      `mutation($id: ID!) { addNote(runId: $id, text: "first") { notes { id text } } }`,
      { id: runId },
    );
    const noteId = added.addNote.notes[0]?.id as string;
    const edited = await t.client.data<{ editNote: { notes: { text: string }[] } }>(
      `mutation($r: ID!, $n: ID!) { editNote(runId: $r, noteId: $n, text: "second thoughts") { notes { text } } }`,
      { r: runId, n: noteId },
    );
    expect(edited.editNote.notes.map((n) => n.text)).toEqual(["second thoughts"]);
    const other = s.runs[0]?.id === runId ? (await create({ searchSpace: space([0.002]) })).runs[0]?.id : runId;
    expect(
      (await t.client.errorCode(`mutation($r: ID!, $n: ID!) { removeNote(runId: $r, noteId: $n) { id } }`, { r: other, n: noteId })).code,
    ).toBe("NOT_FOUND");
    const removed = await t.client.data<{ removeNote: { notes: unknown[] } }>(
      `mutation($r: ID!, $n: ID!) { removeNote(runId: $r, noteId: $n) { notes { id } } }`,
      {
        r: runId,
        n: noteId,
      },
    );
    expect(removed.removeNote.notes).toEqual([]);
  });

  it("deletes a sweep with everything its runs own, refusing while one runs", async () => {
    const s = await create({ name: "del", searchSpace: space([0.001, 0.01]) });
    const [a, b] = s.runs.map((r) => r.id) as [string, string];
    await finish(a, 0.9);
    await t.client.data(`mutation($id: ID!) { addTag(runId: $id, tag: "keep?") { id } }`, { id: a });
    await t.client.data(`mutation($id: ID!) { addNote(runId: $id, text: "n") { id } }`, { id: a });
    await t.client.data(Q.claim, { agentId: world.agentId, runId: b });
    expect((await putCheckpoint(t, b, checkpointFiles(), { agentId: world.agentId, attempt: "1" })).status).toBe(200);
    const DEL = `mutation($id: ID!) { deleteSweep(sweepId: $id) }`;
    const refused = await t.client.errorCode(DEL, { id: s.id });
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain(`Sweep ${s.id} has 1 RUNNING run(s) (${b})`);
    await t.client.data(Q.logEpochs, { runId: b, agentId: world.agentId, epochs: [epoch(1, 0.5)] });
    await t.client.data(Q.completeRun, { input: { runId: b, agentId: world.agentId, evaluation: evaluation() } });
    expect(existsSync(join(t.ws.dataDir, "checkpoints", b))).toBe(true);
    expect(await t.client.data(DEL, { id: s.id })).toEqual({ deleteSweep: s.id });
    expect((await t.client.errorCode(SWEEP, { id: s.id })).code).toBe("NOT_FOUND");
    for (const [table, column] of [
      ["runs", "id"],
      ["epochs", "run_id"],
      ["run_tags", "run_id"],
      ["notes", "run_id"],
      ["evaluations", "run_id"],
      ["run_checkpoints", "run_id"],
    ] as const)
      expect(await count(table, column, [a, b]), table).toBe(0);
    expect(existsSync(join(t.ws.dataDir, "checkpoints", b))).toBe(false);
  });

  it("deletes an experiment and a dataset with their sweeps and runs", async () => {
    // A dataset of its own: registering the world's folder again would answer the world's dataset.
    const doomedPath = join(t.ws.root, "doomed-leaves");
    cpSync(t.ws.datasetPath, doomedPath, { recursive: true });
    const other = {
      datasetId: (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: doomedPath })).registerDataset.id,
    };
    expect(other.datasetId).not.toBe(world.datasetId);
    const exp = (await t.client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "doomed-exp" })).createExperiment.id;
    const s = (
      await t.client.data<{ createSweep: { id: string; runs: { id: string }[] } }>(CREATE, {
        input: { experimentId: exp, datasetId: other.datasetId, searchSpace: space([0.001, 0.01]) },
      })
    ).createSweep;
    const ids = s.runs.map((r) => r.id);
    expect(await t.client.data(`mutation($id: ID!) { deleteExperiment(experimentId: $id) }`, { id: exp })).toEqual({
      deleteExperiment: exp,
    });
    expect(await count("runs", "id", ids)).toBe(0);
    expect(await count("sweeps", "id", [s.id])).toBe(0);
    const run = (
      await t.client.data<{ createRun: { id: string } }>(Q.createRun, {
        input: { datasetId: other.datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [] } },
      })
    ).createRun.id;
    await t.client.data(Q.claim, { agentId: world.agentId, runId: run });
    const DEL = `mutation($id: ID!) { deleteDataset(datasetId: $id) }`;
    expect((await t.client.errorCode(DEL, { id: other.datasetId })).code).toBe("CONFLICT");
    await t.client.data(Q.failRun, { runId: run, agentId: world.agentId, error: "x" });
    expect(await t.client.data(DEL, { id: other.datasetId })).toEqual({ deleteDataset: other.datasetId });
    expect(await count("runs", "id", [run])).toBe(0);
    expect((await t.client.errorCode(`query($id: ID!) { dataset(id: $id) { id } }`, { id: other.datasetId })).code).toBe("NOT_FOUND");
    // The photos on disk are the user's.
    expect(existsSync(doomedPath)).toBe(true);
  });
});

describe("importance over every searched knob", () => {
  it("ranks a categorical knob that decides accuracy first and draws its marginal effect", async () => {
    const s = (
      await t.client.data<{
        createSweep: { id: string; runs: { id: string; hyperparameters: { learningRate: number; augmentation: string } }[] };
      }>(
        `mutation($input: CreateSweepInput!) { createSweep(input: $input) { id runs { id hyperparameters { learningRate augmentation } } } }`,
        {
          input: {
            experimentId: world.experimentId,
            datasetId: world.datasetId,
            searchSpace: {
              baseModels: ["vgg16"],
              headUnits: [[8]],
              learningRates: [0.001, 0.003, 0.01],
              augmentations: ["none", "flip", "flip,rotate"],
            },
          },
        },
      )
    ).createSweep;
    // Accuracy set by the augmentation (categorical), barely by the rate.
    const byAug: Record<string, number> = { none: 0.6, flip: 0.9, "flip,rotate": 0.75 };
    for (const r of s.runs) await finish(r.id, (byAug[r.hyperparameters.augmentation] ?? 0) + r.hyperparameters.learningRate);
    const { sweep } = await t.client.data<{
      sweep: {
        importance: {
          parameter: string;
          importance: number;
          correlation: number | null;
          runCount: number;
          marginal: { value: string; mean: number; trials: number }[];
        }[];
      };
    }>(IMPORTANCE, { id: s.id });
    const [first, second] = sweep.importance;
    expect(first?.parameter).toBe("augmentation");
    expect(first?.importance).toBeGreaterThan(0.8);
    expect(first?.correlation).toBeNull();
    expect(first?.runCount).toBe(9);
    const best = [...(first?.marginal ?? [])].sort((x, y) => y.mean - x.mean)[0];
    expect(best).toMatchObject({ value: "flip", trials: 3 });
    expect(second?.parameter).toBe("learningRate");
    expect(second?.correlation).toBeGreaterThan(0.2);
  });
});

describe("HYPERBAND", () => {
  it("stops a run at its bracket's rung when it trails, saying why, and keeps its epochs", async () => {
    const s = (
      await t.client.data<{ createSweep: { id: string; runs: { id: string }[] } }>(
        `mutation($input: CreateSweepInput!) { createSweep(input: $input) { id runs { id } } }`,
        {
          input: {
            experimentId: world.experimentId,
            datasetId: world.datasetId,
            earlyTermination: "HYPERBAND",
            epochs: 9,
            searchSpace: { baseModels: ["vgg16"], headUnits: [[8]], learningRates: Array.from({ length: 40 }, (_, i) => 0.0001 * (i + 1)) },
          },
        },
      )
    ).createSweep;
    const stopped: { reason: string | null; epochs: number; decisionEpochs: number[] }[] = [];
    const seenDecisionEpochs = new Set<string>();
    // Runs report 9 epochs each, later runs a little worse: at every rung the newcomers trail.
    for (const [i, r] of s.runs.entries()) {
      await t.client.data(Q.claim, { agentId: world.agentId, runId: r.id });
      // Where the agent must wait for the API's verdict: the rungs of the run's bracket.
      const { decisionEpochs } = (
        await t.client.data<{ run: { decisionEpochs: number[] } }>(`query($id: ID!) { run(id: $id) { decisionEpochs } }`, { id: r.id })
      ).run;
      seenDecisionEpochs.add(decisionEpochs.join(","));
      let stop = false;
      for (let e = 1; e <= 9 && !stop; e++) {
        const res = await t.client.data<{ logEpochs: { control: { shouldStop: boolean; reason: string | null } } }>(Q.logEpochs, {
          runId: r.id,
          agentId: world.agentId,
          epochs: [epoch(e, 0.9 - i * 0.01 + e * 0.001)],
        });
        stop = res.logEpochs.control.shouldStop;
      }
      const done = await t.client.data<{ completeRun: { status: string; stopReason: string | null; epochCount: number } }>(Q.completeRun, {
        input: { runId: r.id, agentId: world.agentId, evaluation: evaluation(), ...(stop ? { stopReason: "STOPPED_EARLY" } : {}) },
      });
      if (done.completeRun.status === "STOPPED_EARLY")
        stopped.push({ reason: done.completeRun.stopReason, epochs: done.completeRun.epochCount, decisionEpochs });
    }
    expect(stopped.length).toBeGreaterThan(10);
    for (const x of stopped) {
      expect(x.reason).toMatch(
        /^HYPERBAND bracket \d rung epoch (1|3): best val accuracy 0\.\d{4} ranks \d+ of \d+; only the top \d+ continue/,
      );
      expect([1, 3]).toContain(x.epochs);
      expect(x.decisionEpochs).toContain(x.epochs);
    }
    // 9 epochs, eta 3: brackets with rungs [1, 3], [3] and none.
    expect([...seenDecisionEpochs].sort()).toEqual(["", "1,3", "3"]);
  });
});
