/**
 * The databases the core sections run on, picked by `BENCH_DATABASES` (`sqlite,postgres`, the
 * default: both, SQLite first). Each is a server configuration plus its dialect's raw inserter and
 * seeder; PostgreSQL is a throwaway server (`startPostgres()`: fsync and synchronous_commit off,
 * as in the tests) started for its section and stopped after it, failed or not.
 */
import { postgresUnavailable, startPostgres } from "@graft/schema/testing";
import { pgRawInserter, type RawInserter, sqliteRawInserter } from "./raw-inserts";
import { pgSeeder, type RunSeeder, sqliteSeeder } from "./seed-runs";

export type DatabaseKind = "sqlite" | "postgres";

/** One database the bench measures the API on. */
export interface BenchDatabase {
  kind: DatabaseKind;
  label: string;
  /** What the API server's config gets on top of the workspace's (the database URL). */
  serverEnv: Record<string, string>;
  /** A raw inserter into a database of its own, beside the server's. */
  rawInserter(): Promise<RawInserter>;
  /** The seeder of the server's database, whose SQLite file lives in `dataDir`. */
  seeder(dataDir: string): RunSeeder;
}

export const LABELS: Record<DatabaseKind, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

/** The kinds `BENCH_DATABASES` asks for, in the order given; throws on an unknown name. */
export function requestedDatabases(value = process.env["BENCH_DATABASES"] ?? "sqlite,postgres"): DatabaseKind[] {
  const kinds = value
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const k of kinds)
    if (k !== "sqlite" && k !== "postgres") throw new Error(`BENCH_DATABASES: unknown database ${JSON.stringify(k)} (sqlite, postgres)`);
  return [...new Set(kinds)] as DatabaseKind[];
}

/**
 * Runs `body` on the database `kind`, with its server started first and stopped after where it
 * has one. Returns null, having said why, when PostgreSQL's binaries are not installed.
 */
export async function onDatabase<T>(kind: DatabaseKind, body: (db: BenchDatabase) => Promise<T>): Promise<T | null> {
  if (kind === "sqlite")
    return body({ kind, label: LABELS.sqlite, serverEnv: {}, rawInserter: async () => sqliteRawInserter(), seeder: sqliteSeeder });
  const missing = postgresUnavailable();
  if (missing !== null) {
    console.log(`PostgreSQL: skipped, ${missing}`);
    return null;
  }
  const server = await startPostgres();
  try {
    return await body({
      kind,
      label: LABELS.postgres,
      serverEnv: { GRAFT_DATABASE_URL: server.url },
      rawInserter: () => pgRawInserter(server.url),
      seeder: () => pgSeeder(server.url),
    });
  } finally {
    await server.stop();
  }
}
