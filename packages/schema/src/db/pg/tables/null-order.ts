import { type ExtraConfigColumn } from "drizzle-orm/pg-core";

/**
 * An index column in SQLite's NULL order. SQLite sorts NULL before every value ascending (after
 * them descending); PostgreSQL's default is the reverse. A nullable column's index therefore says
 * NULLS FIRST, so a page ordered `col ASC NULLS FIRST, id` (or backwards, `col DESC NULLS LAST,
 * id DESC`) comes out in SQLite's row order and walks the index. NOT NULL columns keep the
 * default, so a plain `ORDER BY created_at, id` still matches: the planner compares the NULLS
 * clause literally, NOT NULL or not, and sorts on a mismatch.
 */
export function sqliteNulls<C extends ExtraConfigColumn>(col: C): C {
  return col.notNull ? col : (col.asc().nullsFirst() as C);
}
