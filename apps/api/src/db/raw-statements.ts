import { type EpochValues } from "../modules/epoch/epoch.insert";
import { type RunRow } from "../modules/run/run.mapper";
import { type NewRun } from "../modules/run/run.queued";
import { type Db } from "./database";
import { type RenderableQuery } from "./statement-cache";

/** Which run a claim takes: the oldest queued one, or a given one if it is still queued. */
export type ClaimPick = { next: true } | { runId: string };

/**
 * A query built once and run many times: drizzle renders it once, with `sql.placeholder(name)` where
 * the values go, and each call binds `values` by those names and runs it on `db` (a transaction's
 * `tx` or the database's own handle). Rows keyed by column name, as {@link RawStatements.rows}'.
 */
export type ReusableQuery = (db: Db, values: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** What a claim writes besides the pick. */
export interface ClaimParams {
  agentId: string;
  now: number;
  lease: number;
}

/**
 * The statements each dialect writes in its own SQL, because their shape is the point (the claim's
 * single `UPDATE … RETURNING`) or because they are the hot paths (multi-row inserts, the runs page
 * through a statement cache). Every one takes the handle it runs on: the transaction's `tx` inside
 * a write transaction (on PostgreSQL that is a separate connection), the database's `db` outside.
 * SQLite: db/sqlite/raw.ts; PostgreSQL: db/pg/raw.ts.
 */
export interface RawStatements {
  /** The rows of a drizzle query built on `db`, keyed by column name (not mapped to drizzle's row shape). */
  rows(db: Db, query: RenderableQuery): Promise<Record<string, unknown>[]>;
  /**
   * `query` (built on the database's own handle, with named placeholders) rendered once and kept
   * compiled: SQLite keeps the statement, PostgreSQL prepares it by name on each connection that
   * runs it. For the hot statements, where building the query each call cost more than running it.
   */
  reusable(query: RenderableQuery): ReusableQuery;
  /** The first column of the first row of a drizzle query built on `db` (a count, as a number). */
  value(db: Db, query: RenderableQuery): Promise<unknown>;
  /**
   * Inserts epochs, skipping (run, epoch) pairs already stored and repeats within `rows` (the first
   * wins); returns those inserted, in the order given.
   */
  insertEpochs(tx: Db, rows: readonly EpochValues[]): Promise<EpochValues[]>;
  /** Inserts a sweep's runs as QUEUED at `now`; returns the stored rows in order. */
  insertSweepRuns(tx: Db, items: readonly NewRun[], now: number): Promise<RunRow[]>;
  /**
   * Moves the picked run from QUEUED to RUNNING for `agentId` in one statement (a run another
   * transaction is claiming is never handed out twice); its id, or undefined when none was claimed.
   */
  claimRun(tx: Db, pick: ClaimPick, params: ClaimParams): Promise<string | undefined>;
  /** The best val accuracy, up to `epoch`, of each other run of the sweep that has reached `epoch`. */
  sweepPeersAt(tx: Db, sweepId: string, runId: string, epoch: number): Promise<{ runId: string; best: number }[]>;
  /** The run's own best val accuracy up to `epoch`. */
  ownBestAt(tx: Db, runId: string, epoch: number): Promise<number | null>;
  /**
   * Makes the sweep's early-termination decisions one at a time until `tx` ends: a decision reads
   * its peers' epochs, and two runs' transactions deciding side by side would each miss the other's
   * (see WriteScope). Nothing to do where write transactions never overlap (SQLite).
   */
  lockSweepDecisions(tx: Db, sweepId: string): Promise<void>;
}
