/** The newest migration this release ships, per dialect: what a source must match and a target must not pass. */
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrationsFolder } from "../index";
import { pgMigrationsFolder } from "../pg/index";

/** The `created_at` (drizzle's folderMillis) of the newest committed migration in `folder`. */
function newestIn(folder: string): number {
  return Math.max(...readMigrationFiles({ migrationsFolder: folder }).map((m) => m.folderMillis));
}

/** The newest migration of this release for `dialect`. */
export function releaseMigration(dialect: "sqlite" | "postgres"): number {
  return newestIn(dialect === "sqlite" ? migrationsFolder : pgMigrationsFolder);
}
