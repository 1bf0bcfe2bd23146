import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ApiConfig } from "../config/env";

/** Whether `url` names a PostgreSQL database. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** `url` without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable PostgreSQL URL)";
  }
}

/**
 * The database `config` names, for messages and for the SQLite opener: the SQLite file's path, or
 * the PostgreSQL URL without its password. Apart from the openers, so that naming the database
 * (main.ts, before the server's imports) loads no driver or schema.
 */
export function databaseLabel(config: Pick<ApiConfig, "dataDir" | "databaseUrl">): string {
  const url = config.databaseUrl;
  if (url === null) return join(config.dataDir, "graft.db");
  if (isPostgresUrl(url)) return redactedUrl(url);
  return url.toLowerCase().startsWith("file:") ? fileURLToPath(url) : resolve(url);
}
