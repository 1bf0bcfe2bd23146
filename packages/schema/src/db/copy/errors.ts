/** Why `graft db copy` refused or failed, as a code a caller can map to an exit status. */
export type DbCopyErrorCode =
  /** `--from`/`--to` is neither a SQLite path, a `file:` URL nor a `postgres://` URL. */
  | "BAD_LOCATION"
  /** `--from` and `--to` name the same database. */
  | "SAME_DATABASE"
  /** The source SQLite file does not exist. */
  | "SOURCE_MISSING"
  /** The source (or an existing SQLite target) holds no Graft migrations or lacks a Graft table. */
  | "NOT_GRAFT_DATABASE"
  /** The source's migrations are older than this release's: upgrade it first. */
  | "SOURCE_OUTDATED"
  /** The target is a tracker of an earlier release: migrating it for a copy that may be refused would change it, so it is refused unless `replace`. */
  | "TARGET_OUTDATED"
  /** A database has migrations newer than this release: use the newer release. */
  | "NEWER_THAN_RELEASE"
  /** The target holds rows and `replace` was not asked for. */
  | "TARGET_NOT_EMPTY"
  /** A database could not be opened or reached. */
  | "UNREACHABLE"
  /** Copying a table failed; the target was rolled back. */
  | "COPY_FAILED"
  /** A table's row count differs between source and target after the copy; rolled back. */
  | "COUNT_MISMATCH";

/** A refusal or failure of {@link copyDatabase}; its message quotes the value at fault (passwords hidden). */
export class DbCopyError extends Error {
  constructor(
    readonly code: DbCopyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DbCopyError";
  }
}

/** The first line of an error's message, for wrapping a driver's error into one of ours. */
export function messageOf(error: unknown): string {
  // drizzle wraps a driver's error as "Failed query: <sql>\nparams: <values>": the driver's own
  // message (its cause) says what went wrong, and the row values stay out of the output.
  const root = error instanceof Error && error.message.startsWith("Failed query") && error.cause instanceof Error ? error.cause : error;
  return (root instanceof Error ? root.message : String(root)).split("\n")[0] ?? "";
}

/** `n row` or `n rows`. */
export function rows(n: number): string {
  return `${n} row${n === 1 ? "" : "s"}`;
}
