// Which database a Graft API uses, named the same way by the API and the root scripts.
/* global URL */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Whether `url` names a PostgreSQL database. */
export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Query parameters node-postgres reads as secrets (`?password=…` works as well as `user:password@`). */
const SECRET_PARAMS = ["password", "sslpassword", "sslkey"];

/** `url` without its password (in the authority or as a query parameter), for messages. */
export function redactedUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    for (const name of SECRET_PARAMS) if (u.searchParams.has(name)) u.searchParams.set(name, "***");
    return u.toString();
  } catch {
    return "(unparsable PostgreSQL URL)";
  }
}

/**
 * The database named by GRAFT_DATABASE_URL (`databaseUrl`, null when unset) for a data directory:
 * the SQLite file's path, or the PostgreSQL URL without its password.
 */
export function databaseLabel({ dataDir, databaseUrl }) {
  if (databaseUrl === null || databaseUrl === undefined || databaseUrl === "") return path.join(dataDir, "graft.db");
  if (isPostgresUrl(databaseUrl)) return redactedUrl(databaseUrl);
  return databaseUrl.toLowerCase().startsWith("file:") ? fileURLToPath(databaseUrl) : path.resolve(databaseUrl);
}
