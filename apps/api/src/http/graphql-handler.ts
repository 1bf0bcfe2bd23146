import { type IncomingMessage, type ServerResponse } from "node:http";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import { BodyError, NOT_JSON, readJsonBody } from "./json-body";

/** Options of {@link graphqlHandler}. */
export interface GraphqlHandlerOptions<TContext extends BaseContext> {
  /** Largest request body accepted, in bytes after decompression (413 above it). */
  bodyLimitBytes: number;
  /** Builds the context of one operation from its request. */
  context: (req: IncomingMessage) => Promise<TContext>;
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

async function serve<TContext extends BaseContext>(apollo: ApolloServer<TContext>, options: GraphqlHandlerOptions<TContext>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: unknown;
  if (req.method === "POST") {
    try {
      body = await readJsonBody(req, options.bodyLimitBytes);
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      sendError(res, e.status, e.message);
      return;
    }
    if (body === NOT_JSON) body = undefined;
  } else {
    req.resume();
  }

  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: query === -1 ? "" : url.slice(query), body },
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

/** Answers with a GraphQL-over-HTTP error body: `{ errors: [{ message, extensions: { code } }] }`. */
function sendError(res: ServerResponse, status: number, message: string): void {
  const code = status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-length", Buffer.byteLength(text));
  // The client may still be sending a body we refused; close rather than read it all.
  if (status === 413) res.setHeader("connection", "close");
  res.end(text);
}
