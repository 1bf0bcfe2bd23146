/**
 * Trains one claimed run and reports it: shared by `graft agent` (runs from the queue) and
 * `graft train --api` (an ad-hoc run created and claimed on the spot). Every epoch goes through the
 * run's {@link RunReporter}, stop requests from the API (heartbeat or logEpochs answers) and from the
 * agent itself are honoured at the next epoch boundary via `TrainHooks.shouldStop`, and the outcome
 * ends in exactly one of completeRun / failRun, so no run is left RUNNING.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { plannedEpochs } from "@graft/core/contract";
import type { TrainConfig, TrainResult } from "@graft/core/types";
import type { Engine } from "../engine/engine";
import type { RunControl } from "../graphql/types";
import type { Progress } from "../progress/progress";
import { formatBestEpoch } from "../progress/summary";
import { RunReporter, type RequestClient } from "../reporter/reporter";
import type { ModelFilesClient } from "../files/model-files";
import { uploadDelivered } from "./checkpoint-upload";
import { describeFailure } from "./failure";
import { startHeartbeat } from "./heartbeat";
import { epochToInput, evaluationToInput } from "./mapping";

/** What {@link executeRun} needs. */
export interface ExecuteRunOptions {
  engine: Pick<Engine, "train">;
  client: RequestClient;
  /** Uploads the delivered checkpoint before the run completes; absent, the checkpoint stays on this machine only. */
  files?: Pick<ModelFilesClient, "uploadCheckpoint">;
  agentId: string;
  runId: string;
  /** The run's `attempts` as claimRun answered it: sent with every epoch and the outcome, so the API can refuse them once the run was claimed again. */
  attempt?: number;
  datasetPath: string;
  config: TrainConfig;
  /** The TF.js backend the agent selected (heartbeats report it). */
  backend: string;
  /**
   * The user's `--backend`/GRAFT_BACKEND as typed, handed to core's train(), which also picks the
   * frozen part's engine from it (`onnxruntime`, or a TF.js backend that keeps the frozen part on
   * TF.js); undefined: core's automatic choice.
   */
  backendRequest?: string | undefined;
  /** Feature cache and journal live here (one per agent, shared by its runs). */
  cacheDir: string;
  /** Core writes the final model to `<outDir>/checkpoint` and the best one to `<outDir>/best`. */
  outDir: string;
  modelsDir?: string;
  /** Keras `.h5` weights for the base (core's `TrainOptions.weights`), already checked by the caller; absent = the base's own. */
  weights?: string;
  /** The sha256 the run recorded for `weights`: core checks it again on the bytes it loads. */
  weightsSha256?: string;
  /** Frozen-base worker threads (core's `TrainOptions.workers`); absent = core's default. */
  workers?: number | "auto";
  /** ONNX Runtime's threads for this run (core's `TrainOptions.onnxThreads`); absent = one per core. */
  onnxThreads?: number;
  groupBy?: { manifest: string; column: string };
  progress?: Progress;
  /** Polled at each epoch end: a reason when the agent itself wants to stop (SIGTERM). */
  agentStop?: () => string | null;
  /** How long to wait for the API to take the outcome before leaving it in the journal, in ms. */
  deliverWaitMs?: number;
  /**
   * The run's `decisionEpochs` (where its sweep's early-termination rule may stop it): after these
   * epochs the reporter sends what it holds and waits for the API's answer before training on.
   */
  decisionEpochs?: readonly number[];
  /** How long to wait for that answer before training on without it, in ms (default 30 s). */
  decisionWaitMs?: number;
  /** Overrides for the reporter (tests). */
  reporter?: { flushEvery?: number; flushIntervalMs?: number; backoff?: { baseMs?: number; maxMs?: number } };
  heartbeatFallbackMs?: number;
  log?: (message: string) => void;
}

/** How a run ended from the agent's side. */
export type ExecuteOutcome =
  | { kind: "completed"; result: TrainResult; delivered: boolean }
  | { kind: "failed"; message: string; error: unknown; delivered: boolean }
  | { kind: "handed_back"; message: string; result: TrainResult; delivered: boolean }
  | { kind: "lost"; message: string; result: TrainResult; delivered: boolean };

/** The RunControl reason the API sends when the run is no longer this agent's. */
export const LEASE_LOST = "LEASE_LOST";

/** Prefix of stop reasons the agent sets itself (SIGINT/SIGTERM), as opposed to the API's. */
export const AGENT_STOP_PREFIX = "agent stopped";

/** Trains and reports one run; never throws for training errors (they become failRun). */
export async function executeRun(options: ExecuteRunOptions): Promise<ExecuteOutcome> {
  let apiStop: string | null = null;
  const onControl = (control: RunControl): void => {
    if (control.shouldStop && !apiStop) apiStop = control.reason ?? "canceled";
  };
  const reporter = await RunReporter.open({
    client: options.client,
    runId: options.runId,
    agentId: options.agentId,
    attempt: options.attempt ?? null,
    journalDir: path.join(options.cacheDir, "journal"),
    onControl,
    log: options.log,
    ...options.reporter,
  });
  const stopHeartbeat = startHeartbeat({
    client: options.client,
    agentId: options.agentId,
    runId: options.runId,
    backend: options.backend,
    onControl,
    fallbackIntervalMs: options.heartbeatFallbackMs,
    log: options.log,
  });
  const configuredWait = options.deliverWaitMs ?? 10 * 60_000;
  // An agent shutting down waits at most 30 s for the API; what is left stays in the journal.
  const deliverWait = (): number => (options.agentStop?.() ? Math.min(configuredWait, 30_000) : configuredWait);
  try {
    let result: TrainResult;
    try {
      result = await options.engine.train({
        dataDir: options.datasetPath,
        config: options.config,
        outDir: options.outDir,
        groupBy: options.groupBy,
        ...(options.backendRequest ? { backend: options.backendRequest } : {}),
        modelsDir: options.modelsDir,
        cacheDir: options.cacheDir,
        ...(options.weights === undefined ? {} : { weights: options.weights }),
        ...(options.weightsSha256 === undefined ? {} : { expectedWeightsSha256: options.weightsSha256 }),
        ...(options.workers === undefined ? {} : { workers: options.workers }),
        ...(options.onnxThreads === undefined ? {} : { onnxThreads: options.onnxThreads }),
        hooks: {
          // An engine's fallback (e.g. ONNX Runtime unavailable) goes where the run's other notes go.
          onNotice: (line) => (options.progress ? options.progress.note(line) : options.log?.(line)),
          onEpoch: async (record) => {
            options.progress?.epoch(record);
            await reporter.logEpoch(epochToInput(record));
            // A rung: the API decides on this epoch, and batching would train past it before hearing.
            // An API that does not answer in time costs only the stop's timeliness, never the run.
            if (options.decisionEpochs?.includes(record.epoch)) await reporter.drain(options.decisionWaitMs ?? 30_000);
          },
          onProgress: (event) => options.progress?.stage(event),
          shouldStop: () => options.agentStop?.() ?? apiStop,
        },
      });
    } catch (error) {
      const message = describeFailure(error, {
        datasetPath: options.datasetPath,
        baseModel: options.config.baseModel,
        batchSize: options.config.batchSize,
      });
      options.progress?.note(`failed: ${message}`);
      const delivered = await reporter.fail(message, deliverWait());
      return { kind: "failed", message, error, delivered };
    }
    const stop = result.stoppedReason;
    if (stop === LEASE_LOST || reporter.supersededBy) {
      // The API re-queued the run (this agent missed its lease) and may have handed it to another
      // agent: completing or failing it here would be refused, so the run is simply let go.
      await reporter.drain(Math.min(deliverWait(), 30_000));
      reporter.abandon();
      const message = "lease lost: the API gave this run to another agent; dropped it here";
      options.progress?.note(message);
      return { kind: "lost", message, result, delivered: true };
    }
    if (stop?.startsWith(AGENT_STOP_PREFIX)) {
      // The agent is shutting down mid-run: the run is handed back as FAILED with a message saying so,
      // rather than left RUNNING until its lease lapses (documented in the README of apps/trainer).
      const last = result.epochs.at(-1)?.epoch ?? 0;
      const message = `${stop} after epoch ${last} of ${plannedEpochs(options.config)}; the run was handed back unfinished, queue it again to retry`;
      // Said before the API has it: whether it took it is said after, and differs when it is down.
      options.progress?.note(`${stop} after epoch ${last}; handing the run back to the API`);
      const delivered = await reporter.fail(message, deliverWait());
      if (!delivered)
        options.progress?.note("the API has not acknowledged the hand-back; it stays in this agent's journal for its next start");
      return { kind: "handed_back", message, result, delivered };
    }
    if (options.files) {
      // Before completeRun: a run the dashboard shows COMPLETED can be downloaded and tried at once.
      const note = await uploadDelivered(options.files, result, {
        runId: options.runId,
        agentId: options.agentId,
        attempt: options.attempt ?? null,
      });
      if (options.progress) options.progress.note(note);
      else options.log?.(note);
    }
    const artifacts = result.checkpointDir ? [{ kind: "checkpoint", uri: pathToFileURL(result.checkpointDir).href }] : [];
    const delivered = await reporter.complete(
      {
        evaluation: evaluationToInput(result.evaluation, result),
        artifacts,
        backend: result.backend,
        engines: result.engines,
        stopReason: stop,
      },
      deliverWait(),
    );
    if (reporter.supersededBy) {
      // Training ended before the API's answer arrived: the completion was refused with the rest.
      const message = "lease lost: the API gave this run to another attempt; its results were not stored";
      options.progress?.note(message);
      return { kind: "lost", message, result, delivered: true };
    }
    options.progress?.note(`done: ${formatBestEpoch(result)}${stop ? ` (stopped: ${stop})` : ""}`);
    return { kind: "completed", result, delivered };
  } finally {
    stopHeartbeat();
    await reporter.close();
  }
}
