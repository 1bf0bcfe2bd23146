import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { postgresUnavailable, startPostgres, type TestPostgres } from "@graft/schema/testing";
import { type Dialect } from "../db/database";

/**
 * The database the API's tests run on: SQLite files by default, PostgreSQL with
 * `GRAFT_TEST_DATABASE=postgres` (one throwaway server per test file, a fresh database per server
 * a test starts; see {@link testDatabaseEnv}).
 */
export const TEST_DIALECT: Dialect = process.env["GRAFT_TEST_DATABASE"] === "postgres" ? "postgres" : "sqlite";

/** For `describe.skipIf(onPostgres)(…)` around what only SQLite has (pragmas, the file itself). */
export const onPostgres = TEST_DIALECT === "postgres";

let server: Promise<TestPostgres> | null = null;
let databases = 0;

/**
 * A new, empty database on this test file's PostgreSQL server (started on first use and stopped
 * when the test process exits), as a URL. `TEMPLATE template0`: nothing but what the API's own
 * migrations create, as a fresh SQLite file.
 */
export async function freshPostgresDatabase(): Promise<string> {
  if (postgresUnavailable() !== null) throw new Error(`GRAFT_TEST_DATABASE=postgres, but ${postgresUnavailable()}`);
  server ??= startPostgres();
  const { url } = await server;
  const name = `graft_test_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}

/**
 * The environment that points a server at a fresh database of the test dialect: on PostgreSQL a
 * new database's `GRAFT_DATABASE_URL` (give several processes the same one to share it), on
 * SQLite nothing (the workspace's data directory holds the file).
 */
export async function testDatabaseEnv(): Promise<Record<string, string>> {
  return TEST_DIALECT === "postgres" ? { GRAFT_DATABASE_URL: await freshPostgresDatabase() } : {};
}

/**
 * The rows of `query` (SQL both dialects read alike), run straight on the database a server was
 * started with: the SQLite file in `dataDir`, or the PostgreSQL database `env` names. For checks
 * after the servers have stopped. PostgreSQL's count(*) is a bigint, read as a string:
 * `CAST(count(*) AS INTEGER)` reads as a number on both.
 */
export async function queryTestDatabase(dataDir: string, env: Record<string, string>, query: string): Promise<unknown[]> {
  const url = env["GRAFT_DATABASE_URL"];
  if (url === undefined) {
    const db = new Database(join(dataDir, "graft.db"), { readonly: true });
    try {
      return db.prepare(query).all();
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query)).rows;
  } finally {
    await client.end();
  }
}
