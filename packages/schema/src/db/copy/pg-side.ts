/** A PostgreSQL database as the source (a read-only snapshot) or the target (migrated first) of a copy. */
import { asc, count, getTableColumns, sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { migratePg } from "../pg/index";
import { DbCopyError, messageOf } from "./errors";
import { redactedUrl } from "./location";
import { type DbSide, keyColumns, keysetAfter, type Row } from "./side";
import { type CopiedTable } from "./tables";

/** The wire protocol counts a statement's parameters in 16 bits (65535); keep clear of it. */
const PG_MAX_PARAMETERS = 60_000;

/** Columns a sequence numbers (serial or identity): after a copy the sequence must start past them. */
function sequencedColumns(table: PgTable): PgColumn[] {
  return Object.values(getTableColumns(table)).filter(
    (c) => /Serial/.test(c.columnType) || (c as PgColumn & { generatedIdentity?: unknown }).generatedIdentity !== undefined,
  );
}

class PgSide implements DbSide {
  readonly maxParameters = PG_MAX_PARAMETERS;
  private readonly db: NodePgDatabase;

  constructor(
    private readonly client: pg.Client,
    readonly label: string,
  ) {
    this.db = drizzle({ client });
  }

  /** Applies this release's pending migrations (drizzle's migrator, in its own transaction). */
  async migrate(): Promise<void> {
    await migratePg(this.db);
  }

  async lastMigration(): Promise<number | null> {
    const { rows } = await this.client.query<{ t: string | null }>("SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t");
    if (rows[0]?.t == null) return null;
    const last = await this.client.query<{ m: string | null }>("SELECT max(created_at)::text AS m FROM drizzle.__drizzle_migrations");
    const m = last.rows[0]?.m;
    return m == null ? null : Number(m);
  }

  async missingTables(tables: readonly CopiedTable[]): Promise<string[]> {
    const { rows } = await this.client.query<{ name: string }>(
      "SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(quote_ident(name)) IS NULL",
      [tables.map((t) => t.name)],
    );
    return rows.map((r) => r.name);
  }

  async begin(mode: "read" | "write", tables: readonly CopiedTable[]): Promise<void> {
    if (mode === "read") {
      // One snapshot for every table and count, while API processes go on writing.
      await this.client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      return;
    }
    await this.client.query("BEGIN");
    // EXCLUSIVE lets readers in and keeps writers out until commit: no API process adds rows
    // between the emptiness check and the commit. Names from the schema, never from input.
    await this.client.query(`LOCK TABLE ${tables.map((t) => `"${t.name}"`).join(", ")} IN EXCLUSIVE MODE`);
  }

  async commit(): Promise<void> {
    await this.client.query("COMMIT");
  }

  async rollback(): Promise<void> {
    await this.client.query("ROLLBACK");
  }

  async count(table: CopiedTable): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(table.pg);
    return row?.n ?? 0;
  }

  async page(table: CopiedTable, after: Row | null, limit: number): Promise<Row[]> {
    const columns = getTableColumns(table.pg);
    return this.db
      .select()
      .from(table.pg)
      .where(after === null ? undefined : keysetAfter(columns, table.primaryKey, after))
      .orderBy(...keyColumns(columns, table.primaryKey).map((c) => asc(c)))
      .limit(limit);
  }

  async insert(table: CopiedTable, rows: Row[]): Promise<void> {
    // Rows come from the twin table with the same JS types (twins.test.ts), so drizzle's own
    // mapping turns them into PostgreSQL values: JSON text to json, epoch ms to bigint, Buffers to bytea.
    await this.db.insert(table.pg).values(rows);
  }

  async deleteAll(table: CopiedTable): Promise<void> {
    await this.db.delete(table.pg);
  }

  async afterInsert(table: CopiedTable): Promise<void> {
    for (const column of sequencedColumns(table.pg)) {
      // Past the largest copied key, so the next row the database numbers does not collide.
      await this.db.execute(
        sql`SELECT setval(pg_get_serial_sequence(${`"${table.name}"`}, ${column.name}), coalesce(max(${sql.identifier(column.name)}), 0) + 1, false) FROM ${sql.identifier(table.name)}`,
      );
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

/** Connects to the PostgreSQL database at `url`; a failure names the URL without its password. */
async function connect(url: string, role: "source" | "target"): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // A connection the server drops emits here; without a listener it would end the process. The
  // next query fails with its own error, which the copy reports and rolls back.
  client.on("error", () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    // 3D000 invalid_catalog_name: the server is there, the database is not; say how to make one.
    const hint =
      (error as { code?: unknown }).code === "3D000" && role === "target"
        ? ` (create it first: createdb -T template0 --lc-collate=C --lc-ctype=C ${decodeURIComponent(new URL(url).pathname.slice(1))})`
        : "";
    throw new DbCopyError("UNREACHABLE", `cannot connect to the ${role} database ${redactedUrl(url)}: ${messageOf(error)}${hint}`, {
      cause: error,
    });
  }
}

/** Opens the PostgreSQL database at `url` as a copy's source; it is only read, in one read-only transaction. */
export async function openPgSource(url: string): Promise<DbSide> {
  return new PgSide(await connect(url, "source"), redactedUrl(url));
}

/**
 * Opens the PostgreSQL database at `url` as a copy's target and applies this release's migrations
 * (as the API does at start-up), refusing one already migrated past this release, and one of an
 * earlier release unless `replace` (migrating it would change a target the copy may then refuse).
 */
export async function openPgTarget(url: string, releaseMigration: number, replace: boolean): Promise<DbSide> {
  const side = new PgSide(await connect(url, "target"), redactedUrl(url));
  try {
    const last = await side.lastMigration();
    if (last !== null && last > releaseMigration)
      throw new DbCopyError(
        "NEWER_THAN_RELEASE",
        `the target ${side.label} has migrations newer than this release of graft; copy with the newer release`,
      );
    // Migrating is the one change made before the copy's transaction: never for a target that may still be refused.
    if (last !== null && last < releaseMigration && !replace)
      throw new DbCopyError(
        "TARGET_OUTDATED",
        `the target ${side.label} is a Graft tracker of an earlier release; start this release's API on it once (it migrates at start-up) and copy again, or pass --replace to empty it`,
      );
    await side.migrate();
    return side;
  } catch (error) {
    await side.close();
    if (error instanceof DbCopyError) throw error;
    throw new DbCopyError("UNREACHABLE", `cannot migrate the target database ${side.label}: ${messageOf(error)}`, { cause: error });
  }
}
