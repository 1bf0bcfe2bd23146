import { createHash } from "node:crypto";
import { fillPlaceholders, getTableColumns } from "drizzle-orm";
import { epochs, runs } from "@graft/schema/db";
import { EPOCH_INSERT_CHUNK, type EpochValues } from "../../modules/epoch/epoch.insert";
import { type RunRow, toRunRow } from "../../modules/run/run.mapper";
import { queuedRunValues } from "../../modules/run/run.queued";
import { SWEEP_INSERT_ROWS_PER_STATEMENT } from "../../modules/sweep/sweep.insert";
import { type RawStatements } from "../raw-statements";
import { pgTargetOf } from "./handle";
import { lockKeyOf, SWEEP_DECISION_LOCK_CLASS } from "./transaction";
import { GRAFT_PG_TYPES, type PgTarget } from "./types";

/** Statement names by text, so the digest is taken once per text; bounded, as the SQLite cache is. */
const names = new Map<string, string>();
const MAX_NAMES = 512;

/** The prepared-statement name of `text`: a digest of it, so one text is one name. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `graft_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` as a named prepared statement: node-postgres prepares it on a connection the first
 * time that connection sees the name and reuses it after, PostgreSQL's own statement cache (the
 * twin of db/statement-cache.ts).
 */
async function prepared<R extends Record<string, unknown>>(target: PgTarget, text: string, values: unknown[]): Promise<R[]> {
  return (await target.query<R>({ name: statementName(text), text, values, types: GRAFT_PG_TYPES })).rows;
}

/** `($1, $2, …), ($k, …)`: `rows` groups of `columns` numbered placeholders. */
function placeholders(rows: number, columns: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) out.push(`(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(", ")})`);
  return out.join(", ");
}

const EPOCH_COLUMNS = Object.entries(getTableColumns(epochs)) as [keyof EpochValues, (typeof epochs)["_"]["columns"][keyof EpochValues]][];
const EPOCH_COLUMN_LIST = EPOCH_COLUMNS.map(([, c]) => `"${c.name}"`).join(", ");
/** The epoch INSERT for a chunk of `rows` rows, built once per chunk size (batches mostly come in one size). */
const epochInsertTexts = new Map<number, string>();
function epochInsertText(rows: number): string {
  let text = epochInsertTexts.get(rows);
  if (text === undefined) {
    text = `INSERT INTO epochs (${EPOCH_COLUMN_LIST}) VALUES ${placeholders(rows, EPOCH_COLUMNS.length)}
      ON CONFLICT (run_id, epoch) DO NOTHING RETURNING epoch`;
    epochInsertTexts.set(rows, text);
  }
  return text;
}
const RUN_COLUMNS = getTableColumns(runs);

/** The claim: the subselect locks the picked row, so a concurrent claim skips it rather than waits and fails its guard. */
const CLAIM_SET = `UPDATE runs SET status = 'RUNNING', agent_id = $1, attempts = attempts + 1, lease_expires_at = $2,
  started_at = $3, stop_requested = NULL, error = NULL`;
const CLAIM_NEXT = `${CLAIM_SET}
  WHERE id = (SELECT id FROM runs WHERE status = 'QUEUED' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
    AND status = 'QUEUED' RETURNING id`;
// A named run waits for another claim of it (FOR UPDATE, not SKIP LOCKED): the status guard then sees its outcome.
const CLAIM_BY_ID = `${CLAIM_SET}
  WHERE id = (SELECT id FROM runs WHERE id = $4 AND status = 'QUEUED' FOR UPDATE) AND status = 'QUEUED' RETURNING id`;

const PEERS_AT = `SELECT e.run_id AS "runId", max(e.val_accuracy) AS best FROM epochs e JOIN runs r ON r.id = e.run_id
  WHERE r.sweep_id = $1 AND r.id <> $2 AND e.epoch <= $3
  GROUP BY e.run_id HAVING max(e.epoch) >= $3 AND max(e.val_accuracy) IS NOT NULL`;
const OWN_BEST_AT = "SELECT max(val_accuracy) AS best FROM epochs WHERE run_id = $1 AND epoch <= $2";
const LOCK_SWEEP_DECISIONS = "SELECT pg_advisory_xact_lock($1, $2)";

/**
 * The raw statements on PostgreSQL, each run on the client of the handle it is given (the
 * transaction's inside one). Same statements as SQLite's (db/sqlite/raw.ts) in PostgreSQL's SQL:
 * numbered placeholders, named prepared statements instead of better-sqlite3's, and the claim's
 * pick locked with FOR UPDATE SKIP LOCKED.
 */
export function pgRawStatements(): RawStatements {
  return {
    async rows(db, query) {
      const { sql, params } = query.toSQL();
      return prepared(pgTargetOf(db), sql, params);
    },

    reusable(query) {
      const { sql, params } = query.toSQL();
      return (db, values) => prepared(pgTargetOf(db), sql, fillPlaceholders(params, values));
    },

    async value(db, query) {
      const { sql, params } = query.toSQL();
      const [row] = await prepared(pgTargetOf(db), sql, params);
      return row === undefined ? undefined : Object.values(row)[0];
    },

    async insertEpochs(tx, rows) {
      const target = pgTargetOf(tx);
      const inserted: EpochValues[] = [];
      for (let start = 0; start < rows.length; start += EPOCH_INSERT_CHUNK) {
        const chunk = rows.slice(start, start + EPOCH_INSERT_CHUNK);
        const params: unknown[] = [];
        for (const r of chunk)
          for (const [key, column] of EPOCH_COLUMNS) params.push(r[key] === null ? null : column.mapToDriverValue(r[key]));
        // PostgreSQL refuses a statement that would touch one row twice only for DO UPDATE; DO NOTHING
        // skips a repeat within the chunk as SQLite does. RETURNING's order is unspecified: walk the input.
        const fresh = new Set((await prepared<{ epoch: number }>(target, epochInsertText(chunk.length), params)).map((r) => r.epoch));
        for (const r of chunk) if (fresh.delete(r.epoch)) inserted.push(r);
      }
      return inserted;
    },

    async insertSweepRuns(tx, items, now) {
      const target = pgTargetOf(tx);
      const out: RunRow[] = [];
      let keys: (keyof typeof RUN_COLUMNS)[] | null = null;
      for (let start = 0; start < items.length; start += SWEEP_INSERT_ROWS_PER_STATEMENT) {
        const chunk = items.slice(start, start + SWEEP_INSERT_ROWS_PER_STATEMENT);
        const params: unknown[] = [];
        for (const item of chunk) {
          const values: Record<string, unknown> = queuedRunValues(item, now);
          // Every row of a sweep has the same columns (see SweepRunInserter).
          keys ??= Object.keys(values).filter((k) => k in RUN_COLUMNS) as (keyof typeof RUN_COLUMNS)[];
          for (const key of keys) {
            const value = values[key];
            params.push(value === null || value === undefined ? null : RUN_COLUMNS[key].mapToDriverValue(value));
          }
        }
        const columns = (keys ?? []).map((k) => `"${RUN_COLUMNS[k].name}"`).join(", ");
        const text = `INSERT INTO runs (${columns}) VALUES ${placeholders(chunk.length, (keys ?? []).length)} RETURNING *`;
        for (const raw of await prepared(target, text, params)) out.push(toRunRow(raw));
      }
      return out;
    },

    async claimRun(tx, pick, { agentId, lease, now }) {
      const target = pgTargetOf(tx);
      const [row] =
        "runId" in pick
          ? await prepared<{ id: string }>(target, CLAIM_BY_ID, [agentId, lease, now, pick.runId])
          : await prepared<{ id: string }>(target, CLAIM_NEXT, [agentId, lease, now]);
      return row?.id;
    },

    async sweepPeersAt(tx, sweepId, runId, epoch) {
      return prepared<{ runId: string; best: number }>(pgTargetOf(tx), PEERS_AT, [sweepId, runId, epoch]);
    },

    async ownBestAt(tx, runId, epoch) {
      const [row] = await prepared<{ best: number | null }>(pgTargetOf(tx), OWN_BEST_AT, [runId, epoch]);
      return row?.best ?? null;
    },

    async lockSweepDecisions(tx, sweepId) {
      await prepared(pgTargetOf(tx), LOCK_SWEEP_DECISIONS, [SWEEP_DECISION_LOCK_CLASS, lockKeyOf(sweepId)]);
    },
  };
}
