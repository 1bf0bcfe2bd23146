import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "graphql";
import { type GqlError } from "../test/client";
import { Q, type TestServer, startTestServer } from "../test/fixtures";
import { rawWsSubscribe } from "../test/ws";
import { nonFiniteLiteral, nonFiniteVariable } from "./finite-numbers";

let t: TestServer;
let datasetId: string;
let experimentId: string;

beforeAll(async () => {
  t = await startTestServer();
  datasetId = (await t.client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: t.ws.datasetPath })).registerDataset.id;
  experimentId = (await t.client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "finite" })).createExperiment.id;
});
afterAll(async () => {
  await t.stop();
});

/** Posts a body written by hand (JSON.stringify cannot write 1e999) and returns status and first error. */
async function postRaw(body: string): Promise<{ status: number; error: GqlError | undefined; data: unknown }> {
  const res = await fetch(t.server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${t.server.token}` },
    body,
  });
  const parsed = (await res.json()) as { data?: unknown; errors?: GqlError[] };
  return { status: res.status, error: parsed.errors?.[0], data: parsed.data };
}

const CREATE_RUN = "mutation($input: CreateRunInput!) { createRun(input: $input) { id } }";

describe("non-finite numbers over HTTP", () => {
  it("refuses learningRate: 1e999 in the JSON variables, naming the field and saying it is not finite", async () => {
    const r = await postRaw(
      `{"query":${JSON.stringify(CREATE_RUN)},"variables":{"input":{"datasetId":"${datasetId}","hyperparameters":{"baseModel":"vgg16","headUnits":[8],"learningRate":1e999}}}}`,
    );
    expect(r.status).toBe(400);
    expect(r.error?.message).toBe(
      "$input.hyperparameters.learningRate is not a finite number: the JSON number is beyond the 64-bit float range (like 1e999) and reads as Infinity",
    );
    expect(r.error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "$input.hyperparameters.learningRate" });
  });

  it("refuses learningRate: 1e999 written in the document, quoting it as written", async () => {
    const query = `mutation { createRun(input: { datasetId: "${datasetId}", hyperparameters: { baseModel: "vgg16", headUnits: [8], learningRate: 1e999 } }) { id } }`;
    const r = await postRaw(JSON.stringify({ query }));
    expect(r.status).toBe(400);
    expect(r.error?.message).toBe(
      "input.hyperparameters.learningRate is not a finite number: 1e999 is beyond the 64-bit float range and reads as Infinity",
    );
    expect(r.error?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("names a list item of a sweep's search space", async () => {
    const input = `{"experimentId":"${experimentId}","datasetId":"${datasetId}","searchSpace":{"baseModels":["vgg16"],"headUnits":[[8]],"learningRates":[0.01,1e999]}}`;
    const r = await postRaw(
      `{"query":"mutation($input: CreateSweepInput!) { createSweep(input: $input) { id } }","variables":{"input":${input}}}`,
    );
    expect(r.status).toBe(400);
    expect(r.error?.message).toMatch(/^\$input\.searchSpace\.learningRates\[1\] is not a finite number/);
  });

  it("refuses -1e999 in a query's range filter as bad input (it was an internal error)", async () => {
    const r = await postRaw(
      `{"query":"query($f: RunFilter) { runs(filter: $f) { totalCount } }","variables":{"f":{"ranges":[{"field":"DROPOUT","min":-1e999}]}}}`,
    );
    expect(r.status).toBe(400);
    expect(r.error?.message).toBe(
      "$f.ranges[0].min is not a finite number: the JSON number is beyond the 64-bit float range (like 1e999) and reads as -Infinity",
    );
    // Written in the document, it was silently read as -Infinity and answered.
    const literal = await postRaw(
      JSON.stringify({ query: "{ runs(filter: { ranges: [{ field: DROPOUT, min: -1e999 }] }) { totalCount } }" }),
    );
    expect(literal.status).toBe(400);
    expect(literal.error?.message).toMatch(/^filter\.ranges\[0\]\.min is not a finite number: -1e999/);
  });

  it("still accepts ordinary large and small floats", async () => {
    const r = await postRaw(
      JSON.stringify({
        query: CREATE_RUN,
        variables: { input: { datasetId, hyperparameters: { baseModel: "vgg16", headUnits: [8], learningRate: 1e-300 } } },
      }),
    );
    expect(r.error).toBeUndefined();
    const ranged = await postRaw(
      JSON.stringify({
        query: "{ runs(filter: { ranges: [{ field: DROPOUT, min: -1e300, max: 1.7976931348623157e308 }] }) { totalCount } }",
      }),
    );
    expect(ranged.data).toEqual({ runs: { totalCount: 1 } });
  });
});

describe("non-finite numbers over graphql-ws", () => {
  it("refuses 1e999 in the subscribe message's variables with the same message", async () => {
    const answer = await rawWsSubscribe(
      t.server.url,
      `{"query":"query($f: RunFilter) { runs(filter: $f) { totalCount } }","variables":{"f":{"ranges":[{"field":"DROPOUT","max":1e999}]}}}`,
    );
    expect(answer.type).toBe("error");
    const [error] = answer.payload as GqlError[];
    expect(error?.message).toBe(
      "$f.ranges[0].max is not a finite number: the JSON number is beyond the 64-bit float range (like 1e999) and reads as Infinity",
    );
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("finding non-finite numbers", () => {
  it("walks nested variables and names the path", () => {
    expect(nonFiniteVariable({ a: { b: [1, 2, { c: -Infinity }] } })?.message).toMatch(/^\$a\.b\[2\]\.c is not a finite number/);
    expect(nonFiniteVariable({ a: [1e308, -1e308, 0], b: "1e999" })).toBeNull();
    expect(nonFiniteVariable(null)).toBeNull();
  });

  it("names literals inside arguments, input objects, lists and variable defaults", () => {
    expect(nonFiniteLiteral(parse("{ f(x: [1, 2e999]) }"))?.message).toMatch(/^x\[1\] is not a finite number: 2e999/);
    expect(nonFiniteLiteral(parse("query($v: Float = 1e400) { f(a: { b: 1.5 }) }"))?.message).toMatch(/^\$v is not a finite number: 1e400/);
    expect(nonFiniteLiteral(parse(`{ f(a: { b: ${"9".repeat(400)} }) }`))?.message).toMatch(/^a\.b is not a finite number: 9{40}…/);
    expect(nonFiniteLiteral(parse("{ f(a: 1e308, b: -5) }"))).toBeNull();
  });
});
