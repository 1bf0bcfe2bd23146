import { drizzle, type NodePgClient } from "drizzle-orm/node-postgres";
import { type Db } from "../database";
import { type PgTarget, withGraftTypes } from "./types";

const targets = new WeakMap<Db, PgTarget>();

/**
 * A drizzle handle on `target` (the pool, or a transaction's client), typed as {@link Db}.
 *
 * The one cast of the PostgreSQL path: node-postgres' drizzle database is a `PgDatabase`, not the
 * SQLite builders `Db` is typed by. Services build queries with the `@graft/schema/db` tables;
 * drizzle's pg dialect renders any table's columns by name, and the pg tables are column-for-column
 * twins (names, nullability, storage; packages/schema's twins test), so the SQL it writes is the
 * SQL the pg tables would give. Values are mapped by the SQLite columns' codecs, which the types in
 * types.ts feed what SQLite would (numbers for bigint, JSON as text). `Db` admits only the builder
 * methods both databases have with the same call shapes.
 */
export function pgHandle(target: PgTarget): Db {
  // drizzle only calls `query(config, values)` on its client (and checks for a Pool in its own
  // `transaction()`, which the API does not use: PgTransactionRunner checks out the client), so
  // the wrapper that swaps in our type parsers stands in for the pg client it wraps.
  const client = withGraftTypes(target) as unknown as NodePgClient;
  const handle = drizzle({ client }) as unknown as Db;
  targets.set(handle, target);
  return handle;
}

/** The pool or client a {@link pgHandle} runs on, for the raw statements. */
export function pgTargetOf(db: Db): PgTarget {
  const target = targets.get(db);
  if (!target) throw new Error("not a PostgreSQL handle of this API (made by pgHandle)");
  return target;
}
