import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointFiles, putCheckpoint } from "../../test/checkpoints";
import {
  Q,
  TINY_PNG,
  type TestServer,
  type World,
  claimedRun,
  epoch,
  evaluation,
  registerWorld,
  startTestServer,
} from "../../test/fixtures";

let t: TestServer;
let world: World;

const EVALUATE = `mutation($runId: ID!, $datasetId: ID!) { evaluateRun(runId: $runId, datasetId: $datasetId) { id status attempts dataset { name } } }`;
const CLAIM = `mutation($agentId: ID!) { claimEvaluation(agentId: $agentId) { id runId datasetId datasetPath attempt } }`;
const COMPLETE = `mutation($input: CompleteTestSetInput!) { completeEvaluation(input: $input) { id status accuracy labels confusionMatrix } }`;
const FAIL = `mutation($id: ID!, $agentId: ID!, $attempt: Int!, $error: String!) { failEvaluation(id: $id, agentId: $agentId, attempt: $attempt, error: $error) { status error } }`;
const RUN_SETS = `query($id: ID!) { run(id: $id) { testSetEvaluations { id status accuracy dataset { name } perClass { label recall support } } } }`;

/** A checkpoint upload, as an agent sends it. */
async function uploadModel(runId: string): Promise<void> {
  expect((await putCheckpoint(t, runId, checkpointFiles(), { agentId: world.agentId, attempt: "1" })).status).toBe(200);
}

/** A dataset folder under the allowed root with the given classes (one image each). */
async function registerFolder(name: string, classes: string[]): Promise<string> {
  const dir = join(t.ws.root, name);
  for (const c of classes) {
    mkdirSync(join(dir, c), { recursive: true });
    writeFileSync(join(dir, c, "a.png"), TINY_PNG);
  }
  return (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: dir })).registerDataset.id;
}

beforeAll(async () => {
  t = await startTestServer();
  world = await registerWorld(t, "test-sets");
});
afterAll(async () => {
  await t.stop();
});

describe("evaluating a run on another dataset", () => {
  it("queues, hands to an agent, stores the report beside the validation, and re-queues on request", async () => {
    const runId = await claimedRun(t, world);
    const field = await registerFolder("field", ["rust", "healthy"]);
    // Not finished yet: refused.
    expect((await t.client.errorCode(EVALUATE, { runId, datasetId: field })).code).toBe("CONFLICT");
    await t.client.data(Q.logEpochs, { runId, agentId: world.agentId, epochs: [epoch(1, 0.9)] });
    await t.client.data(Q.completeRun, { input: { runId, agentId: world.agentId, evaluation: evaluation(["healthy", "rust", "spot"]) } });
    // Finished but no model on the API: refused, naming why.
    const noModel = await t.client.errorCode(EVALUATE, { runId, datasetId: field });
    expect(noModel).toMatchObject({ code: "CONFLICT" });
    expect(noModel.message).toMatch(/no uploaded model/);

    // A run with its model: queued once, however often it is asked while queued.
    const withModel = await claimedRun(t, world);
    await uploadModel(withModel);
    await t.client.data(Q.logEpochs, { runId: withModel, agentId: world.agentId, epochs: [epoch(1, 0.9)] });
    await t.client.data(Q.completeRun, {
      input: { runId: withModel, agentId: world.agentId, evaluation: evaluation(["healthy", "rust", "spot"]) },
    });
    const queued = await t.client.data<{ evaluateRun: { id: string; status: string; dataset: { name: string } } }>(EVALUATE, {
      runId: withModel,
      datasetId: field,
    });
    expect(queued.evaluateRun).toMatchObject({ status: "QUEUED", dataset: { name: "field" } });
    const again = await t.client.data<{ evaluateRun: { id: string } }>(EVALUATE, { runId: withModel, datasetId: field });
    expect(again.evaluateRun.id).toBe(queued.evaluateRun.id);

    const { claimEvaluation: job } = await t.client.data<{
      claimEvaluation: { id: string; runId: string; datasetPath: string; attempt: number };
    }>(CLAIM, {
      agentId: world.agentId,
    });
    expect(job).toMatchObject({ id: queued.evaluateRun.id, runId: withModel, datasetPath: join(t.ws.root, "field"), attempt: 1 });
    expect((await t.client.data<{ claimEvaluation: null }>(CLAIM, { agentId: world.agentId })).claimEvaluation).toBeNull();
    expect((await t.client.errorCode(CLAIM, { agentId: "no-such-agent" })).code).toBe("NOT_FOUND");
    // Another agent, or a stale attempt, may not complete it.
    const report = { ...evaluation(["healthy", "rust", "spot"]), accuracy: 0.31 };
    expect((await t.client.errorCode(COMPLETE, { input: { id: job.id, agentId: "other", attempt: 1, evaluation: report } })).code).toBe(
      "CONFLICT",
    );
    expect(
      (await t.client.errorCode(COMPLETE, { input: { id: job.id, agentId: world.agentId, attempt: 2, evaluation: report } })).code,
    ).toBe("CONFLICT");
    const bad = { ...report, confusionMatrix: [[1, 2]] };
    expect((await t.client.errorCode(COMPLETE, { input: { id: job.id, agentId: world.agentId, attempt: 1, evaluation: bad } })).code).toBe(
      "BAD_USER_INPUT",
    );
    const done = await t.client.data<{ completeEvaluation: { status: string; accuracy: number } }>(COMPLETE, {
      input: { id: job.id, agentId: world.agentId, attempt: 1, evaluation: report },
    });
    expect(done.completeEvaluation).toMatchObject({ status: "COMPLETED", accuracy: 0.31 });
    const sets = await t.client.data<{ run: { testSetEvaluations: { status: string; accuracy: number; dataset: { name: string } }[] } }>(
      RUN_SETS,
      {
        id: withModel,
      },
    );
    expect(sets.run.testSetEvaluations).toEqual([
      expect.objectContaining({ status: "COMPLETED", accuracy: 0.31, dataset: { name: "field" } }),
    ]);

    // Asked again: queued again; a failure is stored with its message.
    expect(
      (await t.client.data<{ evaluateRun: { status: string } }>(EVALUATE, { runId: withModel, datasetId: field })).evaluateRun.status,
    ).toBe("QUEUED");
    const requeued = await t.client.data<{ run: { testSetEvaluations: { status: string; accuracy: number | null }[] } }>(RUN_SETS, {
      id: withModel,
    });
    expect(requeued.run.testSetEvaluations).toEqual([expect.objectContaining({ status: "QUEUED", accuracy: null })]);
    const second = (await t.client.data<{ claimEvaluation: { id: string; attempt: number } }>(CLAIM, { agentId: world.agentId }))
      .claimEvaluation;
    expect(second.attempt).toBe(1);
    expect(await t.client.data(FAIL, { id: second.id, agentId: world.agentId, attempt: 1, error: "cannot decode x.jpg" })).toEqual({
      failEvaluation: { status: "FAILED", error: "cannot decode x.jpg" },
    });

    // Deleting the run takes its evaluations with it.
    await t.client.data(`mutation($runId: ID!) { deleteRun(runId: $runId) }`, { runId: withModel });
    expect((await t.client.data<{ claimEvaluation: null }>(CLAIM, { agentId: world.agentId })).claimEvaluation).toBeNull();
  });

  it("refuses the run's own dataset and one with classes the model does not know", async () => {
    const runId = await claimedRun(t, world);
    await uploadModel(runId);
    await t.client.data(Q.completeRun, { input: { runId, agentId: world.agentId, evaluation: evaluation(["healthy", "rust", "spot"]) } });
    const own = await t.client.errorCode(EVALUATE, { runId, datasetId: world.datasetId });
    expect(own.code).toBe("BAD_USER_INPUT");
    expect(own.message).toMatch(/is the one run .* trained on/);
    const other = await registerFolder("other-crop", ["healthy", "blight"]);
    const unknown = await t.client.errorCode(EVALUATE, { runId, datasetId: other });
    expect(unknown.code).toBe("BAD_USER_INPUT");
    expect(unknown.message).toMatch(/class\(es\) \["blight"\] the model does not know/);
    expect((await t.client.errorCode(EVALUATE, { runId, datasetId: "nope" })).code).toBe("NOT_FOUND");
  });
});
