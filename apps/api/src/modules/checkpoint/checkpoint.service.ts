import { eq } from "drizzle-orm";
import { join } from "node:path";
import { runCheckpoints } from "@graft/schema/db";
import { type Checkpoint } from "@graft/schema/graphql";
import { badInput } from "../../errors";
import { type RunService } from "../run/run.service";
import { type Db, firstRow } from "../../db/database";
import { type ServiceDeps } from "../service-deps";
import { writeTx } from "../write-tx";
import { type CheckpointFileName, checkCheckpoint } from "./checkpoint.files";
import { CheckpointStore } from "./checkpoint.store";

type CheckpointRow = typeof runCheckpoints.$inferSelect;

/** What an agent sends with its checkpoint's files. */
export interface CheckpointUpload {
  runId: string;
  agentId: string;
  /** The run's attempts as claimRun answered it; an upload from an earlier attempt is refused. */
  attempt: number;
  /** File name → bytes, as the multipart form carried them. */
  parts: Map<string, Buffer>;
  datasetSha256: string | null;
}

const SHA256 = /^[0-9a-f]{64}$/;

function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    weightsSha256: row.weightsSha256,
    datasetSha256: row.datasetSha256,
    bytes: row.bytes,
    files: row.files,
    attempt: row.attempt,
    createdAt: new Date(row.createdAt),
    downloadPath: `/runs/${row.runId}/model.zip`,
  };
}

/**
 * Delivered checkpoints: agents upload them while they hold the run, the API keeps them under the
 * data dir with a size limit and a sha256 per file, and serves them to the dashboard, `graft
 * export` and `model.zip`. They go when their run is deleted or claimed again.
 */
export class CheckpointService {
  readonly store: CheckpointStore;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly runs: RunService,
  ) {
    this.store = new CheckpointStore(join(deps.config.dataDir, "checkpoints"));
  }

  /** The run's checkpoint, or null when none was uploaded. */
  async find(runId: string): Promise<Checkpoint | null> {
    const row = await this.row(runId);
    return row ? toCheckpoint(row) : null;
  }

  private async row(runId: string): Promise<CheckpointRow | undefined> {
    return firstRow(this.deps.db.select().from(runCheckpoints).where(eq(runCheckpoints.runId, runId)));
  }

  /** Where one file of the run's checkpoint is on disk, with its sha256; null when there is none. */
  async file(runId: string, name: CheckpointFileName): Promise<{ path: string; sha256: string; bytes: number } | null> {
    const row = await this.row(runId);
    const entry = row?.files.find((f) => f.name === name);
    if (!row || !entry) return null;
    return { path: this.pathOf(runId, name), sha256: entry.sha256, bytes: entry.bytes };
  }

  /** Where `name` of the run's checkpoint lies (no database read: for a checkpoint already found). */
  pathOf(runId: string, name: CheckpointFileName): string {
    return join(this.store.dir(runId), name);
  }

  /**
   * Stores an upload from the agent that holds the run (RUNNING, its attempt): checked first, then
   * written beside the current files and swapped in within the transaction that records it, so a
   * failure at any step leaves the previous checkpoint (or none) intact.
   * @throws BAD_USER_INPUT for malformed files, CONFLICT when the sender does not hold the run.
   */
  async upload(upload: CheckpointUpload): Promise<Checkpoint> {
    const { runId, agentId, attempt, datasetSha256 } = upload;
    if (datasetSha256 !== null && !SHA256.test(datasetSha256))
      throw badInput("datasetSha256 must be 64 lowercase hex characters", "datasetSha256", datasetSha256);
    await this.runs.requireOwnedRunning(runId, agentId, "upload a checkpoint for", attempt);
    const checked = checkCheckpoint(upload.parts);
    const staging = await this.store.stage(runId, checked.contents);
    let replaced: string | null = null;
    try {
      const stored = await writeTx(this.deps, async (tx) => {
        const run = await this.runs.requireOwnedRunning(runId, agentId, "upload a checkpoint for", attempt, tx);
        const values = {
          attempt: run.attempts,
          weightsSha256: checked.weightsSha256,
          datasetSha256,
          bytes: checked.bytes,
          files: checked.files,
          createdAt: this.deps.now(),
        };
        const [row] = await tx
          .insert(runCheckpoints)
          .values({ runId, ...values })
          .onConflictDoUpdate({ target: runCheckpoints.runId, set: values })
          .returning();
        // Synchronous renames, last: a failure rolls the row back with the files still in place.
        replaced = this.store.swapIn(runId, staging);
        return toCheckpoint(row as CheckpointRow);
      });
      if (replaced !== null) this.store.discardQuietly(replaced);
      return stored;
    } catch (error) {
      await this.store.discard(staging);
      throw error;
    }
  }

  /**
   * Refuses an upload from anyone but the agent holding the run at `attempt`, before its body is
   * read (a superseded agent's upload of hundreds of MB is not worth receiving).
   */
  async assertHolder(runId: string, agentId: string, attempt: number): Promise<void> {
    await this.runs.requireOwnedRunning(runId, agentId, "upload a checkpoint for", attempt);
  }

  /** Removes the files of runs whose rows are gone (deleted, or forgotten on a new attempt). */
  async removeFiles(runId: string): Promise<void> {
    if (!(await this.row(runId))) this.store.remove(runId);
  }

  /** Forgets the run's checkpoint inside the caller's transaction; call {@link removeFiles} after it commits. */
  async forgetInTx(tx: Db, runId: string): Promise<void> {
    await tx.delete(runCheckpoints).where(eq(runCheckpoints.runId, runId));
  }

  /** Start-up repair: see {@link CheckpointStore.reconcile}. Rows whose files are gone are forgotten. */
  async reconcile(): Promise<void> {
    const rows = await this.deps.db.select({ runId: runCheckpoints.runId, files: runCheckpoints.files }).from(runCheckpoints);
    const hasRow = async (id: string) => (await this.row(id)) !== undefined;
    for (const runId of await this.store.reconcile(rows, hasRow)) await this.forgetInTx(this.deps.db, runId);
  }
}
