/** A SQLite file as the source (opened read-only) or the target (created and migrated) of a copy. */
import { existsSync, rmSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { asc, count, getTableColumns } from "drizzle-orm";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { openDatabase } from "../index";
import { DbCopyError, messageOf } from "./errors";
import { type DbSide, keyColumns, keysetAfter, type Row } from "./side";
import { type CopiedTable } from "./tables";

/** SQLite's default limit on a statement's variables is 32766 (since 3.32); keep clear of it. */
const SQLITE_MAX_PARAMETERS = 30_000;

function hasTable(client: Database.Database, name: string): boolean {
  return client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The newest applied migration's `created_at`, null when there are none; refuses a file that is not SQLite. */
function lastMigrationOf(client: Database.Database, label: string): number | null {
  try {
    if (!hasTable(client, "__drizzle_migrations")) return null;
    const row = client.prepare("SELECT max(created_at) AS m FROM __drizzle_migrations").get() as { m: number | string | null };
    return row.m === null ? null : Number(row.m);
  } catch (error) {
    // SQLITE_NOTADB: a file that is not a SQLite database at all (or is encrypted).
    throw new DbCopyError("NOT_GRAFT_DATABASE", `${label} is not a SQLite database (${messageOf(error)})`, { cause: error });
  }
}

class SqliteSide implements DbSide {
  readonly maxParameters = SQLITE_MAX_PARAMETERS;
  private readonly db: BetterSQLite3Database;
  private committed = false;

  constructor(
    private readonly client: Database.Database,
    readonly label: string,
    /** A target this copy created: removed on close unless the copy committed. */
    private readonly createdFile: string | null,
  ) {
    this.db = drizzle(client);
  }

  async lastMigration(): Promise<number | null> {
    return lastMigrationOf(this.client, this.label);
  }

  async missingTables(tables: readonly CopiedTable[]): Promise<string[]> {
    return tables.filter((t) => !hasTable(this.client, t.name)).map((t) => t.name);
  }

  async begin(mode: "read" | "write"): Promise<void> {
    // IMMEDIATE takes the write lock now, so no API process writes between the emptiness check and
    // the commit; a plain BEGIN reads one snapshot (WAL) from its first SELECT to its end.
    this.client.exec(mode === "write" ? "BEGIN IMMEDIATE" : "BEGIN");
  }

  async commit(): Promise<void> {
    this.client.exec("COMMIT");
    this.committed = true;
  }

  async rollback(): Promise<void> {
    if (this.client.inTransaction) this.client.exec("ROLLBACK");
  }

  async count(table: CopiedTable): Promise<number> {
    return this.db.select({ n: count() }).from(table.sqlite).get()?.n ?? 0;
  }

  async page(table: CopiedTable, after: Row | null, limit: number): Promise<Row[]> {
    const columns = getTableColumns(table.sqlite);
    return this.db
      .select()
      .from(table.sqlite)
      .where(after === null ? undefined : keysetAfter(columns, table.primaryKey, after))
      .orderBy(...keyColumns(columns, table.primaryKey).map((c) => asc(c)))
      .limit(limit)
      .all();
  }

  async insert(table: CopiedTable, rows: Row[]): Promise<void> {
    // Rows come from the twin table with the same JS types (twins.test.ts), so drizzle's own
    // mapping turns them back into SQLite values: JSON to text, numbers to integers.
    this.db.insert(table.sqlite).values(rows).run();
  }

  async deleteAll(table: CopiedTable): Promise<void> {
    this.db.delete(table.sqlite).run();
  }

  async afterInsert(): Promise<void> {
    // An INTEGER PRIMARY KEY continues from the largest rowid by itself.
  }

  async close(): Promise<void> {
    if (this.client.open) this.client.close();
    if (!this.committed && this.createdFile !== null) {
      // The copy created this file and did not finish: leave no half-made tracker behind.
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${this.createdFile}${suffix}`, { force: true });
    }
  }
}

/** Opens the SQLite file at `file` read-only, as a copy's source: nothing is written to it. */
export async function openSqliteSource(file: string): Promise<DbSide> {
  if (!existsSync(file)) throw new DbCopyError("SOURCE_MISSING", `the source database ${file} does not exist`);
  if (statSync(file).isDirectory())
    throw new DbCopyError(
      "SOURCE_MISSING",
      `the source ${file} is a folder; name the database file in it (usually ${file.replace(/\/$/, "")}/graft.db)`,
    );
  let client: Database.Database;
  try {
    client = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DbCopyError("UNREACHABLE", `cannot open the source database ${file}: ${messageOf(error)}`, { cause: error });
  }
  return new SqliteSide(client, file, null);
}

/**
 * Opens (creating when missing) the SQLite file at `file` as a copy's target, with the migrations
 * of this release applied. An existing file must already be a Graft database (or hold no tables):
 * a copy never writes Graft's tables into someone else's file; one of an earlier release is
 * refused unless `replace`, as migrating it would change a target the copy may then refuse.
 */
export async function openSqliteTarget(file: string, releaseMigration: number, replace: boolean): Promise<DbSide> {
  const existed = existsSync(file);
  if (existed) {
    if (statSync(file).isDirectory())
      throw new DbCopyError(
        "BAD_LOCATION",
        `the target ${file} is a folder; name a database file in it, like ${file.replace(/\/$/, "")}/graft.db`,
      );
    const probe = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const last = lastMigrationOf(probe, `the target ${file}`);
      const anyTable = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table'").get() !== undefined;
      if (last === null && anyTable)
        throw new DbCopyError(
          "NOT_GRAFT_DATABASE",
          `the target ${file} holds tables but is not a Graft database; name a new file or a Graft tracker`,
        );
      if (last !== null && last > releaseMigration)
        throw new DbCopyError(
          "NEWER_THAN_RELEASE",
          `the target ${file} has migrations newer than this release of graft; copy with the newer release`,
        );
      // Migrating is the one change made before the copy's transaction: never for a target that may still be refused.
      if (last !== null && last < releaseMigration && !replace)
        throw new DbCopyError(
          "TARGET_OUTDATED",
          `the target ${file} is a Graft tracker of an earlier release; start this release's API on it once (it migrates at start-up) and copy again, or pass --replace to empty it`,
        );
    } finally {
      probe.close();
    }
  }
  let client: Database.Database;
  try {
    client = openDatabase(file).$client;
  } catch (error) {
    throw new DbCopyError("UNREACHABLE", `cannot open the target database ${file}: ${messageOf(error)}`, { cause: error });
  }
  return new SqliteSide(client, file, existed ? null : file);
}
