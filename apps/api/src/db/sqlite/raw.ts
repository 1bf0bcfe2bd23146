import { fillPlaceholders } from "drizzle-orm";
import { type GraftDb } from "@graft/schema/db";
import { EpochInserter } from "../../modules/epoch/epoch.insert";
import { SweepRunInserter } from "../../modules/sweep/sweep.insert";
import { type ClaimPick, type RawStatements } from "../raw-statements";
import { statementCacheFor } from "../statement-cache";

/** The claim: one UPDATE whose subselect picks the run and whose status guard makes it the only taker. */
const claimSql = (pick: string) =>
  `UPDATE runs SET status = 'RUNNING', agent_id = @agentId, attempts = attempts + 1, lease_expires_at = @lease,
     started_at = @now, stop_requested = NULL, error = NULL
   WHERE id = (${pick}) AND status = 'QUEUED' RETURNING id`;

/**
 * The raw statements on one better-sqlite3 connection, prepared once. Every handle a service passes
 * is that connection (a SQLite transaction is the connection itself, see SqliteTransactionRunner),
 * so the `db`/`tx` arguments only say where the statement runs and are not consulted.
 */
export function sqliteRawStatements(db: GraftDb): RawStatements {
  const client = db.$client;
  const cache = statementCacheFor(client);
  // logEpochs is the API's hottest write path: one multi-row INSERT per batch, statements reused.
  const epochs = new EpochInserter(client);
  const sweepRuns = new SweepRunInserter(client);
  // BEGIN IMMEDIATE (the runner's) already holds the write lock, so the subselect's pick cannot
  // be taken by another process between the SELECT and the UPDATE.
  const claimNext = client.prepare(claimSql("SELECT id FROM runs WHERE status = 'QUEUED' ORDER BY created_at, id LIMIT 1"));
  const claimById = client.prepare(claimSql("SELECT id FROM runs WHERE id = @runId AND status = 'QUEUED'"));
  const peersAt = client.prepare(
    `SELECT e.run_id AS runId, max(e.val_accuracy) AS best FROM epochs e JOIN runs r ON r.id = e.run_id
     WHERE r.sweep_id = @sweepId AND r.id <> @runId AND e.epoch <= @epoch
     GROUP BY e.run_id HAVING max(e.epoch) >= @epoch AND max(e.val_accuracy) IS NOT NULL`,
  );
  const ownBestAt = client.prepare("SELECT max(val_accuracy) AS best FROM epochs WHERE run_id = ? AND epoch <= ?");
  return {
    rows: async (_db, query) => cache.all(query),
    value: async (_db, query) => cache.value(query),
    reusable: (query) => {
      const { sql, params } = query.toSQL();
      const statement = client.prepare(sql);
      return async (_db, values) => statement.all(...fillPlaceholders(params, values)) as Record<string, unknown>[];
    },
    insertEpochs: (_tx, rows) => epochs.insert(rows),
    insertSweepRuns: (_tx, items, now) => sweepRuns.insert(items, now),
    claimRun: async (_tx, pick: ClaimPick, params) => {
      const row = ("runId" in pick ? claimById.get({ ...params, runId: pick.runId }) : claimNext.get(params)) as { id: string } | undefined;
      return row?.id;
    },
    sweepPeersAt: async (_tx, sweepId, runId, epoch) => peersAt.all({ sweepId, runId, epoch }) as { runId: string; best: number }[],
    ownBestAt: async (_tx, runId, epoch) => (ownBestAt.get([runId, epoch]) as { best: number | null }).best,
    // BEGIN IMMEDIATE already makes every write transaction run alone.
    lockSweepDecisions: async () => undefined,
  };
}
