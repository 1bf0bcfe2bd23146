import { type Db } from "./database";

/** What a committed write transaction changed, by id only: receivers read the rows themselves. */
export interface Changes {
  /** Runs whose state changed (runUpdated). */
  runIds: string[];
  /** Epochs stored, in the order they were logged (epochLogged). */
  epochs: { runId: string; epoch: number }[];
}

/**
 * Change notices between API processes sharing one database, so a subscription sees writes that
 * another process made. PostgreSQL: LISTEN/NOTIFY (db/pg/change-feed.ts); SQLite has no such
 * channel and its `GraftDatabase.changes` is null (subscriptions see their own process's writes).
 */
export interface ChangeFeed {
  /**
   * Queues a notice inside the write transaction `tx`: sent to the other processes when, and only
   * if, it commits.
   */
  notifyInTx(tx: Db, changes: Changes): Promise<void>;
  /**
   * Calls `onChanges` with each notice another process sends (never this process's own, which its
   * in-process pub/sub already delivered). Resolves once listening; the function it returns stops.
   */
  listen(onChanges: (changes: Changes) => void): Promise<() => Promise<void>>;
}
