import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, startTestServer } from "../test/fixtures";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

// One query string, so every request below reuses Apollo's cached document and the score cache.
const HEAVY = `query($n: Int, $after: String, $withEpochs: Boolean!) { runs(first: $n, after: $after) {
  nodes { id epochs @include(if: $withEpochs) { epoch loss accuracy valLoss valAccuracy learningRate durationMs imagesPerSec createdAt phase } tags notes { id text } } } }`;

describe("complexity limit with cached scores", () => {
  it("scores each value of a `first` variable separately", async () => {
    expect((await t.client.data<{ runs: { nodes: unknown[] } }>(HEAVY, { n: 5, withEpochs: true })).runs.nodes).toEqual([]);
    const e = await t.client.errorCode(HEAVY, { n: 500, withEpochs: true });
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.message).toMatch(/complexity \d+ exceeds the limit of 50000/i);
    // Back to the small page: the cached small score still applies.
    expect((await t.client.data<{ runs: { nodes: unknown[] } }>(HEAVY, { n: 5, withEpochs: true })).runs.nodes).toEqual([]);
  });

  it("re-scores when a directive variable changes which fields count", async () => {
    // Without epochs, 500 runs fit under the limit; with them they do not.
    expect((await t.client.data<{ runs: { nodes: unknown[] } }>(HEAVY, { n: 500, withEpochs: false })).runs.nodes).toEqual([]);
    expect((await t.client.errorCode(HEAVY, { n: 500, withEpochs: true })).message).toMatch(/complexity/i);
  });

  it("ignores other variables for the score but still rejects ill-typed ones", async () => {
    expect((await t.client.data<{ runs: { nodes: unknown[] } }>(HEAVY, { n: 5, after: null, withEpochs: true })).runs.nodes).toEqual([]);
    // The same operation under a query text never seen before takes the uncached path.
    const fresh = await t.client.request(`${HEAVY} `, { n: 5, after: 42, withEpochs: true });
    const cached = await t.client.request(HEAVY, { n: 5, after: 42, withEpochs: true });
    expect(fresh.errors?.length).toBe(1);
    expect(cached.status).toBe(fresh.status);
    expect(cached.errors).toEqual(fresh.errors);
    expect(cached.data ?? null).toBeNull();
  });
});
