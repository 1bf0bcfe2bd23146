/**
 * The runs table's hyperparameter columns and indexes as the catalogue (`@graft/core/contract`)
 * defines them, whatever the dialect: one typed column per knob (snake_case of its name), so every
 * one can be sorted and range-filtered through its own `(column, id)` index. A head's unit list is
 * stored as JSON plus its total (`head_units_total`), the sortable form of a list.
 *
 * Each dialect (tables/hyperparameter-columns.ts for SQLite, pg/tables/hyperparameter-columns.ts
 * for PostgreSQL) only says how it builds each kind of column; which knobs exist, their names,
 * nullability, defaults and indexes come from here, so the two can never list different knobs.
 */
import { type Catalogue, HYPERPARAMETER_ENTRIES, type HyperparameterSpec, type SnakeCase, snakeCase } from "@graft/core/contract";

/**
 * How one dialect builds each kind of hyperparameter column. The `...Default` builders are NOT
 * NULL with a column default: rows written before a knob existed read as its default (`backfill`).
 */
export interface HyperparameterColumnKinds {
  realNull(name: string): unknown;
  realNotNull(name: string): unknown;
  realDefault(name: string, value: number): unknown;
  intNull(name: string): unknown;
  intNotNull(name: string): unknown;
  intDefault(name: string, value: number): unknown;
  textNotNull(name: string): unknown;
  textDefault(name: string, value: string): unknown;
  /** A list of integers stored as JSON, typed `number[]`, NOT NULL. */
  unitsJson(name: string): unknown;
}

// A backfilled column keeps the type of its plain NOT NULL builder, as it always has: the default
// only covers rows older than the knob, every new run is written with all of its knobs.
type ColumnOf<S extends HyperparameterSpec, K extends HyperparameterColumnKinds> = S extends { kind: "float" }
  ? S extends { nullable: true }
    ? ReturnType<K["realNull"]>
    : ReturnType<K["realNotNull"]>
  : S extends { kind: "int" }
    ? S extends { nullable: true }
      ? ReturnType<K["intNull"]>
      : ReturnType<K["intNotNull"]>
    : S extends { kind: "units" }
      ? ReturnType<K["unitsJson"]>
      : ReturnType<K["textNotNull"]>;

/** Knobs whose values are lists get a second, sortable column: their sum. */
type UnitsName = { [N in keyof Catalogue]: Catalogue[N] extends { kind: "units" } ? N : never }[keyof Catalogue];

/** The hyperparameter columns' builders of one dialect, keyed by knob name (plus `<units>Total`). */
export type HyperparameterColumnBuilders<K extends HyperparameterColumnKinds> = {
  -readonly [N in keyof Catalogue]: ColumnOf<Catalogue[N], K>;
} & {
  [N in UnitsName as `${N}Total`]: ReturnType<K["intNotNull"]>;
};

/** The column name of a knob (`fine_tune_layers`), and of a list's total (`head_units_total`). */
export const columnName = <N extends string>(name: N): SnakeCase<N> => snakeCase(name);

/** The sortable column of each sortable knob: itself, or a list's total. */
export function sortColumnKey(name: string, spec: HyperparameterSpec): string {
  return spec.kind === "units" ? `${name}Total` : name;
}

function builderOf(kinds: HyperparameterColumnKinds, name: string, spec: HyperparameterSpec): unknown {
  const col = columnName(name);
  switch (spec.kind) {
    case "float":
      if (spec.backfill && spec.default !== null) return kinds.realDefault(col, spec.default);
      return spec.nullable ? kinds.realNull(col) : kinds.realNotNull(col);
    case "int":
      if (spec.backfill && spec.default !== null) return kinds.intDefault(col, spec.default);
      return spec.nullable ? kinds.intNull(col) : kinds.intNotNull(col);
    case "units":
      return kinds.unitsJson(col);
    case "enum":
    case "text":
      return spec.backfill ? kinds.textDefault(col, spec.default) : kinds.textNotNull(col);
    case "ops":
      return spec.backfill ? kinds.textDefault(col, "none") : kinds.textNotNull(col);
  }
}

/** The hyperparameter columns built by one dialect's `kinds`, in catalogue order. */
export function buildHyperparameterColumns<K extends HyperparameterColumnKinds>(kinds: K): HyperparameterColumnBuilders<K> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) {
    out[name] = builderOf(kinds, name, spec);
    if (spec.kind === "units") out[`${name}Total`] = kinds.intNotNull(`${columnName(name)}_total`);
  }
  return out as HyperparameterColumnBuilders<K>;
}

/** One keyset index of a sortable knob: its name and the row key of its leading column. */
export interface HyperparameterIndex {
  /** `<table>_<column>_idx`. */
  name: string;
  /** The drizzle row key of the sorted column (`learningRate`, `headUnitsTotal`); `id` follows it. */
  key: string;
}

/** One `(column, id)` index per sortable knob: keyset pagination walks it in either direction. */
export function hyperparameterIndexList(table: string): HyperparameterIndex[] {
  return HYPERPARAMETER_ENTRIES.filter(([, spec]) => spec.sortable).map(([name, spec]) => {
    const key = sortColumnKey(name, spec);
    return { name: `${table}_${columnName(key)}_idx`, key };
  });
}
