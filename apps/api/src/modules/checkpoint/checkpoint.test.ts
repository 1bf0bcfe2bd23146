import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../server";
import { checkpointFiles, putCheckpoint } from "../../test/checkpoints";
import { TestClient } from "../../test/client";
import {
  Q,
  type TestServer,
  type World,
  claimedRun,
  epoch,
  evaluation,
  registerWorld,
  startTestServer,
  testConfig,
} from "../../test/fixtures";

const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

const files = checkpointFiles;

/** The files with a model.json whose output Dense layer has `units` units. */
function withUnits(parts: Record<string, Uint8Array>, units: number): Record<string, Uint8Array> {
  const model = JSON.parse(Buffer.from(parts["model.json"] as Uint8Array).toString("utf8")) as { modelTopology: unknown };
  model.modelTopology = {
    class_name: "Model",
    config: { layers: [{ name: "out", class_name: "Dense", config: { name: "out", units } }], output_layers: [["out", 0, 0]] },
  };
  return { ...parts, "model.json": Buffer.from(JSON.stringify(model)) };
}

function without(parts: Record<string, Uint8Array>, name: string): Record<string, Uint8Array> {
  const { [name]: _dropped, ...rest } = parts;
  return rest;
}

let t: TestServer;
let base: string;
let world: World;

function upload(
  runId: string,
  parts: Record<string, Uint8Array | string>,
  query: Record<string, string> = { agentId: world.agentId, attempt: "1" },
  token: string | null = t.server.token,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return putCheckpoint(t, runId, parts, query, token);
}

const CHECKPOINT = `query($id: ID!) { run(id: $id) { checkpoint { weightsSha256 datasetSha256 bytes attempt downloadPath files { name bytes sha256 } } } }`;

async function checkpointOf(runId: string) {
  return (
    await t.client.data<{ run: { checkpoint: null | { weightsSha256: string; downloadPath: string; attempt: number } } }>(CHECKPOINT, {
      id: runId,
    })
  ).run.checkpoint;
}

beforeAll(async () => {
  t = await startTestServer({ GRAFT_CHECKPOINT_LIMIT: "4096", GRAFT_LEASE_SECONDS: "1", GRAFT_MAX_ATTEMPTS: "3" });
  base = t.server.url.replace(/\/graphql$/, "");
  world = await registerWorld(t, "ckpt");
});
afterAll(async () => {
  await t.stop();
});

describe("checkpoint upload and download", () => {
  it("stores the holder's upload, serves its files and a zip with the README and the model card", async () => {
    const runId = await claimedRun(t, world);
    const f = files();
    const up = await upload(runId, { ...f, datasetSha256: "a".repeat(64) });
    expect(up.status).toBe(200);
    const stored = await checkpointOf(runId);
    expect(stored).toMatchObject({
      weightsSha256: sha256(f["weights.bin"] as Uint8Array),
      attempt: 1,
      downloadPath: `/runs/${runId}/model.zip`,
    });
    // On disk under the data dir, byte for byte.
    const dir = join(t.ws.dataDir, "checkpoints", runId);
    expect(sha256(readFileSync(join(dir, "weights.bin")))).toBe(stored?.weightsSha256);

    const one = await fetch(`${base}/runs/${runId}/model/model.json`);
    expect(one.status).toBe(200);
    expect(Buffer.from(await one.arrayBuffer()).equals(Buffer.from(f["model.json"] as Uint8Array))).toBe(true);
    const etag = one.headers.get("etag") as string;
    expect((await fetch(`${base}/runs/${runId}/model/model.json`, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await fetch(`${base}/runs/${runId}/model/..%2Fgraft.db`)).status).toBe(404);
    expect((await fetch(`${base}/runs/${runId}/model/card.md`)).status).toBe(404);

    await t.client.data(Q.logEpochs, { runId, agentId: world.agentId, epochs: [epoch(1, 0.7), epoch(2, 0.9)] });
    await t.client.data(Q.completeRun, { input: { runId, agentId: world.agentId, evaluation: evaluation(["healthy", "rust", "spot"]) } });
    const zipRes = await fetch(`${base}${stored?.downloadPath}`);
    expect(zipRes.status).toBe(200);
    expect(zipRes.headers.get("content-type")).toBe("application/zip");
    const zip = unzipSync(new Uint8Array(await zipRes.arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual(["README.md", "card.md", "labels.json", "model.json", "preprocessing.json", "weights.bin"]);
    expect(sha256(zip["weights.bin"] as Uint8Array)).toBe(stored?.weightsSha256);
    const card = Buffer.from(zip["card.md"] as Uint8Array).toString("utf8");
    expect(card).toContain(stored?.weightsSha256);
    expect(card).toContain("a".repeat(64));
    expect(card).toContain("| Base model | vgg16 |");
    expect(card).toContain("| spot | 0.800 | 0.800 | 0.800 | 6 |");
    expect(card).toContain("Accuracy 80.0%");
    expect(Buffer.from(zip["README.md"] as Uint8Array).toString("utf8")).toContain('tf.loadLayersModel("./model.json")');
  });

  it("refuses bad uploads with a coded error naming the problem, and keeps what was stored", async () => {
    const runId = await claimedRun(t, world);
    expect((await upload(runId, files([1, 2]))).status).toBe(200);
    const kept = await checkpointOf(runId);
    const refused: Array<[string, Promise<{ status: number; body: Record<string, unknown> }>, number, string, RegExp]> = [
      ["no token", upload(runId, files(), { agentId: world.agentId, attempt: "1" }, null), 401, "UNAUTHENTICATED", /Bearer/],
      ["no agent", upload(runId, files(), {}), 400, "BAD_USER_INPUT", /agentId/],
      ["no attempt", upload(runId, files(), { agentId: world.agentId }), 400, "BAD_USER_INPUT", /attempt/],
      [
        "labels that do not fit the output",
        upload(runId, withUnits(files(), 2)),
        400,
        "BAD_USER_INPUT",
        /3 classes but the model's output layer has 2 units/,
      ],
      [
        "an unknown scaling",
        upload(runId, { ...files(), "preprocessing.json": Buffer.from(JSON.stringify({ inputSize: [8, 8], scaling: "zscore" })) }),
        400,
        "BAD_USER_INPUT",
        /scaling must be one of/,
      ],
      ["another agent", upload(runId, files(), { agentId: "someone-else", attempt: "1" }), 409, "CONFLICT", /may not upload a checkpoint/],
      ["a later attempt", upload(runId, files(), { agentId: world.agentId, attempt: "5" }), 400, "BAD_USER_INPUT", /attempt 5/],
      ["a missing file", upload(runId, without(files(), "labels.json")), 400, "BAD_USER_INPUT", /lacks labels\.json/],
      ["an extra file", upload(runId, { ...files(), "evil.sh": new Uint8Array(1) }), 400, "BAD_USER_INPUT", /Unexpected checkpoint file/],
      [
        "short weights",
        upload(runId, { ...files(), "weights.bin": new Uint8Array(4) }),
        400,
        "BAD_USER_INPUT",
        /has 4 bytes but model\.json's weights need 8/,
      ],
      ["labels twice", upload(runId, files([1, 1], ["a", "a"])), 400, "BAD_USER_INPUT", /names a class twice/],
      ["not JSON", upload(runId, { ...files(), "model.json": Buffer.from("{") }), 400, "BAD_USER_INPUT", /model\.json is not valid JSON/],
      ["a bad hash", upload(runId, { ...files(), datasetSha256: "xyz" }), 400, "BAD_USER_INPUT", /datasetSha256/],
      ["too big", upload(runId, { ...files(), "weights.bin": new Uint8Array(8000) }), 413, "BAD_USER_INPUT", /GRAFT_CHECKPOINT_LIMIT/],
    ];
    for (const [what, pending, status, code, message] of refused) {
      const r = await pending;
      expect({ what, status: r.status, code: r.body["code"] }).toEqual({ what, status, code });
      expect(String(r.body["error"])).toMatch(message);
    }
    const json = await fetch(`${base}/runs/${runId}/checkpoint?agentId=${world.agentId}&attempt=1`, {
      method: "PUT",
      headers: { authorization: `Bearer ${t.server.token}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(json.status).toBe(415);
    expect(await checkpointOf(runId)).toEqual(kept);
    // A queued run (nobody holds it) takes no checkpoint.
    const queued = (
      await t.client.data<{ createRun: { id: string } }>(Q.createRun, {
        input: { datasetId: world.datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [] } },
      })
    ).createRun.id;
    const toQueued = await upload(queued, files());
    expect(toQueued.status).toBe(400);
    expect(String(toQueued.body["error"])).toMatch(/has been claimed 0 time\(s\)/);
    expect((await fetch(`${base}/runs/${queued}/model.zip`)).status).toBe(404);
  });

  it("forgets an earlier attempt's checkpoint when the run is claimed again, and deletes it with its run", async () => {
    const runId = await claimedRun(t, world);
    expect((await upload(runId, files())).status).toBe(200);
    const dir = join(t.ws.dataDir, "checkpoints", runId);
    expect(existsSync(dir)).toBe(true);
    await new Promise((r) => setTimeout(r, 1300)); // the lease lapses
    const again = await t.client.data<{ claimRun: { attempts: number } }>(Q.claim, { agentId: world.agentId, runId });
    expect(again.claimRun.attempts).toBe(2);
    expect(await checkpointOf(runId)).toBeNull();
    expect(existsSync(dir)).toBe(false);
    // The first attempt's late upload is refused; the second's is kept.
    expect((await upload(runId, files(), { agentId: world.agentId, attempt: "1" })).status).toBe(409);
    expect((await upload(runId, files(), { agentId: world.agentId, attempt: "2" })).status).toBe(200);

    const del = `mutation($runId: ID!) { deleteRun(runId: $runId) }`;
    expect((await t.client.errorCode(del, { runId })).code).toBe("CONFLICT");
    await t.client.data(Q.completeRun, {
      input: { runId, agentId: world.agentId, attempt: 2, evaluation: evaluation(["healthy", "rust", "spot"]) },
    });
    expect(await t.client.data(del, { runId })).toEqual({ deleteRun: runId });
    expect(existsSync(dir)).toBe(false);
    expect((await t.client.errorCode(Q.run, { id: runId })).code).toBe("NOT_FOUND");
    expect((await fetch(`${base}/runs/${runId}/model.zip`)).status).toBe(404);
    const [rows] = await t.sql.query<{ n: number }>("SELECT count(*) AS n FROM run_checkpoints WHERE run_id = ?", [runId]);
    expect(rows?.n).toBe(0);
    expect((await t.client.errorCode(del, { runId })).code).toBe("NOT_FOUND");
  });
});

describe("checkpoints after a crash", () => {
  it("removes folders without a row and forgets rows whose files are gone, at start-up", async () => {
    const runId = await claimedRun(t, world);
    expect((await upload(runId, files())).status).toBe(200);
    const other = await claimedRun(t, world);
    expect((await upload(other, files())).status).toBe(200);
    await t.server.close();
    const root = join(t.ws.dataDir, "checkpoints");
    mkdirSync(join(root, "orphan-run"), { recursive: true });
    writeFileSync(join(root, "orphan-run", "weights.bin"), "x");
    mkdirSync(join(root, ".staging-x-123"), { recursive: true });
    const longAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(root, ".staging-x-123"), longAgo, longAgo);
    // A fresh staging folder may be another API process's upload in progress: it stays.
    mkdirSync(join(root, ".staging-y-456"), { recursive: true });
    rmSync(join(root, other, "weights.bin"));
    let again: RunningServer | null = null;
    try {
      again = await startServer(testConfig(t.ws, { ...t.databaseEnv, GRAFT_LEASE_SECONDS: "60" }));
      const client = new TestClient(again.url, again.token);
      expect(existsSync(join(root, "orphan-run"))).toBe(false);
      expect(existsSync(join(root, ".staging-x-123"))).toBe(false);
      expect(existsSync(join(root, ".staging-y-456"))).toBe(true);
      const q = (id: string) => client.data<{ run: { checkpoint: { weightsSha256: string } | null } }>(CHECKPOINT, { id });
      expect((await q(runId)).run.checkpoint?.weightsSha256).toBe(sha256(files()["weights.bin"] as Uint8Array));
      expect((await q(other)).run.checkpoint).toBeNull();
    } finally {
      await again?.close();
      // afterAll stops `t` again: give it a live server to stop.
      t.server = await startServer(testConfig(t.ws, t.databaseEnv));
    }
  });
});
