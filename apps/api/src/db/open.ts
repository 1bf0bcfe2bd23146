import { type ApiConfig } from "../config/env";
import { type GraftDatabase } from "./database";
import { databaseLabel, isPostgresUrl } from "./database-url";
import { openPostgres } from "./pg/open";
import { openSqlite } from "./sqlite/open";

/**
 * Opens the API's database, the one place that picks the dialect: `GRAFT_DATABASE_URL` (config
 * `databaseUrl`) as a `postgres://`/`postgresql://` URL is PostgreSQL; as a `file:` URL or a path it
 * is that SQLite file; unset it is SQLite at `<dataDir>/graft.db`. Either is migrated before it is
 * returned.
 */
export async function openGraftDatabase(config: Pick<ApiConfig, "dataDir" | "databaseUrl">): Promise<GraftDatabase> {
  const url = config.databaseUrl;
  if (url !== null && isPostgresUrl(url)) return openPostgres(url);
  return openSqlite(databaseLabel(config));
}
