/**
 * `graft train`: one run from the terminal. Alone it trains and writes its outputs under --out; with
 * --api it also registers the dataset, creates and claims a run on the server and reports it through
 * the same {@link executeRun} path the agent uses.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { plannedEpochs } from "@graft/core/contract";
import type { TrainConfig, TrainResult } from "@graft/core/types";
import { AGENT_STOP_PREFIX, executeRun } from "../run/execute";
import { configToHyperparameters } from "../run/mapping";
import { largeFileSha256 } from "@graft/core/hash";
import { type BaseWeights } from "../run/weights";
import { EXIT, UsageError } from "../cli/errors";
import type { CliIo } from "../cli/io";
import type { Engine, TrainRequest } from "../engine/engine";
import { ModelFilesClient } from "../files/model-files";
import { GraphQLClient } from "../graphql/client";
import { CLAIM_RUN, CREATE_EXPERIMENT, CREATE_RUN, EXPERIMENTS, REGISTER_AGENT, REGISTER_DATASET } from "../graphql/operations";
import { formatConfusionMatrix, formatEpochTable } from "../progress/format";
import { formatBestEpoch, formatEngines, formatEvaluationHeadline, formatSavedWeights, formatSkipped } from "../progress/summary";
import { Progress } from "../progress/progress";
import { parseTrainArgs, TRAIN_HELP, type TrainArgs } from "./train-args";

/**
 * The `--json` object and the content of metrics.json. `evaluation` and `confusionMatrix` are the
 * delivered model's (`evaluatedEpoch`, saved in `delivered.dir`); `final` is what checkpoint/ holds.
 */
export function resultSummary(result: TrainResult, config: TrainConfig, runId: string | null): Record<string, unknown> {
  return {
    runId,
    backend: result.backend,
    engines: result.engines,
    classes: result.classes,
    evaluatedEpoch: result.delivered.epoch,
    evaluatedSplit: "validation",
    delivered: result.delivered,
    final: result.final,
    // The best epoch by the contract's rule (lowest val_loss, earlier on a tie: the delivered
    // model's epoch) and the metrics at it; the API's Run.bestEpoch follows the same rule.
    bestEpoch: result.bestEpoch,
    bestValLoss: result.bestValLoss,
    bestValAccuracy: result.bestValAccuracy,
    plannedEpochs: plannedEpochs(config),
    // The base layers fine-tuning unfroze: config.fineTuneLayers rounded up to a block boundary.
    fineTunedLayers: result.fineTunedLayers,
    finalValAccuracy: result.finalValAccuracy,
    stoppedReason: result.stoppedReason,
    trainCount: result.trainCount,
    validationCount: result.validationCount,
    featureCache: result.featureCache,
    skipped: result.skipped,
    checkpointDir: result.checkpointDir,
    config,
    epochs: result.epochs,
    confusionMatrix: result.evaluation.confusionMatrix,
    evaluation: result.evaluation,
  };
}

/**
 * Creates the server-side run for `graft train --api` and claims it; returns ids. `weights` (the
 * `--weights` file and its sha256) is recorded with the run, so the tracker says which weights it
 * started from and an agent re-running it can check it has the same file.
 */
async function createApiRun(
  client: GraphQLClient,
  args: TrainArgs,
  config: TrainConfig,
  engine: Engine,
  backend: string,
  weights: BaseWeights | null,
): Promise<{ runId: string; agentId: string; attempt: number }> {
  const api = args.api;
  if (!api) throw new Error("createApiRun without --api");
  const dataset = await client.request(REGISTER_DATASET, { path: args.dataDir, name: path.basename(args.dataDir) });
  let experimentId: string | null = null;
  if (api.experiment) {
    const { experiments } = await client.request(EXPERIMENTS, {});
    experimentId =
      experiments.find((e) => e.name === api.experiment)?.id ??
      (await client.request(CREATE_EXPERIMENT, { input: { name: api.experiment } })).createExperiment.id;
  }
  const created = await client.request(CREATE_RUN, {
    input: {
      datasetId: dataset.registerDataset.id,
      experimentId,
      name: api.name ?? null,
      hyperparameters: configToHyperparameters(config, weights),
      tags: ["cli"],
    },
  });
  const agent = await client.request(REGISTER_AGENT, {
    input: { name: `graft-train@${os.hostname()}`, host: os.hostname(), backend, cores: os.availableParallelism(), gpu: null },
  });
  const claimed = await client.request(CLAIM_RUN, { agentId: agent.registerAgent.id, runId: created.createRun.id });
  if (!claimed.claimRun) throw new Error(`The API did not hand run ${created.createRun.id} to this process (claimRun returned null)`);
  return { runId: created.createRun.id, agentId: agent.registerAgent.id, attempt: claimed.claimRun.attempts };
}

/** Runs `graft train`; returns the exit code. */
export async function trainCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseTrainArgs(argv, io.env, io.cwd);
  if (args.help) {
    io.stdout.write(`${TRAIN_HELP}\n`);
    return EXIT.ok;
  }
  // Cheap checks before loading TF.js, so a typo answers at once.
  const stat = await fs.stat(args.dataDir).catch(() => null);
  if (!stat?.isDirectory()) throw new UsageError(`--data "${args.dataDir}" is not a directory`);
  if (args.groupBy)
    await fs.access(args.groupBy.manifest).catch(() => {
      throw new UsageError(`--group-by manifest "${args.groupBy?.manifest}" does not exist`);
    });
  if (args.weights !== undefined) {
    const weights = await fs.stat(args.weights).catch(() => null);
    if (!weights?.isFile()) throw new UsageError(`--weights "${args.weights}" is not a file (expected a Keras .h5 weights file)`);
  }

  const engine = await io.loadEngine();
  const config = engine.defaultTrainConfig(args.config);
  const backend = await engine.selectBackend(args.backend);
  const planned = plannedEpochs(config);
  let stopRequested: string | null = null;
  const removeSignals = io.onSignal?.((signal) => {
    if (stopRequested) {
      io.stderr.write(`\n${signal} again: exiting now\n`);
      process.exit(130);
    }
    // The agent's prefix, so that with --api the run is handed back the same way an agent does it.
    stopRequested = `${AGENT_STOP_PREFIX} (${signal})`;
    io.stderr.write(`\n${signal}: stopping after the current epoch (again to exit at once)\n`);
  });

  let result: TrainResult;
  let runId: string | null = null;
  try {
    if (args.api) {
      const client = new GraphQLClient({ url: args.api.url, token: args.api.token, fetch: io.fetch });
      // Hashed only when the run is recorded: the sha256 is what the tracker keeps to identify the bytes.
      const weights = args.weights === undefined ? null : { path: args.weights, sha256: await largeFileSha256(args.weights) };
      const ids = await createApiRun(client, args, config, engine, backend, weights);
      runId = ids.runId;
      const progress = new Progress({ stream: io.stderr, label: `run ${runId}`, plannedEpochs: planned });
      progress.note(`logging to ${client.endpoint}`);
      const outcome = await executeRun({
        engine,
        client,
        files: new ModelFilesClient({ url: args.api.url, token: args.api.token, fetch: io.fetch }),
        agentId: ids.agentId,
        runId,
        attempt: ids.attempt,
        datasetPath: args.dataDir,
        config,
        backend,
        backendRequest: args.backend,
        cacheDir: args.cacheDir,
        outDir: args.outDir,
        modelsDir: args.modelsDir,
        groupBy: args.groupBy,
        progress,
        // Trains on exactly the bytes the run records (core re-checks the hash as it loads).
        ...(weights === null ? {} : { weights: weights.path, weightsSha256: weights.sha256 }),
        ...(args.workers === undefined ? {} : { workers: args.workers }),
        agentStop: () => stopRequested,
        log: (m) => io.stderr.write(`${m}\n`),
      });
      if (outcome.kind === "failed") throw outcome.error;
      if (!outcome.delivered)
        io.stderr.write(
          `warning: the API has not acknowledged run ${runId} yet; it stays in ${args.cacheDir}/journal for the next graft agent\n`,
        );
      result = outcome.result;
    } else {
      const progress = new Progress({ stream: io.stderr, label: "train", plannedEpochs: planned });
      const request: TrainRequest = {
        dataDir: args.dataDir,
        config,
        outDir: args.outDir,
        groupBy: args.groupBy,
        ...(args.backend ? { backend: args.backend } : {}),
        modelsDir: args.modelsDir,
        cacheDir: args.cacheDir,
        ...(args.weights === undefined ? {} : { weights: args.weights }),
        ...(args.workers === undefined ? {} : { workers: args.workers }),
        hooks: {
          onEpoch: (r) => progress.epoch(r),
          onProgress: (e) => progress.stage(e),
          onNotice: (line) => progress.note(line),
          shouldStop: () => stopRequested,
        },
      };
      result = await engine.train(request);
    }
  } finally {
    removeSignals?.();
  }

  const summary = resultSummary(result, config, runId);
  await fs.mkdir(args.outDir, { recursive: true });
  await fs.writeFile(path.join(args.outDir, "metrics.json"), `${JSON.stringify(summary, null, 2)}\n`);
  await fs.writeFile(
    path.join(args.outDir, "confusion-matrix.json"),
    `${JSON.stringify({ labels: result.evaluation.labels, matrix: result.evaluation.confusionMatrix }, null, 2)}\n`,
  );
  const e = result.evaluation;
  io.stderr.write(
    [
      "",
      formatEpochTable(result.epochs, result.delivered.epoch),
      `* epoch ${result.delivered.epoch}: the delivered model, ${formatBestEpoch(result)}${result.stoppedReason ? ` · stopped: ${result.stoppedReason}` : ""}`,
      "",
      `backend ${result.backend} · ${result.trainCount} train / ${result.validationCount} validation images · features ${result.featureCache.hits} cached, ${result.featureCache.misses} computed in ${result.featureCache.seconds.toFixed(1)} s`,
      formatEngines(result.engines),
      ...formatSkipped(result.skipped),
      `saved in ${args.outDir}:`,
      ...formatSavedWeights(result, args.outDir),
      "",
      formatEvaluationHeadline(result),
      formatConfusionMatrix(e.labels, e.confusionMatrix),
      "",
      `wrote ${path.join(args.outDir, "metrics.json")} and confusion-matrix.json (evaluated epoch: ${result.delivered.epoch})`,
      "",
    ].join("\n"),
  );
  if (args.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
  return EXIT.ok;
}
