import { type GraftDb } from "@graft/schema/db";
import { type ApiConfig } from "../config/env";
import { type GraftPubSub } from "../pubsub";

/** What every service is built from. */
export interface ServiceDeps {
  db: GraftDb;
  config: ApiConfig;
  pubSub: GraftPubSub;
  /** Clock in ms; injectable so lease tests need not sleep longer than the lease. */
  now: () => number;
}
