/**
 * The runs table's hyperparameter columns and indexes on PostgreSQL: the catalogue's knobs (see
 * ../../hyperparameter-registry.ts) built with pg-core's column types, the twins of SQLite's.
 */
import { doublePrecision, type ExtraConfigColumn, type IndexBuilder, index, integer, json, text } from "drizzle-orm/pg-core";
import { buildHyperparameterColumns, type HyperparameterColumnBuilders, hyperparameterIndexList } from "../../hyperparameter-registry";
import { sqliteNulls } from "./null-order";

/**
 * How PostgreSQL stores each kind of knob: floats as double precision (SQLite's real is 8
 * bytes), ints as integer (every int knob is a GraphQL Int, 32 bits), lists as json (text as
 * written, like SQLite's JSON text).
 */
const pgKinds = {
  realNull: (name: string) => doublePrecision(name),
  realNotNull: (name: string) => doublePrecision(name).notNull(),
  realDefault: (name: string, value: number) => doublePrecision(name).notNull().default(value),
  intNull: (name: string) => integer(name),
  intNotNull: (name: string) => integer(name).notNull(),
  intDefault: (name: string, value: number) => integer(name).notNull().default(value),
  textNotNull: (name: string) => text(name).notNull(),
  textDefault: (name: string, value: string) => text(name).notNull().default(value),
  unitsJson: (name: string) => json(name).$type<number[]>().notNull(),
};

/** The PostgreSQL hyperparameter columns' builders, keyed by knob name (plus `<units>Total`). */
export type PgHyperparameterColumns = HyperparameterColumnBuilders<typeof pgKinds>;

/** The hyperparameter columns for `pgTable`, in catalogue order. */
export function hyperparameterColumns(): PgHyperparameterColumns {
  return buildHyperparameterColumns(pgKinds);
}

/** One `(column, id)` index per sortable knob: keyset pagination walks it in either direction. */
export function hyperparameterIndexes(table: string, t: Record<string, ExtraConfigColumn>): IndexBuilder[] {
  return hyperparameterIndexList(table).map(({ name, key }) =>
    index(name).on(sqliteNulls(t[key] as ExtraConfigColumn), t.id as ExtraConfigColumn),
  );
}
