import { createClient, type FormattedExecutionResult } from "graphql-ws";
import WebSocket from "ws";
import { type GqlError } from "./client";

/** One result of an operation over graphql-ws. */
export type ExecutionResult = FormattedExecutionResult<Record<string, unknown>, unknown>;

/** What one operation over graphql-ws ended with: its results, or the errors it was refused with. */
export interface WsOutcome {
  results: ExecutionResult[];
  /** The GraphQL errors of an `error` message (a refused operation), if it got one. */
  errors: GqlError[] | null;
}

/**
 * Runs one operation (query, mutation or subscription) over graphql-ws on a fresh connection and
 * collects what comes back until it completes or is refused, within `timeoutMs`. The socket's
 * own failures (closed, never opened) reject.
 */
export async function overWs(
  httpUrl: string,
  query: string,
  options: {
    variables?: Record<string, unknown>;
    token?: string;
    timeoutMs?: number;
    until?: (results: ExecutionResult[]) => boolean;
  } = {},
): Promise<WsOutcome> {
  const client = createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  try {
    return await new Promise<WsOutcome>((resolve, reject) => {
      const results: ExecutionResult[] = [];
      const timer = setTimeout(
        () => reject(new Error(`no answer over graphql-ws in ${options.timeoutMs ?? 15_000} ms`)),
        options.timeoutMs ?? 15_000,
      );
      const done = (outcome: WsOutcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      const unsubscribe = client.subscribe(
        { query, variables: options.variables ?? {} },
        {
          next: (result) => {
            results.push(result);
            if (options.until?.(results)) {
              unsubscribe();
              done({ results, errors: null });
            }
          },
          error: (e: unknown) => {
            if (Array.isArray(e)) done({ results, errors: e as GqlError[] });
            else {
              clearTimeout(timer);
              reject(e instanceof Error ? e : new Error(`graphql-ws socket failed: ${JSON.stringify(e)}`));
            }
          },
          complete: () => done({ results, errors: null }),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/**
 * Sends one `subscribe` message over a raw graphql-transport-ws socket, its payload written as
 * given: for what a client's JSON.stringify cannot produce, like a number `1e999`. Resolves with
 * the first `next` or `error` message's payload.
 */
export function rawWsSubscribe(httpUrl: string, payloadJson: string, timeoutMs = 15_000): Promise<{ type: string; payload: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(httpUrl.replace(/^http/, "ws"), "graphql-transport-ws");
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no answer over the raw socket in ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: {} })));
    socket.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.on("message", (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
      if (message.type === "connection_ack") socket.send(`{"id":"1","type":"subscribe","payload":${payloadJson}}`);
      else if (message.type === "next" || message.type === "error") {
        clearTimeout(timer);
        socket.close();
        resolve({ type: message.type, payload: message.payload });
      }
    });
  });
}
