/**
 * The pg-core tables are twins of the sqlite-core ones: this test holds every table, column, key,
 * index, foreign key and relation of the one to the other, so a change made on one side only
 * fails here. The rows' JS types are held equal at compile time (`npm run typecheck`).
 */
import {
  createTableRelationsHelpers,
  extractTablesRelationalConfig,
  getTableName,
  type InferInsertModel,
  type InferSelectModel,
  is,
  One,
  SQL,
  type Table,
} from "drizzle-orm";
import { getTableConfig as pgTableConfig, IndexedColumn, type PgColumn, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, type SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as sqliteSchema from "../schema";
import * as pgSchema from "./schema";

type Rows<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] extends Table ? InferSelectModel<S[K]> : never };
type Inserts<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] extends Table ? InferInsertModel<S[K]> : never };

/**
 * How each side stores a column, as one word: the pairs that count as the same storage. SQLite's
 * 64-bit integer maps to pg integer, or bigint read as a number where values pass 2^31 (epoch ms,
 * byte counts); its 8-byte real to double precision; JSON text to json (kept as written); buffers
 * to bytea. A column type missing here fails the test, so a new mapping is a deliberate choice.
 */
const SQLITE_STORAGE: Record<string, string> = {
  SQLiteText: "text",
  SQLiteTextJson: "json",
  SQLiteInteger: "integer",
  SQLiteReal: "real",
  SQLiteBlobBuffer: "bytes",
};
const PG_STORAGE: Record<string, string> = {
  PgText: "text",
  PgJson: "json",
  PgInteger: "integer",
  PgBigInt53: "integer",
  PgDoublePrecision: "real",
  "PgCustomColumn:bytea": "bytes",
};

function storageOf(col: SQLiteColumn | PgColumn, table: Record<string, string>): string {
  const key = col.columnType === "PgCustomColumn" ? `${col.columnType}:${col.getSQLType()}` : col.columnType;
  const storage = table[key];
  if (!storage) throw new Error(`${col.name}: no twin mapping for ${key}`);
  return storage;
}

/** What both dialects must agree on about a column. */
function columnShape(col: SQLiteColumn | PgColumn, storage: string) {
  return {
    name: col.name,
    storage,
    notNull: col.notNull,
    primary: col.primary,
    unique: col.isUnique,
    hasDefault: col.hasDefault,
    // Defaults are JS values (numbers, strings, [] and {} for JSON); SQL defaults would show as objects.
    default: is(col.default, SQL) ? "<sql>" : col.default,
  };
}

function indexColumnName(c: unknown): string {
  if (is(c, SQL)) return "<expression>";
  return (c as { name: string }).name;
}

type Config = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;

/** Keys, indexes and constraints of a table in a dialect-neutral form. */
function tableShape(config: Config, columns: Record<string, unknown>) {
  return {
    columns,
    primaryKeys: config.primaryKeys.map((pk) => ({ name: pk.getName(), columns: pk.columns.map((c) => c.name) })),
    indexes: config.indexes
      .map((ix) => ({
        name: ix.config.name,
        unique: ix.config.unique,
        where: ix.config.where !== undefined,
        columns: (ix.config.columns as unknown[]).map(indexColumnName),
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return {
          name: fk.getName(),
          columns: ref.columns.map((c) => c.name),
          foreignTable: getTableName(ref.foreignTable),
          foreignColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? "no action",
          onUpdate: fk.onUpdate ?? "no action",
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.getName(), columns: u.columns.map((c) => c.name) })),
    checks: config.checks.map((c) => c.name).sort(),
  };
}

function sqliteShape(t: SQLiteTable) {
  const config = sqliteTableConfig(t);
  const columns = Object.fromEntries(config.columns.map((c) => [c.name, columnShape(c, storageOf(c, SQLITE_STORAGE))]));
  return { name: config.name, ...tableShape(config, columns) };
}

function pgShape(t: PgTable) {
  const config = pgTableConfig(t);
  const columns = Object.fromEntries(config.columns.map((c) => [c.name, columnShape(c, storageOf(c, PG_STORAGE))]));
  return { name: config.name, ...tableShape(config, columns) };
}

const sqliteTables = (Object.entries(sqliteSchema) as [string, unknown][]).filter((e): e is [string, SQLiteTable] => is(e[1], SQLiteTable));
const pgTables = new Map((Object.entries(pgSchema) as [string, unknown][]).filter((e): e is [string, PgTable] => is(e[1], PgTable)));

/** Every relation of every table: its name, kind, target table and the columns it joins on. */
function relationsOf(schema: Record<string, unknown>) {
  const { tables } = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  return Object.fromEntries(
    Object.entries(tables).map(([tsName, t]) => [
      tsName,
      Object.fromEntries(
        Object.entries(t.relations).map(([name, r]) => [
          name,
          {
            kind: is(r, One) ? "one" : "many",
            target: r.referencedTableName,
            fields: is(r, One) ? (r.config?.fields.map((c) => c.name) ?? null) : null,
            references: is(r, One) ? (r.config?.references.map((c) => c.name) ?? null) : null,
          },
        ]),
      ),
    ]),
  );
}

describe("pg-core twins of the sqlite-core tables", () => {
  it("export the same names: one pg table or relations for each SQLite one", () => {
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
    expect(sqliteTables.length).toBeGreaterThan(10);
  });

  it.each(sqliteTables)("%s: same columns, storage, nullability, defaults, keys, indexes and foreign keys", (name, table) => {
    const twin = pgTables.get(name);
    expect(twin, `pg twin of ${name}`).toBeDefined();
    expect(pgShape(twin as PgTable)).toEqual(sqliteShape(table));
  });

  it("store epoch-millisecond columns (`*_at`) as bigint on PostgreSQL, since integer ends in 1970", () => {
    const ints = [...pgTables.values()].flatMap((t) =>
      pgTableConfig(t)
        .columns.filter((c) => c.name.endsWith("_at"))
        .map((c) => `${getTableName(t)}.${c.name}: ${c.columnType}`),
    );
    expect(ints.length).toBeGreaterThan(10);
    expect(ints.filter((c) => !c.endsWith("PgBigInt53"))).toEqual([]);
  });

  it("index nullable columns NULLS FIRST on PostgreSQL (SQLite's NULL order), others in the default order", () => {
    const wrong: string[] = [];
    for (const t of pgTables.values()) {
      const config = pgTableConfig(t);
      const nullable = new Set(config.columns.filter((c) => !c.notNull).map((c) => c.name));
      for (const ix of config.indexes) {
        for (const c of ix.config.columns) {
          if (!is(c, IndexedColumn)) continue;
          const want = { order: "asc", nulls: c.name !== undefined && nullable.has(c.name) ? "first" : "last" };
          const got = { order: c.indexConfig.order, nulls: c.indexConfig.nulls };
          if (got.order !== want.order || got.nulls !== want.nulls) wrong.push(`${ix.config.name}.${c.name}: ${JSON.stringify(got)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("have the same relations", () => {
    expect(relationsOf(pgSchema)).toEqual(relationsOf(sqliteSchema));
  });

  it("read and write the same JS row types", () => {
    // Checked by tsc (the typecheck task); at run time these are no-ops.
    expectTypeOf<Rows<typeof pgSchema>>().toEqualTypeOf<Rows<typeof sqliteSchema>>();
    expectTypeOf<Inserts<typeof pgSchema>>().toEqualTypeOf<Inserts<typeof sqliteSchema>>();
  });
});
