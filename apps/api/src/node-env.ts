/**
 * Defaults NODE_ENV to "production" for the API process; imported first by the entry points
 * (src/main.ts, bench/index.ts), before anything loads graphql-js. graphql-js decides at load time
 * whether every `instanceof` check in its type predicates also runs its development-only check for
 * duplicate graphql modules; with 50-epoch logEpochs batches those predicates run thousands of
 * times per request. An explicit NODE_ENV (e.g. `NODE_ENV=development npm run dev`) is kept.
 * Apollo's NODE_ENV-dependent defaults (introspection, landing page) are set explicitly in
 * server.ts, so they do not change with it.
 */
process.env["NODE_ENV"] ??= "production";

export {};
