/**
 * `graft agent`: registers with the API, then runs `concurrency` worker loops that each claim a queued
 * run, train it with exactly its hyperparameters and report it, until stopped. All workers of one
 * agent share one cache dir, so the core's feature cache makes a sweep over head sizes pay for the
 * base network once per image; they also share one TF.js backend (TF.js keeps one per process), so
 * concurrency > 1 overlaps I/O and API waits with compute but does not add cores to a CPU backend:
 * on a small CPU machine run 1 (the default) and start more agents only on more machines or GPUs.
 */
import os from "node:os";
import path from "node:path";
import { fromWire, formatHyperparameter, specOf } from "@graft/core/contract";
import type { TrainConfig } from "@graft/core/types";
import type { Engine } from "../engine/engine";
import type { ModelFilesClient } from "../files/model-files";
import { evaluateOneQueued } from "./test-set-jobs";
import { CLAIM_RUN, FAIL_RUN, REGISTER_AGENT } from "../graphql/operations";
import type { ClaimedRun } from "../graphql/types";
import { Progress } from "../progress/progress";
import { backoffDelay, sleep } from "../reporter/backoff";
import { RunReporter, type RequestClient } from "../reporter/reporter";
import { isTransient } from "../reporter/verdict";
import { AGENT_STOP_PREFIX, executeRun, type ExecuteOutcome } from "../run/execute";
import { describeFailure } from "../run/failure";
import { JournalRedelivery } from "./redelivery";
import { startHeartbeat } from "../run/heartbeat";
import { baseWeightsOf, hyperparametersToConfig, knobsOf } from "../run/mapping";
import { BaseWeightsError, type BaseWeights, verifyBaseWeights } from "../run/weights";

/** Settings of an agent. */
export interface AgentOptions {
  name: string;
  concurrency: number;
  cacheDir: string;
  modelsDir?: string;
  /** `--backend`/GRAFT_BACKEND as typed: `onnxruntime` or a TF.js backend (core's `TrainOptions.backend`). */
  backend?: string;
  /** Frozen-base worker threads per run (core's `TrainOptions.workers`); absent = core's default. */
  workers?: number | "auto";
  /** Exit when no run is queued instead of polling. */
  once: boolean;
  /** Wait between claims when the queue is empty, in ms (default 2 000). */
  pollMs?: number;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Passed to each run (tests shorten the reporter's timers). */
  runOverrides?: Pick<Parameters<typeof executeRun>[0], "reporter" | "heartbeatFallbackMs" | "deliverWaitMs">;
}

/** A running agent: `stop()` asks it to finish the current epochs and hand its runs back. */
export interface AgentHandle {
  agentId: Promise<string>;
  /** Resolves with the outcomes of every run this agent handled once all workers have exited. */
  done: Promise<ExecuteOutcome[]>;
  stop(reason: string): void;
}

/** Optional GPU description: tfjs-node-gpu present means CUDA kernels are available. */
async function detectGpu(): Promise<string | null> {
  try {
    import.meta.resolve("@tensorflow/tfjs-node-gpu");
    return "tfjs-node-gpu";
  } catch {
    return null;
  }
}

/** Starts an agent. */
export function startAgent(
  options: AgentOptions,
  deps: { engine: Engine; client: RequestClient; files?: Pick<ModelFilesClient, "uploadCheckpoint" | "downloadCheckpoint"> },
): AgentHandle {
  const { engine, client, files } = deps;
  const log = (message: string): void => void options.stderr.write(`[agent ${options.name}] ${message}\n`);
  const stopper = new AbortController();
  let stopReason: string | null = null;
  let fatal: unknown = null;
  const outcomes: ExecuteOutcome[] = [];
  let resolveId: (id: string) => void = () => undefined;
  const agentId = new Promise<string>((resolve) => (resolveId = resolve));

  /** Calls `fn` until it succeeds, backing off while the API is unreachable; null once stopped. */
  const withRetry = async <T>(what: string, fn: () => Promise<T>): Promise<T | null> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (!isTransient(error)) throw error;
        const delay = backoffDelay(Math.min(attempt, 8), { maxMs: 10_000 });
        log(`${what}: ${(error as Error).message}; retrying in ${Math.round(delay)} ms`);
        if (!(await sleep(delay, stopper.signal))) return null;
      }
    }
  };

  const journalDir = path.join(options.cacheDir, "journal");
  const onnxThreads = onnxThreadsPerRun(options.concurrency, os.availableParallelism());
  const runOne = async (id: string, backend: string, run: ClaimedRun, worker: number): Promise<ExecuteOutcome> => {
    const label = `run ${run.name || run.id}${options.concurrency > 1 ? ` [w${worker}]` : ""}`;
    const h = run.hyperparameters;
    const progress = new Progress({ stream: options.stderr, label, plannedEpochs: run.plannedEpochs });
    progress.note(`claimed (attempt ${run.attempts}): ${describeKnobs(h.values)}; dataset ${run.dataset.path}`);
    /** Fails the run before training starts (through the journal, like a training failure), keeping the agent. */
    const failBeforeTraining = async (message: string, error: unknown): Promise<ExecuteOutcome> => {
      const reporter = await RunReporter.open({ client, runId: run.id, agentId: id, attempt: run.attempts, journalDir, log });
      const delivered = await reporter.fail(message, options.runOverrides?.deliverWaitMs ?? 60_000);
      await reporter.close();
      progress.note(`failed: ${message}`);
      return { kind: "failed", message, error, delivered };
    };
    let config: TrainConfig;
    let weights: BaseWeights | null;
    try {
      config = engine.defaultTrainConfig(hyperparametersToConfig(knobsOf(h.values)));
      weights = baseWeightsOf(h);
    } catch (error) {
      // Hyperparameters the engine refuses: fail the run (the user fixes the sweep), keep the agent.
      return failBeforeTraining(
        describeFailure(error, { datasetPath: run.dataset.path, baseModel: h.baseModel, batchSize: h.batchSize }),
        error,
      );
    }
    if (weights) {
      // The path is the creating machine's: on this one it may be missing or hold other bytes, and
      // training from other weights than the run records would make its results a lie.
      progress.note(`checking base weights ${weights.path} (sha256 ${weights.sha256.slice(0, 12)}…)`);
      try {
        await verifyBaseWeights(weights);
      } catch (error) {
        if (!(error instanceof BaseWeightsError)) throw error;
        return failBeforeTraining(error.message, error);
      }
    }
    return executeRun({
      engine,
      client,
      ...(files === undefined ? {} : { files }),
      agentId: id,
      runId: run.id,
      attempt: run.attempts,
      decisionEpochs: run.decisionEpochs,
      datasetPath: run.dataset.path,
      config,
      backend,
      backendRequest: options.backend,
      cacheDir: options.cacheDir,
      outDir: path.join(options.cacheDir, "runs", run.id),
      modelsDir: options.modelsDir,
      // The check above fails early with a clear message; core checks the hash again on the bytes it
      // parses, so a file replaced in between cannot be trained on either.
      ...(weights ? { weights: weights.path, weightsSha256: weights.sha256 } : {}),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(onnxThreads === undefined ? {} : { onnxThreads }),
      progress,
      agentStop: () => stopReason,
      log,
      ...options.runOverrides,
    });
  };

  const done = (async (): Promise<ExecuteOutcome[]> => {
    const backend = await engine.selectBackend(options.backend);
    const gpu = await detectGpu();
    const registered = await withRetry("register", () =>
      client.request(REGISTER_AGENT, {
        input: { name: options.name, host: os.hostname(), backend, cores: os.availableParallelism(), gpu },
      }),
    );
    if (!registered) return outcomes;
    const id = registered.registerAgent.id;
    resolveId(id);
    // "runs at a time" rather than "workers": --workers names the frozen-base threads of one run.
    const threads = options.workers === undefined ? "" : `, --workers ${options.workers}`;
    log(
      `registered as ${id} on ${os.hostname()} (backend ${backend}, ${options.concurrency} run${options.concurrency === 1 ? "" : "s"} at a time${threads}, cache ${options.cacheDir})`,
    );
    // Whatever a previous agent process could not deliver goes first.
    const recovered = await RunReporter.recover({ client, journalDir, log }, 30_000);
    if (recovered.length > 0) log(`delivered journals left from before: ${recovered.join(", ")}`);

    // 5 s per journal: long enough for a healthy API, short enough that a journal the API keeps
    // refusing "for now" does not hold up new work for long.
    const redelivery = new JournalRedelivery({ client, journalDir, log, waitMs: 5_000 });
    // An evaluation claim the API refused is not fatal; an API that does not know the operation
    // (an older one) is not asked again by this agent.
    let evaluations = files !== undefined;
    const logClaimError = (error: unknown): false => {
      const message = (error as Error).message;
      const unknown =
        /claimEvaluation|GRAPHQL_VALIDATION_FAILED|unknown operation/i.test(message) && /Cannot query|VALIDATION|unknown/i.test(message);
      log(`claimEvaluation: ${message}${unknown ? "; not asking this API for evaluations again" : ""}`);
      if (unknown) evaluations = false;
      return false;
    };
    const worker = async (n: number): Promise<void> => {
      while (!stopReason) {
        // Whatever an earlier run could not deliver goes before new work (a no-op when nothing waits).
        await redelivery.run();
        let claimed;
        try {
          claimed = await withRetry("claimRun", () => client.request(CLAIM_RUN, { agentId: id }));
        } catch (error) {
          // The API answered but refused (bad token, agent unknown): nothing to retry. The other
          // workers finish their runs, then the agent exits 1 with this error.
          log(`claimRun refused: ${(error as Error).message}; stopping`);
          fatal ??= error;
          stopReason ??= `${AGENT_STOP_PREFIX} (claimRun refused)`;
          return;
        }
        if (!claimed || stopReason) return;
        const run = claimed.claimRun;
        if (!run) {
          // No training waits: an evaluation on another dataset may (the model comes from the API).
          if (
            files &&
            evaluations &&
            (await evaluateOneQueued({ client, files, engine, agentId: id, cacheDir: options.cacheDir, log }).catch(logClaimError))
          )
            continue;
          if (options.once) return;
          await sleep(options.pollMs ?? 2_000, stopper.signal);
          continue;
        }
        let outcome: ExecuteOutcome;
        try {
          await redelivery.claimed(run.id);
          outcome = await runOne(id, backend, run, n);
        } catch (error) {
          // Not a training error (those become failRun inside executeRun) but the agent's own
          // machinery, e.g. the run's journal held by another live agent sharing this cache dir.
          // Fail the run directly so it is not left RUNNING, and keep serving the queue.
          const message = `agent error before training: ${(error as Error).message}`;
          log(`run ${run.id}: ${message}`);
          await client
            .request(FAIL_RUN, { runId: run.id, agentId: id, attempt: run.attempts, error: message })
            .catch((e: unknown) => log(`failRun: ${(e as Error).message}`));
          outcome = { kind: "failed", message, error, delivered: true };
        } finally {
          redelivery.released(run.id);
        }
        outcomes.push(outcome);
        if (!outcome.delivered) log(`run ${run.id}: outcome kept in the journal; sent again before the next claim`);
      }
    };
    // An agent-level heartbeat (no run) keeps an idle agent ALIVE in the dashboard between runs.
    const stopIdleBeat = startHeartbeat({
      client,
      agentId: id,
      runId: null,
      backend,
      onControl: () => undefined,
      fallbackIntervalMs: 15_000,
    });
    try {
      await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i + 1)));
    } finally {
      stopIdleBeat();
    }
    if (fatal) throw fatal;
    log(stopReason ? `stopped (${stopReason})` : "no queued runs left; exiting");
    return outcomes;
  })();

  return {
    agentId,
    done,
    stop(reason: string) {
      if (stopReason) return;
      stopReason = `${AGENT_STOP_PREFIX} (${reason})`;
      log(`${reason}: finishing the current epoch, then handing runs back`);
      stopper.abort();
    },
  };
}

/** A run's knobs as the claim note shows them: the base model, then each knob that is not at its default. */
function describeKnobs(values: readonly { name: string; value?: unknown }[]): string {
  return values
    .filter(({ name, value }) => name === "baseModel" || JSON.stringify(value) !== JSON.stringify(specOf(name)?.default ?? null))
    .map(({ name, value }) => {
      try {
        return `${name} ${formatHyperparameter(name, value == null ? null : fromWire(name, value))}`;
      } catch {
        return `${name} ${JSON.stringify(value)}`;
      }
    })
    .join(", ");
}

/**
 * ONNX Runtime threads for each of `concurrency` runs at once on `cores`: their share, at least 1,
 * or N sessions would each spread over every core and slow one another down. Undefined (core's
 * default, one per core) for one run at a time.
 */
export function onnxThreadsPerRun(concurrency: number, cores: number): number | undefined {
  return concurrency > 1 ? Math.max(1, Math.floor(cores / concurrency)) : undefined;
}
