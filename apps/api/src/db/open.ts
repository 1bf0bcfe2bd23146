import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ApiConfig } from "../config/env";
import { type GraftDatabase } from "./database";
import { openPostgres } from "./pg/open";
import { openSqlite } from "./sqlite/open";

/** Whether `url` names a PostgreSQL database. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens the API's database, the one place that picks the dialect: `GRAFT_DATABASE_URL` (config
 * `databaseUrl`) as a `postgres://`/`postgresql://` URL is PostgreSQL; as a `file:` URL or a path it
 * is that SQLite file; unset it is SQLite at `<dataDir>/graft.db`. Either is migrated before it is
 * returned.
 */
export async function openGraftDatabase(config: Pick<ApiConfig, "dataDir" | "databaseUrl">): Promise<GraftDatabase> {
  const url = config.databaseUrl;
  if (url === null) return openSqlite(join(config.dataDir, "graft.db"));
  if (isPostgresUrl(url)) return openPostgres(url);
  return openSqlite(url.toLowerCase().startsWith("file:") ? fileURLToPath(url) : resolve(url));
}
