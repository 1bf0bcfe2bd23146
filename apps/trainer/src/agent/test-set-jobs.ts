/**
 * The agent's second kind of work: scoring a finished run's model on another dataset (evaluateRun).
 * Asked for only when no run is queued, so training keeps priority. The model comes from the API
 * (the run may have been trained on another machine); the outcome is one completeEvaluation or
 * failEvaluation, never left RUNNING by an error here.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { EvaluationReport } from "@graft/core/types";
import type { Engine } from "../engine/engine";
import type { ModelFilesClient } from "../files/model-files";
import { CLAIM_EVALUATION, COMPLETE_EVALUATION, FAIL_EVALUATION } from "../graphql/operations";
import type { RequestClient } from "../reporter/reporter";
import { isTransient } from "../reporter/verdict";
import { evaluationToInput } from "../run/mapping";

/** What {@link evaluateOneQueued} needs. */
export interface TestSetJobDeps {
  client: RequestClient;
  files: Pick<ModelFilesClient, "downloadCheckpoint">;
  engine: Pick<Engine, "evaluateCheckpoint">;
  agentId: string;
  cacheDir: string;
  log: (message: string) => void;
  /** Overrides the waits between tries of completeEvaluation (tests). */
  retryDelaysMs?: readonly number[];
}

/** Claims one queued evaluation and does it; false when none was queued. */
export async function evaluateOneQueued(deps: TestSetJobDeps): Promise<boolean> {
  const { claimEvaluation: job } = await deps.client.request(CLAIM_EVALUATION, { agentId: deps.agentId });
  if (!job) return false;
  const where = `evaluation ${job.id} (run ${job.runId} on ${job.datasetPath})`;
  deps.log(`${where}: started`);
  // A folder of this job's own: two jobs of one run (or agents sharing a cache) never share files.
  await mkdir(path.join(deps.cacheDir, "models"), { recursive: true });
  const modelDir = await mkdtemp(path.join(deps.cacheDir, "models", `${job.runId}-`));
  let report: EvaluationReport;
  try {
    await deps.files.downloadCheckpoint(job.runId, modelDir);
    report = await deps.engine.evaluateCheckpoint({ modelDir, dataDir: job.datasetPath });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? String(error);
    deps.log(`${where}: failed: ${message}`);
    await deps.client
      .request(FAIL_EVALUATION, { id: job.id, agentId: deps.agentId, attempt: job.attempt, error: message })
      .catch((e: unknown) => deps.log(`failEvaluation: ${(e as Error).message}`));
    return true;
  } finally {
    await rm(modelDir, { recursive: true, force: true });
  }
  // Per-image predictions are the validation's business (paired comparisons): left out before
  // mapping, so they are not encoded only to be dropped.
  const { predictions: _notSent, ...scored } = report;
  const evaluation = evaluationToInput(scored);
  // The report is worth retrying for: a network blip must not turn a finished evaluation into a failure.
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.client.request(COMPLETE_EVALUATION, { input: { id: job.id, agentId: deps.agentId, attempt: job.attempt, evaluation } });
      break;
    } catch (error) {
      const delay = (deps.retryDelaysMs ?? COMPLETE_RETRY_MS)[attempt];
      if (!isTransient(error) || delay === undefined) {
        deps.log(`${where}: the API did not take the report: ${(error as Error).message}`);
        return true;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  deps.log(
    `${where}: accuracy ${(report.accuracy * 100).toFixed(1)}% on ${report.confusionMatrix.flat().reduce((a, b) => a + b, 0)} images`,
  );
  return true;
}

/** Waits between tries of completeEvaluation while the API is unreachable. */
const COMPLETE_RETRY_MS = [1_000, 5_000, 15_000];
