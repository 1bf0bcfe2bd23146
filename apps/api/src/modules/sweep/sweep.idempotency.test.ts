import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Q, startTestServer, type TestServer } from "../../test/fixtures";

// A retried launch (the browser's automatic retry after a timeout, a double click) must not create
// a second sweep: the same idempotencyKey returns the sweep the first request created.
let t: TestServer;
let input: Record<string, unknown>;

beforeAll(async () => {
  t = await startTestServer();
  const { registerDataset } = await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath });
  const { createExperiment } = await t.client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "launches" });
  input = {
    name: "retried",
    experimentId: createExperiment.id,
    datasetId: registerDataset.id,
    searchSpace: { baseModels: ["mobilenet_v1_0.25_224"], headUnits: [[32]], learningRates: [0.001, 0.003] },
    epochs: 2,
  };
});
afterAll(() => t.stop());

type Created = { createSweep: { id: string; progress: { total: number } } };
const sweepCount = async () => (await t.client.data<{ sweeps: unknown[] }>("{ sweeps { id } }")).sweeps.length;

describe("createSweep with an idempotencyKey", () => {
  it("answers a retry, even a concurrent one, with the sweep already created", async () => {
    const before = await sweepCount();
    const key = "launch-7f3a2c1e-0000-4000-8000-000000000001";
    const [a, b] = await Promise.all([
      t.client.data<Created>(Q.createSweep, { input: { ...input, idempotencyKey: key } }),
      t.client.data<Created>(Q.createSweep, { input: { ...input, idempotencyKey: key } }),
    ]);
    const c = await t.client.data<Created>(Q.createSweep, { input: { ...input, idempotencyKey: key } });
    expect(b.createSweep.id).toBe(a.createSweep.id);
    expect(c.createSweep.id).toBe(a.createSweep.id);
    expect(await sweepCount()).toBe(before + 1);
    const runs = await t.client.data<{ runs: { totalCount: number } }>("query($s: ID) { runs(filter: { sweepId: $s }) { totalCount } }", {
      s: a.createSweep.id,
    });
    expect(runs.runs.totalCount).toBe(2);
  });

  it("refuses the same key for a different sweep with CONFLICT, naming the key", async () => {
    const key = "launch-7f3a2c1e-0000-4000-8000-000000000002";
    await t.client.data<Created>(Q.createSweep, { input: { ...input, idempotencyKey: key } });
    const e = await t.client.errorCode(Q.createSweep, { input: { ...input, epochs: 3, idempotencyKey: key } });
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toContain(`idempotencyKey "${key}" was already used`);
  });

  it("creates a sweep per request without a key, and per distinct key", async () => {
    const before = await sweepCount();
    await t.client.data<Created>(Q.createSweep, { input });
    await t.client.data<Created>(Q.createSweep, { input });
    await t.client.data<Created>(Q.createSweep, { input: { ...input, idempotencyKey: "launch-distinct-key-1" } });
    await t.client.data<Created>(Q.createSweep, { input: { ...input, idempotencyKey: "launch-distinct-key-2" } });
    expect(await sweepCount()).toBe(before + 4);
  });

  it("refuses a key too short to be unique", async () => {
    const e = await t.client.errorCode(Q.createSweep, { input: { ...input, idempotencyKey: "k" } });
    expect(e.code).toBe("BAD_USER_INPUT");
  });
});
