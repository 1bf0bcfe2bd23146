/**
 * A fresh PostgreSQL database per test server, on one throwaway server per test file: what the
 * API's suite and the cross-app flows use for their PostgreSQL pass (`GRAFT_TEST_DATABASE=postgres`).
 */
import pg from "pg";
import { postgresUnavailable, startPostgres, type TestPostgres } from "./postgres";

let server: Promise<TestPostgres> | null = null;
let databases = 0;

// Stopped after the importing test file's own hooks (registered first, so run last): vitest ends a
// file's worker with a signal, which skips the harness's own on-exit stop and would leave the
// server running. Only under vitest: benches import the helpers too.
if (process.env["VITEST"]) {
  const { afterAll } = await import("vitest");
  afterAll(async () => {
    const started = server;
    server = null;
    // A server that failed to start already failed the test that asked for it: nothing to stop.
    const running = await started?.catch(() => null);
    if (running) await running.stop();
  });
}

/**
 * A new, empty database on this test file's PostgreSQL server (started on first use and stopped
 * after the file's tests), as a URL. `TEMPLATE template0`: nothing but what the API's own
 * migrations create, as a fresh SQLite file.
 * @throws Error naming why when PostgreSQL cannot run here.
 */
export async function freshPostgresDatabase(): Promise<string> {
  const missing = postgresUnavailable();
  if (missing !== null) throw new Error(`GRAFT_TEST_DATABASE=postgres, but ${missing}`);
  server ??= startPostgres();
  const { url } = await server;
  const name = `graft_test_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}
