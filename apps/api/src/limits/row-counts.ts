import type Database from "better-sqlite3";

/** The tables whose size prices a query: the runs table for scans, the others for root lists. */
export type CountedTable = "runs" | "sweeps" | "experiments" | "datasets" | "agents";

/** Every {@link CountedTable}. */
export const COUNTED_TABLES: readonly CountedTable[] = ["runs", "sweeps", "experiments", "datasets", "agents"];

/**
 * Row counts for pricing, read as `max(rowid)`: one b-tree descent each (microseconds at any
 * size), where `count(*)` would walk a whole index on every priced request. It counts rows ever
 * inserted rather than rows present, an upper bound that only errs towards pricing high.
 */
export function rowCounts(client: Database.Database): (table: CountedTable) => number {
  const statements = new Map(
    COUNTED_TABLES.map((t) => [t, client.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${t}`).pluck()] as const),
  );
  return (table) => Number((statements.get(table) as Database.Statement).get() ?? 0);
}
