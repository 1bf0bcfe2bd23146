/**
 * Graft's tables on PostgreSQL (`@graft/schema/db/pg`): the pg-core twins of `@graft/schema/db`
 * and the committed drizzle-kit migrations that create them.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type * as schema from "./schema";

export * from "./schema";

/** Graft's typed drizzle database on PostgreSQL (node-postgres). */
export type GraftPgDb = NodePgDatabase<typeof schema>;

/** The committed drizzle-kit migrations for PostgreSQL (drizzle.pg.config.ts), next to this package's source. */
export const pgMigrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../../../drizzle-pg");

/**
 * Applies the pending PostgreSQL migrations. drizzle's migrator runs them in one transaction and
 * records them in `drizzle.__drizzle_migrations`, so concurrent start-ups apply each one once.
 */
export async function migratePg(db: NodePgDatabase<Record<string, unknown>>): Promise<void> {
  await migrate(db, { migrationsFolder: pgMigrationsFolder });
}
