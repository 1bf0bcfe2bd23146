import type Database from "better-sqlite3";
import { type BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { type GraftDb } from "@graft/schema/db";
import { type TableSizes } from "../limits/complexity";
import { type ChangeFeed } from "./change-feed";
import { type RawStatements } from "./raw-statements";
import { type StorageHealthCheck } from "./storage-health";
import { type TransactionRunner } from "./transaction";

/** The schema drizzle was opened with (the table definitions `db.query` knows). */
type SchemaOf<D> = D extends BaseSQLiteDatabase<"sync", Database.RunResult, infer S> ? S : never;

/** The SQLite drizzle database whose query builders type every service query. */
type SqliteBuilders = BaseSQLiteDatabase<"sync", Database.RunResult, SchemaOf<GraftDb>>;

/**
 * The drizzle handle a query runs on: the database itself, or the transaction handle a
 * {@link TransactionRunner} hands its body. Code that may run inside a transaction takes one of
 * these rather than reaching for `deps.db`: on SQLite both are the one connection, but with a pool
 * (PostgreSQL) only the handle the body was given belongs to the transaction.
 *
 * Narrowed to the five builders both dialects' drizzle databases have, with the same call shapes
 * (`select`/`selectDistinct`/`insert`/`update`/`delete`, then `where`, `orderBy`, `limit`,
 * `returning`, `onConflictDoNothing`/`onConflictDoUpdate`). Queries are typed by the SQLite builders
 * and the `@graft/schema/db` tables; on PostgreSQL the handle is a node-postgres drizzle database
 * that builds the same queries in its own dialect (the pg tables are column-for-column twins, held
 * so by packages/schema's twins test), see db/pg/open.ts. So: queries are awaited
 * (`await db.select()...`, `(await q.limit(1))[0]` for one row, `await db.update(...).returning()`),
 * never `.get()`/`.all()`/`.run()`/`.prepare()` outside a check that the handle is SQLite's own, and
 * raw SQL fragments stay in the subset both dialects read alike.
 */
export type Db = Pick<SqliteBuilders, "select" | "selectDistinct" | "insert" | "update" | "delete">;

/** The first row of a query's result, or undefined: the dialect-neutral `.get()`. */
export async function firstRow<T>(rows: PromiseLike<readonly T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

/** Which database engine a {@link GraftDatabase} runs on. */
export type Dialect = "sqlite" | "postgres";

/**
 * An open database, whichever the engine (db/open.ts picks it from the configuration): the drizzle
 * handle services query, how to run write transactions on it, and the statements each dialect
 * writes in its own SQL.
 */
export interface GraftDatabase {
  dialect: Dialect;
  /** The handle for queries outside a transaction (a pool on PostgreSQL). */
  db: Db;
  /** Write transactions (see `writeTx`). */
  transactions: TransactionRunner;
  /** The hot or shape-critical statements, in the dialect's own SQL. */
  raw: RawStatements;
  /** Row counts for pricing queries; synchronous, so an estimate kept fresh in the background where the driver is async. */
  rowCounts: TableSizes;
  /** Builds `/healthz`'s view of whether the database takes writes. */
  storageHealth(dataDir: string, now: () => number): StorageHealthCheck;
  /** Change notices to and from other API processes on the database; null where there is no channel (SQLite). */
  changes: ChangeFeed | null;
  /** The SQLite connection, for tests that set connection-level pragmas; null on PostgreSQL. */
  sqlite: GraftDb | null;
  /** Closes the connection (SQLite) or ends the pool (PostgreSQL). */
  close(): Promise<void>;
}
