import "reflect-metadata";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import cors from "cors";
import express from "express";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { type GraftDb } from "@graft/schema/db";
import { assertAllowed, authInfo, ensureToken } from "./auth";
import { type ApiConfig } from "./config/env";
import { type GraftContext } from "./context";
import { type GraftDatabase } from "./db/database";
import { openGraftDatabase } from "./db/open";
import { createFormatError, storageStatusPlugin } from "./errors";
import { graphqlHandler } from "./http/graphql-handler";
import { imageHandler } from "./images";
import { datasetPixelsHandler, uploadPixelsHandler } from "./pixels";
import { checkpointFileHandler, modelZipHandler, uploadCheckpointHandler } from "./modules/checkpoint/checkpoint.http";
import { operationLimitsPlugin } from "./limits/apollo-plugin";
import { OperationLimits } from "./limits/operation-limits";
import { createRunLoaders } from "./modules/run/run.loaders";
import { changeRelay } from "./modules/change-relay";
import { createServices } from "./modules/services";
import { noStorePlugin } from "./plugins/no-store";
import { pubSub } from "./pubsub";
import { graftSchema } from "./schema";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Runs `cors` only for requests that carry an Origin header (browsers) and for preflights. Agents
 * and scripts send none; for them cors would only compute, per request, the `Vary: Origin` header
 * set here directly.
 */
function corsWhenCrossOrigin(corsMiddleware: ReturnType<typeof cors>, handler: NodeHandler): NodeHandler {
  return (req, res) => {
    if (req.headers.origin !== undefined || req.method === "OPTIONS") {
      corsMiddleware(req, res, () => handler(req, res));
      return;
    }
    res.setHeader("vary", "Origin");
    handler(req, res);
  };
}

/** The path of a request URL, without its query string. */
function pathOf(url: string | undefined): string {
  const q = (url ?? "/").indexOf("?");
  return q === -1 ? (url ?? "/") : (url as string).slice(0, q);
}

/** A running API server. */
export interface RunningServer {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  port: number;
  /** The bearer token mutations need. */
  token: string;
  /** Stops accepting work, drains requests and subscriptions, stops the reaper, closes the database. */
  close(): Promise<void>;
}

/**
 * Starts the API: its database (migrated; SQLite under `config.dataDir` or `GRAFT_DATABASE_URL`, see db/open.ts), GraphQL over HTTP and WebSocket on
 * one port at /graphql, /healthz, dataset images, and the lease reaper. Port 0 picks a free port.
 */
export async function startServer(
  config: ApiConfig,
  /**
   * Test hooks: `onDatabase` is given the SQLite connection (not called on PostgreSQL);
   * `onGraftDatabase` the opened database of either dialect, before any service uses it.
   */
  options: { now?: () => number; onDatabase?: (db: GraftDb) => void; onGraftDatabase?: (database: GraftDatabase) => void } = {},
): Promise<RunningServer> {
  const { token, generated } = ensureToken(config.dataDir, config.token);
  const database = await openGraftDatabase(config);
  // Test hook: connection-level settings such as PRAGMA max_page_count (a full disk on demand).
  if (database.sqlite) options.onDatabase?.(database.sqlite);
  options.onGraftDatabase?.(database);
  const services = createServices({ db: database.db, database, config, pubSub, now: options.now ?? Date.now });
  // What a crash left half done: checkpoint folders without a row, rows without their files.
  await services.checkpoints.reconcile();
  // Subscriptions here also see what other API processes on the same database write (PostgreSQL).
  const relay = changeRelay(services, pubSub);
  const stopListening = database.changes ? await database.changes.listen((changes) => relay.onChanges(changes)) : null;
  const schema = await graftSchema();

  const app = express();
  app.disable("x-powered-by");
  // /graphql is served by Apollo directly on node:http (see http/graphql-handler.ts); express
  // routes the rest (/healthz, dataset images). Assigned once Apollo has started.
  let graphql: NodeHandler | null = null;
  const httpServer = createServer((req, res) => {
    const path = pathOf(req.url);
    if (graphql && (path === "/graphql" || path === "/graphql/")) graphql(req, res);
    else app(req, res);
  });

  // One set of limits (tokens, depth, fields, complexity, finite numbers) for both transports.
  const limits = new OperationLimits(schema, database.rowCounts);

  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: config.bodyLimitBytes });
  const formatGraftError = createFormatError({
    dataDir: config.dataDir,
    onStorageFailure: (failure) => services.storage.recordFailure(failure),
  });
  const wsCleanup = useServer<Record<string, unknown> | undefined, { request: IncomingMessage }>(
    {
      schema,
      context: (ctx): GraftContext => {
        const header = ctx.connectionParams?.["authorization"] ?? ctx.connectionParams?.["Authorization"];
        return {
          services,
          auth: authInfo(typeof header === "string" ? header : undefined, ctx.extra.request.socket.remoteAddress, token),
          loaders: createRunLoaders(services),
        };
      },
      // Every operation over the socket (queries and mutations too, not only subscriptions) is
      // parsed, checked, validated and authorized here, by the same limits as HTTP; graphql-ws
      // then executes the document it is handed instead of parsing and validating on its own.
      onSubscribe: (ctx, _id, payload) => {
        const header = ctx.connectionParams?.["authorization"] ?? ctx.connectionParams?.["Authorization"];
        const auth = authInfo(typeof header === "string" ? header : undefined, ctx.extra.request.socket.remoteAddress, token);
        const checked = limits.prepare(payload, (operation) => assertAllowed(operation, auth));
        if (Array.isArray(checked)) return checked;
        return { schema, document: checked.document, operationName: payload.operationName, variableValues: payload.variables };
      },
      // Execution errors over the socket go through the same formatError as HTTP's: storage
      // failures arrive as STORAGE_UNAVAILABLE (and reach /healthz), internals stay masked.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length ? { ...result, errors: result.errors.map((e) => formatGraftError(e.toJSON(), e)) } : undefined,
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraftContext>({
    schema,
    csrfPrevention: true,
    // Set explicitly: Apollo's defaults depend on NODE_ENV. Introspection stays on because the
    // schema is public (committed as schema.graphql) and reads are guarded like any query:
    // open on loopback, token elsewhere.
    introspection: true,
    formatError: formatGraftError,
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      noStorePlugin(),
      storageStatusPlugin(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ operation, contextValue }) {
              assertAllowed(operation?.operation ?? "query", contextValue.auth);
            },
          };
        },
      },
      operationLimitsPlugin<GraftContext>(limits),
    ],
  });
  await apollo.start();

  const corsMiddleware = cors({ origin: config.webOrigins, credentials: false, maxAge: 600 });
  app.get("/healthz", async (_req, res) => {
    // Ready, and able to store what agents send: 503 while the database cannot take writes.
    const storage = await services.storage.check();
    if (storage.writable) res.json({ status: "ok", db: "writable" });
    else
      res.status(503).json({
        status: "unavailable",
        db: "unwritable",
        reason: storage.reason,
        cause: storage.failure.code,
        dataDir: config.dataDir,
        since: storage.since,
      });
  });
  app.get("/datasets/:id/image", corsMiddleware, imageHandler(services, token));
  app.get("/datasets/:id/pixels", corsMiddleware, datasetPixelsHandler(services, token));
  app.post("/pixels", corsMiddleware, uploadPixelsHandler(token));
  app.put("/runs/:id/checkpoint", uploadCheckpointHandler(services, token));
  app.get("/runs/:id/model.zip", corsMiddleware, modelZipHandler(services, token));
  app.get("/runs/:id/model/:file", corsMiddleware, checkpointFileHandler(services, token));
  graphql = corsWhenCrossOrigin(
    corsMiddleware,
    graphqlHandler(apollo, {
      bodyLimitBytes: config.bodyLimitBytes,
      checkQuery: (query) => limits.checkSource(query),
      context: async (req): Promise<GraftContext> => ({
        services,
        auth: authInfo(req.headers.authorization, req.socket.remoteAddress, token),
        loaders: createRunLoaders(services),
      }),
    }),
  );

  await new Promise<void>((resolveListen, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolveListen());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;

  // The reaper: expired leases go back to the queue (or fail) even when nobody claims. One pass at
  // a time: a pass still waiting for the write lock when the next tick comes is not doubled.
  let reaping: Promise<void> | null = null;
  const reaper = setInterval(() => {
    if (reaping) return;
    reaping = (async () => {
      // Refreshes what the reaper knows of the database (a remembered failure clears once a write
      // commits), so a past outage holds reaping back for one lease, not until /healthz is asked.
      await services.storage.check();
      await services.leases.reap();
      await services.testSets.reap();
    })()
      .catch((e: unknown) => console.error("[graft-api] lease reaper failed:", e))
      .finally(() => (reaping = null));
  }, config.reapIntervalMs);
  reaper.unref();

  const hostForUrl = config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${hostForUrl}:${port}/graphql`;
  if (generated && !config.quiet) {
    console.log(`Generated an API token (stored in ${join(config.dataDir, "api-token")}): ${token}`);
  }

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    token,
    close() {
      closing ??= (async () => {
        clearInterval(reaper);
        await apollo.stop();
        // A reaper pass under way finishes its transaction before the connection closes.
        await reaping;
        await stopListening?.();
        await relay.drained();
        await database.close();
      })();
      return closing;
    },
  };
}
