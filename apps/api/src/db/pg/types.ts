import pg from "pg";

/**
 * How values come back from PostgreSQL, for the API's connections only (not node-postgres' global
 * parsers, which other code in the process may rely on):
 * - int8 (bigint epoch-ms columns, `count(*)`) and numeric (`avg`, `sum` of integers) as JS numbers,
 *   as SQLite hands them: times and counts stay far below 2^53;
 * - json as its text: services query through the SQLite tables' columns (see db/database.ts `Db`),
 *   whose JSON columns parse the text themselves, as they do SQLite's.
 */
export const GRAFT_PG_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (format !== "binary") {
      if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
      if (oid === pg.types.builtins.JSON) return (value: string) => value;
    }
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"], // one implementation of the overloads, as pg's own
};

/** A pool or one of its checked-out clients: where a statement runs. */
export type PgTarget = pg.Pool | pg.PoolClient;

/** What drizzle's node-postgres session calls on its client. */
export interface PgQueryable {
  query(config: pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult>;
}

/**
 * `target` with {@link GRAFT_PG_TYPES} on every query. drizzle's session passes its own `types`
 * with each query (falling back to the global parsers), which would override the pool's; this
 * replaces them on the way through.
 */
export function withGraftTypes(target: PgTarget): PgQueryable {
  return {
    query: (config, values) => target.query({ ...config, types: GRAFT_PG_TYPES }, values),
  };
}
