/**
 * Test helpers other workspaces' tests use (`@graft/schema/testing`); product code never imports
 * them: a throwaway PostgreSQL server for tests of the PostgreSQL path.
 */
export { postgresBinDir, postgresUnavailable, startPostgres, type TestPostgres } from "./postgres";
