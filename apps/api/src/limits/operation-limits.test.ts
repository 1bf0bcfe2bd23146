import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GqlError, TestClient } from "../test/client";
import { Q, createWorkspace, type Workspace } from "../test/fixtures";
import { deepSweepRunsDocument, totalCountSearchDocument, typenameAliasesDocument } from "../test/hostile-documents";
import { type ChildServer, spawnServer } from "../test/processes";
import { overWs } from "../test/ws";
import { MIN_SCAN_COST } from "./complexity";
import { OPERATION_LIMITS } from "./operation-limits";
import { testDatabaseEnv } from "../test/database";

// The API runs in a child process: a document that got past the limits (the depth-53 fan-out
// once exhausted the heap) takes down that process and fails these tests, not the test runner.
let ws: Workspace;
let server: ChildServer;
let client: TestClient;

beforeAll(async () => {
  ws = createWorkspace();
  server = await spawnServer({ GRAFT_DATA_DIR: ws.dataDir, GRAFT_DATA_ROOTS: ws.root, ...(await testDatabaseEnv()) });
  client = new TestClient(server.url, server.token);
  const datasetId = (await client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: ws.datasetPath })).registerDataset
    .id;
  const experimentId = (await client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "limits" })).createExperiment
    .id;
  // A sweep whose runs point back at it: what the depth-53 document fans out over.
  await client.data(Q.createSweep, {
    input: { experimentId, datasetId, searchSpace: { baseModels: ["vgg16"], headUnits: [[8], [16]], learningRates: [0.01, 0.1] } },
  });
});
afterAll(async () => {
  await server?.kill();
  ws?.cleanup();
});

/** One error as a transport delivered it, with the HTTP status (0 over WS). */
interface Refusal {
  status: number;
  error: GqlError;
}

/** Sends `query` over HTTP (POST, JSON) and returns its first error; fails the test on data. */
async function refusedOverHttp(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Refusal> {
  const headers: Record<string, string> = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(server.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: unknown; errors?: GqlError[] };
  if (!body.errors?.[0]) throw new Error(`expected a refusal over HTTP, got ${JSON.stringify(body).slice(0, 300)}`);
  return { status: res.status, error: body.errors[0] };
}

/** Sends `query` over graphql-ws and returns the error it was refused with; fails the test on data. */
async function refusedOverWs(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Refusal> {
  const outcome = await overWs(server.url, query, { variables, timeoutMs: 20_000, ...(token ? { token } : {}) });
  const error = outcome.errors?.[0] ?? outcome.results[0]?.errors?.[0];
  if (!error) throw new Error(`expected a refusal over graphql-ws, got ${JSON.stringify(outcome).slice(0, 300)}`);
  return { status: 0, error: error as GqlError };
}

/** The server still answers: `/healthz`, and a normal query over the same transport. */
async function expectAlive(transport: "HTTP" | "WS"): Promise<void> {
  expect((await fetch(server.url.replace(/\/graphql$/, "/healthz"))).status).toBe(200);
  const query = "{ sweeps { id progress { total } } }";
  const data =
    transport === "HTTP"
      ? await client.data<{ sweeps: { progress: { total: number } }[] }>(query)
      : ((await overWs(server.url, query)).results[0]?.data as { sweeps: { progress: { total: number } }[] });
  expect(data.sweeps.map((s) => s.progress.total)).toEqual([4]);
}

describe.each([
  ["HTTP", refusedOverHttp],
  ["WS", refusedOverWs],
] as const)("operation limits over %s", (transport, refused) => {
  it("refuses the depth-53 runs{nodes{sweep{runs…}}} document before running it", async () => {
    const { status, error } = await refused(deepSweepRunsDocument(53));
    if (transport === "HTTP") expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "depth", actual: 53, max: OPERATION_LIMITS.maxDepth });
    expect(error.message).toBe(`Query depth 53 exceeds the limit of ${OPERATION_LIMITS.maxDepth}; nest fewer selections`);
    await expectAlive(transport);
  });

  it("refuses 10,000 __typename aliases at the token bound, as a 400 naming it", async () => {
    const document = typenameAliasesDocument(10_000);
    const { status, error } = await refused(document);
    if (transport === "HTTP") expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "tokens", max: OPERATION_LIMITS.maxTokens });
    expect(error.message).toContain(`more than ${OPERATION_LIMITS.maxTokens} tokens`);
    expect(error.message).toContain(`${document.length} characters`);
    await expectAlive(transport);
  });

  it("refuses 1,000 aliases of runs(search){totalCount}", async () => {
    const { error } = await refused(totalCountSearchDocument(1000));
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.extensions?.["limit"]).toBeDefined();
    await expectAlive(transport);
  });

  it("counts every field selection, aliases and fragment spreads included", async () => {
    const { error } = await refused(typenameAliasesDocument(OPERATION_LIMITS.maxFields + 100));
    expect(error.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      limit: "fields",
      actual: OPERATION_LIMITS.maxFields + 100,
      max: OPERATION_LIMITS.maxFields,
    });
    // 200 fields in a fragment spread under 3 aliases is 600 fields executed.
    const fragment = `fragment F on Run { ${Array.from({ length: 200 }, (_, i) => `f${i}: id`).join(" ")} }`;
    const spread = await refused(`{ a: runs { nodes { ...F } } b: runs { nodes { ...F } } c: runs { nodes { ...F } } } ${fragment}`);
    expect(spread.error.extensions).toMatchObject({ limit: "fields", actual: 606 });
    await expectAlive(transport);
  });

  it("prices a null page size as its default, and a mutation by what its result selects", async () => {
    const nullPages = '{ sweep(id: "x") { runs(first: null) { sweep { runs(first: null) { sweep { runs(first: null) { id } } } } } } }';
    const viaNull = await refused(nullPages);
    expect(viaNull.error.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "complexity" });
    const viaVariable = await refused('query($n: Int) { sweep(id: "x") { runs(first: $n) { sweep { runs(first: $n) { id } } } } }', {
      n: null,
    });
    expect(viaVariable.error.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "complexity" });
    // A token holder's mutation too: the dashboard's proxy adds the token to whatever it forwards.
    const { status, error } = await refused(
      'mutation { addTag(runId: "r", tag: "t") { sweep { runs { sweep { runs { sweep { runs { id } } } } } } } }',
      {},
      server.token,
    );
    if (transport === "HTTP") expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "complexity" });
    await expectAlive(transport);
  });

  it("prices totalCount with a search as a scan: a few are fine, dozens are refused", async () => {
    // Each alias is a scan for the page (search) and one for the count, at least MIN_SCAN_COST each.
    const aliases = Math.ceil(OPERATION_LIMITS.maxComplexity / (2 * MIN_SCAN_COST)) + 1;
    const { status, error } = await refused(totalCountSearchDocument(aliases));
    if (transport === "HTTP") expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "complexity", max: OPERATION_LIMITS.maxComplexity });
    expect(error.message).toMatch(new RegExp(`^Query complexity \\d+ exceeds the limit of ${OPERATION_LIMITS.maxComplexity}`));
    const one = totalCountSearchDocument(3);
    const answered =
      transport === "HTTP"
        ? await client.data<Record<string, { totalCount: number }>>(one)
        : ((await overWs(server.url, one)).results[0]?.data as Record<string, { totalCount: number }>);
    expect(Object.values(answered).map((r) => r.totalCount)).toEqual([0, 0, 0]);
  });

  it("keeps refusing a mutation without the token after the checks", async () => {
    const { error } = await refused(`mutation { createExperiment(input: { name: "x" }) { id } }`);
    expect(error.extensions?.code).toBe("UNAUTHENTICATED");
    expect(error.extensions?.["http"]).toBeUndefined();
  });
});

describe("operation limits on GET /graphql", () => {
  it("refuses the depth-53 document in a query string too", async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent(deepSweepRunsDocument(53))}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: GqlError[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "depth", actual: 53 });
  });
});
