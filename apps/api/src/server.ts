import "reflect-metadata";
import { createServer, type IncomingMessage } from "node:http";
import { join } from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express, { type RequestHandler } from "express";
import { getOperationAST, GraphQLError, parse } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { openDatabase } from "@graft/schema/db";
import { assertAllowed, authInfo, ensureToken } from "./auth";
import { type ApiConfig } from "./config/env";
import { type GraftContext } from "./context";
import { formatError } from "./errors";
import { imageHandler } from "./images";
import { complexityPlugin } from "./limits/complexity";
import { depthLimit } from "./limits/depth";
import { createRunLoaders } from "./modules/run/run.loaders";
import { createServices } from "./modules/services";
import { noStorePlugin } from "./plugins/no-store";
import { pubSub } from "./pubsub";
import { graftSchema } from "./schema";

/**
 * Runs `cors` only for requests that carry an Origin header (browsers). Agents and scripts send
 * none; for them cors would only compute, per request, the `Vary: Origin` header set here directly.
 */
function corsWhenCrossOrigin(corsMiddleware: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (req.headers.origin !== undefined || req.method === "OPTIONS") {
      corsMiddleware(req, res, next);
      return;
    }
    res.vary("Origin");
    next();
  };
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
 * Starts the API: SQLite (migrated) under `config.dataDir`, GraphQL over HTTP and WebSocket on
 * one port at /graphql, /healthz, dataset images, and the lease reaper. Port 0 picks a free port.
 */
export async function startServer(config: ApiConfig, options: { now?: () => number } = {}): Promise<RunningServer> {
  const { token, generated } = ensureToken(config.dataDir, config.token);
  const db = openDatabase(join(config.dataDir, "graft.db"));
  const services = createServices({ db, config, pubSub, now: options.now ?? Date.now });
  const schema = await graftSchema();

  const app = express();
  app.disable("x-powered-by");
  // No ETags: express hashed every GraphQL response body (SHA-1) for a header no client can use,
  // since every GraphQL response is cache-control: no-store (see plugins/no-store.ts) and POSTs are
  // never revalidated. It was a measurable share of logEpochs' per-request CPU.
  app.set("etag", false);
  const httpServer = createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: config.bodyLimitBytes });
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
      onSubscribe: (ctx, _id, payload) => {
        const header = ctx.connectionParams?.["authorization"] ?? ctx.connectionParams?.["Authorization"];
        const auth = authInfo(typeof header === "string" ? header : undefined, ctx.extra.request.socket.remoteAddress, token);
        let operation: "query" | "mutation" | "subscription" = "subscription";
        try {
          operation = getOperationAST(parse(payload.query), payload.operationName)?.operation ?? "subscription";
        } catch {
          // Unparsable: graphql-ws reports the syntax error itself; treat it as a read.
        }
        try {
          assertAllowed(operation, auth);
        } catch (e) {
          return [e instanceof GraphQLError ? e : new GraphQLError("Forbidden")];
        }
        return undefined;
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraftContext>({
    schema,
    csrfPrevention: true,
    formatError,
    validationRules: [depthLimit()],
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
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
      complexityPlugin(schema),
    ],
  });
  await apollo.start();

  const corsMiddleware = cors({ origin: config.webOrigins, credentials: false, maxAge: 600 });
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/datasets/:id/image", corsMiddleware, imageHandler(services, token));
  app.use(
    "/graphql",
    corsWhenCrossOrigin(corsMiddleware),
    express.json({ limit: config.bodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GraftContext> => ({
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

  // The reaper: expired leases go back to the queue (or fail) even when nobody claims.
  const reaper = setInterval(() => {
    try {
      services.leases.reap();
    } catch (e) {
      console.error("[graft-api] lease reaper failed:", e);
    }
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
        db.$client.close();
      })();
      return closing;
    },
  };
}
