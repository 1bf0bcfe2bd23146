import { type IncomingMessage, type ServerResponse } from "node:http";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import { type GraphQLError } from "graphql";
import { drainRequest } from "./drain";
import { BodyError, NOT_JSON, readJsonBody } from "./json-body";

/** How long the rest of a refused body may take to arrive before the connection is closed on it. */
const DRAIN_TIMEOUT_MS = 10_000;

/** Options of {@link graphqlHandler}. */
export interface GraphqlHandlerOptions<TContext extends BaseContext> {
  /** Largest request body accepted, in bytes after decompression (413 above it). */
  bodyLimitBytes: number;
  /** Builds the context of one operation from its request. */
  context: (req: IncomingMessage) => Promise<TContext>;
  /**
   * Checks a query text before Apollo parses and validates it (the operation limits: tokens,
   * depth, field count); an error returned is answered as a 400 without calling Apollo.
   */
  checkQuery?: (query: string) => GraphQLError | null;
  /**
   * Most bytes of a body over the limit read and discarded so the client receives the 413
   * (default: 4 × `bodyLimitBytes`, at least 64 MiB); past it the connection is closed instead.
   */
  drainLimitBytes?: number;
}

/**
 * Serves Apollo Server on a plain `node:http` request: reads the JSON body, hands method, headers,
 * query string and body to `executeHTTPGraphQLRequest`, and writes its answer back. This is what
 * Apollo's express integration does, without express' router and body-parser in front: on
 * logEpochs (the API's hottest path) those cost more CPU per request than Apollo itself.
 * CSRF prevention, method checks, GET queries and error formatting stay Apollo's. A body that
 * cannot be read is answered here, in the GraphQL-over-HTTP error shape, naming the problem.
 */
export function graphqlHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: GraphqlHandlerOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => void {
  apollo.assertStarted("graphqlHandler()");
  return (req, res) => {
    serve(apollo, options, req, res).catch((e: unknown) => {
      // executeHTTPGraphQLRequest formats its own failures; reaching here is a bug or a broken socket.
      console.error("[graft-api] GraphQL HTTP handler failed:", e);
      if (!res.headersSent) sendError(res, 500, "Internal server error");
      else res.destroy();
    });
  };
}

async function serve<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: GraphqlHandlerOptions<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let body: unknown;
  if (req.method === "POST") {
    try {
      body = await readJsonBody(req, options.bodyLimitBytes);
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      // Answer only once the client has sent everything (up to a bound): see drain.ts.
      const drainLimit = options.drainLimitBytes ?? Math.max(64 * 1024 * 1024, 4 * options.bodyLimitBytes);
      // A Content-Length beyond the drain bound would only be read in vain: close at once.
      const declared = Number(req.headers["content-length"] ?? 0);
      const drained = e.status !== 413 || (declared <= drainLimit && (await drainRequest(req, drainLimit, DRAIN_TIMEOUT_MS)));
      sendError(res, e.status, e.message, drained ? undefined : { close: true });
      return;
    }
    if (body === NOT_JSON) body = undefined;
  } else {
    req.resume();
  }

  const url = req.url ?? "";
  const query = url.indexOf("?");
  const search = query === -1 ? "" : url.slice(query);
  const text = options.checkQuery ? queryText(req.method, body, search) : undefined;
  const problem = text === undefined ? null : (options.checkQuery?.(text) ?? null);
  if (problem) {
    sendGraphQLError(res, 400, problem);
    return;
  }

  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search, body },
    context: () => options.context(req),
  });

  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    res.setHeader("content-length", Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  // Incremental delivery (@defer): write each part as it comes.
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * The query text of a request as Apollo will read it: `query` of a JSON object body, or of the
 * URL for a GET. Undefined when there is none to check (batches, which Apollo refuses, or no query).
 */
function queryText(method: string | undefined, body: unknown, search: string): string | undefined {
  if (method === "GET") return new URLSearchParams(search).get("query") ?? undefined;
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const query = (body as { query?: unknown }).query;
  return typeof query === "string" ? query : undefined;
}

/** Answers with a GraphQL-over-HTTP error body: `{ errors: [{ message, extensions: { code } }] }`. */
function sendError(res: ServerResponse, status: number, message: string, options: { close?: boolean } = {}): void {
  const code = status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
  writeErrors(res, status, [{ message, extensions: { code } }], options.close ?? false);
}

/** Answers with one GraphQL error as formatError would show it (its extensions, no http internals). */
function sendGraphQLError(res: ServerResponse, status: number, error: GraphQLError): void {
  const { http: _http, ...extensions } = error.extensions;
  writeErrors(res, status, [{ message: error.message, extensions }], false);
}

function writeErrors(
  res: ServerResponse,
  status: number,
  errors: { message: string; extensions: Record<string, unknown> }[],
  close: boolean,
): void {
  const text = JSON.stringify({ errors });
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-length", Buffer.byteLength(text));
  // Only when a refused body was not drained (too long, too slow): the connection is unusable.
  if (close) res.setHeader("connection", "close");
  res.end(text);
}
