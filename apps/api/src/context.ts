import { type AuthInfo } from "./auth";
import { type RunLoaders } from "./modules/run/run.loaders";
import { type Services } from "./modules/services";

/** The GraphQL context of every operation (HTTP and WebSocket). */
export interface GraftContext {
  services: Services;
  auth: AuthInfo;
  /** Per-operation batching of per-run fields (tags, epochs, ...), so a page of runs is not N+1 queries. */
  loaders: RunLoaders;
}
