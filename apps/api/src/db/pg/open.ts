import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { migratePg } from "@graft/schema/db/pg";
import { type GraftDatabase } from "../database";
import { redactedUrl } from "../database-url";
import { PgChangeFeed } from "./change-feed";
import { pgHandle } from "./handle";
import { pgRawStatements } from "./raw";
import { pgRowCounts } from "./row-counts";
import { PgStorageHealth } from "./storage-health";
import { PgTransactionRunner } from "./transaction";

/** Connections per API process (node-postgres' default); the change feed's listener is one more. */
const POOL_SIZE = 10;

/**
 * Connects a pool to the PostgreSQL database at `url`, applies the pending migrations
 * (`@graft/schema/db/pg`, one transaction, safe when several API processes start together) and
 * returns it as a {@link GraftDatabase}.
 */
export async function openPostgres(url: string): Promise<GraftDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle client whose server went away emits here; without a listener it would kill the process.
  // The next query on the pool reconnects or fails with its own error.
  pool.on("error", (error) => console.error(`[graft-api] PostgreSQL connection lost (${redactedUrl(url)}):`, error.message));
  try {
    await migratePg(drizzle({ client: pool }));
    const rowCounts = await pgRowCounts(pool, (e) => console.error("[graft-api] row counts failed:", e));
    return {
      dialect: "postgres",
      db: pgHandle(pool),
      // Half the pool for logEpochs' scoped transactions at once: readers keep the other half.
      transactions: new PgTransactionRunner(pool, POOL_SIZE / 2),
      raw: pgRawStatements(),
      rowCounts,
      storageHealth: (_dataDir, now) => new PgStorageHealth(pool, redactedUrl(url), now),
      changes: new PgChangeFeed(url),
      sqlite: null,
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
