/** PostgreSQL for flows: the throwaway server of `@graft/schema/testing`, and when flows may skip it. */
import { postgresUnavailable } from "@graft/schema/testing";

export { startPostgres, type TestPostgres } from "@graft/schema/testing";

/**
 * Why a flow needing PostgreSQL must skip on this machine, or null when it can run. Under CI it
 * throws instead: `.ci/run` installs the server, so a missing one is a broken set-up, and a skip
 * would let the PostgreSQL flows go untested without anyone noticing.
 */
export function postgresMissing(): string | null {
  const reason = postgresUnavailable();
  if (reason !== null && process.env.CI) throw new Error(`CI is set, so the PostgreSQL flows must run, but ${reason}`);
  return reason;
}
