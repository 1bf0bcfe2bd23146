import type pg from "pg";
import { type TableSizes } from "../../limits/complexity";
import { COUNTED_TABLES, type CountedTable } from "../../limits/row-counts";
import { GRAFT_PG_TYPES } from "./types";

/** How stale the counts may get before a read starts a refresh. */
const REFRESH_MS = 250;

/** Below this many rows (by the planner's estimate) a table is counted exactly: cheap, and tests see exact sizes. */
const EXACT_BELOW = 100_000;

/**
 * Row counts for pricing, which must be read synchronously while the driver is async: kept in
 * memory and refreshed in the background when older than {@link REFRESH_MS} (one query at a time).
 * Large tables use the planner's estimate (`pg_class.reltuples`, kept by autovacuum/ANALYZE; one
 * catalogue row each) where `count(*)` would scan; small ones, or ones never analysed
 * (reltuples = -1), are counted. A count may trail inserts by a refresh, which only prices a
 * query as the table was a moment ago.
 */
export async function pgRowCounts(pool: pg.Pool, onError: (error: unknown) => void): Promise<TableSizes> {
  const counts = new Map<CountedTable, number>(COUNTED_TABLES.map((t) => [t, 0]));
  let refreshedAt = 0;
  let refreshing: Promise<void> | null = null;
  const refresh = async () => {
    const estimates = await pool.query<{ relname: CountedTable; n: number }>({
      text: `SELECT relname, reltuples::int8 AS n FROM pg_class
             WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND relname = ANY($1)`,
      values: [COUNTED_TABLES],
      types: GRAFT_PG_TYPES,
    });
    const estimated = new Map(estimates.rows.map((r) => [r.relname, r.n]));
    const exact = COUNTED_TABLES.filter((t) => (estimated.get(t) ?? -1) < EXACT_BELOW);
    if (exact.length > 0) {
      // Table names from the fixed list above, never from a request.
      const counted = await pool.query<Record<CountedTable, number>>({
        text: `SELECT ${exact.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`,
        types: GRAFT_PG_TYPES,
      });
      for (const t of exact) estimated.set(t, counted.rows[0]?.[t] ?? 0);
    }
    for (const t of COUNTED_TABLES) counts.set(t, estimated.get(t) ?? 0);
    refreshedAt = Date.now();
  };
  await refresh();
  return (table) => {
    // Not once the pool is closing: a query priced during shutdown keeps the last counts.
    if (refreshing === null && !pool.ending && Date.now() - refreshedAt > REFRESH_MS) {
      refreshing = refresh()
        .catch(onError)
        .finally(() => (refreshing = null));
    }
    return counts.get(table) ?? 0;
  };
}
