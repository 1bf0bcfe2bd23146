/** One end of a copy, whichever dialect it speaks: what copy.ts asks of a source and a target. */
import { type Column, type SQL, sql } from "drizzle-orm";
import { type CopiedTable } from "./tables";

/** A row as drizzle maps it (JSON parsed, epoch-ms numbers, Buffers): the same shape on both dialects. */
export type Row = Record<string, unknown>;

/** An open database, used inside one transaction at a time. */
export interface DbSide {
  /** The file's path or the URL without its password, for messages. */
  readonly label: string;
  /** The newest applied migration's timestamp (drizzle's `created_at`), null when it holds none. */
  lastMigration(): Promise<number | null>;
  /** The names among `tables` that the database does not have. */
  missingTables(tables: readonly CopiedTable[]): Promise<string[]>;
  /**
   * Starts the side's one transaction: for a source a read-only snapshot, so that every table and
   * every count come from one moment even while an API writes; for a target a write transaction
   * that keeps other writers out of `tables` until it ends, so the emptiness check still holds at commit.
   */
  begin(mode: "read" | "write", tables: readonly CopiedTable[]): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  count(table: CopiedTable): Promise<number>;
  /** Up to `limit` rows after `after` (null: from the start) in primary-key order. */
  page(table: CopiedTable, after: Row | null, limit: number): Promise<Row[]>;
  insert(table: CopiedTable, rows: Row[]): Promise<void>;
  deleteAll(table: CopiedTable): Promise<void>;
  /** Moves identity/serial sequences past the copied keys (PostgreSQL; nothing to do on SQLite). */
  afterInsert(table: CopiedTable): Promise<void>;
  /** Most parameters one statement may bind (the driver's or the server's limit, with room to spare). */
  readonly maxParameters: number;
  close(): Promise<void>;
}

/**
 * The keyset condition `(k1, k2) > (v1, v2)` over a table's primary key: row values compare
 * lexicographically on SQLite (3.15+) and PostgreSQL alike, so each page starts where the last one
 * ended without OFFSET's rescans.
 */
export function keysetAfter(columns: Record<string, Column>, primaryKey: readonly string[], after: Row): SQL {
  const keys = primaryKey.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`no column for primary-key key "${k}"`);
    return column;
  });
  return sql`(${sql.join(keys, sql`, `)}) > (${sql.join(
    primaryKey.map((k) => sql`${after[k]}`),
    sql`, `,
  )})`;
}

/** The primary-key columns of `columns`, in key order, for ORDER BY. */
export function keyColumns(columns: Record<string, Column>, primaryKey: readonly string[]): Column[] {
  return primaryKey.map((k) => columns[k]).filter((c): c is Column => c !== undefined);
}
