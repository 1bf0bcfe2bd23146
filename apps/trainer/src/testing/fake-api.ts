/**
 * A tiny in-memory stand-in for the Graft GraphQL API over real HTTP, for the trainer's unit tests.
 * It dispatches on `operationName` (the trainer always sends one) and can be told to misbehave:
 * `down` refuses every request by destroying the socket, `dropResponses` processes a request and then
 * destroys the socket before answering (the case that makes idempotence matter), `delayMs` holds
 * answers back, `failWith` answers every request with one error (e.g. STORAGE_UNAVAILABLE with 503,
 * as the real API does while its disk is full). Like the real API, it refuses epochs and outcomes
 * sent with an `attempt` older than the run's (CONFLICT, reason SUPERSEDED).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { HYPERPARAMETER_ENTRIES, type WireHyperparameters, defaultHyperparameters, plannedEpochs, toWire } from "@graft/core/contract";
import type { ClaimedRun, EpochInput } from "../graphql/types";

/** A run's hyperparameters as the fake API keeps them: every knob typed, as the real API's row. */
export type FakeHyperparameters = WireHyperparameters & { baseWeights: string | null; baseWeightsSha256: string | null };

/** A run as the fake API keeps it (claimRun serves its knobs as the `values` list too, as the real API). */
export interface FakeRun extends Omit<ClaimedRun, "hyperparameters"> {
  hyperparameters: FakeHyperparameters;
  agentId: string | null;
  epochs: EpochInput[];
  evaluation: unknown;
  /** completeRun's `engines`, as the agent sent them. */
  engines?: unknown;
  error: string | null;
  stopReason: string | null;
  artifacts: Array<{ kind: string; uri: string }>;
  /** Set to make the next control answer ask the agent to stop. */
  stopRequest: string | null;
  /** A sweep rule's verdict: once this epoch is logged, control answers ask the agent to stop. */
  stopWhenLogged: { epoch: number; reason: string } | null;
}

/** The fake server and its state. */
export interface FakeApi {
  url: string;
  runs: Map<string, FakeRun>;
  agents: Array<{ id: string; name: string; backend: string }>;
  /** Every request's operation name, in arrival order. */
  calls: string[];
  logEpochCalls: number;
  /** Checkpoint uploads (PUT /runs/:id/checkpoint) as the real API would take them. */
  uploads: Array<{ runId: string; agentId: string | null; attempt: string | null; files: string[]; datasetSha256: string | null }>;
  behaviour: { down: boolean; dropResponses: number; delayMs: number; failWith: FakeFailure | null };
  addRun(run: Partial<FakeRun> & { id: string }): FakeRun;
  close(): Promise<void>;
}

/** An error the fake answers every request with while set. */
export interface FakeFailure {
  status: number;
  code: string;
  message: string;
  extensions?: Record<string, unknown>;
}

/** An error a handler throws: the code and extra extensions go into the answer. */
class FakeApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Refuses a write from an attempt older than the run's, as the real API does. */
function assertCurrentAttempt(run: FakeRun, attempt: unknown): void {
  if (typeof attempt === "number" && attempt < run.attempts) {
    throw new FakeApiError("CONFLICT", `Run ${run.id} belongs to attempt ${run.attempts} now`, {
      reason: "SUPERSEDED",
      attempt,
      currentAttempt: run.attempts,
    });
  }
}

interface Body {
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** Starts the fake API on a free port of 127.0.0.1. */
export async function startFakeApi(options: { token?: string } = {}): Promise<FakeApi> {
  const runs = new Map<string, FakeRun>();
  const agents: FakeApi["agents"] = [];
  const calls: string[] = [];
  const behaviour: FakeApi["behaviour"] = { down: false, dropResponses: 0, delayMs: 0, failWith: null };
  let nextId = 1;

  const control = (run: FakeRun | undefined): { shouldStop: boolean; reason: string | null; leaseExpiresAt: null } => ({
    shouldStop: Boolean(run?.stopRequest),
    reason: run?.stopRequest ?? null,
    leaseExpiresAt: null,
  });

  const handle = (body: Body): unknown => {
    const v = body.variables ?? {};
    switch (body.operationName) {
      case "RegisterAgent": {
        const input = v.input as { name: string; backend: string };
        const agent = { id: `agent-${nextId++}`, name: input.name, backend: input.backend };
        agents.push(agent);
        return { registerAgent: { id: agent.id, name: agent.name } };
      }
      case "ClaimRun": {
        const wanted = v.runId as string | undefined;
        const run = wanted ? runs.get(wanted) : [...runs.values()].find((r) => r.status === "QUEUED");
        if (!run) return { claimRun: null };
        run.status = "RUNNING";
        run.agentId = v.agentId as string;
        run.attempts += 1;
        return {
          claimRun: {
            ...run,
            hyperparameters: {
              ...run.hyperparameters,
              values: HYPERPARAMETER_ENTRIES.map(([name]) => ({ name, value: run.hyperparameters[name] })),
            },
          },
        };
      }
      case "Heartbeat":
        return { heartbeat: control(runs.get((v.input as { runId?: string }).runId ?? "")) };
      case "LogEpochs": {
        const run = runs.get(v.runId as string);
        if (!run) throw new Error(`NOT_FOUND:run ${String(v.runId)}`);
        assertCurrentAttempt(run, v.attempt);
        let inserted = 0;
        for (const epoch of v.epochs as EpochInput[]) {
          // Idempotent per (run, epoch), as the contract promises.
          if (run.epochs.some((e) => e.epoch === epoch.epoch)) continue;
          run.epochs.push(epoch);
          inserted += 1;
        }
        run.epochCount = run.epochs.length;
        const rule = run.stopWhenLogged;
        if (rule && run.stopRequest === null && run.epochs.some((e) => e.epoch >= rule.epoch)) run.stopRequest = rule.reason;
        return { logEpochs: { inserted, control: control(run) } };
      }
      case "CompleteRun": {
        const input = v.input as {
          runId: string;
          attempt?: number | null;
          evaluation: unknown;
          stopReason?: string;
          artifacts?: FakeRun["artifacts"];
          engines?: unknown;
        };
        const run = runs.get(input.runId);
        if (!run) throw new Error(`NOT_FOUND:run ${input.runId}`);
        assertCurrentAttempt(run, input.attempt);
        run.status = input.stopReason === "canceled" ? "CANCELED" : input.stopReason ? "STOPPED_EARLY" : "COMPLETED";
        run.evaluation = input.evaluation;
        run.stopReason = input.stopReason ?? null;
        run.artifacts = input.artifacts ?? [];
        run.engines = input.engines;
        return { completeRun: { id: run.id, status: run.status } };
      }
      case "FailRun": {
        const run = runs.get(v.runId as string);
        if (!run) throw new Error(`NOT_FOUND:run ${String(v.runId)}`);
        assertCurrentAttempt(run, v.attempt);
        run.status = "FAILED";
        run.error = v.error as string;
        return { failRun: { id: run.id, status: run.status } };
      }
      case "RegisterDataset":
        return { registerDataset: { id: `ds-${nextId++}`, name: (v.name as string | null) ?? "data", path: v.path as string } };
      case "Experiments":
        return { experiments: [] };
      case "CreateExperiment":
        return { createExperiment: { id: `exp-${nextId++}`, name: (v.input as { name: string }).name } };
      case "CreateRun": {
        const input = v.input as { datasetId: string; name?: string; hyperparameters: Partial<FakeHyperparameters> };
        const hyperparameters = { ...wireDefaults(), baseWeights: null, baseWeightsSha256: null, ...input.hyperparameters };
        const run = api.addRun({
          id: `run-${nextId++}`,
          name: input.name ?? "run",
          hyperparameters,
          dataset: { id: input.datasetId, path: "", name: "" },
        });
        return { createRun: { id: run.id, name: run.name } };
      }
      default:
        throw new Error(`BAD_REQUEST:unknown operation ${String(body.operationName)}`);
    }
  };

  const uploads: FakeApi["uploads"] = [];
  /** PUT /runs/:id/checkpoint: multipart parsed as the API does; refused unless the run is RUNNING. */
  const upload = async (req: http.IncomingMessage, res: http.ServerResponse, runId: string): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = await new Response(Buffer.concat(chunks), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
    const query = new URL(req.url ?? "/", "http://x").searchParams;
    calls.push("UploadCheckpoint");
    const run = runs.get(runId);
    if (run?.status !== "RUNNING") {
      res.writeHead(409, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ error: `Run ${runId} is not RUNNING`, code: "CONFLICT" }));
    }
    const files = [...form.keys()].filter((k) => k !== "datasetSha256").sort();
    const sha = form.get("datasetSha256");
    uploads.push({
      runId,
      agentId: query.get("agentId"),
      attempt: query.get("attempt"),
      files,
      datasetSha256: typeof sha === "string" ? sha : null,
    });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ checkpoint: { weightsSha256: "f".repeat(64), bytes: 100 } }));
  };

  const server = http.createServer((req, res) => {
    const checkpoint = /^\/runs\/([^/]+)\/checkpoint/.exec(req.url ?? "");
    if (req.method === "PUT" && checkpoint) return void upload(req, res, decodeURIComponent(checkpoint[1] as string));
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      if (behaviour.down) return void req.socket.destroy();
      const body = JSON.parse(raw) as Body;
      calls.push(body.operationName ?? "?");
      if (body.operationName === "LogEpochs") api.logEpochCalls += 1;
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end(JSON.stringify({ errors: [{ message: "missing or wrong token", extensions: { code: "UNAUTHENTICATED" } }] }));
      }
      const failure = behaviour.failWith;
      if (failure) {
        res.writeHead(failure.status, { "content-type": "application/json" });
        return void res.end(
          JSON.stringify({ errors: [{ message: failure.message, extensions: { code: failure.code, ...failure.extensions } }], data: null }),
        );
      }
      let payload: unknown;
      try {
        payload = { data: handle(body) };
      } catch (error) {
        if (error instanceof FakeApiError) {
          payload = { errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions } }], data: null };
        } else {
          const [code, message] = (error as Error).message.split(":", 2);
          payload = { errors: [{ message, extensions: { code } }], data: null };
        }
      }
      if (behaviour.dropResponses > 0) {
        behaviour.dropResponses -= 1;
        return void req.socket.destroy();
      }
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      }, behaviour.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const api: FakeApi = {
    url: `http://127.0.0.1:${port}`,
    runs,
    agents,
    calls,
    logEpochCalls: 0,
    uploads,
    behaviour,
    addRun(partial) {
      const run: FakeRun = {
        name: partial.id,
        status: "QUEUED",
        attempts: 0,
        epochCount: 0,
        plannedEpochs: 0,
        decisionEpochs: [],
        dataset: { id: "ds", path: "/data", name: "data" },
        // The catalogue's defaults (the API's), on a small head and a short run.
        hyperparameters: {
          ...wireDefaults(),
          headUnits: [8],
          epochs: 3,
          batchSize: 16,
          seed: 1,
          baseWeights: null,
          baseWeightsSha256: null,
        },
        agentId: null,
        epochs: [],
        evaluation: null,
        error: null,
        stopReason: null,
        artifacts: [],
        stopRequest: null,
        stopWhenLogged: null,
        ...partial,
      };
      // What the real API serves: derived from the run's settings by the one rule.
      run.plannedEpochs = partial.plannedEpochs ?? plannedEpochs(run.hyperparameters);
      runs.set(run.id, run);
      return run;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}

/** Every knob's default in its wire form. */
function wireDefaults(): WireHyperparameters {
  const d = defaultHyperparameters();
  return Object.fromEntries(HYPERPARAMETER_ENTRIES.map(([name]) => [name, toWire(name, d[name])])) as WireHyperparameters;
}
