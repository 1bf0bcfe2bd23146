import { type Db, type GraftDatabase } from "../db/database";
import { type ApiConfig } from "../config/env";
import { type GraftPubSub } from "../pubsub";

/** What every service is built from. */
export interface ServiceDeps {
  /** The handle for queries outside a write transaction (`database.db`). */
  db: Db;
  /** The open database: its dialect, transactions and raw statements. */
  database: GraftDatabase;
  config: ApiConfig;
  pubSub: GraftPubSub;
  /** Clock in ms; injectable so lease tests need not sleep longer than the lease. */
  now: () => number;
}
