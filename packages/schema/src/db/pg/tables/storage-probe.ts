import { integer, pgTable } from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { epochMs } from "./epoch-ms";

/** Scratch rows for the API's storage health check (`/healthz`); holds at most one row. */
export const storageProbe = pgTable("storage_probe", {
  // SQLite's `integer PRIMARY KEY` is the rowid: numbered when an insert leaves it out. An identity
  // "by default" is PostgreSQL's same promise, and still takes the explicit row 0 the check writes.
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  payload: bytea("payload"),
  checkedAt: epochMs("checked_at"),
});
