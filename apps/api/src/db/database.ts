import type Database from "better-sqlite3";
import { type BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { type GraftDb } from "@graft/schema/db";

/** The schema drizzle was opened with (the table definitions `db.query` knows). */
type SchemaOf<D> = D extends BaseSQLiteDatabase<"sync", Database.RunResult, infer S> ? S : never;

/**
 * The drizzle handle a query runs on: the database itself, or the transaction handle a
 * {@link TransactionRunner} hands its body. Code that may run inside a transaction takes one of
 * these rather than reaching for `deps.db`: on SQLite both are the one connection, but with a pool
 * (PostgreSQL) only the handle the body was given belongs to the transaction.
 *
 * Queries are awaited (`await db.select()...`, `(await q.limit(1))[0]` for one row,
 * `await db.update(...).returning()`), never `.get()`/`.all()`/`.run()`, which only SQLite has.
 */
export type Db = BaseSQLiteDatabase<"sync", Database.RunResult, SchemaOf<GraftDb>>;

/** The first row of a query's result, or undefined: the dialect-neutral `.get()`. */
export async function firstRow<T>(rows: PromiseLike<readonly T[]>): Promise<T | undefined> {
  return (await rows)[0];
}
