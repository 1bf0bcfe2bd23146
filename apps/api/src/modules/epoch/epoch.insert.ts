import type Database from "better-sqlite3";
import { getTableColumns } from "drizzle-orm";
import { epochs } from "@graft/schema/db";
import { type EpochRow } from "../run/run.mapper";

/** The columns of one epochs row, as logEpochs stores them: the table's own row type. */
export type EpochValues = EpochRow;

/**
 * Rows per multi-row INSERT. 13 bound values a row keeps a statement far below SQLite's limit of
 * 32,766 variables, and bounds the statement cache at this many entries (one per row count).
 */
export const EPOCH_INSERT_CHUNK = 100;

/** Every column of the epochs table, from its definition: a column added there is inserted here. */
const TABLE_COLUMNS = Object.entries(getTableColumns(epochs)) as [keyof EpochRow, (typeof epochs)["_"]["columns"][keyof EpochRow]][];
const COLUMNS = `(${TABLE_COLUMNS.map(([, c]) => `"${c.name}"`).join(", ")})`;
const ROW_PLACEHOLDERS = `(${TABLE_COLUMNS.map(() => "?").join(", ")})`;

/**
 * Multi-row, idempotent epoch inserts: one `INSERT ... VALUES (...), (...) ON CONFLICT DO NOTHING
 * RETURNING epoch` statement per chunk instead of one statement per row. With 50-epoch batches the
 * per-statement overhead (bind, step, reset, crossing into native code) was most of the write cost.
 * Statements are prepared once per row count and reused.
 */
export class EpochInserter {
  private readonly statements = new Map<number, Database.Statement>();

  constructor(private readonly client: Database.Database) {}

  /**
   * Inserts `rows` in order, skipping (run, epoch) pairs already stored, including a repeat of an
   * epoch earlier in `rows` (the first one wins, as with row-by-row inserts). Call inside a
   * transaction (on SQLite, the connection's). Returns the rows actually inserted, in the order
   * given. Async like every query, though better-sqlite3 runs it at once: raw SQLite statements,
   * which a PostgreSQL twin would replace.
   */
  async insert(rows: readonly EpochValues[]): Promise<EpochValues[]> {
    const inserted: EpochValues[] = [];
    for (let start = 0; start < rows.length; start += EPOCH_INSERT_CHUNK) {
      const chunk = rows.slice(start, start + EPOCH_INSERT_CHUNK);
      const params: (string | number | null)[] = [];
      // Each value as its column stores it (the JSON column's text), per the table definition.
      for (const r of chunk)
        for (const [key, column] of TABLE_COLUMNS)
          params.push(r[key] === null ? null : (column.mapToDriverValue(r[key]) as string | number));
      const fresh = new Set((this.statement(chunk.length).all(params) as { epoch: number }[]).map((r) => r.epoch));
      // RETURNING's row order is unspecified; walk the input so callers get it in their order, and
      // hand out each epoch once so a duplicate within the chunk is not reported twice.
      for (const r of chunk) {
        if (fresh.delete(r.epoch)) inserted.push(r);
      }
    }
    return inserted;
  }

  private statement(rowCount: number): Database.Statement {
    let s = this.statements.get(rowCount);
    if (!s) {
      const placeholders = Array.from({ length: rowCount }, () => ROW_PLACEHOLDERS).join(", ");
      s = this.client.prepare(
        `INSERT INTO epochs ${COLUMNS} VALUES ${placeholders} ON CONFLICT (run_id, epoch) DO NOTHING RETURNING epoch`,
      );
      this.statements.set(rowCount, s);
    }
    return s;
  }
}
