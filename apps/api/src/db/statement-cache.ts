import type Database from "better-sqlite3";
import { getTableColumns, type InferSelectModel, type Table } from "drizzle-orm";

/** A drizzle query that can render itself to SQL text and driver-ready parameters. */
export interface RenderableQuery {
  toSQL(): { sql: string; params: unknown[] };
}

/** Most statements kept; beyond that the cache starts over (filters combine in many ways). */
export const MAX_CACHED_STATEMENTS = 256;

/**
 * Compiled SQLite statements keyed by their SQL text. Drizzle's `.all()` on a freshly built query
 * compiles the statement again on every call (`prepareOneTimeQuery`), and planning a SELECT over
 * the wide, heavily indexed runs table cost more than running it. Queries are still built with
 * drizzle (so every value stays a bound parameter); only the compiled statement is reused.
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly client: Database.Database) {}

  /** The compiled statement for `sql`, compiling it on first use. */
  statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      s = this.client.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Runs a query that returns rows, as plain objects keyed by column name. */
  all(query: RenderableQuery): Record<string, unknown>[] {
    const { sql, params } = query.toSQL();
    return this.statement(sql).all(...params) as Record<string, unknown>[];
  }

  /** Runs a query whose first row's first column is the answer (e.g. a count). */
  value(query: RenderableQuery): unknown {
    const { sql, params } = query.toSQL();
    // Not .raw()/.pluck(): they would switch the shared statement's mode for every caller.
    const row = this.statement(sql).get(...params) as Record<string, unknown> | undefined;
    return row === undefined ? undefined : Object.values(row)[0];
  }

  /** How many statements are cached (for tests). */
  get size(): number {
    return this.statements.size;
  }
}

const caches = new WeakMap<Database.Database, StatementCache>();

/**
 * The rows of a drizzle query (plain objects keyed by column name), through the connection's
 * statement cache. Async like every query of the services: this is the SQLite-only seam that a
 * PostgreSQL twin would replace with the driver's own prepared statements.
 */
export async function cachedRows(db: { $client: Database.Database }, query: RenderableQuery): Promise<Record<string, unknown>[]> {
  return statementCacheFor(db.$client).all(query);
}

/** The first column of the first row of a drizzle query (a count), through the statement cache; see {@link cachedRows}. */
export async function cachedValue(db: { $client: Database.Database }, query: RenderableQuery): Promise<unknown> {
  return statementCacheFor(db.$client).value(query);
}

/** The statement cache of one SQLite connection (statements belong to the connection that compiled them). */
export function statementCacheFor(client: Database.Database): StatementCache {
  let cache = caches.get(client);
  if (!cache) {
    cache = new StatementCache(client);
    caches.set(client, cache);
  }
  return cache;
}

/**
 * Maps rows of `SELECT <every column of table>` from column names to drizzle's row shape (property
 * names, JSON columns parsed, ...) with each column's own decoder, as drizzle's `.all()` would.
 */
export function tableRowMapper<T extends Table>(table: T): (raw: Record<string, unknown>) => InferSelectModel<T> {
  const columns = Object.entries(getTableColumns(table));
  return (raw) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[column.name];
      out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return out as InferSelectModel<T>;
  };
}
