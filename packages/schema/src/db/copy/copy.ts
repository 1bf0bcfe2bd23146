/**
 * `graft db copy`'s engine: every tracker table from one Graft database into another (SQLite or
 * PostgreSQL on either side), parents before children, in pages inside one target transaction, with
 * a row-count check before the commit. A refusal or failure leaves the target as it was.
 */
import { DbCopyError, messageOf, rows as rowCount } from "./errors";
import { type DbLocation, describeLocation, sameDatabase } from "./location";
import { releaseMigration } from "./migrations";
import { openPgSource, openPgTarget } from "./pg-side";
import { type DbSide, type Row } from "./side";
import { openSqliteSource, openSqliteTarget } from "./sqlite-side";
import { COPIED_TABLES, type CopiedTable } from "./tables";

/**
 * The most rows one page reads and one INSERT writes. Larger pages gain nothing: drizzle's
 * statement building grows faster than the rows (1000 runs of 49 columns take longer to build per
 * row than 100), and a page of predictions (tens of kB a row) stays a few MB in memory.
 */
const MAX_PAGE_ROWS = 250;

/** One table's figures: rows in the source, rows in the target after the copy, and the time it took. */
export interface TableCopy {
  table: string;
  sourceRows: number;
  targetRows: number;
  seconds: number;
}

/** What {@link copyDatabase} did. */
export interface CopyReport {
  tables: TableCopy[];
  /** Rows the target held before, per table, when `replace` emptied it (only tables that had rows). */
  replaced: { table: string; rows: number }[];
  seconds: number;
}

/** Options of {@link copyDatabase}. */
export interface CopyOptions {
  from: DbLocation;
  to: DbLocation;
  /** Empty the target's Graft tables (inside the copy's transaction) instead of refusing a target with rows. */
  replace?: boolean;
  /** Called after each table is copied, for progress output. */
  onTable?: (copy: TableCopy) => void;
  /** Rows per page read and per insert; by default as many as fit the target's parameter limit, up to {@link MAX_PAGE_ROWS}. */
  pageRows?: number;
}

async function openSource(location: DbLocation): Promise<DbSide> {
  return location.dialect === "sqlite" ? openSqliteSource(location.file) : openPgSource(location.url);
}

async function openTarget(location: DbLocation, replace: boolean): Promise<DbSide> {
  const release = releaseMigration(location.dialect);
  return location.dialect === "sqlite" ? openSqliteTarget(location.file, release, replace) : openPgTarget(location.url, release, replace);
}

/** Refuses a source that is not a Graft database of exactly this release's schema. */
async function checkSource(source: DbSide, dialect: DbLocation["dialect"]): Promise<void> {
  const last = await source.lastMigration();
  if (last === null)
    throw new DbCopyError("NOT_GRAFT_DATABASE", `the source ${source.label} is not a Graft database (it has no Graft migrations)`);
  const release = releaseMigration(dialect);
  if (last > release)
    throw new DbCopyError(
      "NEWER_THAN_RELEASE",
      `the source ${source.label} has migrations newer than this release of graft; copy with the newer release`,
    );
  if (last < release)
    throw new DbCopyError(
      "SOURCE_OUTDATED",
      `the source ${source.label} was last migrated by an older release of graft; start this release's API on it once (it migrates at start-up), stop it, then copy`,
    );
  // After the release check: an older tracker lacks the tables later releases added.
  const missing = await source.missingTables(COPIED_TABLES);
  if (missing.length > 0)
    throw new DbCopyError(
      "NOT_GRAFT_DATABASE",
      `the source ${source.label} is not a Graft database: it lacks the tables ${missing.join(", ")}`,
    );
}

/** Refuses a target with rows unless `replace`; with it, empties the tables, children first. */
async function prepareTarget(target: DbSide, replace: boolean): Promise<CopyReport["replaced"]> {
  const held: CopyReport["replaced"] = [];
  for (const t of COPIED_TABLES) {
    const rows = await target.count(t);
    if (rows > 0) held.push({ table: t.name, rows });
  }
  if (held.length === 0) return [];
  if (!replace)
    throw new DbCopyError(
      "TARGET_NOT_EMPTY",
      `the target ${target.label} already holds a tracker (${held.map((h) => `${h.table}: ${rowCount(h.rows)}`).join(", ")}); pass --replace to empty it and copy over it`,
    );
  for (const t of [...COPIED_TABLES].reverse()) await target.deleteAll(t);
  return held;
}

/** Copies one table page by page; returns the rows copied. */
async function copyTable(source: DbSide, target: DbSide, table: CopiedTable, pageRows: number): Promise<number> {
  let after: Row | null = null;
  let copied = 0;
  for (;;) {
    const rows = await source.page(table, after, pageRows);
    if (rows.length === 0) break;
    try {
      await target.insert(table, rows);
    } catch (error) {
      const first = table.primaryKey.map((k) => JSON.stringify(rows[0]?.[k])).join(", ");
      throw new DbCopyError(
        "COPY_FAILED",
        `copying ${table.name} failed in the ${rowCount(rows.length)} from (${first}) on: ${messageOf(error)}; the target was left as it was`,
        { cause: error },
      );
    }
    copied += rows.length;
    after = rows[rows.length - 1] ?? null;
    if (rows.length < pageRows) break;
  }
  await target.afterInsert(table);
  return copied;
}

/**
 * Copies every tracker table (all but `storage_probe`, see tables.ts) from `from` into `to`. The
 * source is only read, from one snapshot; the target is migrated to this release, then filled in
 * one transaction that commits only when every table's count matches the source's. Throws a
 * {@link DbCopyError} on a refusal or failure, with the target's rows as they were: a target of an
 * earlier release is refused before it is migrated (unless `replace`), a SQLite file this copy
 * created is removed, and a new PostgreSQL target keeps this release's empty tables.
 */
export async function copyDatabase(options: CopyOptions): Promise<CopyReport> {
  const { from, to } = options;
  if (sameDatabase(from, to)) throw new DbCopyError("SAME_DATABASE", `--from and --to name the same database (${describeLocation(from)})`);
  const started = performance.now();
  const source = await openSource(from);
  let target: DbSide | null = null;
  try {
    await checkSource(source, from.dialect);
    target = await openTarget(to, options.replace ?? false);
    const t = target;
    await source.begin("read", COPIED_TABLES);
    await t.begin("write", COPIED_TABLES);
    try {
      const replaced = await prepareTarget(t, options.replace ?? false);
      const tables: TableCopy[] = [];
      for (const table of COPIED_TABLES) {
        const tableStarted = performance.now();
        const pageRows = options.pageRows ?? Math.max(1, Math.min(MAX_PAGE_ROWS, Math.floor(t.maxParameters / table.columnCount)));
        const copied = await copyTable(source, t, table, pageRows);
        const copy: TableCopy = {
          table: table.name,
          sourceRows: await source.count(table),
          targetRows: copied,
          seconds: (performance.now() - tableStarted) / 1000,
        };
        tables.push(copy);
        options.onTable?.(copy);
      }
      // Count again inside the transaction: what commits is what was checked.
      for (const [i, table] of COPIED_TABLES.entries()) {
        const copy = tables[i];
        if (copy) copy.targetRows = await t.count(table);
      }
      const off = tables.filter((c) => c.sourceRows !== c.targetRows);
      if (off.length > 0)
        throw new DbCopyError(
          "COUNT_MISMATCH",
          `row counts differ after the copy (${off.map((c) => `${c.table}: ${c.sourceRows} in the source, ${c.targetRows} in the target`).join("; ")}); the target was left as it was`,
        );
      await t.commit();
      return { tables, replaced, seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      await t.rollback().catch(() => undefined);
      throw error;
    }
  } finally {
    await source.rollback().catch(() => undefined);
    await source.close();
    await target?.close();
  }
}
