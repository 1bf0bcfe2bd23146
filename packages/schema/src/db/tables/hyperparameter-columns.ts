/**
 * The runs table's hyperparameter columns and indexes on SQLite: the catalogue's knobs (see
 * ../hyperparameter-registry.ts) built with sqlite-core's column types.
 */
import { type IndexBuilder, index, integer, real, text, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { buildHyperparameterColumns, type HyperparameterColumnBuilders, hyperparameterIndexList } from "../hyperparameter-registry";

export { columnName, sortColumnKey } from "../hyperparameter-registry";

/** How SQLite stores each kind of knob: floats as real, ints as integer, lists as JSON text. */
const sqliteKinds = {
  realNull: (name: string) => real(name),
  realNotNull: (name: string) => real(name).notNull(),
  realDefault: (name: string, value: number) => real(name).notNull().default(value),
  intNull: (name: string) => integer(name),
  intNotNull: (name: string) => integer(name).notNull(),
  intDefault: (name: string, value: number) => integer(name).notNull().default(value),
  textNotNull: (name: string) => text(name).notNull(),
  textDefault: (name: string, value: string) => text(name).notNull().default(value),
  unitsJson: (name: string) => text(name, { mode: "json" }).$type<number[]>().notNull(),
};

/** The SQLite hyperparameter columns' builders, keyed by knob name (plus `<units>Total`). */
export type SqliteHyperparameterColumns = HyperparameterColumnBuilders<typeof sqliteKinds>;

/** The hyperparameter columns for `sqliteTable`, in catalogue order. */
export function hyperparameterColumns(): SqliteHyperparameterColumns {
  return buildHyperparameterColumns(sqliteKinds);
}

/** One `(column, id)` index per sortable knob: keyset pagination walks it in either direction. */
export function hyperparameterIndexes(table: string, t: Record<string, SQLiteColumn>): IndexBuilder[] {
  return hyperparameterIndexList(table).map(({ name, key }) => index(name).on(t[key] as SQLiteColumn, t.id as SQLiteColumn));
}
