import { blob, integer, sqliteTable } from "drizzle-orm/sqlite-core";

/**
 * Scratch rows for the API's storage health check (`/healthz`). The check inserts a payload of a
 * few pages here and rolls it back, which asks SQLite to grow the database file without keeping
 * anything, and, after a storage failure, commits a tiny write to row 0. Holds at most that one row.
 */
export const storageProbe = sqliteTable("storage_probe", {
  id: integer("id").primaryKey(),
  payload: blob("payload", { mode: "buffer" }),
  checkedAt: integer("checked_at"),
});
