import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { freshPostgresDatabase } from "@graft/schema/testing";
import { type GraftDb } from "@graft/schema/db";
import { type Dialect } from "../db/database";
import { GRAFT_PG_TYPES } from "../db/pg/types";

/**
 * The database the API's tests run on: SQLite files by default, PostgreSQL with
 * `GRAFT_TEST_DATABASE=postgres` (one throwaway server per test file, a fresh database per server
 * a test starts; see {@link testDatabaseEnv}).
 */
export const TEST_DIALECT: Dialect = process.env["GRAFT_TEST_DATABASE"] === "postgres" ? "postgres" : "sqlite";

/** For `describe.skipIf(onPostgres)(…)` around what only SQLite has (pragmas, the file itself). */
export const onPostgres = TEST_DIALECT === "postgres";

/**
 * The environment that points a server at a fresh database of the test dialect: on PostgreSQL a
 * new database's `GRAFT_DATABASE_URL` (give several processes the same one to share it), on
 * SQLite nothing (the workspace's data directory holds the file).
 */
export async function testDatabaseEnv(): Promise<Record<string, string>> {
  return TEST_DIALECT === "postgres" ? { GRAFT_DATABASE_URL: await freshPostgresDatabase() } : {};
}

/**
 * The rows of `query` (SQL both dialects read alike, `?` placeholders), run straight on the database a server was
 * started with: the SQLite file in `dataDir`, or the PostgreSQL database `env` names. For checks
 * after the servers have stopped. PostgreSQL's count(*) is a bigint, read as a string:
 * `CAST(count(*) AS INTEGER)` reads as a number on both.
 */
export async function queryTestDatabase(
  dataDir: string,
  env: Record<string, string>,
  query: string,
  params: readonly unknown[] = [],
): Promise<unknown[]> {
  const url = env["GRAFT_DATABASE_URL"];
  if (url === undefined) {
    const db = new Database(join(dataDir, "graft.db"), { readonly: true });
    try {
      return db.prepare(query).all(...params);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let n = 0;
    return (await client.query({ text: query.replace(/\?/g, () => `$${++n}`), values: [...params], types: GRAFT_PG_TYPES })).rows;
  } finally {
    await client.end();
  }
}

/** Raw SQL on a test server's database, whichever the dialect. */
export interface TestSql {
  /**
   * The rows of `query`, with `?` placeholders (numbered for PostgreSQL here) and SQL both dialects
   * read alike. Values come back as the API reads them: PostgreSQL's bigints and counts as numbers,
   * JSON as text.
   */
  query<T = Record<string, unknown>>(query: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement that returns no rows. */
  run(query: string, params?: readonly unknown[]): Promise<void>;
  /** Releases the PostgreSQL connections (nothing to do on SQLite: the server owns the connection). */
  close(): Promise<void>;
}

/**
 * {@link TestSql} on the PostgreSQL database at `url`, or, with `url` null, on the server's own
 * SQLite connection (`sqlite()`, set once the server has opened it).
 */
export function testSql(url: string | null, sqlite: () => GraftDb | null): TestSql {
  if (url === null || !/^postgres(ql)?:\/\//i.test(url)) {
    const client = () => {
      const db = sqlite();
      if (db === null) throw new Error("the test server has not opened its SQLite database");
      return db.$client;
    };
    return {
      query: async <T>(query: string, params: readonly unknown[] = []) =>
        client()
          .prepare(query)
          .all(...params) as T[],
      run: async (query, params = []) =>
        void client()
          .prepare(query)
          .run(...params),
      close: async () => {},
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const numbered = (query: string) => {
    let n = 0;
    return query.replace(/\?/g, () => `$${++n}`);
  };
  const query = async <T>(text: string, params: readonly unknown[] = []) =>
    (await pool.query({ text: numbered(text), values: [...params], types: GRAFT_PG_TYPES })).rows as T[];
  return {
    query,
    run: async (text, params) => void (await query(text, params)),
    close: () => pool.end(),
  };
}
