import { type ApolloServerPlugin } from "@apollo/server";
import { STORAGE_UNAVAILABLE } from "./storage";

/**
 * Answers HTTP 503 when a response carries a STORAGE_UNAVAILABLE error, so plain HTTP clients,
 * proxies and agents that only look at the status see "try again later" rather than a 200. The
 * status follows the formatted code: storage failures are mapped to that code once, in formatError,
 * which cannot set a status itself (Apollo takes it from the errors before formatting them).
 */
export function storageStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          if (response.body.singleResult.errors?.some((e) => e.extensions?.["code"] === STORAGE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set("retry-after", "5");
          }
        },
      };
    },
  };
}
