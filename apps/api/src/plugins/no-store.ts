import { type ApolloServerPlugin } from "@apollo/server";

/**
 * Sends `cache-control: no-store` on every GraphQL response, as Apollo's default cache-control
 * plugin did for this schema (it declares no cache hints, so every response was uncacheable).
 * That plugin hooks `willResolveField`, which makes Apollo wrap every resolver of the schema and
 * run a callback per resolved field: on a 100-run page that was thousands of calls computing a
 * policy that could only ever be no-store. Pair with `ApolloServerPluginCacheControlDisabled()`.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          // Unconditional, like the default plugin: with a default max-age of 0 it overwrote any
          // parsable header a resolver had set with no-store too.
          response.http.headers.set("cache-control", "no-store");
        },
      };
    },
  };
}
