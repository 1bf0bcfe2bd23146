/**
 * The tables `graft db copy` moves, paired across dialects and put in foreign-key order, all
 * derived from the table definitions themselves: a table added to the schema is copied without a
 * change here (twins.test.ts already holds each sqlite-core table to its pg-core twin).
 */
import { getTableColumns, getTableName, is, type Table } from "drizzle-orm";
import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as pgSchema from "../pg/schema";
import * as sqliteSchema from "../schema";

/**
 * Tables that hold no tracker data: `storage_probe` is the `/healthz` check's scratch row,
 * rewritten by every API process on its own.
 */
export const SKIPPED_TABLES: readonly string[] = [getTableName(sqliteSchema.storageProbe)];

/** One table as both dialects declare it. */
export interface CopiedTable {
  /** Its SQL name, as both dialects spell it. */
  name: string;
  sqlite: SQLiteTable;
  pg: PgTable;
  /** The JS keys of its primary-key columns: rows are read in this order, page after page. */
  primaryKey: string[];
  /** How many columns it has (an insert's parameters per row). */
  columnCount: number;
}

/** The JS keys of `table`'s primary-key columns, whether declared on a column or as a composite key. */
function primaryKeyOf(table: SQLiteTable): string[] {
  const columns = Object.entries(getTableColumns(table));
  const composite = sqliteTableConfig(table).primaryKeys[0];
  const keyNames = composite ? composite.columns.map((c) => c.name) : columns.filter(([, c]) => c.primary).map(([, c]) => c.name);
  if (keyNames.length === 0) throw new Error(`table ${getTableName(table)} has no primary key: it cannot be copied page by page`);
  return keyNames.map((name) => {
    const entry = columns.find(([, c]) => c.name === name);
    if (!entry) throw new Error(`table ${getTableName(table)}: primary-key column "${name}" is not among its columns`);
    return entry[0];
  });
}

/** The tables a table's foreign keys point at (itself excluded: a self-reference orders nothing). */
function parentsOf(table: SQLiteTable): string[] {
  const name = getTableName(table);
  return sqliteTableConfig(table)
    .foreignKeys.map((fk) => getTableName(fk.reference().foreignTable as Table))
    .filter((parent) => parent !== name);
}

/** `tables` with every table after the ones it references; throws on a cycle, which no order can load. */
function inForeignKeyOrder(tables: CopiedTable[]): CopiedTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: CopiedTable[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (t: CopiedTable, path: string[]): void => {
    if (state.get(t.name) === "done") return;
    if (state.get(t.name) === "visiting") throw new Error(`foreign keys form a cycle: ${[...path, t.name].join(" → ")}`);
    state.set(t.name, "visiting");
    for (const parent of parentsOf(t.sqlite)) {
      const p = byName.get(parent);
      if (p) visit(p, [...path, t.name]);
    }
    state.set(t.name, "done");
    ordered.push(t);
  };
  // Alphabetical first, so the order is the same on every run whatever the barrels' export order.
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, []);
  return ordered;
}

/** Every table of the schema except {@link SKIPPED_TABLES}, parents before children. */
function copiedTables(): CopiedTable[] {
  const pgByName = new Map(
    (Object.values(pgSchema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => [pgTableConfig(t).name, t]),
  );
  const tables = (Object.values(sqliteSchema) as unknown[])
    .filter((v): v is SQLiteTable => is(v, SQLiteTable))
    .filter((t) => !SKIPPED_TABLES.includes(getTableName(t)))
    .map((sqlite): CopiedTable => {
      const name = getTableName(sqlite);
      const pg = pgByName.get(name);
      if (!pg) throw new Error(`table ${name} has no PostgreSQL twin`);
      return { name, sqlite, pg, primaryKey: primaryKeyOf(sqlite), columnCount: Object.keys(getTableColumns(sqlite)).length };
    });
  return inForeignKeyOrder(tables);
}

/** The copied tables, parents before children (computed once: the schema does not change at run time). */
export const COPIED_TABLES: readonly CopiedTable[] = copiedTables();
