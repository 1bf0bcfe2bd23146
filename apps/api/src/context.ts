import { type AuthInfo } from "./auth";
import { type Services } from "./modules/services";

/** The GraphQL context of every operation (HTTP and WebSocket). */
export interface GraftContext {
  services: Services;
  auth: AuthInfo;
}
