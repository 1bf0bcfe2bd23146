/**
 * Sending the delivered checkpoint to the API, so a run trained on this machine can be downloaded
 * and tried from any other. A failed upload never fails the run: the model is still on this
 * machine, and the note says where and why it did not leave.
 */
import type { TrainResult } from "@graft/core/types";
import { type ModelFilesClient, ModelFilesError } from "../files/model-files";

/** Attempts and waits between them for uploads that may succeed on a retry (transport, 5xx). */
const RETRY_DELAYS_MS = [1_000, 4_000];

/**
 * Uploads `result.delivered.dir` for the run the agent holds; answers the one line the agent
 * prints: what was stored, or why nothing was.
 */
export async function uploadDelivered(
  files: Pick<ModelFilesClient, "uploadCheckpoint">,
  result: Pick<TrainResult, "delivered" | "datasetSha256">,
  holder: { runId: string; agentId: string; attempt: number | null },
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<string> {
  const dir = result.delivered.dir;
  if (dir === null) return "checkpoint not uploaded: training saved no delivered model";
  for (let attempt = 0; ; attempt++) {
    try {
      const stored = await files.uploadCheckpoint(holder.runId, dir, {
        agentId: holder.agentId,
        attempt: holder.attempt,
        datasetSha256: result.datasetSha256,
      });
      return `checkpoint uploaded (epoch ${result.delivered.epoch}, ${(stored.bytes / 1e6).toFixed(1)} MB, weights sha256 ${stored.weightsSha256.slice(0, 12)})`;
    } catch (error) {
      const retryable = error instanceof ModelFilesError && error.retryable;
      const delay = delays[attempt];
      if (retryable && delay !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        continue;
      }
      return `checkpoint not uploaded (${(error as Error).message}); it stays on this machine in ${dir}`;
    }
  }
}
