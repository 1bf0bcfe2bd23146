import { databaseLabel as sharedDatabaseLabel, isPostgresUrl, redactedUrl } from "@graft/config/database-url";
import { type ApiConfig } from "../config/env";

// One rule with the root scripts (`npm start` names the database the same way).
export { isPostgresUrl, redactedUrl };

/**
 * The database `config` names, for messages and for the SQLite opener: the SQLite file's path, or
 * the PostgreSQL URL without its password. Apart from the openers, so that naming the database
 * (main.ts, before the server's imports) loads no driver or schema.
 */
export function databaseLabel(config: Pick<ApiConfig, "dataDir" | "databaseUrl">): string {
  return sharedDatabaseLabel(config);
}
