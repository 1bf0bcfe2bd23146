/**
 * The runs table's hyperparameter columns and indexes, derived from the catalogue
 * (`@graft/core/contract`): one typed column per knob (snake_case of its name), so every one can
 * be sorted and range-filtered through its own `(column, id)` index. A head's unit list is stored
 * as JSON plus its total (`head_units_total`), the sortable form of a list.
 */
import { type Catalogue, HYPERPARAMETER_ENTRIES, type HyperparameterSpec, type SnakeCase, snakeCase } from "@graft/core/contract";
import { type IndexBuilder, index, integer, real, text, type SQLiteColumn } from "drizzle-orm/sqlite-core";

// One builder factory per column kind: their return types give each knob's column its type below.
const realNull = (name: string) => real(name);
const realNotNull = (name: string) => real(name).notNull();
const intNull = (name: string) => integer(name);
const intNotNull = (name: string) => integer(name).notNull();
const textNotNull = (name: string) => text(name).notNull();
const unitsJson = (name: string) => text(name, { mode: "json" }).$type<number[]>().notNull();

type ColumnOf<S extends HyperparameterSpec> = S extends { kind: "float" }
  ? S extends { nullable: true }
    ? ReturnType<typeof realNull>
    : ReturnType<typeof realNotNull>
  : S extends { kind: "int" }
    ? S extends { nullable: true }
      ? ReturnType<typeof intNull>
      : ReturnType<typeof intNotNull>
    : S extends { kind: "units" }
      ? ReturnType<typeof unitsJson>
      : ReturnType<typeof textNotNull>;

/** Knobs whose values are lists get a second, sortable column: their sum. */
type UnitsName = { [K in keyof Catalogue]: Catalogue[K] extends { kind: "units" } ? K : never }[keyof Catalogue];

/** The hyperparameter columns' builders, keyed by knob name (plus `<units>Total`). */
export type HyperparameterColumnBuilders = { -readonly [K in keyof Catalogue]: ColumnOf<Catalogue[K]> } & {
  [K in UnitsName as `${K}Total`]: ReturnType<typeof intNotNull>;
};

/** The column name of a knob (`fine_tune_layers`), and of a list's total (`head_units_total`). */
export const columnName = <K extends string>(name: K): SnakeCase<K> => snakeCase(name);

function builderOf(name: string, spec: HyperparameterSpec) {
  const col = columnName(name);
  // Rows written before a knob existed read as its default (`backfill`): what those runs did.
  switch (spec.kind) {
    case "float":
      if (spec.backfill && spec.default !== null) return realNotNull(col).default(spec.default);
      return spec.nullable ? realNull(col) : realNotNull(col);
    case "int":
      if (spec.backfill && spec.default !== null) return intNotNull(col).default(spec.default);
      return spec.nullable ? intNull(col) : intNotNull(col);
    case "units":
      return unitsJson(col);
    case "enum":
    case "text":
      return spec.backfill ? textNotNull(col).default(spec.default) : textNotNull(col);
    case "ops":
      return spec.backfill ? textNotNull(col).default("none") : textNotNull(col);
  }
}

/** The hyperparameter columns for `sqliteTable`, in catalogue order. */
export function hyperparameterColumns(): HyperparameterColumnBuilders {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) {
    out[name] = builderOf(name, spec);
    if (spec.kind === "units") out[`${name}Total`] = intNotNull(`${columnName(name)}_total`);
  }
  return out as HyperparameterColumnBuilders;
}

/** The sortable column of each sortable knob: itself, or a list's total. */
export function sortColumnKey(name: string, spec: HyperparameterSpec): string {
  return spec.kind === "units" ? `${name}Total` : name;
}

/** One `(column, id)` index per sortable knob: keyset pagination walks it in either direction. */
export function hyperparameterIndexes(table: string, t: Record<string, SQLiteColumn>): IndexBuilder[] {
  return HYPERPARAMETER_ENTRIES.filter(([, spec]) => spec.sortable).map(([name, spec]) => {
    const key = sortColumnKey(name, spec);
    return index(`${table}_${columnName(key)}_idx`).on(t[key] as SQLiteColumn, t.id as SQLiteColumn);
  });
}
