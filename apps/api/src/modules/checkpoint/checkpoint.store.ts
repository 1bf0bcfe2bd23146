/**
 * Checkpoint files on disk: `<dataDir>/checkpoints/<runId>/`. An upload is written to a staging
 * folder first and swapped in with renames, so a reader never sees half a checkpoint; the
 * database row (written in the same transaction as the swap) is the truth, and {@link
 * CheckpointStore.reconcile} removes at start-up whatever a crash left without a row.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type CheckpointFile } from "@graft/schema/db";

/** How old a staging folder must be before start-up removes it as a crash's leftover. */
const STAGING_GRACE_MS = 60 * 60_000;

/** Run ids are UUIDv7-style text; anything else never names a folder. */
const SAFE_ID = /^[0-9a-zA-Z-]{1,64}$/;

/** Where checkpoint folders live, and the file operations on them. */
export class CheckpointStore {
  constructor(readonly root: string) {}

  /** The folder of `runId`'s checkpoint. */
  dir(runId: string): string {
    if (!SAFE_ID.test(runId)) throw new Error(`internal: unsafe run id ${JSON.stringify(runId)} for a checkpoint folder`);
    return join(this.root, runId);
  }

  /** Writes `contents` into a new staging folder and returns its path. Removes it on failure. */
  async stage(runId: string, contents: ReadonlyMap<string, Uint8Array>): Promise<string> {
    const staging = join(this.root, `.staging-${this.dir(runId).slice(this.root.length + 1)}-${randomBytes(6).toString("hex")}`);
    await mkdir(staging, { recursive: true });
    try {
      for (const [name, bytes] of contents) await writeFile(join(staging, name), bytes);
      return staging;
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * Puts a staged folder in place of `runId`'s (synchronously, so it can run inside a database
   * transaction: if it throws, the row is rolled back). Returns the folder it replaced, for the
   * caller to {@link discardQuietly} once the transaction has committed (null when there was none).
   */
  swapIn(runId: string, staging: string): string | null {
    const target = this.dir(runId);
    const old = `${staging}.old`;
    const hadOld = existsSync(target);
    if (hadOld) renameSync(target, old);
    try {
      renameSync(staging, target);
    } catch (error) {
      if (hadOld) renameSync(old, target);
      throw error;
    }
    return hadOld ? old : null;
  }

  /** Removes a folder that is no longer referenced; a failure is logged, and start-up's reconcile retries. */
  discardQuietly(dir: string): void {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      console.error(`could not remove ${dir} (removed at the next start): ${(error as Error).message}`);
    }
  }

  /** Removes a staging folder that will not be swapped in. */
  async discard(staging: string): Promise<void> {
    await rm(staging, { recursive: true, force: true });
  }

  /** Removes `runId`'s checkpoint folder, if any (a handful of files: done synchronously; never throws). */
  remove(runId: string): void {
    this.discardQuietly(this.dir(runId));
  }

  /** Whether `runId`'s folder holds exactly the listed files with their sizes. */
  matches(runId: string, files: readonly CheckpointFile[]): boolean {
    try {
      return files.every((f) => statSync(join(this.dir(runId), f.name)).size === f.bytes);
    } catch {
      return false;
    }
  }

  /**
   * Start-up repair after a crash: folders with no row (and staging leftovers) are removed;
   * returns the run ids among `rows` whose files are missing or of the wrong size, for the caller
   * to forget.
   */
  async reconcile(
    rows: ReadonlyArray<{ runId: string; files: readonly CheckpointFile[] }>,
    hasRow: (runId: string) => Promise<boolean>,
    now = Date.now(),
  ): Promise<string[]> {
    if (!existsSync(this.root)) return rows.map((r) => r.runId);
    const known = new Set(rows.map((r) => r.runId));
    for (const name of readdirSync(this.root)) {
      const full = join(this.root, name);
      if (name.startsWith(".staging-")) {
        // Another API process on the same data dir may be writing it: only old leftovers go.
        if (now - statSync(full).mtimeMs > STAGING_GRACE_MS) this.discardQuietly(full);
      } else if (!known.has(name) && !(await hasRow(name))) {
        this.discardQuietly(full);
      }
    }
    return rows.filter((r) => !this.matches(r.runId, r.files)).map((r) => r.runId);
  }
}
