import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "./env";

/** Files of the data directory the API writes to once they exist. */
const WRITTEN_FILES = ["graft.db", "graft.db-wal", "graft.db-shm", "api-token"];

/** The data directory cannot be created or written; the message names the path and the cause. */
export class DataDirError extends ConfigError {
  constructor(
    readonly path: string,
    problem: string,
    cause: unknown,
  ) {
    super(
      `data directory ${JSON.stringify(path)} ${problem} (${describeCause(cause)}); set GRAFT_DATA_DIR to a directory the API can write`,
    );
    this.name = "DataDirError";
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as NodeJS.ErrnoException).code;
  return code && !cause.message.startsWith(code) ? `${code}: ${cause.message}` : cause.message;
}

/**
 * Creates `dataDir` when missing and proves the API can write there by creating and removing a file,
 * then checks the database files already in it are writable. Run at start-up, before SQLite opens
 * the database: otherwise a read-only or misplaced directory surfaces as a SQLITE_CANTOPEN stack (or,
 * for a read-only database file, only at the first write). Creating a file catches what permission
 * bits do not, such as a read-only mount or a path under a regular file, also when running as root.
 */
export function assertWritableDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new DataDirError(dataDir, "cannot be created", error);
  }
  const probe = join(dataDir, `.graft-write-check-${process.pid}`);
  try {
    writeFileSync(probe, "", { flag: "wx" });
  } catch (error) {
    throw new DataDirError(dataDir, "is not writable", error);
  }
  rmSync(probe, { force: true });
  for (const name of WRITTEN_FILES) {
    const file = join(dataDir, name);
    if (!existsSync(file)) continue;
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw new DataDirError(dataDir, `holds ${name}, which is not writable`, error);
    }
  }
}
