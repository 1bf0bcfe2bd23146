/**
 * The hostile-documents section of the API bench: sends, over HTTP and over graphql-ws, the
 * documents that once stalled or killed the API, and creates a 10,000-run sweep, while a separate
 * process probes `/healthz` every 10 ms (bench/healthz-poller.ts). Prints, per scenario, what the
 * API answered and the `/healthz` latency p50/p99/max during it (target p99 < 200 ms).
 *
 * The API runs in a child process (src/test/serve.ts) with a capped heap, so a document that
 * exhausts it kills only that child: the scenario then reports "server died" and the next one gets a
 * fresh server on the same database. Every loop here is bounded; everything stays on loopback.
 */
import { type ChildProcess, fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { MAX_COMPLEXITY, scanCost } from "../src/limits/complexity";
import { TestClient } from "../src/test/client";
import { Q, type Workspace, createWorkspace } from "../src/test/fixtures";
import {
  deepSweepRunsDocument,
  SWEEP_RUNS_DOCUMENT,
  totalCountSearchDocument,
  typenameAliasesDocument,
} from "../src/test/hostile-documents";
import { API_DIR, type ChildServer, spawnServer } from "../src/test/processes";
import { type PollerCommand, type PollerReport } from "./healthz-poller";

/** Heap of the API child: enough for real work, small enough that a runaway query dies fast. */
const SERVER_HEAP_MB = 1536;
/** Longest one hostile request may take before the bench gives up on it. */
const REQUEST_TIMEOUT_MS = 30_000;

/** The dashboard's runs page at the largest `first`, searching names (a scan) and counting (another). */
const LARGEST_RUNS_PAGE = `{ runs(first: 500, filter: { search: "sweep" }) { totalCount pageInfo { hasNextPage endCursor } nodes {
  id name status experimentId sweepId backend agentId createdAt startedAt finishedAt durationMs
  bestValAccuracy bestEpoch finalValAccuracy finalValLoss epochCount error stopReason
  hyperparameters { baseModel inputSize headUnits dropout augmentation optimizer learningRate epochs
    fineTuneLayers fineTuneEpochs fineTuneLearningRate batchSize seed validationSplit
    earlyStoppingPatience reduceLrPatience reduceLrFactor minLearningRate baseWeights baseWeightsSha256 } } } }`;

/** What one request got back: an HTTP status (0 over WS), the first error code, its size and time. */
interface Outcome {
  status: number;
  code: string;
  bytes: number;
  ms: number;
}

/** The /healthz prober process. */
class Poller {
  private readonly child: ChildProcess = fork("bench/healthz-poller.ts", [], {
    cwd: API_DIR,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });

  private ask<T>(command: PollerCommand): Promise<T> {
    return new Promise<T>((resolve) => {
      this.child.once("message", (m: T) => resolve(m));
      this.child.send(command);
    });
  }

  start(healthz: string): Promise<void> {
    return this.ask<string>({ cmd: "start", url: healthz }).then(() => undefined);
  }

  stop(): Promise<PollerReport> {
    return this.ask<PollerReport>({ cmd: "stop" });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

/** Posts one operation with fetch, bounded by {@link REQUEST_TIMEOUT_MS}. */
async function overHttp(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    return { status: res.status, code: firstCode(text), bytes: text.length, ms: performance.now() - t0 };
  } catch (e) {
    return { status: 0, code: `failed: ${(e as Error).message}`, bytes: 0, ms: performance.now() - t0 };
  }
}

/** Runs one operation over graphql-ws on a fresh connection, bounded by {@link REQUEST_TIMEOUT_MS}. */
async function overWs(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Outcome> {
  const t0 = performance.now();
  const client = createClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    // A socket the server dropped (or that never opened) is reported through the sink below.
    on: { error: () => undefined },
  });
  try {
    return await new Promise<Outcome>((resolve) => {
      let bytes = 0;
      let code = "ok";
      const timer = setTimeout(() => resolve({ status: 0, code: "timed out", bytes, ms: performance.now() - t0 }), REQUEST_TIMEOUT_MS);
      const finish = () => {
        clearTimeout(timer);
        resolve({ status: 0, code, bytes, ms: performance.now() - t0 });
      };
      client.subscribe(
        { query, variables },
        {
          next: (result) => {
            const text = JSON.stringify(result);
            bytes += text.length;
            if (code === "ok") code = firstCode(text);
          },
          error: (e: unknown) => {
            code = Array.isArray(e)
              ? firstCode(JSON.stringify({ errors: e }))
              : `closed: ${e instanceof Error ? e.message : describeClose(e)}`;
            finish();
          },
          complete: finish,
        },
      );
    });
  } finally {
    await Promise.resolve(client.dispose()).catch(() => undefined);
  }
}

function describeClose(e: unknown): string {
  const ev = e as { code?: number; reason?: string };
  return `${ev.code ?? "?"} ${ev.reason ?? ""}`.trim();
}

function firstCode(text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    return body.errors?.[0]?.extensions?.code ?? "ok";
  } catch {
    return "not JSON";
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
}

/** One scenario: what to send (bounded), and over which transport. */
interface Scenario {
  name: string;
  transport: "HTTP" | "WS" | "-";
  /** Sends the scenario's requests; returns the outcome of each. */
  run(server: ChildServer, ids: { sweepId: string }): Promise<Outcome[]>;
}

const repeat = async (times: number, send: () => Promise<Outcome>): Promise<Outcome[]> => {
  const out: Outcome[] = [];
  for (let i = 0; i < times; i++) out.push(await send());
  return out;
};

/** Starts the API child on the workspace's database. */
function startApi(ws: Workspace): Promise<ChildServer> {
  return spawnServer({ GRAFT_DATA_DIR: ws.dataDir, GRAFT_DATA_ROOTS: ws.root, NODE_OPTIONS: `--max-old-space-size=${SERVER_HEAP_MB}` });
}

/**
 * Runs the section and prints its table. `sweepRuns` is the size of the sweep created (and then
 * read back); `repeats` how many times each hostile document is sent per scenario.
 */
export async function hostileBench(options: { sweepRuns?: number; repeats?: number } = {}): Promise<void> {
  const sweepRuns = options.sweepRuns ?? 10_000;
  const repeats = options.repeats ?? 3;
  const ws = createWorkspace();
  const poller = new Poller();
  let server = await startApi(ws);
  try {
    const client = new TestClient(server.url, server.token);
    const datasetId = (await client.data<{ registerDataset: { id: string } }>(Q.registerDataset, { path: ws.datasetPath })).registerDataset
      .id;
    const experimentId = (await client.data<{ createExperiment: { id: string } }>(Q.createExperiment, { name: "hostile" })).createExperiment
      .id;
    // 50 learning rates × 50 head sizes × 4 dropouts = 10,000 grid points; maxRuns trims it.
    const sweepInput = {
      experimentId,
      datasetId,
      maxRuns: sweepRuns,
      searchSpace: {
        baseModels: ["vgg16"],
        headUnits: Array.from({ length: 50 }, (_, i) => [8 + i]),
        learningRates: Array.from({ length: 50 }, (_, i) => 0.0001 * (i + 1)),
        dropouts: [0.1, 0.2, 0.3, 0.4],
      },
    };
    const createSweep = `mutation($input: CreateSweepInput!) { createSweep(input: $input) { id progress { total } } }`;
    const ids = { sweepId: "" };
    // Aliases of a search page + totalCount (two scans each) that fit the complexity limit once the
    // sweep's runs exist.
    const scansAccepted = Math.floor(MAX_COMPLEXITY / (1 + 2 * scanCost(() => sweepRuns)));

    const scenarios: Scenario[] = [
      { name: "idle (2 s)", transport: "-", run: async () => (await new Promise((r) => setTimeout(r, 2000)), []) },
      {
        name: `createSweep of ${sweepRuns.toLocaleString("en")} runs`,
        transport: "HTTP",
        run: async (s) => {
          const t0 = performance.now();
          const res = await new TestClient(s.url, s.token).request<{ createSweep: { id: string; progress: { total: number } } }>(
            createSweep,
            { input: sweepInput },
          );
          ids.sweepId = res.data?.createSweep.id ?? "";
          return [
            {
              status: res.status,
              code: res.errors?.[0]?.extensions?.code ?? `ok (${res.data?.createSweep.progress.total} runs)`,
              bytes: 0,
              ms: performance.now() - t0,
            },
          ];
        },
      },
      ...(["HTTP", "WS"] as const).flatMap((transport): Scenario[] => {
        const send = transport === "HTTP" ? overHttp : overWs;
        return [
          {
            name: "depth-53 runs{nodes{sweep{runs…}}}",
            transport,
            run: (s) => repeat(repeats, () => send(s.url, s.token, deepSweepRunsDocument())),
          },
          {
            name: "1,000 × runs(search) totalCount",
            transport,
            run: (s) => repeat(repeats, () => send(s.url, s.token, totalCountSearchDocument())),
          },
          {
            name: "10,000 × __typename aliases",
            transport,
            run: (s) => repeat(repeats, () => send(s.url, s.token, typenameAliasesDocument())),
          },
          {
            name: `sweep.runs (no first), ${sweepRuns.toLocaleString("en")}-run sweep`,
            transport,
            run: (s, i) => repeat(repeats, () => send(s.url, s.token, SWEEP_RUNS_DOCUMENT, { id: i.sweepId })),
          },
        ];
      }),
      // The costliest documents the limits still accept: what a client may legitimately make the
      // API do in one request, so their /healthz figures are the worst accepted work can cost.
      {
        name: `accepted: ${scansAccepted} × runs(search) totalCount`,
        transport: "HTTP",
        run: (s) => repeat(repeats, () => overHttp(s.url, s.token, totalCountSearchDocument(scansAccepted))),
      },
      {
        name: "accepted: runs(first: 500, search) + totalCount",
        transport: "HTTP",
        run: (s) => repeat(repeats, () => overHttp(s.url, s.token, LARGEST_RUNS_PAGE)),
      },
    ];

    console.log(
      `hostile documents vs /healthz (probed every 10 ms from another process; API in a child process, heap ${SERVER_HEAP_MB} MB; each document sent ${repeats}×)`,
    );
    console.log(
      "  scenario                                           via    answer (status code, bytes, ms per request)          healthz p50 / p99 / max (n)",
    );
    for (const scenario of scenarios) {
      await poller.start(server.url.replace(/\/graphql$/, "/healthz"));
      await new Promise((r) => setTimeout(r, 200));
      let onExit = () => undefined as void;
      const died = new Promise<"died">((r) => server.child.once("exit", (onExit = () => r("died"))));
      const outcomes = await Promise.race([scenario.run(server, ids), died]);
      server.child.off("exit", onExit);
      await new Promise((r) => setTimeout(r, 200));
      const report = await poller.stop();
      const sorted = [...report.latencies].sort((a, b) => a - b);
      const answer =
        outcomes === "died"
          ? "SERVER DIED"
          : outcomes.length === 0
            ? "-"
            : `${outcomes[0]?.status || "ws"} ${outcomes[0]?.code}, ${(Math.max(...outcomes.map((o) => o.bytes)) / 1e6).toFixed(2)} MB, ${(outcomes.reduce((a, o) => a + o.ms, 0) / outcomes.length).toFixed(0)} ms`;
      const probes = `${percentile(sorted, 50).toFixed(1)} / ${percentile(sorted, 99).toFixed(1)} / ${(sorted.at(-1) ?? NaN).toFixed(1)} ms (${sorted.length}${report.failed ? `, ${report.failed} failed` : ""})`;
      console.log(`  ${scenario.name.padEnd(50)} ${scenario.transport.padEnd(6)} ${answer.slice(0, 52).padEnd(52)} ${probes}`);
      // A dead server, or one still busy with a request the bench gave up on, is replaced so the
      // next scenario measures a server that is not still working off this one.
      const gaveUp = outcomes !== "died" && outcomes.some((o) => o.code === "timed out" || o.code.startsWith("failed"));
      if (outcomes === "died" || gaveUp || server.child.exitCode !== null || server.child.signalCode !== null) {
        await server.kill();
        server = await startApi(ws);
      }
    }
  } finally {
    poller.close();
    await server.kill();
    ws.cleanup();
  }
}
