import type Database from "better-sqlite3";
import { getTableColumns } from "drizzle-orm";
import { runs } from "@graft/schema/db";
import { type RunRow, toRunRow } from "../run/run.mapper";
import { type NewRun, queuedRunValues } from "../run/run.queued";

/**
 * Rows per multi-row INSERT: ~30 bound values a row keeps a statement far below SQLite's 32,766
 * variables, and one statement per 50 rows cuts the per-statement overhead (bind, step, reset,
 * crossing into native code) that dominated row-by-row inserts.
 */
export const SWEEP_INSERT_ROWS_PER_STATEMENT = 50;

const COLUMNS = getTableColumns(runs);

/**
 * Inserts a sweep's queued runs with prepared multi-row statements. What `RunService.insertQueued`
 * does row by row through drizzle's query builder (~1 ms a row, measured: building the statement,
 * not SQLite, was the cost) this does at SQLite's own speed, so a 10,000-run sweep is written in
 * chunks short enough to leave the event loop free between them (see SweepService.create).
 * Values go through each column's own driver mapping (the JSON head units), as drizzle would.
 */
export class SweepRunInserter {
  private readonly statements = new Map<number, Database.Statement>();
  private keys: (keyof typeof COLUMNS)[] | null = null;

  constructor(private readonly client: Database.Database) {}

  /**
   * Inserts `items` as QUEUED runs created at `now`; returns the stored rows. Call inside a
   * transaction (on SQLite, the connection's). Async like every query, though better-sqlite3 runs
   * it at once: raw SQLite statements, which a PostgreSQL twin would replace.
   */
  async insert(items: readonly NewRun[], now: number): Promise<RunRow[]> {
    const out: RunRow[] = [];
    for (let start = 0; start < items.length; start += SWEEP_INSERT_ROWS_PER_STATEMENT) {
      const chunk = items.slice(start, start + SWEEP_INSERT_ROWS_PER_STATEMENT);
      const params: unknown[] = [];
      for (const item of chunk) {
        const values: Record<string, unknown> = queuedRunValues(item, now);
        // The columns come from the first row (queuedRunValues, itself from the catalogue); every
        // row of a sweep has the same ones, since resolveHyperparameters fills every knob.
        this.keys ??= Object.keys(values).filter((k) => k in COLUMNS) as (keyof typeof COLUMNS)[];
        for (const key of this.keys) {
          const value = values[key];
          params.push(value === null || value === undefined ? null : COLUMNS[key].mapToDriverValue(value));
        }
      }
      for (const raw of this.statement(chunk.length).all(params) as Record<string, unknown>[]) out.push(toRunRow(raw));
    }
    return out;
  }

  private statement(rowCount: number): Database.Statement {
    let s = this.statements.get(rowCount);
    if (!s) {
      const keys = this.keys ?? [];
      const row = `(${keys.map(() => "?").join(", ")})`;
      const columns = keys.map((k) => `"${COLUMNS[k].name}"`).join(", ");
      s = this.client.prepare(`INSERT INTO runs (${columns}) VALUES ${Array.from({ length: rowCount }, () => row).join(", ")} RETURNING *`);
      this.statements.set(rowCount, s);
    }
    return s;
  }
}
