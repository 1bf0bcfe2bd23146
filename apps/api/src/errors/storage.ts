import { type GraphQLFormattedError } from "graphql";

/** extensions.code of a request refused because the database cannot be written right now. */
export const STORAGE_UNAVAILABLE = "STORAGE_UNAVAILABLE";

/** A database failure (SQLite's or PostgreSQL's) that says nothing about the request and everything about the storage under it. */
export interface StorageFailure {
  /** SQLite's (extended) result code, e.g. SQLITE_FULL or SQLITE_IOERR_WRITE; on PostgreSQL `POSTGRES_` and the SQLSTATE or socket error, e.g. POSTGRES_53100. */
  code: string;
  /** SQLite's own message, e.g. "database or disk is full". */
  message: string;
}

/**
 * Primary result codes meaning "the database cannot take writes now": full disk (or page limit),
 * I/O error, read-only file or directory, a write lock still held after busy_timeout, a file that
 * cannot be opened. Each may pass once space, permissions or the other process go away, so a client
 * should keep its data and retry; none says the request itself was wrong.
 */
const STORAGE_CODES = ["SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN"] as const;

/** What each primary code means for the operator, appended to the message. */
const HINTS: Record<(typeof STORAGE_CODES)[number], string> = {
  SQLITE_FULL: "the disk holding it is full",
  SQLITE_IOERR: "the disk reported an I/O error",
  SQLITE_READONLY: "the database file or its directory is read-only",
  SQLITE_BUSY: "another process held the write lock past the busy timeout",
  SQLITE_LOCKED: "another connection held a conflicting lock",
  SQLITE_CANTOPEN: "the database file cannot be opened",
};

/**
 * PostgreSQL's counterparts (SQLSTATE, or the socket's error when the server cannot be reached),
 * reported as `POSTGRES_<code>`: a full disk, a read-only or shutting-down server, a lost or
 * refused connection. Retryable for the same reasons; a constraint or syntax error is not here.
 */
const POSTGRES_HINTS: Record<string, string> = {
  "53100": "the disk holding the PostgreSQL server's data is full",
  "53200": "the PostgreSQL server is out of memory",
  "53300": "the PostgreSQL server has no connection slots left",
  "25006": "the PostgreSQL server is read-only (a standby, or default_transaction_read_only)",
  "57P01": "the PostgreSQL server is shutting down",
  "57P02": "the PostgreSQL server crashed",
  "57P03": "the PostgreSQL server is not accepting connections yet",
  "08000": "the connection to the PostgreSQL server failed",
  "08001": "the PostgreSQL server refused the connection",
  "08003": "the connection to the PostgreSQL server is gone",
  "08006": "the connection to the PostgreSQL server failed",
  ECONNREFUSED: "the PostgreSQL server refused the connection",
  ECONNRESET: "the connection to the PostgreSQL server was reset",
  ETIMEDOUT: "the PostgreSQL server did not answer",
};

function primaryCode(code: string): (typeof STORAGE_CODES)[number] | null {
  return STORAGE_CODES.find((c) => code === c || code.startsWith(`${c}_`)) ?? null;
}

/**
 * The storage failure behind `error` (better-sqlite3's SqliteError carries SQLite's code), looking
 * through GraphQL's `originalError` and `cause` wrappers; null when the error is anything else.
 */
export function storageFailureOf(error: unknown): StorageFailure | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && primaryCode(code)) return { code, message: current.message };
    if (typeof code === "string" && Object.hasOwn(POSTGRES_HINTS, code)) return { code: `POSTGRES_${code}`, message: current.message };
    current = (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return null;
}

/** One line naming the cause and where the database lives, for clients and logs. */
export function describeStorageFailure(failure: StorageFailure, dataDir: string | null): string {
  const primary = primaryCode(failure.code);
  const where = dataDir === null ? "The database" : `The database in ${dataDir}`;
  const postgres = failure.code.startsWith("POSTGRES_") ? POSTGRES_HINTS[failure.code.slice("POSTGRES_".length)] : undefined;
  const hint = primary ? `: ${HINTS[primary]}` : postgres ? `: ${postgres}` : "";
  return `${where} cannot be written right now (${failure.code}: ${failure.message})${hint}. Nothing was stored; retry once it is writable again.`;
}

/**
 * The error clients see for a storage failure: STORAGE_UNAVAILABLE with `retryable: true`, the
 * SQLite code as `cause` and the data directory, so an agent keeps its journal and retries instead
 * of treating the answer as final. The HTTP status (503) is set by {@link storageStatusPlugin}.
 */
export function formatStorageFailure(failure: StorageFailure, dataDir: string | null, base: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message: describeStorageFailure(failure, dataDir),
    locations: base.locations,
    path: base.path,
    extensions: { code: STORAGE_UNAVAILABLE, retryable: true, cause: failure.code, ...(dataDir === null ? {} : { dataDir }) },
  };
}
