/**
 * Test helpers other workspaces' tests use (`@graft/schema/testing`); product code never imports
 * them: a throwaway PostgreSQL server for tests of the PostgreSQL path, and a sample tracker with
 * rows in every table.
 */
export { postgresBinDir, postgresSkipReason, postgresUnavailable, startPostgres, type TestPostgres } from "./postgres";
export { runDialectPasses, type DialectPasses } from "./dialect-passes";
export { freshPostgresDatabase } from "./fresh-database";
export { defaultKnobs, writeSampleTracker } from "./tracker";
