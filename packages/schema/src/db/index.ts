import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export * from "./schema";
export { newId } from "./id";

/** Graft's typed drizzle database. */
export type GraftDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The committed drizzle-kit migrations, next to this package's source. */
export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas every connection needs and
 * applies pending migrations. WAL lets readers run beside the one writer; busy_timeout makes a
 * second process wait for the write lock instead of failing with SQLITE_BUSY at once.
 */
export function openDatabase(file: string): GraftDb {
  if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  const applied = () => {
    try {
      return (sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n;
    } catch {
      return 0; // a new file: no journal table yet
    }
  };
  const before = applied();
  migrate(db, { migrationsFolder });
  // A migration that rebuilds a table (SQLite cannot drop NOT NULL in place) leaves the old table's
  // pages on the free list; compact once after such an upgrade, so the file's size says what it holds.
  if (applied() > before && file !== ":memory:" && (sqlite.pragma("freelist_count", { simple: true }) as number) > 0) sqlite.exec("VACUUM");
  return db;
}
export { sortColumnKey, columnName } from "./tables/hyperparameter-columns";
