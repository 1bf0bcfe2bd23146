/** PostgreSQL for flows: the throwaway server of `@graft/schema/testing`, and when flows may skip it. */
import { freshPostgresDatabase, postgresSkipReason } from "@graft/schema/testing";

export { startPostgres, type TestPostgres } from "@graft/schema/testing";

/** Why a flow needing PostgreSQL must skip on this machine, or null when it can run (throws under CI: see postgresSkipReason). */
export function postgresMissing(): string | null {
  return postgresSkipReason("the PostgreSQL flows");
}

/** Whether this is the flows' PostgreSQL pass (`GRAFT_TEST_DATABASE=postgres`, see support/dialect-passes.ts). */
export const FLOWS_ON_POSTGRES = process.env.GRAFT_TEST_DATABASE === "postgres";

/**
 * What points an API started by a flow at the pass's database: in the PostgreSQL pass a fresh
 * database on this test file's server, else nothing (a SQLite file in the API's data dir).
 */
export async function flowDatabaseEnv(): Promise<Record<string, string>> {
  return FLOWS_ON_POSTGRES ? { GRAFT_DATABASE_URL: await freshPostgresDatabase() } : {};
}
